// mamori/codec/incident_codec.hpp
//
// JSON shapes of `incident level` and `incident report-duty` (contract.md
// "CLI: incidents"). Every key is required; the error names the one at fault.
#pragma once

#include "codec/json_input.hpp"
#include "core/incident/damage_level.hpp"
#include "core/incident/report_duty.hpp"

namespace mamori::codec {

inline constexpr long long kMaxAffectedPeople = 10'000'000'000LL;  // more than everyone alive

//! {"external_impact", "personal_data_leak", "business_impact", "work_impact"}, booleans.
Result<incident::DamageFacts> DecodeDamageFacts(const Json &document);
//! {"level": 2, "lead": "response_manager"}
Json EncodeDamageAssessment(const incident::DamageAssessment &assessment);

//! {"aware_on": "YYYY-MM-DD", "personal_data", "sensitive", "financial_harm",
//!  "malicious", "affected_people", "strongly_encrypted"}
Result<incident::LeakFacts> DecodeLeakFacts(const Json &document);
//! {"required", "grounds": [...], "preliminary_due", "final_due"} (dates or null)
Json EncodeReportDuty(const incident::ReportDuty &duty);

} // namespace mamori::codec
