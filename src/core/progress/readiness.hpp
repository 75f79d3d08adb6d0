// mamori/core/progress/readiness.hpp
//
// SECURITY ACTION readiness (methodology §1, §2). SECURITY ACTION is a
// self-declaration, not a certification; mamori only says whether the
// conditions for declaring are met and what is still missing.
#pragma once

#include <string>
#include <vector>

namespace mamori {

//! What the organisation has done, gathered by the application layer.
struct ProgressFacts {
	int five_articles_total = 5;
	std::vector<int> five_articles_pending;  // article numbers not yet declared as carried out
	bool selfcheck_started = false;
	bool selfcheck_completed = false;  // a round whose combined answers cover every item
	bool policy_drafted = false;
	bool policy_established = false;  // 制定日 recorded
	bool policy_published = false;
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

//! ★1: all 5か条 carried out.
StarReadiness OneStarReadiness(const ProgressFacts &facts);
//! ★2: a completed 自社診断, and a 基本方針 established and published.
StarReadiness TwoStarReadiness(const ProgressFacts &facts);

} // namespace mamori
