// mamori/storage/exercise_store.hpp
//
// Tabletop exercises (机上訓練, issue 9): a firm's own scenarios (YAML text),
// the exercise sessions, their participants and the choices recorded at each
// decision point. One area of the Store interface (storage/store.hpp); its
// organisation-scoping rule holds here too: participants and choices are
// reached through their exercise's org_id.
#pragma once

#include "core/common/result.hpp"
#include "storage/records.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mamori::storage {

struct FirmScenario {
	Id id = 0;
	Id org_id = 0;
	std::string based_on;  // the built-in scenario it was copied from
	std::string title;     // Japanese, for lists
	std::string yaml;
	std::string created_at;
	std::string updated_at;
};

struct Exercise {
	Id id = 0;
	Id org_id = 0;
	std::string held_on;           // YYYY-MM-DD
	std::string builtin_scenario;  // a content scenario id, or ""
	std::string scenario_yaml;     // a firm scenario as it was when the session began, or ""
	std::string title;
	std::optional<Id> facilitator_id;
	std::string facilitator_name;
	std::optional<Id> created_by;
	std::string created_at;
	std::optional<std::string> finished_at;
};

struct ExerciseParticipant {
	Id id = 0;
	Id exercise_id = 0;
	std::optional<Id> user_id;  // nullopt for an outsider
	std::string name;
};

struct ExerciseChoice {
	Id participant_id = 0;
	std::string decision_id;
	std::string option_id;
	std::string recorded_at;
	std::optional<Id> recorded_by;
};

class ExerciseStore {
public:
	virtual ~ExerciseStore() = default;

	virtual Result<std::vector<FirmScenario>> ListFirmScenarios(Id org_id) = 0;
	virtual Result<std::optional<FirmScenario>> FindFirmScenario(Id org_id, Id scenario_id) = 0;
	//! Stamps created_at and updated_at.
	virtual Result<Id> CreateFirmScenario(const FirmScenario &scenario) = 0;
	//! Writes title and yaml; kNotFound unless it is org_id's.
	virtual Status UpdateFirmScenario(const FirmScenario &scenario) = 0;

	//! Newest first (held_on, id).
	virtual Result<std::vector<Exercise>> ListExercises(Id org_id) = 0;
	virtual Result<std::optional<Exercise>> FindExercise(Id org_id, Id exercise_id) = 0;
	//! Stores the exercise (every field but id and finished_at) and its participants.
	virtual Result<Id> CreateExercise(const Exercise &exercise, const std::vector<ExerciseParticipant> &participants) = 0;
	//! kNotFound unless it is org_id's; kConflict when already finished.
	virtual Status FinishExercise(Id org_id, Id exercise_id, const std::string &finished_at) = 0;
	//! In the order they were added; empty for another organisation's exercise.
	virtual Result<std::vector<ExerciseParticipant>> ListExerciseParticipants(Id org_id, Id exercise_id) = 0;

	//! Records or replaces a participant's choice at one decision. kNotFound
	//! unless the participant belongs to an exercise of org_id.
	virtual Status PutExerciseChoice(Id org_id, const ExerciseChoice &choice) = 0;
	//! Every choice of the exercise; empty for another organisation's.
	virtual Result<std::vector<ExerciseChoice>> ListExerciseChoices(Id org_id, Id exercise_id) = 0;
};

} // namespace mamori::storage
