// mamori/core/retention/retention_schedule.hpp
//
// The retention schedule (content/retention/schedule.yaml, issue 10, ASVS 8.3.8): for each kind
// of personal data, how many days it is kept and why. The rule ids are the ones the program
// applies (app/retention.cpp); an unknown or missing id is an error at start-up, so the file
// and the program cannot drift apart silently.
#pragma once

#include "core/common/result.hpp"

#include <string>
#include <vector>

namespace mamori {

struct RetentionRule {
	std::string id;
	int period_days = 0;
	std::string data_ja, data_en;
	std::string why_ja, why_en;
};

struct RetentionSchedule {
	std::vector<RetentionRule> rules;
	std::string audit_log_ja, audit_log_en;  // why the audit log is kept for good

	//! The period of a rule; every known id is present once ParseRetentionSchedule succeeded.
	int PeriodDays(const std::string &id) const;
};

//! The rule ids the program applies, in the order it applies them.
const std::vector<std::string> &KnownRetentionRules();

//! Parses the YAML text; `file` names it in errors. Every known rule must appear once with a
//! period of at least one day, and no other.
Result<RetentionSchedule> ParseRetentionSchedule(const std::string &yaml_text, const std::string &file);

} // namespace mamori
