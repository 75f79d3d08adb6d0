// mamori/storage/sqlite/sqlite_store_exercises.cpp
// SqliteStore: tabletop exercises, their participants and choices, and a
// firm's own scenarios (issue 9, migration 0015).
#include "storage/sqlite/sqlite_store.hpp"

#include "storage/sqlite/sqlite_support.hpp"

namespace mamori::storage {

using namespace sqlite_detail;

namespace {

const std::string kScenarioColumns =
    "SELECT id, org_id, based_on, title, yaml, created_at, updated_at FROM exercise_scenarios ";

Result<FirmScenario> ReadScenario(const Statement &s) {
	return FirmScenario{s.ColumnInt64(0), s.ColumnInt64(1), s.ColumnText(2), s.ColumnText(3),
	                    s.ColumnText(4),  s.ColumnText(5),  s.ColumnText(6)};
}

const std::string kExerciseColumns =
    "SELECT id, org_id, held_on, builtin_scenario, scenario_yaml, title, facilitator_id, facilitator_name, "
    "created_by, created_at, finished_at FROM exercises ";

Result<Exercise> ReadExercise(const Statement &s) {
	Exercise exercise;
	exercise.id = s.ColumnInt64(0);
	exercise.org_id = s.ColumnInt64(1);
	exercise.held_on = s.ColumnText(2);
	exercise.builtin_scenario = s.ColumnText(3);
	exercise.scenario_yaml = s.ColumnText(4);
	exercise.title = s.ColumnText(5);
	exercise.facilitator_id = s.ColumnOptionalInt64(6);
	exercise.facilitator_name = s.ColumnText(7);
	exercise.created_by = s.ColumnOptionalInt64(8);
	exercise.created_at = s.ColumnText(9);
	if (!s.ColumnIsNull(10)) {
		exercise.finished_at = s.ColumnText(10);
	}
	return exercise;
}

// Participants and choices belong to an organisation through their exercise.
const std::string kOwnExercise = "exercise_id IN (SELECT id FROM exercises WHERE org_id = ? AND id = ?)";

} // namespace

Result<std::vector<FirmScenario>> SqliteStore::ListFirmScenarios(Id org_id) {
	ConnectionUse use = Use();
	return QueryAll<FirmScenario>(db(), kScenarioColumns + "WHERE org_id = ? ORDER BY id",
	                              [&](Statement &s) { s.Bind(1, org_id); }, ReadScenario);
}

Result<std::optional<FirmScenario>> SqliteStore::FindFirmScenario(Id org_id, Id scenario_id) {
	ConnectionUse use = Use();
	return QueryOne<FirmScenario>(db(), kScenarioColumns + "WHERE org_id = ? AND id = ?",
	                              [&](Statement &s) { s.Bind(1, org_id).Bind(2, scenario_id); }, ReadScenario);
}

Result<Id> SqliteStore::CreateFirmScenario(const FirmScenario &scenario) {
	ConnectionUse use = Use();
	return Inserted(db(), Execute(db(),
	                             "INSERT INTO exercise_scenarios(org_id, based_on, title, yaml, created_at, updated_at) "
	                             "VALUES (?, ?, ?, ?, " MAMORI_SQL_NOW ", " MAMORI_SQL_NOW ")",
	                             [&](Statement &s) {
		                             s.Bind(1, scenario.org_id)
		                                 .Bind(2, scenario.based_on)
		                                 .Bind(3, scenario.title)
		                                 .Bind(4, scenario.yaml);
	                             }));
}

Status SqliteStore::UpdateFirmScenario(const FirmScenario &scenario) {
	ConnectionUse use = Use();
	return ExpectChanged(Execute(db(),
	                             "UPDATE exercise_scenarios SET title = ?, yaml = ?, updated_at = " MAMORI_SQL_NOW " "
	                             "WHERE org_id = ? AND id = ?",
	                             [&](Statement &s) {
		                             s.Bind(1, scenario.title)
		                                 .Bind(2, scenario.yaml)
		                                 .Bind(3, scenario.org_id)
		                                 .Bind(4, scenario.id);
	                             }),
	                     "the scenario does not exist");
}

Result<std::vector<Exercise>> SqliteStore::ListExercises(Id org_id) {
	ConnectionUse use = Use();
	return QueryAll<Exercise>(db(), kExerciseColumns + "WHERE org_id = ? ORDER BY held_on DESC, id DESC",
	                          [&](Statement &s) { s.Bind(1, org_id); }, ReadExercise);
}

Result<std::optional<Exercise>> SqliteStore::FindExercise(Id org_id, Id exercise_id) {
	ConnectionUse use = Use();
	return QueryOne<Exercise>(db(), kExerciseColumns + "WHERE org_id = ? AND id = ?",
	                          [&](Statement &s) { s.Bind(1, org_id).Bind(2, exercise_id); }, ReadExercise);
}

Result<Id> SqliteStore::CreateExercise(const Exercise &exercise, const std::vector<ExerciseParticipant> &participants) {
	Id id = 0;
	MAMORI_TRY(InTransaction([&]() -> Status {
		id = MAMORI_TRY(Inserted(
		    db(), Execute(db(),
		                 "INSERT INTO exercises(org_id, held_on, builtin_scenario, scenario_yaml, title, facilitator_id, "
		                 "facilitator_name, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
		                 [&](Statement &s) {
			                 s.Bind(1, exercise.org_id)
			                     .Bind(2, exercise.held_on)
			                     .Bind(3, exercise.builtin_scenario)
			                     .Bind(4, exercise.scenario_yaml)
			                     .Bind(5, exercise.title)
			                     .Bind(6, exercise.facilitator_id)
			                     .Bind(7, exercise.facilitator_name)
			                     .Bind(8, exercise.created_by)
			                     .Bind(9, exercise.created_at);
		                 })));
		for (const auto &participant : participants) {
			MAMORI_TRY(Execute(db(), "INSERT INTO exercise_participants(exercise_id, user_id, name) VALUES (?, ?, ?)",
			                   [&](Statement &s) {
				                   s.Bind(1, id).Bind(2, participant.user_id).Bind(3, participant.name);
			                   }));
		}
		return OkStatus();
	}));
	return id;
}

Status SqliteStore::FinishExercise(Id org_id, Id exercise_id, const std::string &finished_at) {
	ConnectionUse use = Use();
	auto exercise = MAMORI_TRY(FindExercise(org_id, exercise_id));
	if (!exercise) {
		return Error::Make(ErrorCode::kNotFound, "the exercise does not exist");
	}
	if (exercise->finished_at) {
		return Error::Make(ErrorCode::kConflict, "the exercise is already finished");
	}
	return ExpectChanged(Execute(db(), "UPDATE exercises SET finished_at = ? WHERE org_id = ? AND id = ?",
	                             [&](Statement &s) { s.Bind(1, finished_at).Bind(2, org_id).Bind(3, exercise_id); }),
	                     "the exercise does not exist");
}

Result<std::vector<ExerciseParticipant>> SqliteStore::ListExerciseParticipants(Id org_id, Id exercise_id) {
	ConnectionUse use = Use();
	return QueryAll<ExerciseParticipant>(
	    db(), "SELECT id, exercise_id, user_id, name FROM exercise_participants WHERE " + kOwnExercise + " ORDER BY id",
	    [&](Statement &s) { s.Bind(1, org_id).Bind(2, exercise_id); },
	    [](const Statement &s) -> Result<ExerciseParticipant> {
		    return ExerciseParticipant{s.ColumnInt64(0), s.ColumnInt64(1), s.ColumnOptionalInt64(2), s.ColumnText(3)};
	    });
}

Status SqliteStore::PutExerciseChoice(Id org_id, const ExerciseChoice &choice) {
	ConnectionUse use = Use();
	const bool own = MAMORI_TRY(Exists(db(),
	                                   "SELECT 1 FROM exercise_participants p JOIN exercises e ON e.id = p.exercise_id "
	                                   "WHERE p.id = ? AND e.org_id = ?",
	                                   [&](Statement &s) { s.Bind(1, choice.participant_id).Bind(2, org_id); }));
	if (!own) {
		return Error::Make(ErrorCode::kNotFound, "the participant does not exist");
	}
	MAMORI_TRY(Execute(db(),
	                   "INSERT INTO exercise_choices(participant_id, decision_id, option_id, recorded_at, recorded_by) "
	                   "VALUES (?, ?, ?, ?, ?) ON CONFLICT(participant_id, decision_id) DO UPDATE SET "
	                   "option_id = excluded.option_id, recorded_at = excluded.recorded_at, "
	                   "recorded_by = excluded.recorded_by",
	                   [&](Statement &s) {
		                   s.Bind(1, choice.participant_id)
		                       .Bind(2, choice.decision_id)
		                       .Bind(3, choice.option_id)
		                       .Bind(4, choice.recorded_at)
		                       .Bind(5, choice.recorded_by);
	                   }));
	return OkStatus();
}

Result<std::vector<ExerciseChoice>> SqliteStore::ListExerciseChoices(Id org_id, Id exercise_id) {
	ConnectionUse use = Use();
	return QueryAll<ExerciseChoice>(
	    db(),
	    "SELECT participant_id, decision_id, option_id, recorded_at, recorded_by FROM exercise_choices "
	    "WHERE participant_id IN (SELECT id FROM exercise_participants WHERE " +
	        kOwnExercise + ") ORDER BY participant_id, decision_id",
	    [&](Statement &s) { s.Bind(1, org_id).Bind(2, exercise_id); },
	    [](const Statement &s) -> Result<ExerciseChoice> {
		    return ExerciseChoice{s.ColumnInt64(0), s.ColumnText(1), s.ColumnText(2), s.ColumnText(3),
		                          s.ColumnOptionalInt64(4)};
	    });
}

} // namespace mamori::storage
