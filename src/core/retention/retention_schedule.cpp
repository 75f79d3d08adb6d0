// mamori/core/retention/retention_schedule.cpp
#include "core/retention/retention_schedule.hpp"

#include "core/yaml/load.hpp"

#include <algorithm>
#include <set>

namespace mamori {

namespace {

Error Problem(const std::string &file, const std::string &what) {
	return Error::Make(ErrorCode::kCatalogInvalid, file + ": " + what);
}

std::string Text(const yaml::Node &node, const char *key) {
	return node[key] && node[key].IsScalar() ? node[key].as<std::string>() : std::string();
}

} // namespace

const std::vector<std::string> &KnownRetentionRules() {
	static const std::vector<std::string> kRules = {"training_of_former_members", "closed_incident_people",
	                                                "sign_in_failures", "ended_sessions"};
	return kRules;
}

int RetentionSchedule::PeriodDays(const std::string &id) const {
	for (const auto &rule : rules) {
		if (rule.id == id) {
			return rule.period_days;
		}
	}
	return 0;
}

Result<RetentionSchedule> ParseRetentionSchedule(const std::string &yaml_text, const std::string &file) {
	yaml::Node root;
	try {
		root = yaml::Load(yaml_text);
	} catch (const yaml::Exception &error) {
		return Problem(file, std::string("not valid YAML: ") + error.what());
	}
	if (!root.IsMap() || !root["rules"] || !root["rules"].IsSequence()) {
		return Problem(file, "expected a list under rules:");
	}
	RetentionSchedule schedule;
	std::set<std::string> seen;
	const auto &known = KnownRetentionRules();
	for (const auto &node : root["rules"].Elements()) {
		RetentionRule rule;
		rule.id = Text(node, "id");
		if (std::find(known.begin(), known.end(), rule.id) == known.end()) {
			return Problem(file, "unknown rule id \"" + rule.id + "\"");
		}
		if (!seen.insert(rule.id).second) {
			return Problem(file, "rule " + rule.id + " appears twice");
		}
		try {
			rule.period_days = node["period_days"].as<int>();
		} catch (const yaml::Exception &) {
			return Problem(file, "rule " + rule.id + ": period_days must be a whole number");
		}
		if (rule.period_days < 1) {
			return Problem(file, "rule " + rule.id + ": period_days must be at least 1");
		}
		rule.data_ja = Text(node["data"], "ja");
		rule.data_en = Text(node["data"], "en");
		rule.why_ja = Text(node["why"], "ja");
		rule.why_en = Text(node["why"], "en");
		if (rule.data_ja.empty() || rule.data_en.empty() || rule.why_ja.empty() || rule.why_en.empty()) {
			return Problem(file, "rule " + rule.id + ": data and why are needed in ja and en");
		}
		schedule.rules.push_back(std::move(rule));
	}
	for (const auto &id : known) {
		if (!seen.count(id)) {
			return Problem(file, "rule " + id + " is missing");
		}
	}
	schedule.audit_log_ja = Text(root["audit_log"], "ja");
	schedule.audit_log_en = Text(root["audit_log"], "en");
	if (schedule.audit_log_ja.empty() || schedule.audit_log_en.empty()) {
		return Problem(file, "audit_log: the reason is needed in ja and en");
	}
	return schedule;
}

} // namespace mamori
