// mamori/web/routes_inspections.cpp
//
// 点検と改善 (第2部 4(5), issue 12): the history of inspections with a chart
// of findings and closed actions, the plan form, one inspection's page
// (record the results, add findings with their corrective actions, close
// actions, record the report to the 経営者), the list of every corrective
// action, and the JSON API (GET list, POST create). The rules live in
// app/inspections; this file only translates HTTP.
#include "app/inspections.hpp"
#include "app/selfcheck_views.hpp"
#include "codec/json_input.hpp"
#include "core/charts/svg_charts.hpp"
#include "web/form_dates.hpp"
#include "web/json_body.hpp"
#include "web/register_pages.hpp"
#include "web/route_table.hpp"

#include <algorithm>
#include <map>

namespace mamori::web {
namespace {

using register_pages::DateField;
using register_pages::TextField;

// Each choice with its message keys written out, so the catalog check sees every key used.
struct Choice {
	const char *name;
	const char *label;
	const char *hint;
};

constexpr Choice kStandards[] = {
    {"five_articles", "web_inspections.standard.five_articles", "web_inspections.standard.five_articles_hint"},
    {"selfcheck", "web_inspections.standard.selfcheck", "web_inspections.standard.selfcheck_hint"},
    {"own_rules", "web_inspections.standard.own_rules", "web_inspections.standard.own_rules_hint"},
};

constexpr Choice kMethods[] = {
    {"question", "web_inspections.method.question", "web_inspections.method.question_hint"},
    {"review", "web_inspections.method.review", "web_inspections.method.review_hint"},
    {"observation", "web_inspections.method.observation", "web_inspections.method.observation_hint"},
    {"technical", "web_inspections.method.technical", "web_inspections.method.technical_hint"},
    {"checklist", "web_inspections.method.checklist", "web_inspections.method.checklist_hint"},
};

constexpr Choice kSeverities[] = {
    {"high", "web_inspections.severity.high", ""},
    {"medium", "web_inspections.severity.medium", ""},
    {"low", "web_inspections.severity.low", ""},
};

//! The choice named `name` (the first when unknown: the app layer has refused those already).
template <size_t N>
const Choice &Find(const Choice (&choices)[N], const std::string &name) {
	for (const Choice &choice : choices) {
		if (name == choice.name) {
			return choice;
		}
	}
	return choices[0];
}

std::string Base(const app::OrgAccess &access) { return "/orgs/" + std::to_string(access.org.id) + "/inspections"; }

std::string Date(WebApp &web, const Request &request, const std::string &iso) {
	return iso.empty() ? "" : FormatDate(web.messages(), request.locale, iso, false);
}

std::string MethodsText(const PageText &words, const std::vector<std::string> &methods) {
	std::string text;
	for (const auto &method : methods) {
		text += (text.empty() ? "" : words("web_inspections.list_separator")) + words(Find(kMethods, method).label);
	}
	return text;
}

//! Member user id → display name (or e-mail), for the owners of actions.
std::map<Id, std::string> MemberNames(WebApp &web, const app::OrgAccess &access) {
	std::map<Id, std::string> names;
	if (auto members = app::ListMembers(web.ctx(), access)) {
		for (const auto &member : *members) {
			names[member.user_id] = member.display_name.empty() ? member.email : member.display_name;
		}
	}
	return names;
}

std::optional<Id> PathId(const Request &request, size_t index) {
	return request.http.matches.size() > index ? WebApp::ParseId(request.http.matches[index]) : std::nullopt;
}

// --- the history ------------------------------------------------------------------------------

Json FindingRow(WebApp &web, const Request &request, const app::OrgAccess &access, const std::map<Id, std::string> &names,
                const storage::InspectionFinding &finding, const std::string &today) {
	const PageText words{web, request};
	const bool overdue = app::IsOverdue(finding, today);
	auto owner = names.find(finding.action_owner);
	return {{"id", finding.id},
	        {"description", finding.description},
	        {"severity", words(Find(kSeverities, finding.severity).label)},
	        {"severity_class", finding.severity == "high" ? "tag--todo" : "tag--blocked"},
	        {"action", finding.action},
	        {"owner", owner != names.end() ? owner->second : std::string()},
	        {"due_on", Date(web, request, finding.due_on)},
	        {"closed_on", Date(web, request, finding.closed_on)},
	        {"open", finding.closed_on.empty()},
	        {"overdue", overdue},
	        {"inspection_href", Base(access) + "/" + std::to_string(finding.inspection_id)},
	        {"close_action", Base(access) + "/" + std::to_string(finding.inspection_id) + "/findings/" +
	                             std::to_string(finding.id) + "/close"}};
}

void ShowList(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto overview = app::InspectionHistory(web.ctx(), access);
	if (!overview) {
		return web.SendErrorPage(request, overview.error());
	}
	const PageText words{web, request};
	Json rows = Json::array();
	std::vector<charts::ColumnGroup> columns;
	for (const auto &record : overview->records) {
		const auto &inspection = record.inspection;
		rows.push_back({{"href", Base(access) + "/" + std::to_string(inspection.id)},
		                {"title", inspection.title},
		                {"standard", words(Find(kStandards, inspection.standard).label)},
		                {"planned_on", Date(web, request, inspection.planned_on)},
		                {"done_on", Date(web, request, inspection.done_on)},
		                {"reported_on", Date(web, request, inspection.reported_on)},
		                {"findings", record.findings},
		                {"closed", record.closed},
		                {"overdue", record.overdue}});
	}
	// Oldest first on the chart, so improvement reads left to right.
	for (auto record = overview->records.rbegin(); record != overview->records.rend(); ++record) {
		if (!record->inspection.done_on.empty()) {
			columns.push_back({record->inspection.done_on, {record->findings, record->closed}});
		}
	}
	const std::string chart =
	    charts::ColumnChart(words("web_inspections.chart.title"),
	                        {words("web_inspections.chart.findings"), words("web_inspections.chart.closed")}, columns,
	                        words("web_inspections.chart.no_data"));
	const auto names = MemberNames(web, access);
	Json overdue = Json::array();
	for (const auto &finding : overview->findings) {
		if (app::IsOverdue(finding, overview->today)) {
			overdue.push_back(FindingRow(web, request, access, names, finding, overview->today));
		}
	}
	Json model = {{"base", Base(access)},
	              {"can_edit", access.CanEdit()},
	              {"inspections", rows},
	              {"empty", rows.empty()},
	              {"chart", chart},
	              {"overdue", overdue},
	              {"has_overdue", !overdue.empty()},
	              {"open_actions", overview->open_actions},
	              {"notice", request.Param("done") == "planned" ? Json(words("web_inspections.planned")) : Json(false)}};
	web.SendHtml(request, 200, web.RenderPage(request, "inspections", model, "web_inspections.title.list", access));
}

void ShowActions(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto overview = app::InspectionHistory(web.ctx(), access);
	if (!overview) {
		return web.SendErrorPage(request, overview.error());
	}
	const auto names = MemberNames(web, access);
	Json rows = Json::array();
	for (const auto &finding : overview->findings) {
		rows.push_back(FindingRow(web, request, access, names, finding, overview->today));
	}
	Json model = {{"base", Base(access)}, {"actions", rows}, {"empty", rows.empty()}, {"can_edit", access.CanEdit()}};
	web.SendHtml(request, 200,
	             web.RenderPage(request, "inspection_actions", model, "web_inspections.title.actions", access));
}

// --- planning ---------------------------------------------------------------------------------

storage::Inspection ReadPlan(const Request &request) {
	storage::Inspection plan;
	plan.title = app::TrimSpaces(request.Param("title"));
	plan.standard = request.Param("standard");
	plan.scope = app::TrimSpaces(request.Param("scope"));
	plan.methods = request.Values("method");
	plan.planned_on = app::TrimSpaces(request.Param("planned_on"));
	plan.inspector = app::TrimSpaces(request.Param("inspector"));
	return plan;
}

template <size_t N>
Json Choices(const PageText &words, const Choice (&choices)[N], const std::vector<std::string> &chosen) {
	Json out = Json::array();
	for (const Choice &choice : choices) {
		const std::string name = choice.name;
		out.push_back({{"value", name},
		               {"id", "choice-" + name},
		               {"label", words(choice.label)},
		               {"hint", words(choice.hint)},
		               {"checked", std::find(chosen.begin(), chosen.end(), name) != chosen.end()}});
	}
	return out;
}

void RenderPlan(WebApp &web, Request &request, const app::OrgAccess &access, const storage::Inspection &plan,
                const std::optional<Error> &error) {
	const PageText words{web, request};
	Json model = {
	    {"base", Base(access)},
	    {"texts", Json::array({TextField(words, "title", "web_inspections.field.title", "web_inspections.field.title_hint",
	                                     plan.title, true, false, error),
	                           TextField(words, "scope", "web_inspections.field.scope", "web_inspections.field.scope_hint",
	                                     plan.scope, false, true, error),
	                           TextField(words, "inspector", "web_inspections.field.inspector", "", plan.inspector,
	                                     false, false, error)})},
	    {"planned_on", DateField(words, "planned_on", "web_inspections.field.planned_on", "web_inspections.date_hint",
	                             plan.planned_on, error)},
	    {"standards", Choices(words, kStandards, {plan.standard})},
	    {"methods", Choices(words, kMethods, plan.methods)},
	    {"standard_error", error && error->field == "standard" ? Json(words.Describe(*error)) : Json(false)},
	    {"methods_error", error && error->field == "methods" ? Json(words.Describe(*error)) : Json(false)}};
	if (error) {
		model["error_summary"] = ErrorSummary(*error, error->field == "standard"  ? "choice-five_articles"
		                                              : error->field == "methods" ? "choice-question"
		                                                                          : error->field);
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "inspection_plan", model, "web_inspections.title.plan", access));
}

void ShowPlan(WebApp &web, Request &request, const app::OrgAccess &access) {
	storage::Inspection plan;
	plan.planned_on = web.ctx().clock.TodayInJapan();
	RenderPlan(web, request, access, plan, std::nullopt);
}

void CreatePlan(WebApp &web, Request &request, const app::OrgAccess &access) {
	const storage::Inspection plan = ReadPlan(request);
	auto id = app::PlanInspection(web.ctx(), request.actor(), access, plan);
	if (!id) {
		if (id.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, id.error());
		}
		return RenderPlan(web, request, access, plan, id.error());
	}
	web.Redirect(request, Base(access) + "/" + std::to_string(*id) + "?done=planned");
}

// --- one inspection ---------------------------------------------------------------------------

const char *DoneKey(const std::string &done) {
	if (done == "planned") {
		return "web_inspections.planned";
	}
	if (done == "recorded") {
		return "web_inspections.recorded";
	}
	if (done == "finding") {
		return "web_inspections.finding_added";
	}
	if (done == "closed") {
		return "web_inspections.action_closed";
	}
	if (done == "reported") {
		return "web_inspections.reported";
	}
	return nullptr;
}

void RenderInspection(WebApp &web, Request &request, const app::OrgAccess &access, Id inspection_id,
                      const std::optional<Error> &error) {
	auto inspection = app::GetInspection(web.ctx(), access, inspection_id);
	if (!inspection) {
		return web.SendErrorPage(request, inspection.error());
	}
	auto findings = app::ListFindings(web.ctx(), access, inspection_id);
	auto members = app::ListMembers(web.ctx(), access);
	if (!findings || !members) {
		return web.SendErrorPage(request, !findings ? findings.error() : members.error());
	}
	const PageText words{web, request};
	const std::string today = web.ctx().clock.TodayInJapan();
	const auto names = MemberNames(web, access);
	Json rows = Json::array();
	for (const auto &finding : *findings) {
		rows.push_back(FindingRow(web, request, access, names, finding, today));
	}
	Json owners = Json::array();
	for (const auto &member : *members) {
		owners.push_back({{"id", member.user_id},
		                  {"name", member.display_name.empty() ? member.email : member.display_name},
		                  {"selected", request.Param("action_owner") == std::to_string(member.user_id)}});
	}
	Json severities = Json::array();
	for (const auto &severity : app::FindingSeverities()) {
		severities.push_back({{"value", severity},
		                      {"label", words(Find(kSeverities, severity).label)},
		                      {"selected", request.Param("severity") == severity}});
	}
	const std::string self = Base(access) + "/" + std::to_string(inspection_id);
	auto field_error = [&](const char *field) {
		return error && error->field == field ? Json(words.Describe(*error)) : Json(false);
	};
	const char *done = DoneKey(request.Param("done"));
	const bool posted = error.has_value();
	Json model = {
	    {"base", Base(access)},
	    {"title", inspection->title},
	    {"standard", words(Find(kStandards, inspection->standard).label)},
	    {"scope", inspection->scope},
	    {"methods", MethodsText(words, inspection->methods)},
	    {"planned_on", Date(web, request, inspection->planned_on)},
	    {"inspector", inspection->inspector},
	    {"done", !inspection->done_on.empty()},
	    {"done_on", Date(web, request, inspection->done_on)},
	    {"summary", inspection->summary},
	    {"reported", !inspection->reported_on.empty()},
	    {"reported_on", Date(web, request, inspection->reported_on)},
	    {"owner_comment", inspection->owner_comment},
	    {"findings", rows},
	    {"has_findings", !rows.empty()},
	    {"owners", owners},
	    {"severities", severities},
	    {"can_edit", access.CanEdit()},
	    {"can_report", app::CanReportToOwner(access) && !inspection->done_on.empty()},
	    {"result_action", self + "/result"},
	    {"finding_action", self + "/findings"},
	    {"report_action", self + "/report"},
	    {"form",
	     {{"done_on", posted ? request.Param("done_on") : (inspection->done_on.empty() ? today : inspection->done_on)},
	      {"summary", posted ? request.Param("summary") : inspection->summary},
	      {"description", posted ? request.Param("description") : ""},
	      {"action", posted ? request.Param("action") : ""},
	      {"due_on", posted ? request.Param("due_on") : ""},
	      {"reported_on", posted ? request.Param("reported_on") : today},
	      {"owner_comment", posted ? request.Param("owner_comment") : inspection->owner_comment}}},
	    {"errors",
	     {{"done_on", field_error("done_on")},
	      {"summary", field_error("summary")},
	      {"description", field_error("description")},
	      {"severity", field_error("severity")},
	      {"action", field_error("action")},
	      {"action_owner", field_error("action_owner")},
	      {"due_on", field_error("due_on")},
	      {"reported_on", field_error("reported_on")},
	      {"owner_comment", field_error("owner_comment")},
	      {"closed_on", field_error("closed_on")}}},
	    {"notice", done == nullptr ? Json(false) : Json(words(done))}};
	if (error) {
		model["error_summary"] = ErrorSummary(*error, error->field);
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "inspection", model, "web_inspections.title.one", access));
}

void ShowInspection(WebApp &web, Request &request, const app::OrgAccess &access) {
	const auto id = PathId(request, 2);
	if (!id) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "app_inspections.not_found"));
	}
	RenderInspection(web, request, access, *id, std::nullopt);
}

//! Runs a change of one inspection, then back to its page (or the page again with the problem).
template <typename Change>
void ChangeInspection(WebApp &web, Request &request, const app::OrgAccess &access, const char *done, Change change) {
	const auto id = PathId(request, 2);
	if (!id) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "app_inspections.not_found"));
	}
	Status status = change(*id);
	if (!status) {
		if (status.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, status.error());
		}
		return RenderInspection(web, request, access, *id, status.error());
	}
	web.Redirect(request, Base(access) + "/" + std::to_string(*id) + "?done=" + done);
}

void RecordResult(WebApp &web, Request &request, const app::OrgAccess &access) {
	ChangeInspection(web, request, access, "recorded", [&](Id id) {
		return app::RecordInspectionResult(web.ctx(), request.actor(), access, id,
		                                   app::TrimSpaces(request.Param("done_on")),
		                                   app::TrimSpaces(request.Param("summary")));
	});
}

void AddFinding(WebApp &web, Request &request, const app::OrgAccess &access) {
	ChangeInspection(web, request, access, "finding", [&](Id id) -> Status {
		storage::InspectionFinding finding;
		finding.description = app::TrimSpaces(request.Param("description"));
		finding.severity = request.Param("severity");
		finding.action = app::TrimSpaces(request.Param("action"));
		finding.action_owner = WebApp::ParseId(request.Param("action_owner")).value_or(0);
		finding.due_on = app::TrimSpaces(request.Param("due_on"));
		auto added = app::AddFinding(web.ctx(), request.actor(), access, id, finding);
		return added ? OkStatus() : Status(added.error());
	});
}

void CloseAction(WebApp &web, Request &request, const app::OrgAccess &access) {
	ChangeInspection(web, request, access, "closed", [&](Id) -> Status {
		const auto finding_id = PathId(request, 3);
		if (!finding_id) {
			return Error::Make(ErrorCode::kNotFound, "app_inspections.finding_not_found");
		}
		return app::CloseCorrectiveAction(web.ctx(), request.actor(), access, *finding_id,
		                                  app::TrimSpaces(request.Param("closed_on")));
	});
}

void ReportToOwner(WebApp &web, Request &request, const app::OrgAccess &access) {
	ChangeInspection(web, request, access, "reported", [&](Id id) {
		return app::ReportInspectionToOwner(web.ctx(), request.actor(), access, id,
		                                    app::TrimSpaces(request.Param("reported_on")),
		                                    app::TrimSpaces(request.Param("owner_comment")));
	});
}

// --- the JSON API -----------------------------------------------------------------------------

Json InspectionJson(const storage::Inspection &inspection, const app::InspectionRecord *record) {
	Json out = {{"id", inspection.id},
	            {"title", inspection.title},
	            {"standard", inspection.standard},
	            {"scope", inspection.scope},
	            {"methods", inspection.methods},
	            {"planned_on", inspection.planned_on},
	            {"inspector", inspection.inspector},
	            {"done_on", inspection.done_on.empty() ? Json(nullptr) : Json(inspection.done_on)},
	            {"reported_on", inspection.reported_on.empty() ? Json(nullptr) : Json(inspection.reported_on)}};
	if (record != nullptr) {
		out["findings"] = record->findings;
		out["closed_actions"] = record->closed;
		out["overdue_actions"] = record->overdue;
	}
	return out;
}

void ApiList(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto overview = app::InspectionHistory(web.ctx(), access);
	if (!overview) {
		return web.SendApiError(request, overview.error());
	}
	Json list = Json::array();
	for (const auto &record : overview->records) {
		list.push_back(InspectionJson(record.inspection, &record));
	}
	web.SendJson(request, 200, {{"inspections", list}, {"overdue_actions", overview->overdue_actions}});
}

Result<storage::Inspection> DecodePlan(const Json &body) {
	storage::Inspection plan;
	auto text = [&](const char *key, size_t max, bool required) -> Result<std::string> {
		auto found = body.find(key);
		if (found == body.end()) {
			if (required) {
				return Error::Invalid(key, "web_inspections.api.missing", {{"field", key}});
			}
			return std::string();
		}
		return codec::RequireString(*found, key, max);
	};
	plan.title = MAMORI_TRY(text("title", 1000, true));
	plan.standard = MAMORI_TRY(text("standard", 100, true));
	plan.scope = MAMORI_TRY(text("scope", 3000, false));
	plan.planned_on = MAMORI_TRY(text("planned_on", 20, true));
	plan.inspector = MAMORI_TRY(text("inspector", 1000, false));
	auto methods = body.find("methods");
	if (methods == body.end() || !methods->is_array()) {
		return Error::Invalid("methods", "web_inspections.api.methods_array");
	}
	for (size_t i = 0; i < methods->size() && i < 10; ++i) {
		plan.methods.push_back(MAMORI_TRY(codec::RequireString((*methods)[i], "methods." + std::to_string(i), 40)));
	}
	return plan;
}

void ApiCreate(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto body = ParseJsonObjectBody(request);
	if (!body) {
		return web.SendApiError(request, body.error());
	}
	auto plan = DecodePlan(*body);
	if (!plan) {
		return web.SendApiError(request, plan.error());
	}
	auto id = app::PlanInspection(web.ctx(), request.actor(), access, *plan);
	if (!id) {
		return web.SendApiError(request, id.error());
	}
	auto created = app::GetInspection(web.ctx(), access, *id);
	if (!created) {
		return web.SendApiError(request, created.error());
	}
	web.SendJson(request, 201, InspectionJson(*created, nullptr));
}

} // namespace

RouteTable InspectionRoutes() {
	return {
	    {Method::kGet, R"(/orgs/(\d+)/inspections)", OrgMember(), ShowList},
	    {Method::kGet, R"(/orgs/(\d+)/inspections/actions)", OrgMember(), ShowActions},
	    {Method::kGet, R"(/orgs/(\d+)/inspections/new)", OrgEditor(), ShowPlan},
	    {Method::kPost, R"(/orgs/(\d+)/inspections/new)", OrgEditor(), CreatePlan},
	    {Method::kGet, R"(/orgs/(\d+)/inspections/(\d+))", OrgMember(), ShowInspection},
	    {Method::kPost, R"(/orgs/(\d+)/inspections/(\d+)/result)", OrgEditor(), RecordResult},
	    {Method::kPost, R"(/orgs/(\d+)/inspections/(\d+)/findings)", OrgEditor(), AddFinding},
	    {Method::kPost, R"(/orgs/(\d+)/inspections/(\d+)/findings/(\d+)/close)", OrgEditor(), CloseAction},
	    // Editors and the 経営者 (app::CanReportToOwner decides).
	    {Method::kPost, R"(/orgs/(\d+)/inspections/(\d+)/report)", OrgMember(), ReportToOwner},
	    {Method::kGet, R"(/api/v1/orgs/([^/]+)/inspections)", Api(OrgMember()), ApiList},
	    {Method::kPost, R"(/api/v1/orgs/([^/]+)/inspections)", Api(OrgEditor()), ApiCreate},
	};
}

} // namespace mamori::web
