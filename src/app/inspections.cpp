// mamori/app/inspections.cpp
#include "app/inspections.hpp"

#include "app/audit.hpp"
#include "app/register_text.hpp"
#include "core/common/civil_date.hpp"

#include <algorithm>
#include <set>

namespace mamori::app {
namespace {

using register_text::TextRule;

constexpr size_t kMaxTitle = 200;
constexpr size_t kMaxScope = 600;
constexpr size_t kMaxInspector = 120;
constexpr size_t kMaxSummary = 3000;
constexpr size_t kMaxFinding = 1000;

bool Known(const std::vector<std::string> &names, const std::string &name) {
	return std::find(names.begin(), names.end(), name) != names.end();
}

Status CheckDate(const std::string &field, const std::string &value, const char *key) {
	if (!ParseIsoDate(value)) {
		return Error::Invalid(field, key);
	}
	return OkStatus();
}

nlohmann::json PlanJson(const storage::Inspection &plan) {
	return {{"title", plan.title},         {"standard", plan.standard},     {"scope", plan.scope},
	        {"methods", plan.methods},     {"planned_on", plan.planned_on}, {"inspector", plan.inspector}};
}

nlohmann::json FindingJson(const storage::InspectionFinding &finding) {
	return {{"inspection_id", finding.inspection_id}, {"description", finding.description},
	        {"severity", finding.severity},           {"action", finding.action},
	        {"action_owner", finding.action_owner},   {"due_on", finding.due_on},
	        {"closed_on", finding.closed_on}};
}

std::string Subject(Id inspection_id) { return "inspection:" + std::to_string(inspection_id); }

Status RequireEditor(const OrgAccess &access) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	return OkStatus();
}

} // namespace

const std::vector<std::string> &InspectionStandards() {
	static const std::vector<std::string> names = {"five_articles", "selfcheck", "own_rules"};
	return names;
}

const std::vector<std::string> &InspectionMethods() {
	static const std::vector<std::string> names = {"question", "review", "observation", "technical", "checklist"};
	return names;
}

const std::vector<std::string> &FindingSeverities() {
	static const std::vector<std::string> names = {"high", "medium", "low"};
	return names;
}

Status ValidateInspectionPlan(const storage::Inspection &plan) {
	const TextRule texts[] = {
	    {"title", &plan.title, kMaxTitle, "app_inspections.title_required", "app_inspections.too_long"},
	    {"scope", &plan.scope, kMaxScope, nullptr, "app_inspections.too_long"},
	    {"inspector", &plan.inspector, kMaxInspector, nullptr, "app_inspections.too_long"},
	};
	MAMORI_TRY(register_text::CheckTexts(texts));
	if (!Known(InspectionStandards(), plan.standard)) {
		return Error::Invalid("standard", "app_inspections.standard_unknown");
	}
	if (plan.methods.empty()) {
		return Error::Invalid("methods", "app_inspections.methods_required");
	}
	std::set<std::string> seen;
	for (const auto &method : plan.methods) {
		if (!Known(InspectionMethods(), method) || !seen.insert(method).second) {
			return Error::Invalid("methods", "app_inspections.method_unknown", {{"method", method.substr(0, 40)}});
		}
	}
	return CheckDate("planned_on", plan.planned_on, "app_inspections.date_invalid");
}

Result<std::vector<storage::Inspection>> ListInspections(AppContext &ctx, const OrgAccess &access) {
	return ctx.store.ListInspections(access.org.id);
}

Result<storage::Inspection> GetInspection(AppContext &ctx, const OrgAccess &access, Id inspection_id) {
	auto found = MAMORI_TRY(ctx.store.FindInspection(access.org.id, inspection_id));
	if (!found) {
		return Error::Make(ErrorCode::kNotFound, "app_inspections.not_found");
	}
	return *found;
}

Result<Id> PlanInspection(AppContext &ctx, const Actor &actor, const OrgAccess &access, storage::Inspection plan) {
	MAMORI_TRY(RequireEditor(access));
	plan.org_id = access.org.id;
	plan.done_on.clear();
	plan.summary.clear();
	plan.reported_on.clear();
	plan.owner_comment.clear();
	MAMORI_TRY(ValidateInspectionPlan(plan));
	Id id = 0;
	MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
		id = MAMORI_TRY(ctx.store.CreateInspection(plan));
		return Audit(ctx, access.org.id, actor.user_id, "inspection.plan", Subject(id), PlanJson(plan));
	}));
	return id;
}

Status RecordInspectionResult(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id inspection_id,
                              const std::string &done_on, const std::string &summary) {
	MAMORI_TRY(RequireEditor(access));
	storage::Inspection inspection = MAMORI_TRY(GetInspection(ctx, access, inspection_id));
	MAMORI_TRY(CheckDate("done_on", done_on, "app_inspections.date_invalid"));
	if (done_on > ctx.clock.TodayInJapan()) {
		return Error::Invalid("done_on", "app_inspections.date_in_future");
	}
	const TextRule texts[] = {{"summary", &summary, kMaxSummary, nullptr, "app_inspections.too_long"}};
	MAMORI_TRY(register_text::CheckTexts(texts));
	inspection.done_on = done_on;
	inspection.summary = summary;
	return ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.UpdateInspection(inspection));
		return Audit(ctx, access.org.id, actor.user_id, "inspection.record", Subject(inspection_id),
		             {{"done_on", done_on}, {"summary", summary}});
	});
}

bool CanReportToOwner(const OrgAccess &access) {
	return access.CanEdit() || access.membership.role == storage::Role::kExecutive;
}

Status ReportInspectionToOwner(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id inspection_id,
                               const std::string &reported_on, const std::string &owner_comment) {
	if (!CanReportToOwner(access)) {
		return Error::Make(ErrorCode::kForbidden, "app_inspections.report_role");
	}
	storage::Inspection inspection = MAMORI_TRY(GetInspection(ctx, access, inspection_id));
	if (inspection.done_on.empty()) {
		return Error::Invalid("reported_on", "app_inspections.report_before_result");
	}
	MAMORI_TRY(CheckDate("reported_on", reported_on, "app_inspections.date_invalid"));
	if (reported_on < inspection.done_on) {
		return Error::Invalid("reported_on", "app_inspections.report_before_result");
	}
	if (reported_on > ctx.clock.TodayInJapan()) {
		return Error::Invalid("reported_on", "app_inspections.date_in_future");
	}
	const TextRule texts[] = {{"owner_comment", &owner_comment, kMaxSummary, nullptr, "app_inspections.too_long"}};
	MAMORI_TRY(register_text::CheckTexts(texts));
	inspection.reported_on = reported_on;
	inspection.owner_comment = owner_comment;
	return ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.UpdateInspection(inspection));
		return Audit(ctx, access.org.id, actor.user_id, "inspection.report", Subject(inspection_id),
		             {{"reported_on", reported_on}, {"owner_comment", owner_comment}});
	});
}

Result<Id> AddFinding(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id inspection_id,
                      storage::InspectionFinding finding) {
	MAMORI_TRY(RequireEditor(access));
	MAMORI_TRY(GetInspection(ctx, access, inspection_id));
	finding.org_id = access.org.id;
	finding.inspection_id = inspection_id;
	finding.closed_on.clear();
	const TextRule texts[] = {
	    {"description", &finding.description, kMaxFinding, "app_inspections.description_required", "app_inspections.too_long"},
	    {"action", &finding.action, kMaxFinding, "app_inspections.action_required", "app_inspections.too_long"},
	};
	MAMORI_TRY(register_text::CheckTexts(texts));
	if (!Known(FindingSeverities(), finding.severity)) {
		return Error::Invalid("severity", "app_inspections.severity_unknown");
	}
	auto member = MAMORI_TRY(ctx.store.FindMembership(access.org.id, finding.action_owner));
	if (finding.action_owner == 0 || !member) {
		return Error::Invalid("action_owner", "app_inspections.owner_not_member");
	}
	MAMORI_TRY(CheckDate("due_on", finding.due_on, "app_inspections.date_invalid"));
	Id id = 0;
	MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
		id = MAMORI_TRY(ctx.store.CreateFinding(finding));
		return Audit(ctx, access.org.id, actor.user_id, "inspection.finding.add", Subject(inspection_id),
		             FindingJson(finding));
	}));
	return id;
}

Status CloseCorrectiveAction(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id finding_id,
                             const std::string &closed_on) {
	MAMORI_TRY(RequireEditor(access));
	auto finding = MAMORI_TRY(ctx.store.FindFinding(access.org.id, finding_id));
	if (!finding) {
		return Error::Make(ErrorCode::kNotFound, "app_inspections.finding_not_found");
	}
	const std::string today = ctx.clock.TodayInJapan();
	const std::string date = closed_on.empty() ? today : closed_on;
	MAMORI_TRY(CheckDate("closed_on", date, "app_inspections.date_invalid"));
	if (date > today) {
		return Error::Invalid("closed_on", "app_inspections.date_in_future");
	}
	if (!finding->closed_on.empty()) {
		return Error::Make(ErrorCode::kConflict, "app_inspections.already_closed");
	}
	finding->closed_on = date;
	return ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.UpdateFinding(*finding));
		return Audit(ctx, access.org.id, actor.user_id, "inspection.action.close", Subject(finding->inspection_id),
		             {{"finding_id", finding_id}, {"closed_on", date}});
	});
}

Result<std::vector<storage::InspectionFinding>> ListFindings(AppContext &ctx, const OrgAccess &access,
                                                             Id inspection_id) {
	return ctx.store.ListFindings(access.org.id, inspection_id);
}

bool IsOverdue(const storage::InspectionFinding &finding, const std::string &today) {
	return finding.closed_on.empty() && finding.due_on < today;
}

Result<InspectionOverview> InspectionHistory(AppContext &ctx, const OrgAccess &access) {
	InspectionOverview overview;
	overview.today = ctx.clock.TodayInJapan();
	overview.findings = MAMORI_TRY(ctx.store.ListFindings(access.org.id, 0));
	for (auto &inspection : MAMORI_TRY(ctx.store.ListInspections(access.org.id))) {
		InspectionRecord record{std::move(inspection), 0, 0, 0};
		for (const auto &finding : overview.findings) {
			if (finding.inspection_id != record.inspection.id) {
				continue;
			}
			++record.findings;
			record.closed += finding.closed_on.empty() ? 0 : 1;
			record.overdue += IsOverdue(finding, overview.today) ? 1 : 0;
		}
		if (!record.inspection.done_on.empty() && record.inspection.done_on > overview.last_done_on) {
			// The report that counts is the one about the latest results.
			overview.last_done_on = record.inspection.done_on;
			overview.last_reported_on = record.inspection.reported_on;
		}
		overview.records.push_back(std::move(record));
	}
	for (const auto &finding : overview.findings) {
		overview.open_actions += finding.closed_on.empty() ? 1 : 0;
		overview.overdue_actions += IsOverdue(finding, overview.today) ? 1 : 0;
	}
	return overview;
}

} // namespace mamori::app
