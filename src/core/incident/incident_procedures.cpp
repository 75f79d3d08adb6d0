// mamori/core/incident/incident_procedures.cpp
#include "core/incident/incident_rules.hpp"

#include <algorithm>

namespace mamori::incident {

const Procedure *IncidentKind::ForLevel(int level) const {
	for (const auto &procedure : procedures) {
		if (std::find(procedure.levels.begin(), procedure.levels.end(), level) != procedure.levels.end()) {
			return &procedure;
		}
	}
	return nullptr;
}

const ProcedureStep *IncidentKind::FindStep(std::string_view id) const {
	for (const auto &procedure : procedures) {
		for (const auto &step : procedure.steps) {
			if (step.id == id) {
				return &step;
			}
		}
	}
	return nullptr;
}

const IncidentKind *IncidentProcedures::FindKind(std::string_view id) const {
	for (const auto &kind : kinds) {
		if (kind.id == id) {
			return &kind;
		}
	}
	return nullptr;
}

const ProcedureActor *IncidentProcedures::FindActor(std::string_view id) const {
	for (const auto &actor : actors) {
		if (actor.id == id) {
			return &actor;
		}
	}
	return nullptr;
}

std::string LevelsKey(const std::vector<int> &levels) {
	std::string key;
	for (int level : levels) {
		key += (key.empty() ? "" : "-") + std::to_string(level);
	}
	return key;
}

bool AdaptProcedure(IncidentProcedures &procedures, std::string_view kind, std::string_view levels_key,
                    std::vector<ProcedureStep> steps) {
	for (auto &candidate : procedures.kinds) {
		if (candidate.id != kind) {
			continue;
		}
		for (auto &procedure : candidate.procedures) {
			if (LevelsKey(procedure.levels) == levels_key) {
				procedure.steps = std::move(steps);
				return true;
			}
		}
	}
	return false;
}

} // namespace mamori::incident
