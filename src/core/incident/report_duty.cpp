// mamori/core/incident/report_duty.cpp
#include "core/incident/report_duty.hpp"

namespace mamori::incident {

const ReportGround *PersonalDataReportRules::FindGround(std::string_view id) const {
	for (const auto &ground : grounds) {
		if (ground.id == id) {
			return &ground;
		}
	}
	return nullptr;
}

namespace {

bool GroundHolds(const ReportGround &ground, const LeakFacts &facts) {
	if (ground.id == "sensitive") {
		return facts.sensitive;
	}
	if (ground.id == "financial_harm") {
		return facts.financial_harm;
	}
	if (ground.id == "malicious") {
		return facts.malicious;
	}
	if (ground.id == "over_1000") {
		return facts.affected_people > ground.more_than_people;
	}
	return false;
}

} // namespace

ReportDuty AssessReportDuty(const PersonalDataReportRules &rules, const LeakFacts &facts) {
	ReportDuty duty;
	// Data that was not personal, or that strong encryption kept unreadable,
	// puts nobody's rights at risk: no report, whatever else holds.
	if (!facts.personal_data || facts.strongly_encrypted) {
		return duty;
	}
	bool malicious = false;
	for (const auto &ground : rules.grounds) {
		if (GroundHolds(ground, facts)) {
			duty.grounds.push_back(&ground);
			malicious = malicious || ground.id == "malicious";
		}
	}
	if (duty.grounds.empty()) {
		return duty;
	}
	duty.required = true;
	duty.preliminary_due = AddDays(facts.aware_on, rules.preliminary_days);
	// The day of awareness is day 1 of the period, so the last day is one less
	// than the period's length after it.
	const int period = malicious ? rules.malicious_final_days : rules.final_days;
	duty.final_due = AddDays(facts.aware_on, period - 1);
	return duty;
}

} // namespace mamori::incident
