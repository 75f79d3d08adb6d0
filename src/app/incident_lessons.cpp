// mamori/app/incident_lessons.cpp
#include "app/incident_lessons.hpp"

#include "app/audit.hpp"
#include "app/incidents.hpp"
#include "app/risk_service.hpp"

#include <algorithm>

namespace mamori::app {
namespace {

bool GuardsAny(const CheckItem &item, const std::vector<LessonThreat> &threats) {
	return std::any_of(threats.begin(), threats.end(), [&](const LessonThreat &threat) {
		return std::find(item.threats.begin(), item.threats.end(), threat.threat->id) != item.threats.end();
	});
}

std::string ScaleText(const std::vector<ScaleLabel> &labels, int value) {
	for (const auto &label : labels) {
		if (label.value == value) {
			return label.label;
		}
	}
	return std::to_string(value);
}

} // namespace

Result<LessonOptions> LessonOptionsFor(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id incident_id,
                                       const Catalog &content) {
	auto incident = MAMORI_TRY(GetIncident(ctx, actor, access, incident_id));
	if (!SeesAllIncidents(access)) {
		return Error::Make(ErrorCode::kForbidden, "app_incident_lessons.not_allowed");
	}
	const incident::IncidentKind *kind =
	    incident.kind ? content.incident.procedures.FindKind(*incident.kind) : nullptr;
	if (kind == nullptr) {
		return Error::Invalid("kind", "app_incidents.not_classified");
	}
	const RiskCatalog &risk = access.EditionOf(content).risk_catalog;
	const auto frequencies = MAMORI_TRY(LoadFrequencies(ctx, access));
	const auto answers = MAMORI_TRY(LoadAnswers(ctx, access, false));
	LessonOptions options;
	for (const auto &medium : risk.media) {
		for (const auto &threat : medium.threats) {
			if (std::find(kind->threats.begin(), kind->threats.end(), threat.id) == kind->threats.end()) {
				continue;
			}
			auto stored = frequencies.find(threat.id);
			options.threats.push_back(LessonThreat{.threat = &threat,
			                                       .medium = medium.name,
			                                       .frequency = stored == frequencies.end() ? threat.default_frequency
			                                                                                : stored->second});
		}
	}
	for (const auto &item : risk.check_items) {
		if (GuardsAny(item, options.threats)) {
			auto stored = answers.find(item.id);
			options.checks.push_back(
			    LessonCheck{.item = &item, .answer = stored == answers.end() ? 0 : static_cast<int>(stored->second)});
		}
	}
	return options;
}

Result<int> ApplyLessons(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id incident_id,
                         const LessonChanges &changes, const DocumentWords &words) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	// The summary on the timeline names threats in the language it is written in.
	const Catalog &content = ctx.catalogs == nullptr ? ctx.catalog : ctx.catalogs->In(words.locale);
	const LessonOptions options = MAMORI_TRY(LessonOptionsFor(ctx, actor, access, incident_id, content));
	const RiskCatalog &risk = access.EditionOf(content).risk_catalog;
	const RiskScale &scale = access.EditionOf(content).risk_scale;

	std::vector<std::string> lines;
	std::vector<std::pair<std::string, int>> frequency_changes;
	for (const auto &[id, value] : changes.frequencies) {
		auto option = std::find_if(options.threats.begin(), options.threats.end(),
		                           [&](const LessonThreat &threat) { return threat.threat->id == id; });
		if (option == options.threats.end()) {
			return Error::Invalid("frequency." + id, "app_incident_lessons.threat_not_offered");
		}
		if (value < scale.threat_min || value > scale.threat_max) {
			return Error::Invalid("frequency." + id, "app_risk.frequency_choose");
		}
		if (value != option->frequency) {
			frequency_changes.emplace_back(id, value);
			lines.push_back(words("app_incident_lessons.changed_threat",
			                      {{"name", option->medium + " / " + option->threat->name},
			                       {"from", std::to_string(option->frequency)},
			                       {"to", std::to_string(value)}}));
		}
	}
	std::vector<std::pair<std::string, int>> answer_changes;
	for (const auto &[id, value] : changes.answers) {
		auto option = std::find_if(options.checks.begin(), options.checks.end(),
		                           [&](const LessonCheck &check) { return check.item->id == id; });
		if (option == options.checks.end()) {
			return Error::Invalid("answer." + id, "app_incident_lessons.check_not_offered");
		}
		if (!CheckAnswerFromInt(value)) {
			return Error::Invalid("answer." + id, "app_risk.answer_choose");
		}
		if (value != option->answer) {
			answer_changes.emplace_back(id, value);
			lines.push_back(words("app_incident_lessons.changed_check",
			                      {{"id", id},
			                       {"from", option->answer == 0 ? words("app_incident_lessons.unanswered")
			                                                    : ScaleText(risk.check_answer_labels, option->answer)},
			                       {"to", ScaleText(risk.check_answer_labels, value)}}));
		}
	}
	if (lines.empty()) {
		return Error::Invalid("lessons", "app_incident_lessons.nothing_changed");
	}
	std::string text = words("app_incident_lessons.summary");
	for (const auto &line : lines) {
		text += "\n" + line;
	}
	storage::IncidentEvent event;
	event.incident_id = incident_id;
	event.at = ctx.clock.NowIso();
	event.user_id = actor.user_id;
	event.type = "lessons_applied";
	event.text = text;
	MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
		for (const auto &[id, value] : frequency_changes) {
			MAMORI_TRY(SetThreatFrequency(ctx, actor, access, id, value));
		}
		for (const auto &[id, value] : answer_changes) {
			MAMORI_TRY(SetControlAnswer(ctx, actor, access, id, value, false));
		}
		MAMORI_TRY(ctx.store.AddIncidentEvent(access.org.id, event));
		return Audit(ctx, access.org.id, actor.user_id, "incident.lessons_applied",
		             "incident:" + std::to_string(incident_id),
		             {{"threats", frequency_changes.size()}, {"checks", answer_changes.size()}});
	}));
	return static_cast<int>(lines.size());
}

} // namespace mamori::app
