// mamori/app/incident_procedures.cpp
#include "app/incident_procedures.hpp"

#include "app/audit.hpp"
#include "app/register_text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace mamori::app {
namespace {

constexpr size_t kMaxStepTitle = 200;
constexpr size_t kMaxStepText = 2000;
constexpr size_t kMaxStepId = 40;

bool ValidStepId(const std::string &id) {
	return !id.empty() && id.size() <= kMaxStepId && std::all_of(id.begin(), id.end(), [](char c) {
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
	});
}

nlohmann::json StepsToJson(const std::vector<incident::ProcedureStep> &steps) {
	nlohmann::json list = nlohmann::json::array();
	for (const auto &step : steps) {
		list.push_back({{"id", step.id},
		                {"actor", step.actor},
		                {"title", step.title},
		                {"text", step.text},
		                {"evidence", step.evidence},
		                {"isolation", step.isolation}});
	}
	return list;
}

//! Stored steps; an unreadable row (never written by this code) counts as
//! no adaptation rather than taking the incident pages down.
std::optional<std::vector<incident::ProcedureStep>> StepsFromJson(const std::string &text) {
	auto list = nlohmann::json::parse(text, nullptr, false);
	if (!list.is_array() || list.empty()) {
		return std::nullopt;
	}
	std::vector<incident::ProcedureStep> steps;
	for (const auto &item : list) {
		if (!item.is_object() || !item.value("id", nlohmann::json()).is_string()) {
			return std::nullopt;
		}
		steps.push_back(incident::ProcedureStep{.id = item.value("id", ""),
		                                        .actor = item.value("actor", ""),
		                                        .title = item.value("title", ""),
		                                        .text = item.value("text", ""),
		                                        .evidence = item.value("evidence", false),
		                                        .isolation = item.value("isolation", false)});
	}
	return steps;
}


Status CheckSteps(const Catalog &content, std::vector<incident::ProcedureStep> &steps) {
	if (steps.empty() || steps.size() > kMaxProcedureSteps) {
		return Error::Invalid("steps", "app_incident_procedures.steps_count",
		                      {{"max", std::to_string(kMaxProcedureSteps)}});
	}
	std::set<std::string> ids;
	for (const auto &step : steps) {
		if (!step.id.empty()) {
			if (!ValidStepId(step.id) || !ids.insert(step.id).second) {
				return Error::Invalid("steps", "app_incident_procedures.step_id_invalid", {{"id", step.id}});
			}
		}
	}
	int fresh = 0;
	for (size_t i = 0; i < steps.size(); ++i) {
		auto &step = steps[i];
		const std::string n = std::to_string(i + 1);
		if (register_text::Blank(step.title)) {
			return Error::Invalid("title." + n, "app_incident_procedures.title_required", {{"n", n}});
		}
		if (step.title.size() > kMaxStepTitle) {
			return Error::Invalid("title." + n, "app_incident_procedures.title_too_long",
			                      {{"n", n}, {"max", std::to_string(kMaxStepTitle)}});
		}
		if (register_text::Blank(step.text)) {
			return Error::Invalid("text." + n, "app_incident_procedures.text_required", {{"n", n}});
		}
		if (step.text.size() > kMaxStepText) {
			return Error::Invalid("text." + n, "app_incident_procedures.text_too_long",
			                      {{"n", n}, {"max", std::to_string(kMaxStepText)}});
		}
		if (content.incident.procedures.FindActor(step.actor) == nullptr) {
			return Error::Invalid("actor." + n, "app_incident_procedures.actor_unknown", {{"n", n}});
		}
		while (step.id.empty()) {
			const std::string candidate = "firm-" + std::to_string(++fresh);
			if (ids.insert(candidate).second) {
				step.id = candidate;
			}
		}
	}
	return OkStatus();
}

Status RequireEditor(const OrgAccess &access) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	return OkStatus();
}

} // namespace

const incident::Procedure *FindProcedure(const incident::IncidentProcedures &procedures, const std::string &kind,
                                         const std::string &levels) {
	const incident::IncidentKind *found = procedures.FindKind(kind);
	if (found == nullptr) {
		return nullptr;
	}
	for (const auto &procedure : found->procedures) {
		if (incident::LevelsKey(procedure.levels) == levels) {
			return &procedure;
		}
	}
	return nullptr;
}

Result<incident::IncidentRules> FirmIncidentRules(AppContext &ctx, const OrgAccess &access, const Catalog &content) {
	incident::IncidentRules rules = content.incident;
	for (const auto &adaptation : MAMORI_TRY(ctx.store.ListProcedureAdaptations(access.org.id))) {
		if (auto steps = StepsFromJson(adaptation.steps_json)) {
			incident::AdaptProcedure(rules.procedures, adaptation.kind, adaptation.levels, std::move(*steps));
		}
	}
	return rules;
}

Result<std::set<std::pair<std::string, std::string>>> AdaptedProcedures(AppContext &ctx, const OrgAccess &access) {
	std::set<std::pair<std::string, std::string>> keys;
	for (const auto &adaptation : MAMORI_TRY(ctx.store.ListProcedureAdaptations(access.org.id))) {
		keys.emplace(adaptation.kind, adaptation.levels);
	}
	return keys;
}

Status SaveFirmProcedure(AppContext &ctx, const Actor &actor, const OrgAccess &access, const std::string &kind,
                         const std::string &levels, std::vector<incident::ProcedureStep> steps) {
	MAMORI_TRY(RequireEditor(access));
	if (FindProcedure(ctx.catalog.incident.procedures, kind, levels) == nullptr) {
		return Error::Make(ErrorCode::kNotFound, "app_incident_procedures.not_found");
	}
	MAMORI_TRY(CheckSteps(ctx.catalog, steps));
	const storage::ProcedureAdaptation adaptation{
	    .org_id = access.org.id, .kind = kind, .levels = levels, .steps_json = StepsToJson(steps).dump()};
	return ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.SaveProcedureAdaptation(adaptation));
		return Audit(ctx, access.org.id, actor.user_id, "incident_procedure.adapt", "procedure:" + kind + ":" + levels,
		             {{"steps", steps.size()}});
	});
}

Status ResetFirmProcedure(AppContext &ctx, const Actor &actor, const OrgAccess &access, const std::string &kind,
                          const std::string &levels) {
	MAMORI_TRY(RequireEditor(access));
	if (FindProcedure(ctx.catalog.incident.procedures, kind, levels) == nullptr) {
		return Error::Make(ErrorCode::kNotFound, "app_incident_procedures.not_found");
	}
	return ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.DeleteProcedureAdaptation(access.org.id, kind, levels));
		return Audit(ctx, access.org.id, actor.user_id, "incident_procedure.reset", "procedure:" + kind + ":" + levels,
		             nlohmann::json::object());
	});
}

} // namespace mamori::app
