// mamori/storage/sqlite/sqlite_store_selfcheck.cpp
// SqliteStore: the 5か条 (Step 1), self-check rounds and their responses (Step 2).
#include "storage/sqlite/sqlite_store.hpp"

#include "storage/sqlite/sqlite_support.hpp"

#include <map>

namespace mamori::storage {

using namespace sqlite_detail;

namespace {

//! Fills in the answers of the given responses (all in one round) with one query.
Status AttachAnswers(Connection *db, Id org_id, Id round_id, std::vector<SelfcheckResponse> &responses) {
	if (responses.empty()) {
		return OkStatus();
	}
	Result<std::vector<AnswerRow>> rows = QueryAll<AnswerRow>(
	    db,
	    "SELECT a.response_id, a.item, a.answer FROM selfcheck_answers a "
	    "JOIN selfcheck_responses r ON r.id = a.response_id JOIN selfcheck_rounds d ON d.id = r.round_id "
	    "WHERE d.org_id = ? AND r.round_id = ?",
	    [&](Statement &s) { s.Bind(1, org_id).Bind(2, round_id); }, ReadAnswer);
	if (!rows) {
		return rows.error();
	}
	std::map<Id, SelfcheckResponse *> by_id;
	for (SelfcheckResponse &response : responses) {
		by_id[response.id] = &response;
	}
	for (const AnswerRow &row : *rows) {
		if (auto it = by_id.find(row.response_id); it != by_id.end()) {
			it->second->answers[row.item] = row.answer;
		}
	}
	return OkStatus();
}

} // namespace

// --- Step 1: 5か条 --------------------------------------------------------------------

Result<std::vector<FiveArticleStatus>> SqliteStore::ListFiveArticles(Id org_id) {
	ConnectionUse use = Use();
	return QueryAll<FiveArticleStatus>(
	    db(),
	    "SELECT org_id, number, state, done_on, responsible, updated_at FROM five_articles "
	    "WHERE org_id = ? ORDER BY number",
	    [&](Statement &s) { s.Bind(1, org_id); }, ReadFiveArticle);
}

Status SqliteStore::UpsertFiveArticle(const FiveArticleStatus &status) {
	if (status.number < 1 || status.number > 5) {
		return Error::Invalid("number", "the article number must be between 1 and 5");
	}
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db(),
		                           // `done` (0001) is kept equal to state = 'done' for older readers.
		                           "INSERT INTO five_articles(org_id, number, state, done, done_on, responsible, updated_at) "
		                           "VALUES (?, ?, ?, ?, ?, ?, COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW ")) "
		                           "ON CONFLICT(org_id, number) DO UPDATE SET state = excluded.state, done = excluded.done, "
		                           "done_on = excluded.done_on, responsible = excluded.responsible, "
		                           "updated_at = excluded.updated_at",
		                           [&](Statement &s) {
			                           s.Bind(1, status.org_id)
			                               .Bind(2, status.number)
			                               .Bind(3, ArticleStateName(status.state))
			                               .Bind(4, status.state == ArticleState::kDone)
			                               .Bind(5, status.done_on)
			                               .Bind(6, status.responsible)
			                               .Bind(7, status.updated_at);
		                           });
		return done ? OkStatus() : Status(done.error());
	});
}

// --- Step 2: 自社診断 -------------------------------------------------------------------

Result<Id> SqliteStore::CreateRound(const SelfcheckRound &round) {
	Result<Id> id = Id{0};
	Status status = InTransaction([&]() -> Status {
		// ?2 <= 0 asks for the next number; computed in the INSERT itself so
		// that it is read and used under the same write lock.
		id = Inserted(db(), Execute(db(),
		                           "INSERT INTO selfcheck_rounds(org_id, number, title, started_at, closed_at, edition) "
		                           "VALUES (?1, CASE WHEN ?2 > 0 THEN ?2 ELSE "
		                           "(SELECT COALESCE(MAX(number), 0) + 1 FROM selfcheck_rounds WHERE org_id = ?1) END, "
		                           "?3, COALESCE(NULLIF(?4, ''), " MAMORI_SQL_NOW "), ?5, ?6)",
		                           [&](Statement &s) {
			                           s.Bind(1, round.org_id)
			                               .Bind(2, round.number)
			                               .Bind(3, round.title)
			                               .Bind(4, round.started_at)
			                               .Bind(5, round.closed_at)
			                               .Bind(6, round.edition);
		                           }));
		return id ? OkStatus()
		          : Status(OnConflict(id.error(), "round " + std::to_string(round.number) + " already exists"));
	});
	if (!status) {
		return status.error();
	}
	return id;
}

Status SqliteStore::CloseRound(Id org_id, Id round_id, const std::string &closed_at) {
	return InTransaction([&]() -> Status {
		Result<int> changed = Execute(db(),
		                              "UPDATE selfcheck_rounds SET closed_at = COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW ") "
		                              "WHERE org_id = ? AND id = ? AND closed_at = ''",
		                              [&](Statement &s) { s.Bind(1, closed_at).Bind(2, org_id).Bind(3, round_id); });
		if (!changed) {
			return changed.error();
		}
		if (*changed == 1) {
			return OkStatus();
		}
		Result<std::optional<SelfcheckRound>> round = FindRound(org_id, round_id);
		if (!round) {
			return round.error();
		}
		if (!round->has_value()) {
			return Error::Make(ErrorCode::kNotFound, "the self-check round does not exist");
		}
		return Error::Make(ErrorCode::kConflict, "the self-check round is already closed");
	});
}

Result<std::optional<SelfcheckRound>> SqliteStore::CurrentRound(Id org_id) {
	ConnectionUse use = Use();
	return QueryOne<SelfcheckRound>(db(), kRoundColumns + "WHERE org_id = ? ORDER BY number DESC LIMIT 1",
	                                [&](Statement &s) { s.Bind(1, org_id); }, ReadRound);
}

Result<std::optional<SelfcheckRound>> SqliteStore::FindRound(Id org_id, Id round_id) {
	ConnectionUse use = Use();
	return QueryOne<SelfcheckRound>(db(), kRoundColumns + "WHERE org_id = ? AND id = ?",
	                                [&](Statement &s) { s.Bind(1, org_id).Bind(2, round_id); }, ReadRound);
}

Result<std::vector<SelfcheckRound>> SqliteStore::ListRounds(Id org_id) {
	ConnectionUse use = Use();
	return QueryAll<SelfcheckRound>(db(), kRoundColumns + "WHERE org_id = ? ORDER BY number DESC",
	                                [&](Statement &s) { s.Bind(1, org_id); }, ReadRound);
}

Status SqliteStore::UpsertResponse(Id org_id, const SelfcheckResponse &response) {
	for (const auto &[item, answer] : response.answers) {
		if (item < 1) {
			return Error::Invalid("answers." + std::to_string(item), "item numbers start at 1");
		}
	}
	return InTransaction([&]() -> Status {
		Result<bool> round_found = Exists(db(), "SELECT 1 FROM selfcheck_rounds WHERE org_id = ? AND id = ?",
		                                  [&](Statement &s) { s.Bind(1, org_id).Bind(2, response.round_id); });
		if (!round_found) {
			return round_found.error();
		}
		if (!*round_found) {
			return Error::Make(ErrorCode::kNotFound, "the self-check round does not exist");
		}
		Result<int> upserted = Execute(db(),
		                               "INSERT INTO selfcheck_responses(round_id, respondent, user_id, submitted_at, "
		                               "updated_at) VALUES (?, ?, ?, ?, COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW ")) "
		                               "ON CONFLICT(round_id, respondent) DO UPDATE SET user_id = excluded.user_id, "
		                               "submitted_at = excluded.submitted_at, updated_at = excluded.updated_at",
		                               [&](Statement &s) {
			                               s.Bind(1, response.round_id)
			                                   .Bind(2, response.respondent)
			                                   .Bind(3, response.user_id)
			                                   .Bind(4, response.submitted_at)
			                                   .Bind(5, response.updated_at);
		                               });
		if (!upserted) {
			return upserted.error();
		}
		// last_insert_rowid is not set when the upsert took the UPDATE path.
		Result<std::optional<Id>> response_id = QueryOne<Id>(
		    db(), "SELECT id FROM selfcheck_responses WHERE round_id = ? AND respondent = ?",
		    [&](Statement &s) { s.Bind(1, response.round_id).Bind(2, response.respondent); },
		    [](const Statement &s) -> Result<Id> { return s.ColumnInt64(0); });
		if (!response_id) {
			return response_id.error();
		}
		if (!response_id->has_value()) {
			return Error::Make(ErrorCode::kInternal, "the response vanished while it was being saved");
		}
		const Id id = **response_id;
		Result<int> cleared = Execute(db(), "DELETE FROM selfcheck_answers WHERE response_id = ?",
		                              [&](Statement &s) { s.Bind(1, id); });
		if (!cleared) {
			return cleared.error();
		}
		Result<Statement> insert =
		    Statement::Prepare(db(), "INSERT INTO selfcheck_answers(response_id, item, answer) VALUES (?, ?, ?)");
		if (!insert) {
			return insert.error();
		}
		for (const auto &[item, answer] : response.answers) {
			insert->Reset();
			insert->Bind(1, id).Bind(2, item).Bind(3, AnswerName(answer));
			if (Status s = insert->Run(); !s) {
				return s;
			}
		}
		return OkStatus();
	});
}

Result<std::vector<SelfcheckResponse>> SqliteStore::ListResponses(Id org_id, Id round_id) {
	ConnectionUse use = Use();
	Result<std::vector<SelfcheckResponse>> responses =
	    QueryAll<SelfcheckResponse>(db(), kResponseColumns + "WHERE d.org_id = ? AND r.round_id = ? ORDER BY r.respondent",
	                                [&](Statement &s) { s.Bind(1, org_id).Bind(2, round_id); }, ReadResponse);
	if (!responses) {
		return responses;
	}
	if (Status s = AttachAnswers(db(), org_id, round_id, *responses); !s) {
		return s.error();
	}
	return responses;
}

Result<std::optional<SelfcheckResponse>> SqliteStore::FindResponse(Id org_id, Id round_id,
                                                                   const std::string &respondent) {
	ConnectionUse use = Use();
	Result<std::optional<SelfcheckResponse>> response = QueryOne<SelfcheckResponse>(
	    db(), kResponseColumns + "WHERE d.org_id = ? AND r.round_id = ? AND r.respondent = ?",
	    [&](Statement &s) { s.Bind(1, org_id).Bind(2, round_id).Bind(3, respondent); }, ReadResponse);
	if (!response || !response->has_value()) {
		return response;
	}
	// The row above was reached through its round's org_id, so its id is safe to use alone.
	Result<std::vector<AnswerRow>> rows = QueryAll<AnswerRow>(
	    db(), "SELECT response_id, item, answer FROM selfcheck_answers WHERE response_id = ?",
	    [&](Statement &s) { s.Bind(1, (*response)->id); }, ReadAnswer);
	if (!rows) {
		return rows.error();
	}
	for (const AnswerRow &row : *rows) {
		(*response)->answers[row.item] = row.answer;
	}
	return response;
}

// --- The rounds' kept scores (0028) ----------------------------------------------------

Status SqliteStore::PutRoundScore(const RoundScore &score) {
	ConnectionUse use = Use();
	// The round is looked up with the organisation in the INSERT itself: a round of another
	// organisation inserts nothing, and the number comes from the round.
	return ExpectChanged(
	    Execute(db(),
	            "INSERT INTO selfcheck_round_scores(round_id, org_id, round_number, edition, respondents, total, "
	            "max_total, complete, answers) SELECT id, org_id, number, ?, ?, ?, ?, ?, ? FROM selfcheck_rounds "
	            "WHERE org_id = ? AND id = ? "
	            "ON CONFLICT(round_id) DO UPDATE SET edition = excluded.edition, respondents = excluded.respondents, "
	            "total = excluded.total, max_total = excluded.max_total, complete = excluded.complete, "
	            "answers = excluded.answers",
	            [&](Statement &s) {
		            s.Bind(1, score.edition)
		                .Bind(2, score.respondents)
		                .Bind(3, score.total)
		                .Bind(4, score.max)
		                .Bind(5, score.complete ? 1 : 0)
		                .Bind(6, score.answers)
		                .Bind(7, score.org_id)
		                .Bind(8, score.round_id);
	            }),
	    "the self-check round does not exist");
}

Result<std::vector<RoundScore>> SqliteStore::ListRoundScores(Id org_id) {
	ConnectionUse use = Use();
	return QueryAll<RoundScore>(db(), kRoundScoreColumns + "WHERE s.org_id = ? ORDER BY d.number",
	                            [&](Statement &s) { s.Bind(1, org_id); }, ReadRoundScore);
}

Result<std::vector<SelfcheckRound>> SqliteStore::ListUnscoredRounds(int limit) {
	ConnectionUse use = Use();
	return QueryAll<SelfcheckRound>(
	    db(),
	    kRoundColumns + "WHERE EXISTS (SELECT 1 FROM selfcheck_responses p WHERE p.round_id = selfcheck_rounds.id) "
	                    "AND NOT EXISTS (SELECT 1 FROM selfcheck_round_scores s WHERE s.round_id = selfcheck_rounds.id) "
	                    "AND org_id IN (SELECT id FROM organizations WHERE deleted_at = '') "
	                    "ORDER BY id LIMIT ?",
	    [&](Statement &s) { s.Bind(1, limit); }, ReadRound);
}

Result<std::vector<BenchmarkScore>> SqliteStore::ListLatestCompleteScores() {
	ConnectionUse use = Use();
	// Installation-wide by design (the benchmark's population); only aggregates leave the app.
	// The subquery walks the (org_id, complete, round_number) index backwards: one row per firm.
	return QueryAll<BenchmarkScore>(
	    db(),
	    "SELECT o.id, o.industry, o.employees, o.edition, s.total, s.answers FROM organizations o "
	    "JOIN selfcheck_round_scores s ON s.round_id = (SELECT x.round_id FROM selfcheck_round_scores x "
	    "WHERE x.org_id = o.id AND x.complete = 1 ORDER BY x.round_number DESC LIMIT 1) "
	    "WHERE o.deleted_at = '' ORDER BY o.id",
	    [](Statement &) {},
	    [](const Statement &s) -> Result<BenchmarkScore> {
		    return BenchmarkScore{s.ColumnInt64(0), s.ColumnText(1), s.ColumnInt(2),
		                          s.ColumnText(3),  s.ColumnInt(4),  s.ColumnText(5)};
	    });
}

} // namespace mamori::storage
