// mamori/web/routes_exercise_scenarios.cpp
//
// A firm's own exercise scenarios (issue 9): copying a built-in one, then
// editing its YAML in a text area (multipart: a scenario is larger than the
// 8 KiB a URL-encoded body may be). An invalid text is shown again with the
// entry at fault and nothing is saved. Editors edit; other roles read it.
#include "app/exercise_scenarios.hpp"
#include "web/exercise_pages.hpp"
#include "web/register_pages.hpp"
#include "web/route_table.hpp"

namespace mamori::web {
namespace {

using namespace exercise_pages;

std::string ScenarioHref(const app::OrgAccess &access, Id id) {
	return Base(access) + "/scenarios/" + std::to_string(id);
}

void RenderScenario(WebApp &web, Request &request, const app::OrgAccess &access,
                    const storage::FirmScenario &scenario, const std::string &yaml, const std::optional<Error> &error) {
	Json model = {{"base", Base(access)},
	              {"action", ScenarioHref(access, scenario.id)},
	              {"title", scenario.title},
	              {"based_on", scenario.based_on},
	              {"yaml", yaml},
	              {"can_edit", access.CanEdit()},
	              {"error", error ? Json(web.Describe(request, *error)) : Json(false)}};
	if (error) {
		register_pages::AddError(model, *error);
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "exercise_scenario", model, "web_exercises.title.scenario", access));
}

std::optional<storage::FirmScenario> Load(WebApp &web, Request &request, const app::OrgAccess &access) {
	const auto id = WebApp::ParseId(request.http.matches[2]);
	auto scenario = id ? app::GetFirmScenario(web.ctx(), access, *id)
	                   : Result<storage::FirmScenario>(
	                         Error::Make(ErrorCode::kNotFound, "app_exercises.scenario_not_found"));
	if (!scenario) {
		web.SendErrorPage(request, scenario.error());
		return std::nullopt;
	}
	return *scenario;
}

void ShowScenario(WebApp &web, Request &request, const app::OrgAccess &access) {
	if (auto scenario = Load(web, request, access)) {
		RenderScenario(web, request, access, *scenario, scenario->yaml, std::nullopt);
	}
}

void SaveScenario(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto scenario = Load(web, request, access);
	if (!scenario) {
		return;
	}
	const std::string yaml = request.Param("yaml");
	if (auto saved = app::SaveFirmScenario(web.ctx(), request.actor(), access, scenario->id, yaml); !saved) {
		if (saved.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, saved.error());
		}
		return RenderScenario(web, request, access, *scenario, yaml, saved.error());
	}
	web.Redirect(request, Base(access) + "?done=saved");
}

void Copy(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto copied = app::CopyBuiltinScenario(web.ctx(), request.actor(), access, request.Param("scenario"));
	if (!copied) {
		return web.SendErrorPage(request, copied.error());
	}
	web.Redirect(request, ScenarioHref(access, *copied));
}

} // namespace

RouteTable ExerciseScenarioRoutes() {
	return {
	    {Method::kPost, R"(/orgs/(\d+)/exercises/scenarios/copy)", OrgEditor(), Copy},
	    {Method::kGet, R"(/orgs/(\d+)/exercises/scenarios/(\d+))", OrgMember(), ShowScenario},
	    {Method::kPost, R"(/orgs/(\d+)/exercises/scenarios/(\d+))", OrgEditor(), SaveScenario},
	};
}

} // namespace mamori::web
