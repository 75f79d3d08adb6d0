// mamori/web/routes_incident_lessons.cpp
//
// Lessons learned (issue 9): one form that re-rates the threats an incident
// showed to be real and corrects the 対策状況チェック answers that guard
// against them; one submit applies all of it (app/incident_lessons). This
// file only translates HTTP.
#include "app/incident_lessons.hpp"
#include "web/incident_routes.hpp"
#include "web/register_pages.hpp"

#include <charconv>

namespace mamori::web::incident_pages {
namespace {

using register_pages::AddError;

std::optional<Id> IncidentIdOf(const Request &request) { return WebApp::ParseId(request.http.matches[2]); }

//! A whole number, or 0 (which every scale refuses, naming the field).
int ParseValue(const std::string &text) {
	int value = 0;
	auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
	return ec == std::errc() && end == text.data() + text.size() ? value : 0;
}

Json Choices(const std::vector<ScaleLabel> &labels, int selected) {
	Json choices = Json::array();
	for (const auto &label : labels) {
		choices.push_back({{"value", label.value}, {"label", label.label}, {"selected", label.value == selected}});
	}
	return choices;
}

void RenderLessons(WebApp &web, Request &request, const app::OrgAccess &access, Id incident_id,
                   const app::LessonChanges &typed, const std::optional<Error> &error) {
	const Catalog &content = web.Content(request);
	auto options = app::LessonOptionsFor(web.ctx(), request.actor(), access, incident_id, content);
	if (!options) {
		return web.SendErrorPage(request, options.error());
	}
	const RiskCatalog &risk = access.EditionOf(content).risk_catalog;
	Json threats = Json::array();
	for (const auto &option : options->threats) {
		auto chosen = typed.frequencies.find(option.threat->id);
		const int selected = chosen == typed.frequencies.end() ? option.frequency : chosen->second;
		threats.push_back({{"id", option.threat->id},
		                   {"medium", option.medium},
		                   {"name", option.threat->name},
		                   {"current", option.frequency},
		                   {"choices", Choices(risk.frequency_labels, selected)}});
	}
	Json checks = Json::array();
	for (const auto &option : options->checks) {
		auto chosen = typed.answers.find(option.item->id);
		const int selected = chosen == typed.answers.end() ? option.answer : chosen->second;
		checks.push_back({{"id", option.item->id},
		                  {"text", option.item->text},
		                  {"unanswered", option.answer == 0},
		                  {"none_selected", selected == 0},
		                  {"choices", Choices(risk.check_answer_labels, selected)}});
	}
	const std::string href = IncidentBase(access) + "/" + std::to_string(incident_id);
	const std::string org = "/orgs/" + std::to_string(access.org.id);
	Json model = {{"incident", href},
	              {"action", href + "/lessons"},
	              {"can_edit", access.CanEdit()},
	              {"threats", threats},
	              {"checks", checks},
	              {"applied", request.Param("done") == "applied"},
	              {"risk_results", org + "/risk/results"},
	              {"risk_check", org + "/risk/check"}};
	if (error) {
		AddError(model, *error);
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "incident_lessons", model, "web_incident_lessons.title", access));
}

} // namespace

void ShowLessons(WebApp &web, Request &request, const app::OrgAccess &access) {
	const auto id = IncidentIdOf(request);
	if (!id) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "app_incidents.not_found"));
	}
	RenderLessons(web, request, access, *id, {}, std::nullopt);
}

void ApplyLessons(WebApp &web, Request &request, const app::OrgAccess &access) {
	const auto id = IncidentIdOf(request);
	if (!id) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "app_incidents.not_found"));
	}
	auto options = app::LessonOptionsFor(web.ctx(), request.actor(), access, *id, web.Content(request));
	if (!options) {
		return web.SendErrorPage(request, options.error());
	}
	// Only the offered rows are read; a row left empty (an unanswered item) stays as it is.
	app::LessonChanges changes;
	for (const auto &option : options->threats) {
		if (const std::string value = request.Param("frequency." + option.threat->id); !value.empty()) {
			changes.frequencies[option.threat->id] = ParseValue(value);
		}
	}
	for (const auto &option : options->checks) {
		if (const std::string value = request.Param("answer." + option.item->id); !value.empty()) {
			changes.answers[option.item->id] = ParseValue(value);
		}
	}
	const app::DocumentWords words{web.messages(), request.locale};
	auto applied = app::ApplyLessons(web.ctx(), request.actor(), access, *id, changes, words);
	if (!applied) {
		if (applied.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, applied.error());
		}
		return RenderLessons(web, request, access, *id, changes, applied.error());
	}
	web.Redirect(request, IncidentBase(access) + "/" + std::to_string(*id) + "/lessons?done=applied");
}

} // namespace mamori::web::incident_pages
