// mamori/web/selfcheck_routes.hpp
//
// The 自社診断 pages (付録3) under /orgs/ID/selfcheck, split by area:
// routes_selfcheck.cpp (overview, starting and closing rounds, and the shared
// helpers below), routes_selfcheck_answer.cpp (the answer flow: landing,
// one question per page, check and submit) and routes_selfcheck_result.cpp
// (the result). WebApp::MountSelfcheck calls each Mount function below.
#pragma once

#include "web/web_app.hpp"

#include <string>

namespace mamori::web::selfcheck_pages {

//! "/orgs/ID".
std::string OrgBase(const app::OrgAccess &access);

//! 表4's footnotes (※1, ※2) that belong to an item, for the templates.
Json FootnotesJson(const SelfcheckItem &item);

//! A round for the templates: number, title, dates and whether it is open.
Json RoundJson(const storage::SelfcheckRound &round);

void MountAnswering(WebApp &web, httplib::Server &server);
void MountResult(WebApp &web, httplib::Server &server);

} // namespace mamori::web::selfcheck_pages
