// mamori/web/selfcheck_routes.hpp
//
// The 自社診断 pages (付録3) under /orgs/ID/selfcheck, split by area:
// routes_selfcheck.cpp (overview, starting and closing rounds, and the shared
// helpers below), routes_selfcheck_answer.cpp (the answer flow: landing,
// one question per page, check and submit) and routes_selfcheck_result.cpp
// (the result). SelfcheckRoutes (route_table.hpp) joins the tables below.
#pragma once

#include "web/route_table.hpp"

#include <string>

namespace mamori::web::selfcheck_pages {

//! "/orgs/ID".
std::string OrgBase(const app::OrgAccess &access);

//! 表4's footnotes (※1, ※2) that belong to an item, for the templates.
Json FootnotesJson(const SelfcheckItem &item);

//! A round for the templates: number, title, dates (in the reader's
//! language) and whether it is open.
Json RoundJson(const PageText &words, const app::SelfcheckRound &round);

//! The round's name: as entered, or by its number in the reader's language
//! when it was started without one.
std::string RoundTitle(const PageText &words, const app::SelfcheckRound &round);

//! A stored timestamp or date as the day in Japan, in the reader's language
//! (「2025年4月1日（火）」, "Tue 1 April 2025"); "" when it is not a date.
std::string DayText(const PageText &words, const std::string &iso);

RouteTable OverviewRoutes();
RouteTable AnsweringRoutes();
RouteTable SheetRoutes();
RouteTable ResultRoutes();

} // namespace mamori::web::selfcheck_pages
