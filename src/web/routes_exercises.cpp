// mamori/web/routes_exercises.cpp
//
// Tabletop exercises (机上訓練, issue 9): the list of sessions and scenarios,
// starting a session (date, scenario, facilitator, participants), its
// overview and finishing it. The scenes and the result are in
// routes_exercise_scenes.cpp, the firm's scenarios in
// routes_exercise_scenarios.cpp; the rules live in app/exercises.
#include "app/exercise_scenarios.hpp"
#include "app/selfcheck_views.hpp"
#include "web/exercise_pages.hpp"
#include "web/register_pages.hpp"
#include "web/route_table.hpp"

#include <sstream>

namespace mamori::web {
namespace {

using namespace exercise_pages;

const char *DoneKey(const std::string &done) {
	if (done == "saved") {
		return "web_exercises.scenario_saved";
	}
	if (done == "finished") {
		return "web_exercises.finished_notice";
	}
	return nullptr;
}

void ShowList(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto exercises = app::ListExercises(web.ctx(), access);
	auto scenarios = app::ListScenarios(web.ctx(), access, request.locale);
	if (!exercises || !scenarios) {
		return web.SendErrorPage(request, !exercises ? exercises.error() : scenarios.error());
	}
	Json rows = Json::array();
	for (const auto &exercise : *exercises) {
		rows.push_back({{"href", ExerciseHref(access, exercise.id)},
		                {"held_on", exercise.held_on},
		                {"title", exercise.title},
		                {"facilitator", exercise.facilitator_name},
		                {"finished", exercise.finished_at.has_value()}});
	}
	Json scenario_rows = Json::array();
	for (const auto &scenario : *scenarios) {
		scenario_rows.push_back(
		    {{"title", scenario.title},
		     {"firm", scenario.firm},
		     {"builtin_id", scenario.firm ? "" : scenario.key.substr(8)},
		     {"href", scenario.firm ? Base(access) + "/scenarios/" + std::to_string(scenario.firm_id) : ""}});
	}
	const char *done = DoneKey(request.Param("done"));
	Json model = {{"base", Base(access)},
	              {"incidents", "/orgs/" + std::to_string(access.org.id) + "/incidents"},
	              {"can_edit", access.CanEdit()},
	              {"exercises", rows},
	              {"empty", rows.empty()},
	              {"scenarios", scenario_rows},
	              {"notice", done == nullptr ? Json(false) : Json(web.Text(request, done))}};
	web.SendHtml(request, 200, web.RenderPage(request, "exercises", model, "web_exercises.title.list", access));
}

app::ExerciseInput ReadForm(const Request &request) {
	app::ExerciseInput input;
	input.held_on = app::TrimSpaces(request.Param("held_on"));
	input.scenario_key = request.Param("scenario");
	input.facilitator_id = WebApp::ParseId(request.Param("facilitator")).value_or(0);
	for (const std::string &member : request.Values("member")) {
		// A value that is not an id becomes 0, which is no member: refused.
		input.member_ids.push_back(WebApp::ParseId(member).value_or(0));
	}
	std::istringstream lines(request.Param("outsiders"));
	for (std::string line; std::getline(lines, line);) {
		line = app::TrimSpaces(line);
		if (!line.empty()) {
			input.outsiders.push_back(line);
		}
	}
	return input;
}

void RenderNew(WebApp &web, Request &request, const app::OrgAccess &access, const app::ExerciseInput &input,
               const std::string &outsiders, const std::optional<Error> &error) {
	auto members = web.ctx().store.ListMembers(access.org.id);
	auto scenarios = app::ListScenarios(web.ctx(), access, request.locale);
	if (!members || !scenarios) {
		return web.SendErrorPage(request, !members ? members.error() : scenarios.error());
	}
	Json scenario_options = Json::array();
	for (const auto &scenario : *scenarios) {
		scenario_options.push_back(
		    {{"key", scenario.key}, {"title", scenario.title}, {"selected", scenario.key == input.scenario_key}});
	}
	Json member_rows = Json::array();
	for (const auto &member : *members) {
		const bool ticked = std::find(input.member_ids.begin(), input.member_ids.end(), member.user_id) !=
		                    input.member_ids.end();
		member_rows.push_back({{"id", member.user_id},
		                       {"name", member.display_name.empty() ? member.email : member.display_name},
		                       {"facilitator", member.user_id == input.facilitator_id},
		                       {"ticked", ticked}});
	}
	Json model = {{"base", Base(access)},
	              {"action", Base(access) + "/new"},
	              {"held_on", input.held_on},
	              {"scenarios", scenario_options},
	              {"members", member_rows},
	              {"outsiders", outsiders}};
	if (error) {
		register_pages::AddError(model, *error);
		model["error_" + error->field] = web.Describe(request, *error);
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "exercise_new", model, "web_exercises.title.new", access));
}

void ShowNew(WebApp &web, Request &request, const app::OrgAccess &access) {
	app::ExerciseInput input;
	input.held_on = web.ctx().clock.NowIso().substr(0, 10);
	input.facilitator_id = access.membership.user_id;
	RenderNew(web, request, access, input, "", std::nullopt);
}

void Create(WebApp &web, Request &request, const app::OrgAccess &access) {
	const app::ExerciseInput input = ReadForm(request);
	auto created = app::CreateExercise(web.ctx(), request.actor(), access, input);
	if (!created) {
		if (created.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, created.error());
		}
		return RenderNew(web, request, access, input, request.Param("outsiders"), created.error());
	}
	web.Redirect(request, SceneHref(access, *created, 1));
}

void ShowExercise(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto record = LoadExercise(web, request, access);
	if (!record) {
		return;
	}
	const Id id = record->exercise.id;
	Json scenes = Json::array();
	for (size_t i = 0; i < record->scenario.scenes.size(); ++i) {
		const auto &scene = record->scenario.scenes[i];
		scenes.push_back({{"href", SceneHref(access, id, i + 1)},
		                  {"number", i + 1},
		                  {"title", scene.title.In(request.locale)},
		                  {"decision", scene.decision.has_value()}});
	}
	Json participants = Json::array();
	for (const auto &p : record->participants) {
		participants.push_back({{"name", p.name}, {"outsider", !p.user_id.has_value()}});
	}
	Json model = {{"base", Base(access)},
	              {"title", record->scenario.title.In(request.locale)},
	              {"summary", record->scenario.summary.In(request.locale)},
	              {"source", record->scenario.source_document.In(request.locale) + " " +
	                             record->scenario.source_location.In(request.locale)},
	              {"held_on", record->exercise.held_on},
	              {"facilitator", record->exercise.facilitator_name},
	              {"participants", participants},
	              {"scenes", scenes},
	              {"finished", record->finished()},
	              {"can_finish", access.CanEdit() && !record->finished()},
	              {"finish_action", ExerciseHref(access, id) + "/finish"},
	              {"result", ExerciseHref(access, id) + "/result"}};
	web.SendHtml(request, 200, web.RenderPage(request, "exercise", model, "web_exercises.title.exercise", access));
}

void Finish(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto record = LoadExercise(web, request, access);
	if (!record) {
		return;
	}
	if (auto done = app::FinishExercise(web.ctx(), request.actor(), access, record->exercise.id); !done) {
		return web.SendErrorPage(request, done.error());
	}
	web.Redirect(request, ExerciseHref(access, record->exercise.id) + "/result");
}

} // namespace

RouteTable ExerciseRoutes() {
	return {
	    {Method::kGet, R"(/orgs/(\d+)/exercises)", OrgMember(), ShowList},
	    {Method::kGet, R"(/orgs/(\d+)/exercises/new)", OrgEditor(), ShowNew},
	    {Method::kPost, R"(/orgs/(\d+)/exercises/new)", OrgEditor(), Create},
	    {Method::kGet, R"(/orgs/(\d+)/exercises/(\d+))", OrgMember(), ShowExercise},
	    {Method::kPost, R"(/orgs/(\d+)/exercises/(\d+)/finish)", OrgEditor(), Finish},
	};
}

} // namespace mamori::web
