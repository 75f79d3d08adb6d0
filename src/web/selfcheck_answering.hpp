// mamori/web/selfcheck_answering.hpp
//
// Who answers the 自社診断 and where their answer pages live, shared by the
// one-question flow (routes_selfcheck_answer.cpp) and the one-page sheet
// (routes_selfcheck_sheet.cpp): both read and write the same record, so either
// continues what the other started.
#pragma once

#include "app/selfcheck_service.hpp"
#include "web/selfcheck_routes.hpp"

#include <optional>
#include <string>

namespace mamori::web::selfcheck_pages {

//! The four boxes of each row of the sheet, in the sheet's order.
inline constexpr Answer kAnswerChoices[] = {Answer::kImplemented, Answer::kPartial, Answer::kNotImplemented,
                                            Answer::kUnknown};

const SelfcheckGroup *GroupOf(const Edition &edition, const std::string &id);

//! Who is answering, resolved once per answer-flow request.
struct Answering {
	std::string respondent; // the name the answers are stored under
	std::string query;      // "?respondent=..." for editors; "" for 回答者 (their department is implied)
	std::optional<app::SelfcheckRound> round; // the open round, if any
	std::optional<app::SelfcheckResponse> response;
};

//! Answer-flow URLs keep the respondent (editors) and where to return after a change.
std::string AnswerUrl(const app::OrgAccess &access, const std::string &tail, const Answering &answering,
                      bool return_to_check = false);

//! "?respondent=..." for editors; "" for 回答者, whose department is implied.
std::string QueryFor(const app::OrgAccess &access, const std::string &respondent);

//! 回答者 always answer for their own department; editors name the respondent
//! in the query string (chosen on the landing page).
Result<Answering> ResolveAnswering(WebApp &web, Request &request, const app::OrgAccess &access);

//! An editor without a respondent goes back to the landing page, where they name one.
bool MustNameRespondent(WebApp &web, Request &request, const app::OrgAccess &access);

//! ResolveAnswering for pages: sends the landing page or the error itself and returns nullopt.
std::optional<Answering> AnsweringOrRespond(WebApp &web, Request &request, const app::OrgAccess &access);

Json AnsweringJson(const PageText &words, const app::OrgAccess &access, const Answering &answering);

//! The respondent the request names ("" for 回答者, whose department is implied).
std::string RequestedRespondent(const Request &request, const app::OrgAccess &access);

//! Where sheet_draft.mjs keeps the one-page sheet's choices in the browser; the done page clears it.
std::string SheetDraftKey(const app::OrgAccess &access, const Answering &answering);

} // namespace mamori::web::selfcheck_pages
