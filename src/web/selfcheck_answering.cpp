// mamori/web/selfcheck_answering.cpp
#include "web/selfcheck_answering.hpp"

#include "app/selfcheck_views.hpp"

namespace mamori::web::selfcheck_pages {

const SelfcheckGroup *GroupOf(const Edition &edition, const std::string &id) {
	for (const auto &group : edition.selfcheck_rules.groups) {
		if (group.id == id) {
			return &group;
		}
	}
	return nullptr;
}


//! Answer-flow URLs keep the respondent (editors) and where to return after a change.
std::string AnswerUrl(const app::OrgAccess &access, const std::string &tail, const Answering &answering,
                      bool return_to_check) {
	std::string url = OrgBase(access) + "/selfcheck/answer" + tail + answering.query;
	if (return_to_check) {
		url += answering.query.empty() ? "?return=check" : "&return=check";
	}
	return url;
}

// ---- shared steps ----------------------------------------------------------

//! "?respondent=..." for editors; "" for 回答者, whose department is implied.
std::string QueryFor(const app::OrgAccess &access, const std::string &respondent) {
	return access.IsRespondent() ? std::string() : app::QueryString({{"respondent", respondent}});
}

// 回答者 always answer for their own department; editors name the
// respondent in the query string (chosen on the landing page).
Result<Answering> ResolveAnswering(WebApp &web, Request &request, const app::OrgAccess &access) {
	const std::string requested = access.IsRespondent() ? "" : app::TrimSpaces(request.Param("respondent"));
	auto sheet = app::OpenAnswerSheet(web.ctx(), access, requested);
	if (!sheet) {
		return sheet.error();
	}
	return Answering{sheet->respondent, QueryFor(access, sheet->respondent), sheet->round, sheet->response};
}

//! An editor without a respondent goes back to the landing page, where they name one.
bool MustNameRespondent(WebApp &web, Request &request, const app::OrgAccess &access) {
	if (!access.IsRespondent() && access.CanEdit() && app::TrimSpaces(request.Param("respondent")).empty()) {
		web.Redirect(request, OrgBase(access) + "/selfcheck/answer");
		return true;
	}
	return false;
}

// For question, check and done pages: a missing or blank respondent sends
// editors back to the landing page, where they name one.
std::optional<Answering> AnsweringOrRespond(WebApp &web, Request &request, const app::OrgAccess &access) {
	if (MustNameRespondent(web, request, access)) {
		return std::nullopt;
	}
	auto answering = ResolveAnswering(web, request, access);
	if (!answering) {
		web.SendErrorPage(request, answering.error());
		return std::nullopt;
	}
	return *answering;
}

Json AnsweringJson(const PageText &words, const app::OrgAccess &access, const Answering &answering) {
	return Json{{"name", answering.respondent},
	            {"named_by_editor", !access.IsRespondent()},
	            {"round", answering.round ? RoundJson(words, *answering.round) : Json(nullptr)},
	            {"has_round", answering.round.has_value()}};
}

std::string RequestedRespondent(const Request &request, const app::OrgAccess &access) {
	return access.IsRespondent() ? "" : app::TrimSpaces(request.Param("respondent"));
}

} // namespace mamori::web::selfcheck_pages
