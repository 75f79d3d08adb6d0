// mamori/core/catalog/incident_rules_loader.cpp
#include "core/catalog/incident_rules_loader.hpp"

#include "core/catalog/content_reader.hpp"

#include <algorithm>
#include <set>

namespace mamori {
namespace {

using catalog_detail::Reader;

bool Known(const auto &ids, const std::string &id) {
	return std::find(ids.begin(), ids.end(), id) != ids.end();
}

incident::DamageLevels ReadDamageLevels(const Reader &file) {
	incident::DamageLevels rules;
	rules.source = file.Source();
	for (const auto &entry : file.Items("leads")) {
		incident::IncidentLead lead{entry.String("id"), entry.String("label"), entry.OptionalString("example")};
		if (rules.FindLead(lead.id) != nullptr) {
			entry.Fail("duplicate lead '" + lead.id + "'");
		}
		rules.leads.push_back(std::move(lead));
	}
	const auto entries = file.Items("levels");
	if (entries.empty()) {
		file.Fail("'levels' must list at least one level");
	}
	for (size_t index = 0; index < entries.size(); ++index) {
		const Reader &entry = entries[index];
		incident::DamageLevelRule rule{entry.Int("level"), entry.Strings("when_any"), entry.String("lead"),
		                               entry.String("scope")};
		if (!rules.levels.empty() && rule.level >= rules.levels.back().level) {
			entry.Fail("levels must be listed from the highest down");
		}
		for (const auto &fact : rule.when_any) {
			if (!Known(incident::kDamageFactIds, fact)) {
				entry.Fail("unknown fact '" + fact +
				           "' (known: external_impact, personal_data_leak, business_impact, work_impact)");
			}
		}
		// Only the last level may hold unconditionally, so every incident
		// gets exactly one level and none below it is unreachable.
		const bool last = index + 1 == entries.size();
		if (rule.when_any.empty() != last) {
			entry.Fail(last ? "the last level must have no condition (when_any: [])"
			                : "only the last level may have no condition");
		}
		if (rules.FindLead(rule.lead) == nullptr) {
			entry.Fail("unknown lead '" + rule.lead + "'");
		}
		rules.levels.push_back(std::move(rule));
	}
	return rules;
}

incident::PersonalDataReportRules ReadReportRules(const Reader &file) {
	incident::PersonalDataReportRules rules;
	rules.source = file.Source();
	std::set<std::string> seen;
	for (const auto &entry : file.Items("grounds")) {
		incident::ReportGround ground{entry.String("id"), entry.String("label"), entry.String("law")};
		if (!Known(incident::kReportGroundIds, ground.id)) {
			entry.Fail("unknown ground '" + ground.id + "' (known: sensitive, financial_harm, malicious, over_1000)");
		}
		if (!seen.insert(ground.id).second) {
			entry.Fail("duplicate ground '" + ground.id + "'");
		}
		if (ground.id == "over_1000") {
			ground.more_than_people = entry.Integer("more_than_people");
			if (ground.more_than_people < 0) {
				entry.Child("more_than_people").Fail("must not be negative");
			}
		}
		rules.grounds.push_back(std::move(ground));
	}
	if (seen.size() != incident::kReportGroundIds.size()) {
		file.Fail("'grounds' must list sensitive, financial_harm, malicious and over_1000");
	}
	auto days = [&](const char *key) {
		const int value = file.Int(key);
		if (value < 1 || value > 366) {
			file.Child(key).Fail("must be between 1 and 366 days");
		}
		return value;
	};
	rules.preliminary_days = days("preliminary_days");
	rules.final_days = days("final_days");
	rules.malicious_final_days = days("malicious_final_days");
	return rules;
}

} // namespace

std::vector<std::string> IncidentRuleFileNames() {
	return {"incident/damage_levels.yaml", "incident/personal_data_report.yaml"};
}

incident::IncidentRules ReadIncidentRules(const ContentFiles &files, Locale locale) {
	const auto names = IncidentRuleFileNames();
	return incident::IncidentRules{
	    ReadDamageLevels(catalog_detail::ParseFile(files, names[0], locale)),
	    ReadReportRules(catalog_detail::ParseFile(files, names[1], locale)),
	};
}

} // namespace mamori
