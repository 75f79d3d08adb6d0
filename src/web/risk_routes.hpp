// mamori/web/risk_routes.hpp
//
// The 詳細リスク分析 pages (付録7) under /orgs/ID/risk, split by area:
// routes_risk.cpp (overview and the shared helpers below),
// routes_risk_register.cpp (情報資産管理台帳), routes_risk_check.cpp (脅威の状況,
// 対策状況チェック, what-if), routes_risk_results.cpp (診断結果 and the
// explanation of every number), routes_risk_treatments.cpp (リスク対応) and
// routes_risk_files.cpp (Excel / CSV / JSON export and import).
// RiskRoutes (route_table.hpp) joins the tables below.
#pragma once

#include "app/risk_service.hpp"
#include "app/risk_views.hpp"
#include "web/route_table.hpp"

#include <map>
#include <optional>
#include <string>
#include <utility>

namespace mamori::web::risk_pages {

//! The gates of the risk pages: 回答者 get 403 (the analysis is for the
//! people in charge); RiskEditor also refuses roles that may not edit.
Gate RiskViewer();
Gate RiskEditor();

//! "/orgs/ID/risk".
std::string RiskBase(const app::OrgAccess &access);

//! The analysis on real answers; an error page is sent on failure. Names of
//! threats, categories and levels come from `content`: pages pass
//! &web.Content(request) (the reader's language); nullptr keeps the
//! installation catalog, which files and documents use.
std::shared_ptr<const app::RegisterAnalysis> LoadAnalysis(WebApp &web, Request &request, const app::OrgAccess &access,
                                                    bool with_planned, const Catalog *content = nullptr);

//! Adds the error summary and the inline error of one field to a form model.
//! `field_id` is the element the summary links to; `field_key` the key the
//! template looks up under "errors" (the app-layer field name).
void AddFormError(Json &model, const Error &error, const std::string &field_id, const std::string &field_key);

//! The treatments of an organisation keyed by (asset id, threat id).
using TreatmentIndex = std::map<std::pair<Id, std::string>, app::RiskTreatment>;
Result<TreatmentIndex> LoadTreatments(WebApp &web, const app::OrgAccess &access);

//! The database id of the asset at `index` of an analysis.
Id AssetIdAt(const app::RegisterAnalysis &analysis, size_t index);

//! The text, or false when empty: Mustache renders a section for any
//! string, even "", so optional texts used as {{#section}} must be false.
Json OptionalText(const std::string &text);

//! Words app/ chose (a message key and its parameters) in the reader's language.
inline std::string SayKeyed(const WebApp &web, const Request &request, const app::KeyedText &text) {
	return web.Text(request, text.key, text.params);
}

//! {"value", "label", "class"} for a risk level cell.
Json RiskCellJson(int value, const RiskLevelBand *level);

RouteTable OverviewRoutes();
RouteTable RiskRegisterRoutes();
RouteTable RiskCheckRoutes();
RouteTable RiskResultRoutes();
RouteTable RiskTreatmentRoutes();
RouteTable RiskFileRoutes();

} // namespace mamori::web::risk_pages
