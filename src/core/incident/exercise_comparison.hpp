// mamori/core/incident/exercise_comparison.hpp
//
// Compares the choices made in a tabletop exercise with the firm's manual
// (もしもマニュアル). An option is what the manual calls for when one of the
// steps it names is in the manual's procedure for the scenario's kind and
// level; a choice agrees when it is such an option. The manual is passed in,
// so a firm's adapted procedures give their own answer.
#pragma once

#include "core/incident/exercise_scenario.hpp"
#include "core/incident/incident_rules.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace mamori::incident {

//! One participant's choice at one decision.
struct ExerciseAnswer {
	std::int64_t participant_id = 0;
	std::string decision_id;
	std::string option_id;
};

struct ComparedOption {
	const ExerciseOption *option = nullptr;
	//! The option's steps that are in the manual's procedure, in its wording.
	std::vector<const ProcedureStep *> steps;
	bool called_for = false;  // the manual asks for it (steps not empty)
};

struct ComparedChoice {
	std::int64_t participant_id = 0;
	const ExerciseOption *option = nullptr;  // null: not answered (or an option no longer in the scenario)
	bool agrees = false;
};

struct ComparedDecision {
	const ExerciseScene *scene = nullptr;
	const ExerciseDecision *decision = nullptr;
	std::vector<ComparedOption> options;  // in the scenario's order
	std::vector<ComparedChoice> choices;  // one per participant, in the order given
	int answered = 0;
	int agreeing = 0;
};

struct ParticipantAgreement {
	std::int64_t participant_id = 0;
	int answered = 0;
	int agreeing = 0;
};

struct ExerciseComparison {
	std::vector<ComparedDecision> decisions;  // in story order
	std::vector<ParticipantAgreement> participants;
	int decision_count = 0;
};

//! The comparison for `participants` (ids, in display order). The result
//! points into `scenario` and `manual`, which must outlive it.
ExerciseComparison CompareWithManual(const ExerciseScenario &scenario, const IncidentProcedures &manual,
                                     const std::vector<std::int64_t> &participants,
                                     const std::vector<ExerciseAnswer> &answers);

} // namespace mamori::incident
