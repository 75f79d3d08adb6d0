// mamori/storage/sqlite/sqlite_store_training.cpp
// SqliteStore: the education plan and records (issue 9, migration 0018).
// Audience, attendance and results are written through a SELECT on the
// session row with its org_id, so none lands on another organisation's session.
#include "storage/sqlite/sqlite_store.hpp"

#include "storage/sqlite/sqlite_support.hpp"

namespace mamori::storage {

using namespace sqlite_detail;

namespace {

const std::string kTrainingSessionColumns =
    "SELECT id, org_id, title, content, method, planned_on, audience_all, quiz_set, status, held_on, created_at, "
    "updated_at FROM training_sessions ";

Result<TrainingSession> ReadTrainingSession(const Statement &s) {
	TrainingSession session;
	session.id = s.ColumnInt64(0);
	session.org_id = s.ColumnInt64(1);
	session.title = s.ColumnText(2);
	session.content = s.ColumnText(3);
	session.method = s.ColumnText(4);
	session.planned_on = s.ColumnText(5);
	session.audience_all = s.ColumnInt(6) != 0;
	session.quiz_set = s.ColumnText(7);
	session.held = s.ColumnText(8) == "held";
	if (!s.ColumnIsNull(9)) {
		session.held_on = s.ColumnText(9);
	}
	session.created_at = s.ColumnText(10);
	session.updated_at = s.ColumnText(11);
	return session;
}

Result<TrainingMark> ReadTrainingMark(const Statement &s) { return TrainingMark{s.ColumnInt64(0), s.ColumnInt64(1)}; }

Result<TrainingQuizResult> ReadTrainingResult(const Statement &s) {
	TrainingQuizResult result;
	result.id = s.ColumnInt64(0);
	result.session_id = s.ColumnInt64(1);
	result.user_id = s.ColumnInt64(2);
	result.quiz_set = s.ColumnText(3);
	result.correct = s.ColumnInt(4);
	result.total = s.ColumnInt(5);
	result.passed = s.ColumnInt(6) != 0;
	result.answers = s.ColumnText(7);
	result.taken_at = s.ColumnText(8);
	return result;
}

//! The table's CHECKs as errors naming the field, for callers that reach the
//! store without app/training.
Status CheckTrainingRow(const TrainingSession &session) {
	if (session.title.empty()) {
		return Error::Invalid("title", "app_training.title_required");
	}
	if (session.planned_on.empty()) {
		return Error::Invalid("planned_on", "app_training.date_invalid");
	}
	return OkStatus();
}

Status TrainingSessionExists(Connection *db, Id org_id, Id session_id) {
	auto exists = MAMORI_TRY(Exists(db, "SELECT 1 FROM training_sessions WHERE org_id = ? AND id = ?",
	                                [&](Statement &s) { s.Bind(1, org_id).Bind(2, session_id); }));
	return exists ? OkStatus() : Status(Error::Make(ErrorCode::kNotFound, "app_training.not_found"));
}

} // namespace

Result<std::vector<TrainingSession>> SqliteStore::ListTrainingSessions(Id org_id) {
	ConnectionUse use = Use();
	return QueryAll<TrainingSession>(db(), kTrainingSessionColumns + "WHERE org_id = ? ORDER BY planned_on, id",
	                                 [&](Statement &s) { s.Bind(1, org_id); }, ReadTrainingSession);
}

Result<std::optional<TrainingSession>> SqliteStore::FindTrainingSession(Id org_id, Id session_id) {
	ConnectionUse use = Use();
	return QueryOne<TrainingSession>(db(), kTrainingSessionColumns + "WHERE org_id = ? AND id = ?",
	                                 [&](Statement &s) { s.Bind(1, org_id).Bind(2, session_id); }, ReadTrainingSession);
}

Result<Id> SqliteStore::CreateTrainingSession(const TrainingSession &session) {
	MAMORI_TRY(CheckTrainingRow(session));
	ConnectionUse use = Use();
	return Inserted(db(), Execute(db(),
	                             "INSERT INTO training_sessions(org_id, title, content, method, planned_on, audience_all, "
	                             "quiz_set, status, held_on, created_at, updated_at) "
	                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, " MAMORI_SQL_NOW ", " MAMORI_SQL_NOW ")",
	                             [&](Statement &s) {
		                             s.Bind(1, session.org_id)
		                                 .Bind(2, session.title)
		                                 .Bind(3, session.content)
		                                 .Bind(4, session.method)
		                                 .Bind(5, session.planned_on)
		                                 .Bind(6, session.audience_all ? 1 : 0)
		                                 .Bind(7, session.quiz_set)
		                                 .Bind(8, session.held ? "held" : "planned")
		                                 .Bind(9, session.held_on);
	                             }));
}

Status SqliteStore::UpdateTrainingSession(const TrainingSession &session) {
	MAMORI_TRY(CheckTrainingRow(session));
	ConnectionUse use = Use();
	return ExpectChanged(Execute(db(),
	                             "UPDATE training_sessions SET title = ?, content = ?, method = ?, planned_on = ?, "
	                             "audience_all = ?, quiz_set = ?, status = ?, held_on = ?, "
	                             "updated_at = " MAMORI_SQL_NOW " WHERE org_id = ? AND id = ?",
	                             [&](Statement &s) {
		                             s.Bind(1, session.title)
		                                 .Bind(2, session.content)
		                                 .Bind(3, session.method)
		                                 .Bind(4, session.planned_on)
		                                 .Bind(5, session.audience_all ? 1 : 0)
		                                 .Bind(6, session.quiz_set)
		                                 .Bind(7, session.held ? "held" : "planned")
		                                 .Bind(8, session.held_on)
		                                 .Bind(9, session.org_id)
		                                 .Bind(10, session.id);
	                             }),
	                     "the training session does not exist");
}

Status SqliteStore::SetTrainingAudience(Id org_id, Id session_id, const std::vector<Id> &user_ids) {
	return InTransaction([&]() -> Status {
		MAMORI_TRY(TrainingSessionExists(db(), org_id, session_id));
		MAMORI_TRY(Execute(db(), "DELETE FROM training_audience WHERE session_id = ?",
		                   [&](Statement &s) { s.Bind(1, session_id); }));
		for (Id user : user_ids) {
			MAMORI_TRY(Execute(db(),
			                   "INSERT INTO training_audience(session_id, user_id) "
			                   "SELECT id, ? FROM training_sessions WHERE org_id = ? AND id = ? "
			                   "ON CONFLICT DO NOTHING",
			                   [&](Statement &s) { s.Bind(1, user).Bind(2, org_id).Bind(3, session_id); }));
		}
		return OkStatus();
	});
}

Result<std::vector<TrainingMark>> SqliteStore::ListTrainingAudience(Id org_id) {
	ConnectionUse use = Use();
	return QueryAll<TrainingMark>(db(),
	                              "SELECT a.session_id, a.user_id FROM training_audience a "
	                              "JOIN training_sessions t ON t.id = a.session_id WHERE t.org_id = ? "
	                              "ORDER BY a.session_id, a.user_id",
	                              [&](Statement &s) { s.Bind(1, org_id); }, ReadTrainingMark);
}

Status SqliteStore::SetTrainingAttendance(Id org_id, Id session_id, const std::vector<Id> &user_ids,
                                          const std::string &recorded_at) {
	return InTransaction([&]() -> Status {
		MAMORI_TRY(TrainingSessionExists(db(), org_id, session_id));
		MAMORI_TRY(Execute(db(), "DELETE FROM training_attendance WHERE session_id = ?",
		                   [&](Statement &s) { s.Bind(1, session_id); }));
		for (Id user : user_ids) {
			MAMORI_TRY(Execute(db(),
			                   "INSERT INTO training_attendance(session_id, user_id, recorded_at) "
			                   "SELECT id, ?, ? FROM training_sessions WHERE org_id = ? AND id = ? "
			                   "ON CONFLICT DO NOTHING",
			                   [&](Statement &s) {
				                   s.Bind(1, user).Bind(2, recorded_at).Bind(3, org_id).Bind(4, session_id);
			                   }));
		}
		return OkStatus();
	});
}

Result<std::vector<TrainingMark>> SqliteStore::ListTrainingAttendance(Id org_id) {
	ConnectionUse use = Use();
	return QueryAll<TrainingMark>(db(),
	                              "SELECT a.session_id, a.user_id FROM training_attendance a "
	                              "JOIN training_sessions t ON t.id = a.session_id WHERE t.org_id = ? "
	                              "ORDER BY a.session_id, a.user_id",
	                              [&](Statement &s) { s.Bind(1, org_id); }, ReadTrainingMark);
}

Result<Id> SqliteStore::AddTrainingQuizResult(Id org_id, const TrainingQuizResult &result) {
	ConnectionUse use = Use();
	const int inserted = MAMORI_TRY(Execute(
	    db(),
	    "INSERT INTO training_quiz_results(session_id, user_id, quiz_set, correct, total, passed, answers, taken_at) "
	    "SELECT id, ?, ?, ?, ?, ?, ?, ? FROM training_sessions WHERE org_id = ? AND id = ?",
	    [&](Statement &s) {
		    s.Bind(1, result.user_id)
		        .Bind(2, result.quiz_set)
		        .Bind(3, result.correct)
		        .Bind(4, result.total)
		        .Bind(5, result.passed ? 1 : 0)
		        .Bind(6, result.answers)
		        .Bind(7, result.taken_at)
		        .Bind(8, org_id)
		        .Bind(9, result.session_id);
	    }));
	if (inserted == 0) {
		return Error::Make(ErrorCode::kNotFound, "app_training.not_found");
	}
	return static_cast<Id>(MAMORI_TRY(db()->LastInsertId()));
}

Result<std::vector<TrainingQuizResult>> SqliteStore::ListTrainingQuizResults(Id org_id, std::optional<Id> user_id) {
	ConnectionUse use = Use();
	return QueryAll<TrainingQuizResult>(
	    db(),
	    "SELECT r.id, r.session_id, r.user_id, r.quiz_set, r.correct, r.total, r.passed, r.answers, r.taken_at "
	    "FROM training_quiz_results r JOIN training_sessions t ON t.id = r.session_id "
	    "WHERE t.org_id = ? AND (? = 0 OR r.user_id = ?) ORDER BY r.taken_at, r.id",
	    // A flag, not "? IS NULL": PostgreSQL cannot type a NULL parameter alone.
	    [&](Statement &s) { s.Bind(1, org_id).Bind(2, user_id ? 1 : 0).Bind(3, user_id.value_or(0)); },
	    ReadTrainingResult);
}

} // namespace mamori::storage
