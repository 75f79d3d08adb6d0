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
	                     std::move(evidence),
	                     std::move(params),
	                     std::move(link),
	                     std::move(next)};
}

KeyItemStatus Policy(const OwnerFacts &f) {
	if (f.policy_published) {
		return Verdict(1, "policy", ItemStatus::kDone, "owner.evidence.policy_published", "policy", "");
	}
	if (f.policy_drafted) {
		return Verdict(1, "policy", ItemStatus::kInProgress, "owner.evidence.policy_draft", "policy", "owner.next.policy_publish");
	}
	return Verdict(1, "policy", ItemStatus::kNotStarted, "owner.evidence.policy_none", "policy", "owner.next.policy_write");
}

KeyItemStatus BudgetPeople(const OwnerFacts &f) {
	const char *id = "budget_people";
	const char *link = "documents/governance";
	if (f.governance_published && f.budget_recorded) {
		return Verdict(2, id, ItemStatus::kDone, "owner.evidence.budget_people_done", link, "");
	}
	if (f.governance_published) {
		return Verdict(2, id, ItemStatus::kInProgress, "owner.evidence.budget_people_no_budget", "owner", "owner.next.budget_record");
	}
	if (f.governance_drafted || f.budget_recorded) {
		return Verdict(2, id, ItemStatus::kInProgress,
		               f.budget_recorded ? "owner.evidence.budget_people_no_structure" : "owner.evidence.budget_people_draft", link,
		               "owner.next.governance_publish");
	}
	return Verdict(2, id, ItemStatus::kNotStarted, "owner.evidence.budget_people_none", link, "owner.next.governance_write");
}

KeyItemStatus RiskMeasures(const OwnerFacts &f) {
	const char *id = "risk_measures";
	const std::map<std::string, std::string> counts = {{"assets", std::to_string(f.risk_assets)},
	                                                   {"undecided", std::to_string(f.risks_needing_decision)},
	                                                   {"overdue", std::to_string(f.overdue_treatments)}};
	if (!f.selfcheck_started && f.risk_assets == 0) {
		return Verdict(3, id, ItemStatus::kNotStarted, "owner.evidence.risk_none", "selfcheck", "owner.next.selfcheck_start", counts);
	}
	if (!f.selfcheck_completed) {
		return Verdict(3, id, ItemStatus::kInProgress, "owner.evidence.risk_selfcheck_open", "selfcheck", "owner.next.selfcheck_finish", counts);
	}
	if (f.risk_assets == 0 || !f.risk_check_complete) {
		return Verdict(3, id, ItemStatus::kInProgress, "owner.evidence.risk_register_open", "risk", "owner.next.risk_register", counts);
	}
	if (f.risks_needing_decision > 0) {
		return Verdict(3, id, ItemStatus::kInProgress, "owner.evidence.risk_undecided", "risk", "owner.next.risk_decide", counts);
	}
	if (f.overdue_treatments > 0) {
		return Verdict(3, id, ItemStatus::kInProgress, "owner.evidence.risk_overdue", "risk", "owner.next.risk_overdue", counts);
	}
	return Verdict(3, id, ItemStatus::kDone, "owner.evidence.risk_done", "risk", "", counts);
}

KeyItemStatus Review(const OwnerFacts &f) {
	const char *id = "review";
	const char *link = "inspections";
	const std::map<std::string, std::string> params = {{"date", f.last_inspection_done_on},
	                                                   {"reported", f.last_report_to_owner_on},
	                                                   {"planned", std::to_string(f.inspections_planned)},
	                                                   {"overdue", std::to_string(f.overdue_actions)}};
	if (f.inspections_planned == 0 && f.last_inspection_done_on.empty()) {
		return Verdict(4, id, ItemStatus::kNotStarted, "owner.evidence.review_none", link, "owner.next.review_plan", params);
	}
	if (f.last_inspection_done_on.empty()) {
		return Verdict(4, id, ItemStatus::kInProgress, "owner.evidence.review_planned", link, "owner.next.review_record", params);
	}
	if (f.overdue_actions > 0) {
		return Verdict(4, id, ItemStatus::kInProgress, "owner.evidence.review_overdue", link, "owner.next.review_close_actions", params);
	}
	if (!Recent(f.last_inspection_done_on, f.today)) {
		return Verdict(4, id, ItemStatus::kInProgress, "owner.evidence.review_stale", link, "owner.next.review_plan", params);
	}
	// The cycle closes when the 経営者 has heard the latest results (第2部 4(5)).
	if (f.last_report_to_owner_on.empty() || f.last_report_to_owner_on < f.last_inspection_done_on) {
		return Verdict(4, id, ItemStatus::kInProgress, "owner.evidence.review_unreported", link, "owner.next.review_report", params);
	}
	return Verdict(4, id, ItemStatus::kDone, "owner.evidence.review_done", link, "", params);
}

KeyItemStatus Emergency(const OwnerFacts &f) {
	const char *id = "emergency";
	const bool exercised = Recent(f.last_exercise_on, f.today);
	const std::map<std::string, std::string> params = {{"systems", std::to_string(f.continuity_systems)},
	                                                   {"date", f.last_exercise_on.substr(0, 10)}};
	if (!f.emergency_contacts_assigned && f.continuity_systems == 0 && f.last_exercise_on.empty()) {
		return Verdict(5, id, ItemStatus::kNotStarted, "owner.evidence.emergency_none", "documents/governance", "owner.next.emergency_contacts",
		               params);
	}
	if (!f.emergency_contacts_assigned) {
		return Verdict(5, id, ItemStatus::kInProgress, "owner.evidence.emergency_no_contacts", "documents/governance",
		               "owner.next.emergency_contacts", params);
	}
	if (f.continuity_systems == 0) {
		return Verdict(5, id, ItemStatus::kInProgress, "owner.evidence.emergency_no_recovery", "continuity", "owner.next.emergency_recovery",
		               params);
	}
	if (!exercised) {
		return Verdict(5, id, ItemStatus::kInProgress, "owner.evidence.emergency_no_exercise", "exercises", "owner.next.emergency_exercise",
		               params);
	}
	return Verdict(5, id, ItemStatus::kDone, "owner.evidence.emergency_done", "exercises", "", params);
}

KeyItemStatus Outsourcing(const OwnerFacts &f) {
	const char *id = "outsourcing";
	const std::map<std::string, std::string> params = {
	    {"partners", std::to_string(f.partners)},
	    {"services", std::to_string(f.cloud_services)},
	    {"missing_nda", std::to_string(f.partners - f.partners_with_nda)},
	    {"missing_checks", std::to_string(f.cloud_services - f.cloud_services_checked)}};
	if (f.partners == 0 && f.cloud_services == 0) {
		return Verdict(6, id, ItemStatus::kNotStarted, "owner.evidence.outsourcing_none", "partners", "owner.next.outsourcing_register", params);
	}
	if (f.partners_with_nda < f.partners) {
		return Verdict(6, id, ItemStatus::kInProgress, "owner.evidence.outsourcing_gaps", "partners", "owner.next.outsourcing_nda", params);
	}
	if (f.cloud_services_checked < f.cloud_services) {
		return Verdict(6, id, ItemStatus::kInProgress, "owner.evidence.outsourcing_gaps", "cloud-services", "owner.next.outsourcing_checklist",
		               params);
	}
	return Verdict(6, id, ItemStatus::kDone, "owner.evidence.outsourcing_done", "partners", "", params);
}

KeyItemStatus Information(const OwnerFacts &f) {
	const char *id = "information";
	const bool trained = Recent(f.last_training_on, f.today);
	const std::map<std::string, std::string> params = {{"date", f.last_training_on}};
	if (!f.information_sources_recorded && !f.article5_done && !trained) {
		return Verdict(7, id, ItemStatus::kNotStarted, "owner.evidence.information_none", "owner", "owner.next.information_record", params);
	}
	if (!f.information_sources_recorded) {
		return Verdict(7, id, ItemStatus::kInProgress, "owner.evidence.information_no_sources", "owner", "owner.next.information_record", params);
	}
	if (!f.article5_done && !trained) {
		return Verdict(7, id, ItemStatus::kInProgress, "owner.evidence.information_not_shared", "training", "owner.next.information_share",
		               params);
	}
	return Verdict(7, id, ItemStatus::kDone, "owner.evidence.information_done", "owner", "", params);
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
