// mamori/web/routes_exercise_scenes.cpp
//
// Walking a tabletop exercise scene by scene (one scene per screen, for a
// phone or a meeting-room projector), recording each participant's choice at
// a decision point (a fieldset with a radio group per participant), and the
// result: the choices beside what the firm's manual calls for.
#include "app/exercise_scenarios.hpp"
#include "app/exercises.hpp"
#include "web/exercise_pages.hpp"
#include "web/register_pages.hpp"
#include "web/route_table.hpp"

#include <charconv>

namespace mamori::web {
namespace {

using namespace exercise_pages;

//! The scene of path capture 3 (numbered from 1), or nullopt.
std::optional<size_t> SceneIndex(const Request &request, const app::ExerciseRecord &record) {
	const std::string text = request.http.matches[3];
	size_t number = 0;
	auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
	if (ec != std::errc() || end != text.data() + text.size() || number < 1 ||
	    number > record.scenario.scenes.size()) {
		return std::nullopt;
	}
	return number - 1;
}

Json DecisionModel(const Request &request, const app::ExerciseRecord &record, const incident::ExerciseDecision &decision,
                   const std::map<Id, std::string> &posted) {
	const Locale locale = request.locale;
	bool any_recorded = false;
	Json participants = Json::array();
	for (const auto &p : record.participants) {
		const auto posted_choice = posted.find(p.id);
		const std::string chosen =
		    posted_choice != posted.end() ? posted_choice->second : record.ChoiceOf(p.id, decision.id);
		any_recorded = any_recorded || !record.ChoiceOf(p.id, decision.id).empty();
		Json options = Json::array();
		std::string chosen_label;
		for (const auto &option : decision.options) {
			options.push_back({{"id", option.id},
			                   {"input_id", "choice-" + std::to_string(p.id) + "-" + option.id},
			                   {"label", option.label.In(locale)},
			                   {"checked", option.id == chosen}});
			if (option.id == chosen) {
				chosen_label = option.label.In(locale);
			}
		}
		participants.push_back({{"field", "choice-" + std::to_string(p.id)},
		                        {"name", p.name},
		                        {"options", options},
		                        {"chosen", chosen_label}});
	}
	Json explanations = Json::array();
	for (const auto &option : decision.options) {
		explanations.push_back({{"label", option.label.In(locale)}, {"text", option.explanation.In(locale)}});
	}
	return {{"id", decision.id},
	        {"question", decision.question.In(locale)},
	        {"participants", participants},
	        {"explanations", explanations},
	        {"recorded", any_recorded || record.finished()}};
}

void RenderScene(WebApp &web, Request &request, const app::OrgAccess &access, const app::ExerciseRecord &record,
                 size_t index, const std::map<Id, std::string> &posted, const std::optional<Error> &error) {
	const auto &scene = record.scenario.scenes[index];
	const Id id = record.exercise.id;
	const size_t count = record.scenario.scenes.size();
	Json model = {{"exercise", ExerciseHref(access, id)},
	              {"exercise_title", record.scenario.title.In(request.locale)},
	              {"number", index + 1},
	              {"count", count},
	              {"title", scene.title.In(request.locale)},
	              {"story", scene.story.In(request.locale)},
	              {"action", SceneHref(access, id, index + 1)},
	              {"can_record", access.CanEdit() && !record.finished()},
	              {"previous", index > 0 ? Json(SceneHref(access, id, index)) : Json(false)},
	              {"next", index + 1 < count ? Json(SceneHref(access, id, index + 2)) : Json(false)},
	              {"result", ExerciseHref(access, id) + "/result"},
	              {"notice", request.Param("recorded") == "1"}};
	if (scene.decision) {
		model["decision"] = DecisionModel(request, record, *scene.decision, posted);
	}
	if (error) {
		register_pages::AddError(model, *error);
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "exercise_scene", model, "web_exercises.title.scene", access));
}

void ShowScene(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto record = LoadExercise(web, request, access);
	if (!record) {
		return;
	}
	const auto index = SceneIndex(request, *record);
	if (!index) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "app_exercises.scene_not_found"));
	}
	RenderScene(web, request, access, *record, *index, {}, std::nullopt);
}

void RecordScene(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto record = LoadExercise(web, request, access);
	if (!record) {
		return;
	}
	const auto index = SceneIndex(request, *record);
	if (!index || !record->scenario.scenes[*index].decision) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "app_exercises.scene_not_found"));
	}
	const auto &decision = *record->scenario.scenes[*index].decision;
	std::map<Id, std::string> choices;
	for (const auto &p : record->participants) {
		const std::string field = "choice-" + std::to_string(p.id);
		if (const std::string option = request.Param(field); !option.empty()) {
			choices[p.id] = option;
		}
	}
	auto recorded = app::RecordChoices(web.ctx(), request.actor(), access, record->exercise.id, decision.id, choices);
	if (!recorded) {
		if (recorded.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, recorded.error());
		}
		return RenderScene(web, request, access, *record, *index, choices, recorded.error());
	}
	web.Redirect(request, SceneHref(access, record->exercise.id, *index + 1) + "?recorded=1");
}

Json ResultModel(Request &request, const app::ExerciseRecord &record,
                 const incident::ExerciseComparison &comparison) {
	const Locale locale = request.locale;
	auto name_of = [&](std::int64_t participant_id) {
		for (const auto &p : record.participants) {
			if (p.id == participant_id) {
				return p.name;
			}
		}
		return std::string();
	};
	Json decisions = Json::array();
	for (const auto &decision : comparison.decisions) {
		Json options = Json::array();
		for (const auto &option : decision.options) {
			Json steps = Json::array();
			for (const auto *step : option.steps) {
				steps.push_back({{"title", step->title}, {"text", step->text}});
			}
			options.push_back({{"label", option.option->label.In(locale)},
			                   {"called_for", option.called_for},
			                   {"has_steps", !option.steps.empty()},
			                   {"steps", steps},
			                   {"explanation", option.option->explanation.In(locale)}});
		}
		Json choices = Json::array();
		for (const auto &choice : decision.choices) {
			choices.push_back({{"name", name_of(choice.participant_id)},
			                   {"answered", choice.option != nullptr},
			                   {"option", choice.option != nullptr ? choice.option->label.In(locale) : ""},
			                   {"agrees", choice.agrees}});
		}
		decisions.push_back({{"scene", decision.scene->title.In(locale)},
		                     {"question", decision.decision->question.In(locale)},
		                     {"options", options},
		                     {"choices", choices},
		                     {"agreeing", decision.agreeing},
		                     {"answered", decision.answered}});
	}
	Json participants = Json::array();
	for (const auto &p : comparison.participants) {
		participants.push_back({{"name", name_of(p.participant_id)},
		                        {"agreeing", p.agreeing},
		                        {"answered", p.answered},
		                        {"total", comparison.decision_count}});
	}
	return {{"decisions", decisions}, {"participants", participants}};
}

void ShowResult(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto record = LoadExercise(web, request, access);
	if (!record) {
		return;
	}
	auto manual = app::ExerciseManual(web.ctx(), access, request.locale);
	if (!manual) {
		return web.SendErrorPage(request, manual.error());
	}
	const auto comparison = app::CompareExercise(*record, manual->procedures);
	Json model = ResultModel(request, *record, comparison);
	model["exercise"] = ExerciseHref(access, record->exercise.id);
	model["title"] = record->scenario.title.In(request.locale);
	model["held_on"] = record->exercise.held_on;
	model["facilitator"] = record->exercise.facilitator_name;
	model["finished"] = record->finished();
	web.SendHtml(request, 200, web.RenderPage(request, "exercise_result", model, "web_exercises.title.result", access));
}

} // namespace

RouteTable ExerciseSceneRoutes() {
	return {
	    {Method::kGet, R"(/orgs/(\d+)/exercises/(\d+)/scenes/(\d+))", OrgMember(), ShowScene},
	    {Method::kPost, R"(/orgs/(\d+)/exercises/(\d+)/scenes/(\d+))", OrgEditor(), RecordScene},
	    {Method::kGet, R"(/orgs/(\d+)/exercises/(\d+)/result)", OrgMember(), ShowResult},
	};
}

} // namespace mamori::web
