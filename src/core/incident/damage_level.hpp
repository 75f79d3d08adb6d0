// mamori/core/incident/damage_level.hpp
//
// The damage level of an incident and who leads its response (methodology §5).
#pragma once

#include "core/incident/incident_rules.hpp"

namespace mamori::incident {

//! What is known of an incident's impact (contract.md `incident level`).
struct DamageFacts {
	bool external_impact = false;     // customers, partners or shareholders affected
	bool personal_data_leak = false;  // personal data leaked
	bool business_impact = false;     // the business is affected
	bool work_impact = false;         // an employee's work is affected

	bool Holds(std::string_view fact_id) const;
};

struct DamageAssessment {
	int level = 0;
	const IncidentLead *lead = nullptr;
	const DamageLevelRule *rule = nullptr;
};

//! The first level (highest first) one of whose facts holds; the loader
//! guarantees the last level holds always, so there is always an answer.
DamageAssessment AssessDamage(const DamageLevels &rules, const DamageFacts &facts);

} // namespace mamori::incident
