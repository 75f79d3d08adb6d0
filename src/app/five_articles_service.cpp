// mamori/app/five_articles_service.cpp
#include "app/five_articles_service.hpp"

#include "app/audit.hpp"
#include "platform/clock.hpp"

#include <algorithm>

namespace mamori::app {

bool IsIsoDate(const std::string &text) {
	if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
		return false;
	}
	for (size_t idx : {0, 1, 2, 3, 5, 6, 8, 9}) {
		if (text[idx] < '0' || text[idx] > '9') {
			return false;
		}
	}
	const int year = std::stoi(text.substr(0, 4));
	const int month = std::stoi(text.substr(5, 2));
	const int day = std::stoi(text.substr(8, 2));
	if (year < 1900 || month < 1 || month > 12 || day < 1) {
		return false;
	}
	static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	const int limit = month == 2 && leap ? 29 : kDays[month - 1];
	return day <= limit;
}

Result<std::vector<FiveArticleView>> ListFiveArticles(AppContext &ctx, const OrgAccess &access,
                                                      const Catalog *content) {
	const Edition &edition = access.EditionOf(content != nullptr ? *content : ctx.catalog);
	auto stored = ctx.store.ListFiveArticles(access.org.id);
	if (!stored) {
		return stored.error();
	}
	std::vector<FiveArticleView> views;
	for (const auto &article : edition.five_articles) {
		FiveArticleView view;
		view.article = &article;
		view.status.org_id = access.org.id;
		view.status.number = article.number;
		for (const auto &status : *stored) {
			if (status.number == article.number) {
				view.status = status;
			}
		}
		views.push_back(view);
	}
	return views;
}

Status ValidateFiveArticle(const AppContext &ctx, const OrgAccess &access, const storage::FiveArticleStatus &status) {
	const Edition &edition = access.EditionOf(ctx.catalog);
	if (status.number < 1 || status.number > static_cast<int>(edition.five_articles.size())) {
		return Error::Invalid("number", "app_five_articles.number_range",
		                      {{"count", std::to_string(edition.five_articles.size())}});
	}
	const bool done = status.state == ArticleState::kDone;
	if (done && status.done_on.empty()) {
		return Error::Invalid("done_on", "app_five_articles.done_on_required");
	}
	if (!status.done_on.empty() && !IsIsoDate(status.done_on)) {
		return Error::Invalid("done_on", "app_five_articles.date_invalid");
	}
	// An article under way needs someone taking it forward as much as a
	// finished one needs someone who answers for it (defined here).
	if (status.state != ArticleState::kNotStarted &&
	    status.responsible.find_first_not_of(" \t\r\n") == std::string::npos) {
		return Error::Invalid("responsible", done ? "app_five_articles.responsible_required_done"
		                                          : "app_five_articles.responsible_required_in_progress");
	}
	if (status.responsible.size() > 100) {
		return Error::Invalid("responsible", "app_five_articles.responsible_too_long");
	}
	return OkStatus();
}

namespace {

//! Stores one article's status and its audit entry; the caller holds the transaction.
Status StoreFiveArticle(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                        const storage::FiveArticleStatus &status) {
	storage::FiveArticleStatus stored = status;
	stored.org_id = access.org.id;
	stored.updated_at = ctx.clock.NowIso();
	if (auto upserted = ctx.store.UpsertFiveArticle(stored); !upserted) {
		return upserted;
	}
	return Audit(ctx, access.org.id, actor.user_id, "five_articles.update", "article:" + std::to_string(stored.number),
	             {{"state", ArticleStateName(stored.state)}, {"done_on", stored.done_on}, {"responsible", stored.responsible}});
}

bool SameStatus(const storage::FiveArticleStatus &left, const storage::FiveArticleStatus &right) {
	return left.state == right.state && left.done_on == right.done_on && left.responsible == right.responsible;
}

} // namespace

Status UpdateFiveArticle(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                         const storage::FiveArticleStatus &status) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "app_five_articles.update_forbidden");
	}
	MAMORI_TRY(ValidateFiveArticle(ctx, access, status));
	return ctx.store.InTransaction([&]() -> Status { return StoreFiveArticle(ctx, actor, access, status); });
}

Status UpdateFiveArticles(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                          const std::vector<storage::FiveArticleStatus> &statuses) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "app_five_articles.update_forbidden");
	}
	for (const auto &status : statuses) {
		MAMORI_TRY(ValidateFiveArticle(ctx, access, status));
	}
	const auto current = MAMORI_TRY(ListFiveArticles(ctx, access));
	return ctx.store.InTransaction([&]() -> Status {
		for (const auto &status : statuses) {
			// Only what changed is written, so the change history names the articles really edited.
			const auto same = std::find_if(current.begin(), current.end(), [&](const FiveArticleView &view) {
				return view.status.number == status.number && !view.status.updated_at.empty() &&
				       SameStatus(view.status, status);
			});
			if (same == current.end()) {
				MAMORI_TRY(StoreFiveArticle(ctx, actor, access, status));
			}
		}
		return OkStatus();
	});
}

Result<FiveArticleCounts> CountFiveArticles(AppContext &ctx, const OrgAccess &access) {
	auto views = ListFiveArticles(ctx, access);
	if (!views) {
		return views.error();
	}
	FiveArticleCounts counts;
	counts.total = static_cast<int>(views->size());
	for (const auto &view : *views) {
		switch (view.status.state) {
		case ArticleState::kNotStarted:
			counts.not_started.push_back(view.article->number);
			break;
		case ArticleState::kInProgress:
			counts.in_progress.push_back(view.article->number);
			break;
		case ArticleState::kDone:
			++counts.done;
			break;
		}
	}
	return counts;
}

} // namespace mamori::app
