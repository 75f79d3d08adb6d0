// mamori/web/routes_incidents.cpp
//
// 「異常を見つけた」 (issue 9): the one short form every member can fill in
// from a phone (what, when, which device), the confirmation that says who
// now has it, and the list of incidents (a member sees their own). The rules
// live in app/incidents; this file only translates HTTP.
#include "app/documents/document_editing.hpp"
#include "app/incident_notice.hpp"
#include "app/selfcheck_views.hpp"
#include "web/form_dates.hpp"
#include "web/incident_routes.hpp"
#include "web/register_pages.hpp"

namespace mamori::web {
namespace incident_pages {

std::string IncidentBase(const app::OrgAccess &access) {
	return "/orgs/" + std::to_string(access.org.id) + "/incidents";
}

Json DashboardIncidents(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto summary = app::SummarizeIncidents(web.ctx(), request.actor(), access);
	if (!summary || summary->open.empty()) {
		return false;  // a failure here must not take the whole dashboard down
	}
	Json open = Json::array();
	for (const auto &incident : summary->open) {
		open.push_back({{"href", IncidentBase(access) + "/" + std::to_string(incident.id)},
		                {"what", incident.what},
		                {"reported_at", FormatDateTime(web.messages(), request.locale, incident.reported_at)}});
	}
	Json due = Json::array();
	for (const auto &report : summary->due) {
		due.push_back({{"href", IncidentBase(access) + "/" + std::to_string(report.incident.id) + "#leak"},
		               {"what", report.incident.what},
		               {"stage", web.Text(request, report.stage == app::ReportStage::kFinal ? "web_incidents.duty.final"
		                                                                                    : "web_incidents.duty.preliminary")},
		               {"due", FormatDate(web.messages(), request.locale, IsoDate(report.due))}});
	}
	return {{"open", open}, {"due", due}, {"has_due", !due.empty()}, {"list", IncidentBase(access)}};
}

} // namespace incident_pages

namespace {

using namespace incident_pages;
using register_pages::AddError;
using register_pages::TextField;

void RenderReportForm(WebApp &web, Request &request, const app::OrgAccess &access, const app::IncidentReport &report,
                      const std::optional<Error> &error) {
	const PageText words{web, request};
	Json texts = Json::array({
	    TextField(words, "what", "web_incidents.report.what", "web_incidents.report.what_hint", report.what, true, true,
	              error),
	    TextField(words, "device", "web_incidents.report.device", "web_incidents.report.device_hint", report.device,
	              false, false, error),
	});
	Json model = {{"action", IncidentBase(access) + "/new"},
	              {"texts", texts},
	              {"noticed_at", report.noticed_at.empty() && !error ? app::JapanMinuteNow(web.ctx().clock)
	                                                                 : report.noticed_at},
	              {"noticed_error",
	               error && error->field == "noticed_at" ? Json(words.Describe(*error)) : Json(false)}};
	if (error) {
		AddError(model, *error);
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "incident_new", model, "web_incidents.title.new", access));
}

void ShowNew(WebApp &web, Request &request, const app::OrgAccess &access) {
	RenderReportForm(web, request, access, {}, std::nullopt);
}

void Create(WebApp &web, Request &request, const app::OrgAccess &access) {
	app::IncidentReport report;
	report.what = app::TrimSpaces(request.Param("what"));
	report.noticed_at = app::TrimSpaces(request.Param("noticed_at"));
	report.device = app::TrimSpaces(request.Param("device"));
	auto id = app::ReportIncident(web.ctx(), request.actor(), access, report);
	if (!id) {
		if (id.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, id.error());
		}
		return RenderReportForm(web, request, access, report, id.error());
	}
	const std::string incident_path = IncidentBase(access) + "/" + std::to_string(*id);
	// The report is stored; mail is a second channel whose outcome the timeline shows.
	if (auto noticed = app::NotifyIncidentReported(web.ctx(), web.messages(), request.actor(), access, *id, web.AbsoluteUrl(incident_path));
	    !noticed) {
		return web.SendErrorPage(request, noticed.error());
	}
	web.Redirect(request, incident_path + "/reported");
}

//! Who the report reached: the 対応責任者 of 管理体制, else the 情報セキュリティ責任者.
std::string ReachedText(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto holders = app::RoleHolders(web.ctx(), access);
	if (holders) {
		if (auto it = holders->find("response_manager"); it != holders->end()) {
			const auto *lead = web.Content(request).incident.damage.FindLead("response_manager");
			return web.Text(request, "web_incidents.reported.reached_named",
			                {{"role", lead == nullptr ? "" : lead->label}, {"name", it->second}});
		}
		if (auto it = holders->find("information_security_officer"); it != holders->end()) {
			return web.Text(request, "web_incidents.reported.reached_named",
			                {{"role", web.Text(request, "roles.manager")}, {"name", it->second}});
		}
	}
	return web.Text(request, "web_incidents.reported.reached_unnamed");
}

void ShowReported(WebApp &web, Request &request, const app::OrgAccess &access) {
	const auto id = WebApp::ParseId(request.http.matches[2]);
	auto incident = id ? app::GetIncident(web.ctx(), request.actor(), access, *id)
	                   : Result<storage::Incident>(Error::Make(ErrorCode::kNotFound, "app_incidents.not_found"));
	if (!incident) {
		return web.SendErrorPage(request, incident.error());
	}
	Json model = {{"reached", ReachedText(web, request, access)},
	              {"what", incident->what},
	              {"reported_at", FormatDateTime(web.messages(), request.locale, incident->reported_at)},
	              {"href", IncidentBase(access) + "/" + std::to_string(incident->id)},
	              {"new_report", IncidentBase(access) + "/new"}};
	web.SendHtml(request, 200, web.RenderPage(request, "incident_reported", model, "web_incidents.title.reported", access));
}

void ShowList(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto incidents = app::ListIncidents(web.ctx(), request.actor(), access);
	if (!incidents) {
		return web.SendErrorPage(request, incidents.error());
	}
	const auto &rules = web.Content(request).incident;
	Json rows = Json::array();
	for (const auto &incident : *incidents) {
		const incident::IncidentKind *kind = incident.kind ? rules.procedures.FindKind(*incident.kind) : nullptr;
		rows.push_back({{"href", IncidentBase(access) + "/" + std::to_string(incident.id)},
		                {"what", incident.what},
		                {"reported_at", FormatDateTime(web.messages(), request.locale, incident.reported_at)},
		                {"reported_by", incident.reported_by_name},
		                {"kind", kind == nullptr ? Json(false) : Json(kind->label)},
		                {"level", incident.level ? Json(*incident.level) : Json(false)},
		                {"closed", incident.closed}});
	}
	Json model = {{"incidents", rows},
	              {"empty", rows.empty()},
	              {"sees_all", app::SeesAllIncidents(access)},
	              {"new_report", IncidentBase(access) + "/new"},
	              {"exercises", "/orgs/" + std::to_string(access.org.id) + "/exercises"},
	              {"levels", IncidentBase(access) + "/levels"},
	              {"procedures", IncidentBase(access) + "/procedures"}};
	web.SendHtml(request, 200, web.RenderPage(request, "incidents", model, "web_incidents.title.list", access));
}

void Show(WebApp &web, Request &request, const app::OrgAccess &access) {
	ShowIncident(web, request, access, std::nullopt);
}

} // namespace

RouteTable IncidentRoutes() {
	RouteTable routes = {
	    {Method::kGet, R"(/orgs/(\d+)/incidents)", OrgMember(), ShowList},
	    {Method::kGet, R"(/orgs/(\d+)/incidents/new)", OrgMember(), ShowNew},
	    {Method::kGet, R"(/orgs/(\d+)/incidents/levels)", OrgMember(), ShowLevels},
	    {Method::kPost, R"(/orgs/(\d+)/incidents/new)", OrgMember(), Create},
	    {Method::kGet, R"(/orgs/(\d+)/incidents/(\d+))", OrgMember(), Show},
	    {Method::kGet, R"(/orgs/(\d+)/incidents/(\d+)/reported)", OrgMember(), ShowReported},
	    {Method::kGet, R"(/orgs/(\d+)/incidents/(\d+)/report)", OrgMember(), ShowReport},
	    {Method::kGet, R"(/orgs/(\d+)/incidents/(\d+)/report\.pdf)", OrgMember(), DownloadReportPdf},
	    {Method::kGet, R"(/orgs/(\d+)/incidents/(\d+)/report\.docx)", OrgMember(), DownloadReportDocx},
	    {Method::kPost, R"(/orgs/(\d+)/incidents/(\d+)/classify)", OrgEditor(), Classify},
	    {Method::kPost, R"(/orgs/(\d+)/incidents/(\d+)/steps)", OrgEditor(), TickStep},
	    {Method::kPost, R"(/orgs/(\d+)/incidents/(\d+)/records)", OrgEditor(), Record},
	    {Method::kPost, R"(/orgs/(\d+)/incidents/(\d+)/leak)", OrgEditor(), AnswerLeak},
	    {Method::kPost, R"(/orgs/(\d+)/incidents/(\d+)/report-sent)", OrgEditor(), ReportSent},
	    {Method::kPost, R"(/orgs/(\d+)/incidents/(\d+)/close)", OrgEditor(), Close},
	    {Method::kGet, R"(/orgs/(\d+)/incidents/(\d+)/help)", OrgMember(), ShowHelpSheet},
	    {Method::kPost, R"(/orgs/(\d+)/incidents/(\d+)/help)", OrgEditor(), SaveHelpSheet},
	    {Method::kGet, R"(/orgs/(\d+)/incidents/(\d+)/lessons)", OrgMember(), ShowLessons},
	    {Method::kPost, R"(/orgs/(\d+)/incidents/(\d+)/lessons)", OrgEditor(), ApplyLessons},
	};
	// The firm's procedures (routes_incident_procedures.cpp).
	for (auto &route : IncidentProcedureRoutes()) {
		routes.push_back(std::move(route));
	}
	return routes;
}

} // namespace mamori::web
