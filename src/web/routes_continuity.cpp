// mamori/web/routes_continuity.cpp
//
// 事業継続 (IT-BCP, issue 9): the five IT-BCP steps from the content as
// guidance, then the firm's systems in restoration order; the add/edit form
// and deletion after a confirmation. The rules live in app/continuity.
#include "app/continuity.hpp"
#include "app/incident_help.hpp"
#include "app/selfcheck_views.hpp"
#include "web/register_pages.hpp"
#include "web/route_table.hpp"

#include <charconv>

namespace mamori::web {
namespace {

using namespace register_pages;

std::string Base(const app::OrgAccess &access) { return "/orgs/" + std::to_string(access.org.id) + "/continuity"; }

//! The priority as typed; anything but a whole number becomes 0, which the
//! app layer refuses naming the field.
int ParsePriority(const std::string &text) {
	int value = 0;
	auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
	return ec == std::errc() && end == text.data() + text.size() ? value : 0;
}

storage::ContinuitySystem ReadForm(const Request &request, storage::ContinuitySystem system) {
	system.name = app::TrimSpaces(request.Param("name"));
	system.business = app::TrimSpaces(request.Param("business"));
	system.priority = ParsePriority(app::TrimSpaces(request.Param("priority")));
	system.target_time = app::TrimSpaces(request.Param("target_time"));
	system.resources = app::TrimSpaces(request.Param("resources"));
	system.fallback = app::TrimSpaces(request.Param("fallback"));
	system.owner = app::TrimSpaces(request.Param("owner"));
	return system;
}

void RenderForm(WebApp &web, Request &request, const app::OrgAccess &access, const storage::ContinuitySystem &system,
                const std::string &priority_text, bool is_new, const std::optional<Error> &error) {
	const PageText words{web, request};
	Json texts = Json::array({
	    TextField(words, "name", "web_continuity.name", "web_continuity.name_hint", system.name, true, false, error),
	    TextField(words, "priority", "web_continuity.priority", "web_continuity.priority_hint", priority_text, true, false,
	              error),
	    TextField(words, "business", "web_continuity.business", "web_continuity.business_hint", system.business, false,
	              false, error),
	    TextField(words, "target_time", "web_continuity.target_time", "web_continuity.target_time_hint",
	              system.target_time, false, false, error),
	    TextField(words, "resources", "web_continuity.resources", "web_continuity.resources_hint", system.resources,
	              false, true, error),
	    TextField(words, "fallback", "web_continuity.fallback", "web_continuity.fallback_hint", system.fallback, false,
	              true, error),
	    TextField(words, "owner", "web_continuity.owner", "", system.owner, false, false, error),
	});
	Json model = {{"base", Base(access)},
	              {"action", is_new ? Base(access) + "/new" : Base(access) + "/" + std::to_string(system.id) + "/edit"},
	              {"is_new", is_new},
	              {"texts", texts}};
	if (error) {
		AddError(model, *error);
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "continuity_form", model,
	                            is_new ? "web_continuity.title.new" : "web_continuity.title.edit", access));
}

std::optional<storage::ContinuitySystem> Load(WebApp &web, Request &request, const app::OrgAccess &access) {
	const auto id = WebApp::ParseId(request.http.matches[2]);
	auto system = id ? app::GetContinuitySystem(web.ctx(), access, *id)
	                 : Result<storage::ContinuitySystem>(Error::Make(ErrorCode::kNotFound, "app_continuity.not_found"));
	if (!system) {
		web.SendErrorPage(request, system.error());
		return std::nullopt;
	}
	return *system;
}

const char *DoneKey(const std::string &done) {
	if (done == "created") {
		return "web_continuity.created";
	}
	if (done == "updated") {
		return "web_continuity.updated";
	}
	if (done == "deleted") {
		return "web_continuity.deleted";
	}
	if (done == "environment") {
		return "web_continuity.environment.saved";
	}
	return nullptr;
}

//! The IT environment box: a form for editors, the values for others.
Json EnvironmentModel(const PageText &words, const app::OrgAccess &access, const storage::ItEnvironment &environment,
                      const std::optional<Error> &error) {
	Json texts = Json::array({
	    TextField(words, "operating_systems", "web_continuity.environment.operating_systems",
	              "web_continuity.environment.operating_systems_hint", environment.operating_systems, false, true,
	              error),
	    TextField(words, "security_software", "web_continuity.environment.security_software",
	              "web_continuity.environment.security_software_hint", environment.security_software, false, true,
	              error),
	});
	return {{"texts", texts}, {"action", Base(access) + "/environment"}};
}

void RenderList(WebApp &web, Request &request, const app::OrgAccess &access,
                const std::optional<storage::ItEnvironment> &typed, const std::optional<Error> &error) {
	auto environment = typed ? Result<storage::ItEnvironment>(*typed) : app::LoadItEnvironment(web.ctx(), access);
	if (!environment) {
		return web.SendErrorPage(request, environment.error());
	}
	auto systems = app::ListContinuitySystems(web.ctx(), access);
	if (!systems) {
		return web.SendErrorPage(request, systems.error());
	}
	const auto &procedures = web.Content(request).incident.procedures;
	Json steps = Json::array();
	for (const auto &step : procedures.continuity_steps) {
		steps.push_back({{"title", step.title}, {"text", step.text}});
	}
	Json rows = Json::array();
	for (const auto &system : *systems) {
		rows.push_back({{"id", system.id},
		                {"name", system.name},
		                {"priority", system.priority},
		                {"business", system.business},
		                {"target_time", system.target_time},
		                {"resources", system.resources},
		                {"fallback", system.fallback},
		                {"owner", system.owner},
		                {"edit", Base(access) + "/" + std::to_string(system.id) + "/edit"},
		                {"delete", Base(access) + "/" + std::to_string(system.id) + "/delete"}});
	}
	const std::string org = "/orgs/" + std::to_string(access.org.id);
	const char *done = DoneKey(request.Param("done"));
	Json model = {{"base", Base(access)},
	              {"documents", org + "/documents"},
	              {"manual", org + "/documents/incident_manual"},
	              {"note", procedures.continuity_note},
	              {"steps", steps},
	              {"can_edit", access.CanEdit()},
	              {"systems", rows},
	              {"empty", rows.empty()},
	              {"notice", done == nullptr ? Json(false) : Json(web.Text(request, done))},
	              {"environment", EnvironmentModel(PageText{web, request}, access, *environment, error)}};
	if (error) {
		AddError(model, *error);
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "continuity", model, "web_continuity.title.list", access));
}

void ShowList(WebApp &web, Request &request, const app::OrgAccess &access) {
	RenderList(web, request, access, std::nullopt, std::nullopt);
}

void SaveEnvironment(WebApp &web, Request &request, const app::OrgAccess &access) {
	storage::ItEnvironment environment;
	environment.operating_systems = app::TrimSpaces(request.Param("operating_systems"));
	environment.security_software = app::TrimSpaces(request.Param("security_software"));
	if (auto saved = app::SaveItEnvironment(web.ctx(), request.actor(), access, environment); !saved) {
		if (saved.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, saved.error());
		}
		return RenderList(web, request, access, environment, saved.error());
	}
	web.Redirect(request, Base(access) + "?done=environment#environment");
}

void ShowNew(WebApp &web, Request &request, const app::OrgAccess &access) {
	RenderForm(web, request, access, storage::ContinuitySystem{}, "", true, std::nullopt);
}

void Create(WebApp &web, Request &request, const app::OrgAccess &access) {
	const storage::ContinuitySystem system = ReadForm(request, storage::ContinuitySystem{});
	auto created = app::CreateContinuitySystem(web.ctx(), request.actor(), access, system);
	if (!created) {
		if (created.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, created.error());
		}
		return RenderForm(web, request, access, system, request.Param("priority"), true, created.error());
	}
	web.Redirect(request, Base(access) + "?done=created");
}

void ShowEdit(WebApp &web, Request &request, const app::OrgAccess &access) {
	if (auto system = Load(web, request, access)) {
		RenderForm(web, request, access, *system, std::to_string(system->priority), false, std::nullopt);
	}
}

void Update(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto existing = Load(web, request, access);
	if (!existing) {
		return;
	}
	const storage::ContinuitySystem system = ReadForm(request, *existing);
	if (auto updated = app::UpdateContinuitySystem(web.ctx(), request.actor(), access, system); !updated) {
		if (updated.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, updated.error());
		}
		return RenderForm(web, request, access, system, request.Param("priority"), false, updated.error());
	}
	web.Redirect(request, Base(access) + "?done=updated");
}

void ShowDelete(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto system = Load(web, request, access);
	if (!system) {
		return;
	}
	Json model = {{"base", Base(access)},
	              {"action", Base(access) + "/" + std::to_string(system->id) + "/delete"},
	              {"name", system->name},
	              {"priority", system->priority},
	              {"business", system->business}};
	web.SendHtml(request, 200, web.RenderPage(request, "continuity_delete", model, "web_continuity.title.delete", access));
}

void Delete(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto system = Load(web, request, access);
	if (!system) {
		return;
	}
	if (auto deleted = app::DeleteContinuitySystem(web.ctx(), request.actor(), access, system->id); !deleted) {
		return web.SendErrorPage(request, deleted.error());
	}
	web.Redirect(request, Base(access) + "?done=deleted");
}

} // namespace

RouteTable ContinuityRoutes() {
	const std::string refusal = "web_documents.staff_only";
	return {
	    {Method::kGet, R"(/orgs/(\d+)/continuity)", OrgStaff(refusal), ShowList},
	    {Method::kGet, R"(/orgs/(\d+)/continuity/new)", OrgEditor(), ShowNew},
	    {Method::kPost, R"(/orgs/(\d+)/continuity/environment)", OrgEditor(), SaveEnvironment},
	    {Method::kPost, R"(/orgs/(\d+)/continuity/new)", OrgEditor(), Create},
	    {Method::kGet, R"(/orgs/(\d+)/continuity/(\d+)/edit)", OrgEditor(), ShowEdit},
	    {Method::kPost, R"(/orgs/(\d+)/continuity/(\d+)/edit)", OrgEditor(), Update},
	    {Method::kGet, R"(/orgs/(\d+)/continuity/(\d+)/delete)", OrgEditor(), ShowDelete},
	    {Method::kPost, R"(/orgs/(\d+)/continuity/(\d+)/delete)", OrgEditor(), Delete},
	};
}

} // namespace mamori::web
