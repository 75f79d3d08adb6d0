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

//! Who takes a step: the response structure and the roles of 管理体制.
struct ProcedureActor {
	std::string id;
	std::string label;
};

struct ProcedureStep {
	std::string id;     // unique within its procedure; the register ticks steps by it
	std::string actor;  // a ProcedureActor id
	std::string title;
	std::string text;
	bool evidence = false;   // 記録を消さない・証拠保全: the register records when it was done
	bool isolation = false;  // affected devices cut off from the network
};

//! The steps for some damage levels of one kind.
struct Procedure {
	std::vector<int> levels;
	std::vector<ProcedureStep> steps;
};

//! 漏えい・流出, 改ざん・消失・破壊・サービス停止, ウイルス感染.
struct IncidentKind {
	std::string id;
	std::string label;
	std::string situation;
	std::vector<std::string> escalate_when;  // when an employee hands over to the system administrator
	std::vector<Procedure> procedures;       // together they cover every damage level once
	//! The 付録7 threats (risk catalog ids) an incident of this kind shows to
	//! be real: what its lessons offer to re-rate. Checked against the
	//! default edition's risk catalog on load.
	std::vector<std::string> threats;

	const Procedure *ForLevel(int level) const;
	//! The step with this id in any of the kind's procedures (the first found).
	const ProcedureStep *FindStep(std::string_view id) const;
};

//! A body to report to or ask for advice (届け出・相談).
struct ReportingContact {
	std::string id;
	std::string label;
	std::string purpose;
	std::vector<std::string> urls;
};

struct ContinuityStep {
	std::string title;
	std::string text;
};

//! A step of the one-page emergency card (緊急連絡カード), by reference to a
//! kind's procedure step, so the card and the manual never say different things.
struct EmergencyCardStep {
	std::string kind;  // an IncidentKind id
	std::string step;  // a ProcedureStep id of that kind
};

struct IncidentProcedures {
	SourceRef source;
	std::vector<ProcedureActor> actors;
	std::vector<IncidentKind> kinds;
	std::vector<ReportingContact> contacts;
	std::string continuity_note;
	std::vector<ContinuityStep> continuity_steps;  // 事業継続 (IT-BCP)
	std::vector<EmergencyCardStep> emergency_card;  // the card's first steps, in order (three)
	//! The 公表文 template offered when closing; {{company}}, {{noticed_on}}, {{what}}.
	std::string public_statement;

	const IncidentKind *FindKind(std::string_view id) const;
	const ProcedureActor *FindActor(std::string_view id) const;
};

struct IncidentRules {
	DamageLevels damage;
	PersonalDataReportRules report;
	IncidentProcedures procedures;
};

//! "2-1" for levels {2, 1}: how a firm's adaptation names the procedure it
//! replaces, so a later catalog that groups the levels differently simply
//! no longer matches (and the catalog's steps apply again).
std::string LevelsKey(const std::vector<int> &levels);

//! Replaces the steps of the procedure of `kind` whose levels give
//! `levels_key`; false (nothing changed) when there is no such procedure.
bool AdaptProcedure(IncidentProcedures &procedures, std::string_view kind, std::string_view levels_key,
                    std::vector<ProcedureStep> steps);

} // namespace mamori::incident
