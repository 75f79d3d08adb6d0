// mamori/core/owner/key_items.hpp
//
// The evidence rules of the owner's view (issue 12): how far each of the
// 重要7項目の取組 (第1部 3(2)) has come, judged from what mamori already
// holds about the firm. Pure: the app layer gathers OwnerFacts, this code
// decides a status, the evidence sentence (a message key with its numbers),
// the page the evidence comes from and the next thing to do. The rules are
// pinned by golden tests (tests/golden/owner/).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace mamori::owner {

enum class ItemStatus { kNotStarted, kInProgress, kDone };  // 未着手 / 取組中 / 実施済み

//! Machine names: not_started / in_progress / done.
std::string ItemStatusName(ItemStatus status);

//! What the app layer gathers for the rules. Dates are YYYY-MM-DD.
struct OwnerFacts {
	std::string today;
	// 取組1: the 基本方針.
	bool policy_drafted = false;
	bool policy_published = false;
	// 取組2: the 管理体制 (governance document) and the recorded budget.
	bool governance_drafted = false;
	bool governance_published = false;
	bool budget_recorded = false;
	// 取組3: the 自社診断 and the risk register with its treatments.
	bool selfcheck_started = false;
	bool selfcheck_completed = false;
	int risk_assets = 0;
	bool risk_check_complete = false;
	int risks_needing_decision = 0;  // 大/中 risks without a treatment
	int overdue_treatments = 0;
	// 取組4: 点検と改善.
	int inspections_planned = 0;
	std::string last_inspection_done_on;  // "" when none has been recorded
	std::string last_report_to_owner_on;  // "" when none was reported
	int overdue_actions = 0;
	// 取組5: the emergency structure.
	bool emergency_contacts_assigned = false;  // responders of the 管理体制 named
	int continuity_systems = 0;                // systems with recovery notes
	std::string last_exercise_on;              // "" when no exercise was finished
	// 取組6: outsourcing and external services.
	int partners = 0;
	int partners_with_nda = 0;  // whose 機密保持条項 is published
	int cloud_services = 0;
	int cloud_services_checked = 0;  // whose checklist is published
	// 取組7: the latest information.
	bool information_sources_recorded = false;
	bool article5_done = false;  // 5か条 No.5 実施済み
	std::string last_training_on;  // "" when no training was held
};

//! One item's verdict. `evidence` and `next` are message keys of the
//! catalog (owner.evidence.*, owner.next.*); `params` fill both.
struct KeyItemStatus {
	int number = 0;
	std::string id;
	ItemStatus status = ItemStatus::kNotStarted;
	std::string evidence;
	std::map<std::string, std::string> params;
	std::string link;  // where the evidence comes from, relative to /orgs/ID/ ("policy", "inspections", ...)
	std::string next;  // "" when nothing is left to do
};

//! How recent an inspection, an exercise or a training must be to count (about a year).
inline constexpr int kRecentDays = 366;

//! The seven verdicts in the guideline's order (取組1..7).
std::vector<KeyItemStatus> JudgeKeyItems(const OwnerFacts &facts);

//! The step-path status of 点検と改善 (表3 task "review") from the same facts.
ItemStatus ReviewStatus(const OwnerFacts &facts);

} // namespace mamori::owner
