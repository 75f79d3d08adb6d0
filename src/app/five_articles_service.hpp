// mamori/app/five_articles_service.hpp
//
// Step 1: the organisation's checklist of the 5か条.
#pragma once

#include "app/organizations.hpp"

#include <vector>

namespace mamori::app {

struct FiveArticleView {
	const FiveArticle *article = nullptr;
	storage::FiveArticleStatus status;  // number set even when never saved
};

//! The 5か条 with the organisation's status. `content` is the catalog whose
//! wording the caller shows (a page passes the reader's language); null means
//! the Japanese one.
Result<std::vector<FiveArticleView>> ListFiveArticles(AppContext &ctx, const OrgAccess &access,
                                                      const Catalog *content = nullptr);

//! Validates (number 1..N; a date for 実施済み; a responsible person for
//! 実施中 and 実施済み, ≤100 bytes) and stores.
Status UpdateFiveArticle(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                         const storage::FiveArticleStatus &status);

//! The same checks as UpdateFiveArticle, without storing (errors name "number", "done_on",
//! "responsible").
Status ValidateFiveArticle(const AppContext &ctx, const OrgAccess &access, const storage::FiveArticleStatus &status);

//! All articles from one form, in one transaction: all are stored or none. Articles whose
//! values did not change are not written again.
Status UpdateFiveArticles(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                          const std::vector<storage::FiveArticleStatus> &statuses);

//! How many of the 5か条 are in each state, with the numbers of those not yet 実施済み.
struct FiveArticleCounts {
	int total = 0;
	int done = 0;                  // 実施済み
	std::vector<int> in_progress;  // 実施中
	std::vector<int> not_started;  // 未着手
};

Result<FiveArticleCounts> CountFiveArticles(AppContext &ctx, const OrgAccess &access);

//! True for a real calendar date written "YYYY-MM-DD".
bool IsIsoDate(const std::string &text);

} // namespace mamori::app
