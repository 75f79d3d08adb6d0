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

Result<std::vector<FiveArticleView>> ListFiveArticles(AppContext &ctx, const OrgAccess &access);

//! Validates (number 1..N, date ISO when done, responsible ≤100 bytes) and stores.
Status UpdateFiveArticle(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                         const storage::FiveArticleStatus &status);

//! Article numbers not yet declared as carried out.
Result<std::vector<int>> PendingFiveArticles(AppContext &ctx, const OrgAccess &access);

//! True for a real calendar date written "YYYY-MM-DD".
bool IsIsoDate(const std::string &text);

} // namespace mamori::app
