// mamori/core/owner/key_items.cpp
#include "core/owner/key_items.hpp"

#include "core/common/civil_date.hpp"

namespace mamori::owner {
namespace {

//! True when `date` (YYYY-MM-DD) lies within kRecentDays before `today`.
bool Recent(const std::string &date, const std::string &today) {
	const auto then = ParseIsoDate(date.substr(0, 10));
	const auto now = ParseIsoDate(today.substr(0, 10));
	if (!then || !now) {
		return false;
	}
	const long long days = DaysSinceEpoch(*now) - DaysSinceEpoch(*then);
	return days >= 0 && days <= kRecentDays;
}

KeyItemStatus Verdict(int number, std::string id, ItemStatus status, std::string evidence, std::string link,
                      std::string next, std::map<std::string, std::string> params = {}) {
	return KeyItemStatus{number,
	                     std::move(id),
	                     status,
	                     "owner.evidence." + evidence,
	                     std::move(params),
	                     std::move(link),
	                     next.empty() ? std::string() : "owner.next." + next};
}

KeyItemStatus Policy(const OwnerFacts &f) {
	if (f.policy_published) {
		return Verdict(1, "policy", ItemStatus::kDone, "policy_published", "policy", "");
	}
	if (f.policy_drafted) {
		return Verdict(1, "policy", ItemStatus::kInProgress, "policy_draft", "policy", "policy_publish");
	}
	return Verdict(1, "policy", ItemStatus::kNotStarted, "policy_none", "policy", "policy_write");
}

KeyItemStatus BudgetPeople(const OwnerFacts &f) {
	const char *id = "budget_people";
	const char *link = "documents/governance";
	if (f.governance_published && f.budget_recorded) {
		return Verdict(2, id, ItemStatus::kDone, "budget_people_done", link, "");
	}
	if (f.governance_published) {
		return Verdict(2, id, ItemStatus::kInProgress, "budget_people_no_budget", "owner", "budget_record");
	}
	if (f.governance_drafted || f.budget_recorded) {
		return Verdict(2, id, ItemStatus::kInProgress,
		               f.budget_recorded ? "budget_people_no_structure" : "budget_people_draft", link,
		               "governance_publish");
	}
	return Verdict(2, id, ItemStatus::kNotStarted, "budget_people_none", link, "governance_write");
}

KeyItemStatus RiskMeasures(const OwnerFacts &f) {
	const char *id = "risk_measures";
	const std::map<std::string, std::string> counts = {{"assets", std::to_string(f.risk_assets)},
	                                                   {"undecided", std::to_string(f.risks_needing_decision)},
	                                                   {"overdue", std::to_string(f.overdue_treatments)}};
	if (!f.selfcheck_started && f.risk_assets == 0) {
		return Verdict(3, id, ItemStatus::kNotStarted, "risk_none", "selfcheck", "selfcheck_start", counts);
	}
	if (!f.selfcheck_completed) {
		return Verdict(3, id, ItemStatus::kInProgress, "risk_selfcheck_open", "selfcheck", "selfcheck_finish", counts);
	}
	if (f.risk_assets == 0 || !f.risk_check_complete) {
		return Verdict(3, id, ItemStatus::kInProgress, "risk_register_open", "risk", "risk_register", counts);
	}
	if (f.risks_needing_decision > 0) {
		return Verdict(3, id, ItemStatus::kInProgress, "risk_undecided", "risk", "risk_decide", counts);
	}
	if (f.overdue_treatments > 0) {
		return Verdict(3, id, ItemStatus::kInProgress, "risk_overdue", "risk", "risk_overdue", counts);
	}
	return Verdict(3, id, ItemStatus::kDone, "risk_done", "risk", "", counts);
}

KeyItemStatus Review(const OwnerFacts &f) {
	const char *id = "review";
	const char *link = "inspections";
	const std::map<std::string, std::string> params = {{"date", f.last_inspection_done_on},
	                                                   {"reported", f.last_report_to_owner_on},
	                                                   {"planned", std::to_string(f.inspections_planned)},
	                                                   {"overdue", std::to_string(f.overdue_actions)}};
	if (f.inspections_planned == 0 && f.last_inspection_done_on.empty()) {
		return Verdict(4, id, ItemStatus::kNotStarted, "review_none", link, "review_plan", params);
	}
	if (f.last_inspection_done_on.empty()) {
		return Verdict(4, id, ItemStatus::kInProgress, "review_planned", link, "review_record", params);
	}
	if (f.overdue_actions > 0) {
		return Verdict(4, id, ItemStatus::kInProgress, "review_overdue", link, "review_close_actions", params);
	}
	if (!Recent(f.last_inspection_done_on, f.today)) {
		return Verdict(4, id, ItemStatus::kInProgress, "review_stale", link, "review_plan", params);
	}
	// The cycle closes when the 経営者 has heard the latest results (第2部 4(5)).
	if (f.last_report_to_owner_on.empty() || f.last_report_to_owner_on < f.last_inspection_done_on) {
		return Verdict(4, id, ItemStatus::kInProgress, "review_unreported", link, "review_report", params);
	}
	return Verdict(4, id, ItemStatus::kDone, "review_done", link, "", params);
}

KeyItemStatus Emergency(const OwnerFacts &f) {
	const char *id = "emergency";
	const bool exercised = Recent(f.last_exercise_on, f.today);
	const std::map<std::string, std::string> params = {{"systems", std::to_string(f.continuity_systems)},
	                                                   {"date", f.last_exercise_on.substr(0, 10)}};
	if (!f.emergency_contacts_assigned && f.continuity_systems == 0 && f.last_exercise_on.empty()) {
		return Verdict(5, id, ItemStatus::kNotStarted, "emergency_none", "documents/governance", "emergency_contacts",
		               params);
	}
	if (!f.emergency_contacts_assigned) {
		return Verdict(5, id, ItemStatus::kInProgress, "emergency_no_contacts", "documents/governance",
		               "emergency_contacts", params);
	}
	if (f.continuity_systems == 0) {
		return Verdict(5, id, ItemStatus::kInProgress, "emergency_no_recovery", "continuity", "emergency_recovery",
		               params);
	}
	if (!exercised) {
		return Verdict(5, id, ItemStatus::kInProgress, "emergency_no_exercise", "exercises", "emergency_exercise",
		               params);
	}
	return Verdict(5, id, ItemStatus::kDone, "emergency_done", "exercises", "", params);
}

KeyItemStatus Outsourcing(const OwnerFacts &f) {
	const char *id = "outsourcing";
	const std::map<std::string, std::string> params = {
	    {"partners", std::to_string(f.partners)},
	    {"services", std::to_string(f.cloud_services)},
	    {"missing_nda", std::to_string(f.partners - f.partners_with_nda)},
	    {"missing_checks", std::to_string(f.cloud_services - f.cloud_services_checked)}};
	if (f.partners == 0 && f.cloud_services == 0) {
		return Verdict(6, id, ItemStatus::kNotStarted, "outsourcing_none", "partners", "outsourcing_register", params);
	}
	if (f.partners_with_nda < f.partners) {
		return Verdict(6, id, ItemStatus::kInProgress, "outsourcing_gaps", "partners", "outsourcing_nda", params);
	}
	if (f.cloud_services_checked < f.cloud_services) {
		return Verdict(6, id, ItemStatus::kInProgress, "outsourcing_gaps", "cloud-services", "outsourcing_checklist",
		               params);
	}
	return Verdict(6, id, ItemStatus::kDone, "outsourcing_done", "partners", "", params);
}

KeyItemStatus Information(const OwnerFacts &f) {
	const char *id = "information";
	const bool trained = Recent(f.last_training_on, f.today);
	const std::map<std::string, std::string> params = {{"date", f.last_training_on}};
	if (!f.information_sources_recorded && !f.article5_done && !trained) {
		return Verdict(7, id, ItemStatus::kNotStarted, "information_none", "owner", "information_record", params);
	}
	if (!f.information_sources_recorded) {
		return Verdict(7, id, ItemStatus::kInProgress, "information_no_sources", "owner", "information_record", params);
	}
	if (!f.article5_done && !trained) {
		return Verdict(7, id, ItemStatus::kInProgress, "information_not_shared", "training", "information_share",
		               params);
	}
	return Verdict(7, id, ItemStatus::kDone, "information_done", "owner", "", params);
}

} // namespace

std::string ItemStatusName(ItemStatus status) {
	switch (status) {
	case ItemStatus::kDone:
		return "done";
	case ItemStatus::kInProgress:
		return "in_progress";
	case ItemStatus::kNotStarted:
		break;
	}
	return "not_started";
}

std::vector<KeyItemStatus> JudgeKeyItems(const OwnerFacts &facts) {
	return {Policy(facts),    BudgetPeople(facts), RiskMeasures(facts), Review(facts),
	        Emergency(facts), Outsourcing(facts),  Information(facts)};
}

ItemStatus ReviewStatus(const OwnerFacts &facts) { return Review(facts).status; }

} // namespace mamori::owner
