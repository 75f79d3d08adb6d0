// mamori/storage/selfcheck_store.hpp
//
// Step 1 (5か条) and Step 2 (自社診断): article states, rounds and responses.
// One area of the Store interface (storage/store.hpp), which inherits it;
// the organisation-scoping rule stated there holds here too.
#pragma once

#include "core/common/result.hpp"
#include "storage/records.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mamori::storage {

//! A round's combined result, kept beside its answers (migration 0028) so that pages over many
//! organisations (the consultant's portfolio, the anonymous benchmark) read one row per round
//! instead of every answer. Derived data: the app writes it in the transaction that changes the
//! round's answers (app/round_scores.hpp).
struct RoundScore {
	Id org_id = 0;
	Id round_id = 0;
	int round_number = 0;
	std::string started_at;  // the round's (read only: joined)
	std::string edition;     // the organisation's edition the answers were scored by
	int respondents = 0;
	int total = 0;
	int max = 0;
	bool complete = false;  // every item of the edition answered
	std::string answers;    // the combined answers as an answer code (core/selfcheck/answer_code.hpp)
};

//! One firm of the anonymous benchmark: its profile and its latest complete round.
struct BenchmarkScore {
	Id org_id = 0;
	std::string industry;
	int employees = 0;
	std::string edition;  // the organisation's
	int total = 0;
	std::string answers;  // answer code
};

class SelfcheckStore {
public:
	virtual ~SelfcheckStore() = default;

	// --- Step 1: 5か条 ----------------------------------------------------
	virtual Result<std::vector<FiveArticleStatus>> ListFiveArticles(Id org_id) = 0;
	virtual Status UpsertFiveArticle(const FiveArticleStatus &status) = 0;

	// --- Step 2: 自社診断 -------------------------------------------------
	virtual Result<Id> CreateRound(const SelfcheckRound &round) = 0;
	virtual Status CloseRound(Id org_id, Id round_id, const std::string &closed_at) = 0;
	//! The newest round of the organisation, open or closed.
	virtual Result<std::optional<SelfcheckRound>> CurrentRound(Id org_id) = 0;
	virtual Result<std::optional<SelfcheckRound>> FindRound(Id org_id, Id round_id) = 0;
	virtual Result<std::vector<SelfcheckRound>> ListRounds(Id org_id) = 0;

	//! Inserts or replaces the respondent's answers in the round.
	virtual Status UpsertResponse(Id org_id, const SelfcheckResponse &response) = 0;
	virtual Result<std::vector<SelfcheckResponse>> ListResponses(Id org_id, Id round_id) = 0;
	virtual Result<std::optional<SelfcheckResponse>> FindResponse(Id org_id, Id round_id, const std::string &respondent) = 0;

	// --- The rounds' kept scores (0028) ----------------------------------
	//! Inserts or replaces the round's score; kNotFound unless round_id is a round of org_id.
	virtual Status PutRoundScore(const RoundScore &score) = 0;
	//! The organisation's kept scores, by round number.
	virtual Result<std::vector<RoundScore>> ListRoundScores(Id org_id) = 0;
	//! Rounds (of any organisation in use) with answers but no kept score: answered before migration
	//! 0028. At most `limit`, by id.
	virtual Result<std::vector<SelfcheckRound>> ListUnscoredRounds(int limit) = 0;
	//! Every organisation in use that has a complete round, with its latest complete round's
	//! score, by organisation id. One query (the benchmark's population).
	virtual Result<std::vector<BenchmarkScore>> ListLatestCompleteScores() = 0;
};

} // namespace mamori::storage
