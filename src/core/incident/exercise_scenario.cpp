// mamori/core/incident/exercise_scenario.cpp
#include "core/incident/exercise_scenario.hpp"

namespace mamori::incident {

const ExerciseOption *ExerciseDecision::FindOption(std::string_view option_id) const {
	for (const auto &option : options) {
		if (option.id == option_id) {
			return &option;
		}
	}
	return nullptr;
}

const ExerciseDecision *ExerciseScenario::FindDecision(std::string_view decision_id) const {
	for (const auto &scene : scenes) {
		if (scene.decision && scene.decision->id == decision_id) {
			return &*scene.decision;
		}
	}
	return nullptr;
}

const ScenarioManual *ExerciseScenario::ManualFor(std::string_view kind) const {
	for (const auto &entry : manual) {
		if (entry.kind == kind) {
			return &entry;
		}
	}
	return nullptr;
}

} // namespace mamori::incident
