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
};

} // namespace mamori::storage
