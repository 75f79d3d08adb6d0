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

} // namespace mamori::incident
