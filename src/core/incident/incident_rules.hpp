// mamori/core/incident/incident_rules.hpp
//
// The rules an incident is judged by, as loaded from content/incident/:
// the damage levels 0–3 with who leads each (もしもマニュアル, methodology §5)
// and when a leak must be reported to the 個人情報保護委員会, by when
// (APPI 第26条, methodology §6). Data, so a change of the rules is a change of
// files, each naming its source.
#pragma once

#include "core/catalog/source_ref.hpp"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace mamori::incident {

//! The four questions asked about an incident's impact, by their contract names.
inline constexpr std::array<std::string_view, 4> kDamageFactIds = {"external_impact", "personal_data_leak",
                                                                   "business_impact", "work_impact"};

//! Who leads the response: top_executive (最高責任者), response_manager
//! (対応責任者) or system_admin (情報システム管理者).
struct IncidentLead {
	std::string id;
	std::string label;
	std::string example;  // who usually holds the role, as the handbook suggests
};

struct DamageLevelRule {
	int level = 0;
	std::vector<std::string> when_any;  // fact ids; empty for the level that remains
	std::string lead;                   // an IncidentLead id
	std::string scope;                  // 影響範囲, in words
};

struct DamageLevels {
	SourceRef source;
	std::vector<IncidentLead> leads;
	std::vector<DamageLevelRule> levels;  // checked in this order, highest first

	const IncidentLead *FindLead(std::string_view id) const;
};

//! The grounds of 施行規則 第7条 by their contract names, in report order.
inline constexpr std::array<std::string_view, 4> kReportGroundIds = {"sensitive", "financial_harm", "malicious",
                                                                     "over_1000"};

struct ReportGround {
	std::string id;
	std::string label;
	std::string law;            // the article and item it comes from
	long long more_than_people = 0;  // over_1000 only: the count it must exceed
};

struct PersonalDataReportRules {
	SourceRef source;
	std::vector<ReportGround> grounds;  // in kReportGroundIds order
	int preliminary_days = 0;           // 速報: aware_on + this
	int final_days = 0;                 // 確報: within this many days, day of awareness = day 1
	int malicious_final_days = 0;       // 確報 when `malicious` is a ground

	const ReportGround *FindGround(std::string_view id) const;
};

struct IncidentRules {
	DamageLevels damage;
	PersonalDataReportRules report;
};

} // namespace mamori::incident
