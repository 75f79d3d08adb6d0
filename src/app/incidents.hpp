// mamori/app/incidents.hpp
//
// The incident register and its guided response (issue 9). Anyone with a
// role in the organisation, 回答者 included, reports 「異常を見つけた」: what
// happened, when it was noticed, on which device. The 責任者 (editors) then
// work it: classify the kind and the four damage facts (the level and its
// lead follow from content/incident/damage_levels.yaml), tick the
// procedure's steps, record evidence preservation and isolated devices,
// answer the personal-data questions of the law (the 速報/確報 dates follow
// from personal_data_report.yaml), record the reports made, and close.
//
// Visibility: editors and the 経営者 see every incident; everyone else sees
// the incidents they reported (another's is "not found"). Every change is
// audited in the same transaction, and every step of the work is an event of
// the incident's timeline, stamped by ctx.clock.
#pragma once

#include "app/app_context.hpp"
#include "app/organizations.hpp"
#include "core/incident/damage_level.hpp"
#include "core/incident/report_duty.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mamori::app {

//! What the reporter enters.
struct IncidentReport {
	std::string what;
	std::string noticed_at;  // YYYY-MM-DDTHH:MM, Japan time, not in the future
	std::string device;
};

struct IncidentClassification {
	std::string kind;  // an IncidentKind id
	incident::DamageFacts facts;
};

//! The answers to the personal-data questions of the law.
struct LeakAnswers {
	bool personal_data = false;
	bool sensitive = false;
	bool financial_harm = false;
	bool malicious = false;
	long long affected_people = 0;
	bool strongly_encrypted = false;
	std::string aware_on;  // YYYY-MM-DD, not in the future
};

//! What the close form records: 原因 and 再発防止策 (both required) and the
//! 公表文, which may stay empty when nothing is published.
struct IncidentClosing {
	std::string cause;
	std::string prevention;
	std::string public_statement;
};

//! What can be recorded on the timeline beyond the steps.
enum class IncidentRecord { kNote, kEvidencePreserved, kDeviceIsolated };
//! The two reports to the 個人情報保護委員会.
enum class ReportStage { kPreliminary, kFinal };

//! Now in Japan as "YYYY-MM-DDTHH:MM", the form a report's time takes (the
//! report form starts with it, so a reporter who noticed it just now need
//! not type anything).
std::string JapanMinuteNow(const platform::Clock &clock);

//! Who may see every incident and not only their own.
bool SeesAllIncidents(const OrgAccess &access);

Result<Id> ReportIncident(AppContext &ctx, const Actor &actor, const OrgAccess &access, const IncidentReport &report);
//! Newest first; only the actor's own unless SeesAllIncidents.
Result<std::vector<storage::Incident>> ListIncidents(AppContext &ctx, const Actor &actor, const OrgAccess &access);
//! kNotFound unless it is the organisation's and the actor may see it.
Result<storage::Incident> GetIncident(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id incident_id);
Result<std::vector<storage::IncidentEvent>> ListIncidentTimeline(AppContext &ctx, const Actor &actor,
                                                                 const OrgAccess &access, Id incident_id);

// The work on an incident: editors only, and refused once it is closed.
Status ClassifyIncident(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id incident_id,
                        const IncidentClassification &classification);
//! The step must belong to the procedure of the incident's kind and level;
//! ticking a step already done changes nothing.
Status MarkIncidentStepDone(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id incident_id,
                            const std::string &step_id);
//! A note needs text; evidence and isolation records may carry one.
Status RecordIncidentEvent(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id incident_id,
                           IncidentRecord record, const std::string &text);
Status AnswerLeakQuestions(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id incident_id,
                           const LeakAnswers &answers);
//! Only when the answers make a report due.
Status MarkReportSent(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id incident_id, ReportStage stage);
//! Errors name the field at fault (cause, prevention, public_statement).
Status CloseIncident(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id incident_id,
                     const IncidentClosing &closing);
//! The public statement template of the catalog's language with what the
//! firm already knows filled in (company, the date noticed, what happened);
//! the response and the contact stay as blanks to complete.
std::string DraftPublicStatement(const incident::IncidentProcedures &rules, const std::string &company,
                                 const storage::Incident &incident);

// --- reading an incident ---------------------------------------------------

//! The damage level, when classified.
std::optional<incident::DamageAssessment> AssessIncident(const incident::DamageLevels &rules,
                                                         const storage::Incident &incident);
//! The reporting duty, once the personal-data questions are answered.
std::optional<incident::ReportDuty> IncidentReportDuty(const incident::PersonalDataReportRules &rules,
                                                       const storage::Incident &incident);

//! One step of the incident's procedure with when it was ticked.
struct IncidentStepView {
	const incident::ProcedureStep *step = nullptr;
	const incident::ProcedureActor *actor = nullptr;
	std::optional<storage::IncidentEvent> done;
};
//! The procedure's steps for the incident's kind and level, in order; empty
//! until classified. `rules` is the catalog of the reader's language.
std::vector<IncidentStepView> IncidentSteps(const incident::IncidentRules &rules, const storage::Incident &incident,
                                            const std::vector<storage::IncidentEvent> &events);

//! A 速報 or 確報 still to make, for the dashboard.
struct DueReport {
	storage::Incident incident;
	ReportStage stage = ReportStage::kPreliminary;
	CivilDate due;
};
//! Open incidents the actor may see and the reports still due on them, the
//! earliest due first.
struct IncidentSummary {
	std::vector<storage::Incident> open;
	std::vector<DueReport> due;
};
Result<IncidentSummary> SummarizeIncidents(AppContext &ctx, const Actor &actor, const OrgAccess &access);

} // namespace mamori::app
