// mamori/web/routes_partners.cpp
//
// The register of outsourcing partners (委託管理, issue 8): the list with
// each partner's 機密保持条項 and 委託先チェックリスト and their states, the
// add/edit form (with the register's assets handed over) and deletion after
// a confirmation. The rules live in app/partners; this file only
// translates HTTP.
#include "app/documents/subject_documents.hpp"
#include "app/partners.hpp"
#include "app/risk_service.hpp"
#include "app/selfcheck_views.hpp"
#include "web/form_dates.hpp"
#include "web/register_pages.hpp"
#include "web/route_table.hpp"

namespace mamori::web {
namespace {

using namespace register_pages;

std::string Base(const app::OrgAccess &access) { return "/orgs/" + std::to_string(access.org.id) + "/partners"; }

storage::OutsourcingPartner ReadForm(const Request &request, storage::OutsourcingPartner partner) {
	partner.name = app::TrimSpaces(request.Param("name"));
	partner.contact = app::TrimSpaces(request.Param("contact"));
	partner.work = app::TrimSpaces(request.Param("work"));
	partner.information = app::TrimSpaces(request.Param("information"));
	partner.contract_start = app::TrimSpaces(request.Param("contract_start"));
	partner.contract_end = app::TrimSpaces(request.Param("contract_end"));
	partner.asset_ids = TickedAssets(request);
	return partner;
}

void RenderForm(WebApp &web, Request &request, const app::OrgAccess &access, const storage::OutsourcingPartner &partner,
                bool is_new, const std::optional<Error> &error) {
	const PageText words{web, request};
	auto assets = app::ListAssets(web.ctx(), access);
	if (!assets) {
		return web.SendErrorPage(request, assets.error());
	}
	Json texts = Json::array({
	    TextField(words, "name", "web_partners.partner.name", "web_partners.partner.name_hint", partner.name, true, false, error),
	    TextField(words, "contact", "web_partners.partner.contact", "web_partners.partner.contact_hint", partner.contact, false,
	              true, error),
	    TextField(words, "work", "web_partners.partner.work", "web_partners.partner.work_hint", partner.work, false, true, error),
	    TextField(words, "information", "web_partners.partner.information", "web_partners.partner.information_hint",
	              partner.information, false, true, error),
	});
	Json dates = Json::array({
	    DateField(words, "contract_start", "web_partners.partner.contract_start", "web_partners.date_hint",
	              partner.contract_start, error),
	    DateField(words, "contract_end", "web_partners.partner.contract_end", "web_partners.date_hint", partner.contract_end,
	              error),
	});
	Json model = {{"base", Base(access)},
	              {"action", is_new ? Base(access) + "/new" : Base(access) + "/" + std::to_string(partner.id) + "/edit"},
	              {"is_new", is_new},
	              {"name", partner.name},
	              {"texts", texts},
	              {"dates", dates},
	              {"assets", AssetChoices(*assets, partner.asset_ids)},
	              {"has_assets", !assets->empty()},
	              {"assets_legend", words("web_partners.partner.assets")},
	              {"assets_hint", words("web_partners.partner.assets_hint")},
	              {"no_assets", words("web_partners.partner.no_assets")},
	              {"register", "/orgs/" + std::to_string(access.org.id) + "/risk/assets"},
	              {"assets_error", error && error->field == "asset_ids" ? Json(words.Describe(*error)) : Json(false)}};
	if (error) {
		AddError(model, *error);
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "document_partner_form", model,
	                            is_new ? "web_partners.title.new" : "web_partners.title.edit", access));
}

//! The partner named by the path, or a 404 page (also for another organisation's).
std::optional<storage::OutsourcingPartner> Load(WebApp &web, Request &request, const app::OrgAccess &access) {
	const auto id = WebApp::ParseId(request.http.matches[2]);
	auto partner = id ? app::GetPartner(web.ctx(), access, *id)
	                  : Result<storage::OutsourcingPartner>(Error::Make(ErrorCode::kNotFound, "app_partners.partner.not_found"));
	if (!partner) {
		web.SendErrorPage(request, partner.error());
		return std::nullopt;
	}
	return *partner;
}

const char *DoneKey(const std::string &done) {
	if (done == "created") {
		return "web_partners.partner.created";
	}
	if (done == "updated") {
		return "web_partners.partner.updated";
	}
	if (done == "deleted") {
		return "web_partners.partner.deleted";
	}
	return nullptr;
}

void ShowList(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto partners = app::ListPartners(web.ctx(), access);
	if (!partners) {
		return web.SendErrorPage(request, partners.error());
	}
	Json rows = Json::array();
	for (const auto &partner : *partners) {
		const std::string subject = app::PartnerSubject(partner.id);
		std::string period;
		if (!partner.contract_start.empty() || !partner.contract_end.empty()) {
			period = web.Text(request, "web_partners.partner.period",
			                  {{"start", FormatDate(web.messages(), request.locale, partner.contract_start, false)},
			                   {"end", FormatDate(web.messages(), request.locale, partner.contract_end, false)}});
		}
		rows.push_back({{"id", partner.id},
		                {"name", partner.name},
		                {"work", partner.work},
		                {"period", period},
		                {"asset_count", partner.asset_ids.size()},
		                {"nda", SubjectDocument(web, request, access, "outsourcing_nda", subject)},
		                {"checklist", SubjectDocument(web, request, access, "outsourcing_checklist", subject)},
		                {"edit", Base(access) + "/" + std::to_string(partner.id) + "/edit"},
		                {"delete", Base(access) + "/" + std::to_string(partner.id) + "/delete"}});
	}
	const char *done = DoneKey(request.Param("done"));
	Json model = {{"base", Base(access)},
	              {"documents", "/orgs/" + std::to_string(access.org.id) + "/documents"},
	              {"nda_view", "/orgs/" + std::to_string(access.org.id) + "/documents/outsourcing_nda"},
	              {"can_edit", access.CanEdit()},
	              {"partners", rows},
	              {"empty", rows.empty()},
	              {"notice", done == nullptr ? Json(false) : Json(web.Text(request, done))}};
	web.SendHtml(request, 200, web.RenderPage(request, "document_partners", model, "web_partners.title.list", access));
}

void ShowNew(WebApp &web, Request &request, const app::OrgAccess &access) {
	RenderForm(web, request, access, storage::OutsourcingPartner{}, true, std::nullopt);
}

void Create(WebApp &web, Request &request, const app::OrgAccess &access) {
	const storage::OutsourcingPartner partner = ReadForm(request, storage::OutsourcingPartner{});
	auto created = app::CreatePartner(web.ctx(), request.actor(), access, partner);
	if (!created) {
		if (created.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, created.error());
		}
		return RenderForm(web, request, access, partner, true, created.error());
	}
	web.Redirect(request, Base(access) + "?done=created");
}

void ShowEdit(WebApp &web, Request &request, const app::OrgAccess &access) {
	if (auto partner = Load(web, request, access)) {
		RenderForm(web, request, access, *partner, false, std::nullopt);
	}
}

void Update(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto existing = Load(web, request, access);
	if (!existing) {
		return;
	}
	const storage::OutsourcingPartner partner = ReadForm(request, *existing);
	if (auto updated = app::UpdatePartner(web.ctx(), request.actor(), access, partner); !updated) {
		if (updated.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, updated.error());
		}
		return RenderForm(web, request, access, partner, false, updated.error());
	}
	web.Redirect(request, Base(access) + "?done=updated");
}

void ShowDelete(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto partner = Load(web, request, access);
	if (!partner) {
		return;
	}
	Json model = {{"base", Base(access)},
	              {"action", Base(access) + "/" + std::to_string(partner->id) + "/delete"},
	              {"name", partner->name},
	              {"work", partner->work}};
	web.SendHtml(request, 200, web.RenderPage(request, "document_partner_delete", model, "web_partners.title.delete", access));
}

void Delete(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto partner = Load(web, request, access);
	if (!partner) {
		return;
	}
	if (auto deleted = app::DeletePartner(web.ctx(), request.actor(), access, partner->id); !deleted) {
		return web.SendErrorPage(request, deleted.error());
	}
	web.Redirect(request, Base(access) + "?done=deleted");
}

} // namespace

RouteTable PartnerRoutes() {
	const std::string refusal = "web_documents.staff_only";
	return {
	    {Method::kGet, R"(/orgs/(\d+)/partners)", OrgStaff(refusal), ShowList},
	    {Method::kGet, R"(/orgs/(\d+)/partners/new)", OrgEditor(), ShowNew},
	    {Method::kPost, R"(/orgs/(\d+)/partners/new)", OrgEditor(), Create},
	    {Method::kGet, R"(/orgs/(\d+)/partners/(\d+)/edit)", OrgEditor(), ShowEdit},
	    {Method::kPost, R"(/orgs/(\d+)/partners/(\d+)/edit)", OrgEditor(), Update},
	    {Method::kGet, R"(/orgs/(\d+)/partners/(\d+)/delete)", OrgEditor(), ShowDelete},
	    {Method::kPost, R"(/orgs/(\d+)/partners/(\d+)/delete)", OrgEditor(), Delete},
	};
}

} // namespace mamori::web
