// mamori/app/inspections.hpp
//
// 点検と改善 (第2部 4(5), issue 12): an inspection is planned against a
// standard (5か条, 自社診断 or the firm's own regulations) with one or more
// of the guideline's methods (質問, 閲覧, 観察, 技術診断, チェックリスト); its
// results are recorded as findings with a severity, each leading to a
// corrective action with an owner (a member) and a due date, open until
// closed; the results are reported to the 経営者, which closes the cycle.
//
// Editors (組織管理者, 責任者) change; the 経営者 may also record that the
// results were reported to them; every member reads. Each change is audited
// in the same transaction.
#pragma once

#include "app/app_context.hpp"
#include "app/organizations.hpp"

#include <string>
#include <vector>

namespace mamori::app {

//! Machine names, as stored and sent by forms and the API.
const std::vector<std::string> &InspectionStandards();  // five_articles / selfcheck / own_rules
const std::vector<std::string> &InspectionMethods();    // question / review / observation / technical / checklist
const std::vector<std::string> &FindingSeverities();    // high / medium / low

//! Checks a plan: title required; a known standard; at least one known
//! method, none twice; planned_on a real date; lengths. Errors name the field.
Status ValidateInspectionPlan(const storage::Inspection &plan);

Result<std::vector<storage::Inspection>> ListInspections(AppContext &ctx, const OrgAccess &access);
//! kNotFound unless it is the organisation's.
Result<storage::Inspection> GetInspection(AppContext &ctx, const OrgAccess &access, Id inspection_id);
Result<Id> PlanInspection(AppContext &ctx, const Actor &actor, const OrgAccess &access, storage::Inspection plan);

//! Records that the inspection was carried out on `done_on` (not in the
//! future) with its overall result.
Status RecordInspectionResult(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id inspection_id,
                              const std::string &done_on, const std::string &summary);

//! Records that the results were reported to the 経営者 on `reported_on`
//! (not before the inspection, not in the future), with the 経営者's
//! evaluation. Editors and the 経営者.
Status ReportInspectionToOwner(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id inspection_id,
                               const std::string &reported_on, const std::string &owner_comment);
bool CanReportToOwner(const OrgAccess &access);

//! A finding of the inspection with its corrective action; the action's
//! owner must be a member of the organisation.
Result<Id> AddFinding(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id inspection_id,
                      storage::InspectionFinding finding);
//! Marks the corrective action done on `closed_on` (today when empty).
Status CloseCorrectiveAction(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id finding_id,
                             const std::string &closed_on);

//! Every finding of the organisation (inspection_id 0) or of one inspection.
Result<std::vector<storage::InspectionFinding>> ListFindings(AppContext &ctx, const OrgAccess &access,
                                                             Id inspection_id);

//! Open and past its due date on `today`.
bool IsOverdue(const storage::InspectionFinding &finding, const std::string &today);

//! One inspection with its counts, for the history and its chart.
struct InspectionRecord {
	storage::Inspection inspection;
	int findings = 0;
	int closed = 0;
	int overdue = 0;
};

struct InspectionOverview {
	std::string today;
	std::vector<InspectionRecord> records;             // newest plan first
	std::vector<storage::InspectionFinding> findings;  // every finding, by inspection and id
	int open_actions = 0;
	int overdue_actions = 0;
	std::string last_done_on;      // "" when no results were recorded
	std::string last_reported_on;  // "" when nothing was reported
};
Result<InspectionOverview> InspectionHistory(AppContext &ctx, const OrgAccess &access);

} // namespace mamori::app
