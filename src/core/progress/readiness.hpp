// mamori/core/progress/readiness.hpp
//
// SECURITY ACTION readiness (methodology §1, §2). SECURITY ACTION is a
// self-declaration, not a certification; mamori only says whether the
// conditions for declaring are met and what is still missing.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mamori {

//! Where one of the 5か条 stands. SECURITY ACTION ★1 is a declaration that the
//! firm is working on the five articles (000 第2部 2(1) コラム「一つ星は、情報
//! セキュリティ５か条に取り組むことを宣言するもの」), so 実施中 counts as well as
//! 実施済み; 未着手 does not.
enum class ArticleState { kNotStarted, kInProgress, kDone };  // 未着手 / 実施中 / 実施済み

//! Machine names, stored and sent in forms: not_started / in_progress / done.
std::string_view ArticleStateName(ArticleState state);
std::optional<ArticleState> ParseArticleStateName(std::string_view name);

//! What the organisation has done, gathered by the application layer.
struct ProgressFacts {
	int five_articles_total = 5;
	std::vector<int> five_articles_pending;      // article numbers not yet 実施済み (未着手 or 実施中)
	std::vector<int> five_articles_not_started;  // article numbers 未着手 (a subset of the pending ones)
	bool selfcheck_started = false;
	bool selfcheck_completed = false;  // a round whose combined answers cover every item
	bool policy_drafted = false;
	bool policy_established = false;  // 制定日 recorded
	bool policy_published = false;
	// ハンドブック (Step 2, 付録4): edited at all, and published to employees.
	bool handbook_started = false;
	bool handbook_published = false;
	// 詳細リスク分析 (Step 4)
	int risk_assets = 0;               // rows in the register
	bool risk_check_complete = false;  // every check item answered
	int risks_needing_decision = 0;    // 大/中 risks without a treatment
};

enum class Star { kOne, kTwo };

struct StarReadiness {
	Star star = Star::kOne;
	bool ready = false;
	//! Machine ids of unmet conditions: "five_articles", "selfcheck",
	//! "policy_established", "policy_published".
	std::vector<std::string> missing;
};

//! ★1: every one of the 5か条 is 実施中 or 実施済み (none 未着手).
StarReadiness OneStarReadiness(const ProgressFacts &facts);
//! ★2: a completed 自社診断, and a 基本方針 established and published.
StarReadiness TwoStarReadiness(const ProgressFacts &facts);

} // namespace mamori
