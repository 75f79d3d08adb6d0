// mamori/core/incident/damage_level.cpp
#include "core/incident/damage_level.hpp"

#include <algorithm>

namespace mamori::incident {

const IncidentLead *DamageLevels::FindLead(std::string_view id) const {
	for (const auto &lead : leads) {
		if (lead.id == id) {
			return &lead;
		}
	}
	return nullptr;
}

bool DamageFacts::Holds(std::string_view fact_id) const {
	if (fact_id == "external_impact") {
		return external_impact;
	}
	if (fact_id == "personal_data_leak") {
		return personal_data_leak;
	}
	if (fact_id == "business_impact") {
		return business_impact;
	}
	if (fact_id == "work_impact") {
		return work_impact;
	}
	return false;
}

DamageAssessment AssessDamage(const DamageLevels &rules, const DamageFacts &facts) {
	for (const auto &rule : rules.levels) {
		const bool applies = rule.when_any.empty() ||
		                     std::any_of(rule.when_any.begin(), rule.when_any.end(),
		                                 [&](const std::string &fact) { return facts.Holds(fact); });
		if (applies) {
			return DamageAssessment{rule.level, rules.FindLead(rule.lead), &rule};
		}
	}
	return DamageAssessment{};  // unreachable with loaded rules: the last level has no condition
}

} // namespace mamori::incident
