// mamori/web/incident_routes.hpp
//
// The incident pages under /orgs/ID/incidents (issue 9), split by area:
// routes_incidents.cpp (「異常を見つけた」 form, the confirmation, the list
// and the route table) and routes_incident_work.cpp (one incident's page and
// the 責任者's actions on it). IncidentRoutes (route_table.hpp) joins them.
#pragma once

#include "app/incidents.hpp"
#include "web/route_table.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace mamori::web::incident_pages {

//! "/orgs/ID/incidents".
std::string IncidentBase(const app::OrgAccess &access);

//! The message key that asks one damage fact (external_impact, …).
const char *FactKey(std::string_view fact);

//! The damage levels 0–3 as a page (routes_incident_guides.cpp): what puts
//! an incident at each level and who leads it, by name when 管理体制 says.
void ShowLevels(WebApp &web, Request &request, const app::OrgAccess &access);

// 「事前に整理する情報」 (routes_incident_help.cpp): the draft or saved
// sheet for a help desk; saving is the 責任者's.
void ShowHelpSheet(WebApp &web, Request &request, const app::OrgAccess &access);
void SaveHelpSheet(WebApp &web, Request &request, const app::OrgAccess &access);

// Lessons learned (routes_incident_lessons.cpp): re-rate the threats and
// correct the check answers in one submit.
void ShowLessons(WebApp &web, Request &request, const app::OrgAccess &access);
void ApplyLessons(WebApp &web, Request &request, const app::OrgAccess &access);

//! The firm's procedures: the list for members, the editor for editors
//! (routes_incident_procedures.cpp); IncidentRoutes includes them.
RouteTable IncidentProcedureRoutes();

//! The dashboard's box of open incidents and the 速報/確報 still due, or
//! false when nothing is open (the box then does not show).
Json DashboardIncidents(WebApp &web, Request &request, const app::OrgAccess &access);

//! The incident page; with an error, the form that failed shows it (status
//! from the error).
void ShowIncident(WebApp &web, Request &request, const app::OrgAccess &access, const std::optional<Error> &error);

// The インシデント報告書 of a closed incident (routes_incident_report.cpp);
// 403 for those who do not see every incident.
void ShowReport(WebApp &web, Request &request, const app::OrgAccess &access);
void DownloadReportPdf(WebApp &web, Request &request, const app::OrgAccess &access);
void DownloadReportDocx(WebApp &web, Request &request, const app::OrgAccess &access);

// The 責任者's actions (POST).
void Classify(WebApp &web, Request &request, const app::OrgAccess &access);
void TickStep(WebApp &web, Request &request, const app::OrgAccess &access);
void Record(WebApp &web, Request &request, const app::OrgAccess &access);
void AnswerLeak(WebApp &web, Request &request, const app::OrgAccess &access);
void ReportSent(WebApp &web, Request &request, const app::OrgAccess &access);
void Close(WebApp &web, Request &request, const app::OrgAccess &access);

} // namespace mamori::web::incident_pages
