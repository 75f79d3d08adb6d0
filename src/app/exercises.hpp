// mamori/app/exercises.hpp
//
// Running a tabletop exercise (机上訓練, Tokyo handbook Mission 5; issue 9):
// a session on a date with a scenario, a facilitator and participants
// (members of the organisation and named outsiders). The facilitator walks
// the scenes and, at each decision point, records what every participant
// chose; the result compares the choices with the firm's manual
// (ExerciseManual in exercise_scenarios.hpp). Editors record; every record
// is timestamped and audited in its transaction; a finished exercise is
// read-only (kConflict).
#pragma once

#include "app/app_context.hpp"
#include "app/organizations.hpp"
#include "core/incident/exercise_comparison.hpp"

#include <map>
#include <string>
#include <vector>

namespace mamori::app {

struct ExerciseInput {
	std::string held_on;       // YYYY-MM-DD
	std::string scenario_key;  // a ScenarioChoice key
	Id facilitator_id = 0;     // a member
	std::vector<Id> member_ids;
	std::vector<std::string> outsiders;  // names of people from outside the organisation
};

//! An exercise with its scenario (as it was run) and what was recorded.
struct ExerciseRecord {
	storage::Exercise exercise;
	incident::ExerciseScenario scenario;
	std::vector<storage::ExerciseParticipant> participants;
	std::vector<storage::ExerciseChoice> choices;

	bool finished() const { return exercise.finished_at.has_value(); }
	//! The option the participant chose at the decision, or "".
	std::string ChoiceOf(Id participant_id, const std::string &decision_id) const;
};

//! Most outsiders a session takes, and the longest name.
inline constexpr size_t kMaxOutsiders = 30;
inline constexpr size_t kMaxOutsiderName = 100;

Result<std::vector<storage::Exercise>> ListExercises(AppContext &ctx, const OrgAccess &access);
Result<ExerciseRecord> GetExercise(AppContext &ctx, const OrgAccess &access, Id exercise_id);

//! Errors name the field: held_on, scenario, facilitator, participants.
Result<Id> CreateExercise(AppContext &ctx, const Actor &actor, const OrgAccess &access, const ExerciseInput &input);

//! Records the choices at one decision: participant id → option id. An
//! unknown participant or option is kInvalidInput naming "choice-<id>".
Status RecordChoices(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id exercise_id,
                     const std::string &decision_id, const std::map<Id, std::string> &choices);

Status FinishExercise(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id exercise_id);

//! The choices compared with `manual` (ExerciseManual). Points into
//! `record` and `manual`, which must outlive it.
incident::ExerciseComparison CompareExercise(const ExerciseRecord &record, const incident::IncidentProcedures &manual);

} // namespace mamori::app
