// mamori/web/routes_cloud_services.cpp
//
// The cloud services the firm uses (クラウドサービス安全利用, issue 8): the
// list with each service's 15-item checklist and its state, the add/edit
// form with the register's 社外サービス assets to tick, and deletion after a
// confirmation. The rules live in app/cloud_services.
#include "app/cloud_services.hpp"
#include "app/documents/subject_documents.hpp"
#include "app/selfcheck_views.hpp"
#include "web/register_pages.hpp"
#include "web/route_table.hpp"

#include <algorithm>

namespace mamori::web {
namespace {

using namespace register_pages;

std::string Base(const app::OrgAccess &access) { return "/orgs/" + std::to_string(access.org.id) + "/cloud-services"; }

storage::CloudService ReadForm(const Request &request, storage::CloudService service) {
	service.name = app::TrimSpaces(request.Param("name"));
	service.provider = app::TrimSpaces(request.Param("provider"));
	service.purpose = app::TrimSpaces(request.Param("purpose"));
	service.administrator = app::TrimSpaces(request.Param("administrator"));
	service.note = app::TrimSpaces(request.Param("note"));
	service.asset_ids = TickedAssets(request);
	return service;
}

void RenderForm(WebApp &web, Request &request, const app::OrgAccess &access, const storage::CloudService &service,
                bool is_new, const std::optional<Error> &error) {
	const PageText words{web, request};
	auto assets = app::CloudAssets(web.ctx(), access);
	if (!assets) {
		return web.SendErrorPage(request, assets.error());
	}
	Json texts = Json::array({
	    TextField(words, "name", "web_partners.service.name", "web_partners.service.name_hint", service.name, true, false, error),
	    TextField(words, "provider", "web_partners.service.provider", "", service.provider, false, false, error),
	    TextField(words, "purpose", "web_partners.service.purpose", "web_partners.service.purpose_hint", service.purpose, false,
	              true, error),
	    TextField(words, "administrator", "web_partners.service.administrator", "web_partners.service.administrator_hint",
	              service.administrator, false, false, error),
	    TextField(words, "note", "web_partners.service.note", "", service.note, false, true, error),
	});
	Json model = {{"base", Base(access)},
	              {"action", is_new ? Base(access) + "/new" : Base(access) + "/" + std::to_string(service.id) + "/edit"},
	              {"is_new", is_new},
	              {"name", service.name},
	              {"texts", texts},
	              {"assets", AssetChoices(*assets, service.asset_ids)},
	              {"has_assets", !assets->empty()},
	              {"assets_legend", words("web_partners.service.assets")},
	              {"assets_hint", words("web_partners.service.assets_hint")},
	              {"no_assets", words("web_partners.service.no_assets")},
	              {"register", "/orgs/" + std::to_string(access.org.id) + "/risk/assets"},
	              {"assets_error", error && error->field == "asset_ids" ? Json(words.Describe(*error)) : Json(false)}};
	if (error) {
		AddError(model, *error);
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "document_cloud_service_form", model,
	                            is_new ? "web_partners.title.service_new" : "web_partners.title.service_edit", access));
}

std::optional<storage::CloudService> Load(WebApp &web, Request &request, const app::OrgAccess &access) {
	const auto id = WebApp::ParseId(request.http.matches[2]);
	auto service = id ? app::GetCloudService(web.ctx(), access, *id)
	                  : Result<storage::CloudService>(Error::Make(ErrorCode::kNotFound, "app_partners.service.not_found"));
	if (!service) {
		web.SendErrorPage(request, service.error());
		return std::nullopt;
	}
	return *service;
}

const char *DoneKey(const std::string &done) {
	if (done == "created") {
		return "web_partners.service.created";
	}
	if (done == "updated") {
		return "web_partners.service.updated";
	}
	if (done == "deleted") {
		return "web_partners.service.deleted";
	}
	return nullptr;
}

void ShowList(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto services = app::ListCloudServices(web.ctx(), access);
	auto assets = app::CloudAssets(web.ctx(), access);
	if (!services || !assets) {
		return web.SendErrorPage(request, !services ? services.error() : assets.error());
	}
	Json rows = Json::array();
	for (const auto &service : *services) {
		Json stored = Json::array();
		for (const auto &asset : *assets) {
			if (std::find(service.asset_ids.begin(), service.asset_ids.end(), asset.id) != service.asset_ids.end()) {
				stored.push_back(asset.name);
			}
		}
		rows.push_back({{"id", service.id},
		                {"name", service.name},
		                {"provider", service.provider},
		                {"assets", stored},
		                {"checklist", SubjectDocument(web, request, access, "cloud_checklist", app::ServiceSubject(service.id))},
		                {"edit", Base(access) + "/" + std::to_string(service.id) + "/edit"},
		                {"delete", Base(access) + "/" + std::to_string(service.id) + "/delete"}});
	}
	const char *done = DoneKey(request.Param("done"));
	Json model = {{"base", Base(access)},
	              {"documents", "/orgs/" + std::to_string(access.org.id) + "/documents"},
	              {"checklist_view", "/orgs/" + std::to_string(access.org.id) + "/documents/cloud_checklist"},
	              {"can_edit", access.CanEdit()},
	              {"services", rows},
	              {"empty", rows.empty()},
	              {"notice", done == nullptr ? Json(false) : Json(web.Text(request, done))}};
	web.SendHtml(request, 200, web.RenderPage(request, "document_cloud_services", model, "web_partners.title.services", access));
}

void ShowNew(WebApp &web, Request &request, const app::OrgAccess &access) {
	RenderForm(web, request, access, storage::CloudService{}, true, std::nullopt);
}

void Create(WebApp &web, Request &request, const app::OrgAccess &access) {
	const storage::CloudService service = ReadForm(request, storage::CloudService{});
	auto created = app::CreateCloudService(web.ctx(), request.actor(), access, service);
	if (!created) {
		if (created.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, created.error());
		}
		return RenderForm(web, request, access, service, true, created.error());
	}
	web.Redirect(request, Base(access) + "?done=created");
}

void ShowEdit(WebApp &web, Request &request, const app::OrgAccess &access) {
	if (auto service = Load(web, request, access)) {
		RenderForm(web, request, access, *service, false, std::nullopt);
	}
}

void Update(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto existing = Load(web, request, access);
	if (!existing) {
		return;
	}
	const storage::CloudService service = ReadForm(request, *existing);
	if (auto updated = app::UpdateCloudService(web.ctx(), request.actor(), access, service); !updated) {
		if (updated.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, updated.error());
		}
		return RenderForm(web, request, access, service, false, updated.error());
	}
	web.Redirect(request, Base(access) + "?done=updated");
}

void ShowDelete(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto service = Load(web, request, access);
	if (!service) {
		return;
	}
	Json model = {{"base", Base(access)},
	              {"action", Base(access) + "/" + std::to_string(service->id) + "/delete"},
	              {"name", service->name},
	              {"provider", service->provider}};
	web.SendHtml(request, 200,
	             web.RenderPage(request, "document_cloud_service_delete", model, "web_partners.title.service_delete", access));
}

void Delete(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto service = Load(web, request, access);
	if (!service) {
		return;
	}
	if (auto deleted = app::DeleteCloudService(web.ctx(), request.actor(), access, service->id); !deleted) {
		return web.SendErrorPage(request, deleted.error());
	}
	web.Redirect(request, Base(access) + "?done=deleted");
}

} // namespace

RouteTable CloudServiceRoutes() {
	const std::string refusal = "web_documents.staff_only";
	return {
	    {Method::kGet, R"(/orgs/(\d+)/cloud-services)", OrgStaff(refusal), ShowList},
	    {Method::kGet, R"(/orgs/(\d+)/cloud-services/new)", OrgEditor(), ShowNew},
	    {Method::kPost, R"(/orgs/(\d+)/cloud-services/new)", OrgEditor(), Create},
	    {Method::kGet, R"(/orgs/(\d+)/cloud-services/(\d+)/edit)", OrgEditor(), ShowEdit},
	    {Method::kPost, R"(/orgs/(\d+)/cloud-services/(\d+)/edit)", OrgEditor(), Update},
	    {Method::kGet, R"(/orgs/(\d+)/cloud-services/(\d+)/delete)", OrgEditor(), ShowDelete},
	    {Method::kPost, R"(/orgs/(\d+)/cloud-services/(\d+)/delete)", OrgEditor(), Delete},
	};
}

} // namespace mamori::web
