// mamori/core/incident/report_duty.hpp
//
// Whether a leak must be reported to the 個人情報保護委員会, on which grounds,
// and the 速報 and 確報 dates (methodology §6, APPI 第26条).
#pragma once

#include "core/common/civil_date.hpp"
#include "core/incident/incident_rules.hpp"

#include <optional>
#include <vector>

namespace mamori::incident {

//! The four questions of the law plus what decides whether they matter
//! (contract.md `incident report-duty`).
struct LeakFacts {
	CivilDate aware_on;
	bool personal_data = false;
	bool sensitive = false;
	bool financial_harm = false;
	bool malicious = false;
	long long affected_people = 0;
	bool strongly_encrypted = false;
};

struct ReportDuty {
	bool required = false;
	std::vector<const ReportGround *> grounds;  // in the rules' order; empty when not required
	std::optional<CivilDate> preliminary_due;   // 速報
	std::optional<CivilDate> final_due;         // 確報
};

ReportDuty AssessReportDuty(const PersonalDataReportRules &rules, const LeakFacts &facts);

} // namespace mamori::incident
