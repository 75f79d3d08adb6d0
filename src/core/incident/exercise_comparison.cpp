// mamori/core/incident/exercise_comparison.cpp
#include "core/incident/exercise_comparison.hpp"

namespace mamori::incident {
namespace {

//! The manual's wording of the step, when the procedure the scenario is
//! compared with has it; null otherwise.
const ProcedureStep *StepInManual(const ExerciseScenario &scenario, const IncidentProcedures &manual,
                                  const ManualStepRef &ref) {
	const ScenarioManual *level = scenario.ManualFor(ref.kind);
	const IncidentKind *kind = manual.FindKind(ref.kind);
	if (level == nullptr || kind == nullptr) {
		return nullptr;
	}
	const Procedure *procedure = kind->ForLevel(level->level);
	if (procedure == nullptr) {
		return nullptr;
	}
	for (const auto &step : procedure->steps) {
		if (step.id == ref.step) {
			return &step;
		}
	}
	return nullptr;
}

const std::string *AnswerOf(const std::vector<ExerciseAnswer> &answers, std::int64_t participant,
                            const std::string &decision) {
	for (const auto &answer : answers) {
		if (answer.participant_id == participant && answer.decision_id == decision) {
			return &answer.option_id;
		}
	}
	return nullptr;
}

} // namespace

ExerciseComparison CompareWithManual(const ExerciseScenario &scenario, const IncidentProcedures &manual,
                                     const std::vector<std::int64_t> &participants,
                                     const std::vector<ExerciseAnswer> &answers) {
	ExerciseComparison result;
	for (std::int64_t id : participants) {
		result.participants.push_back({id, 0, 0});
	}
	for (const auto &scene : scenario.scenes) {
		if (!scene.decision) {
			continue;
		}
		ComparedDecision compared{&scene, &*scene.decision, {}, {}, 0, 0};
		for (const auto &option : scene.decision->options) {
			ComparedOption entry{&option, {}, false};
			for (const auto &ref : option.steps) {
				if (const ProcedureStep *step = StepInManual(scenario, manual, ref)) {
					entry.steps.push_back(step);
				}
			}
			entry.called_for = !entry.steps.empty();
			compared.options.push_back(std::move(entry));
		}
		for (size_t index = 0; index < participants.size(); ++index) {
			ComparedChoice choice{participants[index], nullptr, false};
			if (const std::string *chosen = AnswerOf(answers, participants[index], scene.decision->id)) {
				for (const auto &option : compared.options) {
					if (option.option->id == *chosen) {
						choice.option = option.option;
						choice.agrees = option.called_for;
					}
				}
			}
			if (choice.option != nullptr) {
				++compared.answered;
				++result.participants[index].answered;
			}
			if (choice.agrees) {
				++compared.agreeing;
				++result.participants[index].agreeing;
			}
			compared.choices.push_back(choice);
		}
		result.decisions.push_back(std::move(compared));
	}
	result.decision_count = static_cast<int>(result.decisions.size());
	return result;
}

} // namespace mamori::incident
