// mamori/web/routes_selfcheck.cpp
//
// 自社診断 (付録3, 25 items): the overview for 責任者, where rounds are
// started and closed, the helpers every self-check page shares, and
// WebApp::MountSelfcheck, which mounts the pages of each area (see
// selfcheck_routes.hpp). Business rules (rounds, who may answer as whom,
// aggregation, scoring) live in app/selfcheck_service and core; these files
// only turn them into pages.
#include "app/selfcheck_service.hpp"
#include "app/selfcheck_views.hpp"
#include "web/presentation/css_classes.hpp"
#include "web/form_dates.hpp"
#include "web/http_errors.hpp"
#include "web/selfcheck_routes.hpp"

namespace mamori::web {
namespace selfcheck_pages {

std::string OrgBase(const app::OrgAccess &access) {
	return "/orgs/" + std::to_string(access.org.id);
}

Json FootnotesJson(const SelfcheckItem &item) {
	Json notes = Json::array();
	for (const auto &note : item.footnotes) {
		notes.push_back({{"mark", note.mark}, {"term", note.term}, {"text", note.text}});
	}
	return notes;
}

std::string RoundTitle(const PageText &words, const app::SelfcheckRound &round) {
	return round.title.empty() ? words("web_selfcheck.round_default_title", {{"number", std::to_string(round.number)}})
	                           : round.title;
}

std::string DayText(const PageText &words, const std::string &iso) {
	return FormatDate(words.web.messages(), words.request.locale, app::JapanIsoDate(iso));
}

Json RoundJson(const PageText &words, const app::SelfcheckRound &round) {
	return {{"id", round.id},
	        {"number", round.number},
	        {"title", RoundTitle(words, round)},
	        {"started", DayText(words, round.started_at)},
	        {"started_iso", app::JapanIsoDate(round.started_at)},
	        {"open", round.closed_at.empty()},
	        {"closed", DayText(words, round.closed_at)},
	        {"closed_iso", app::JapanIsoDate(round.closed_at)}};
}

namespace {

void RenderOverview(WebApp &web, Request &request, const app::OrgAccess &access, const std::string &title_input,
                    const std::optional<Error> &error) {
	const Edition &edition = access.EditionOf(web.Content(request));
	const std::string base = OrgBase(access);
	auto summary = app::SummarizeRound(web.ctx(), access, std::nullopt, &web.Content(request));
	if (!summary) {
		return web.SendErrorPage(request, summary.error());
	}
	auto departments = app::ListDepartments(web.ctx(), access);
	if (!departments) {
		return web.SendErrorPage(request, departments.error());
	}
	Json model = {{"base", base},
	              {"item_count", edition.ItemCount()},
	              {"can_edit", access.CanEdit()},
	              {"can_manage_members", access.CanManageMembers()},
	              {"members_href", base + "/members"},
	              {"answer_href", base + "/selfcheck/answer"},
	              {"result_href", base + "/selfcheck/result"},
	              {"round_title", title_input},
	              {"has_departments", !departments->empty()}};
	std::vector<app::SelfcheckResponse> responses;
	if (summary->has_value()) {
		const auto &round = (*summary)->round;
		model["round"] = RoundJson(PageText{web, request}, round);
		model["close_action"] = base + "/selfcheck/rounds/" + std::to_string(round.id) + "/close";
		model["has_answers"] = !(*summary)->respondents.empty();
		// Answers only go into the open round; a closed round's sheets are history.
		if (round.closed_at.empty()) {
			responses = (*summary)->responses;
		}
	}
	const bool round_open = summary->has_value() && (*summary)->round.closed_at.empty();
	Json rows = Json::array();
	for (const auto &row : app::RespondentRows(*departments, responses, edition.ItemCount())) {
		rows.push_back({{"name", row.name},
		                {"is_department", row.is_department},
		                {"status", web.Text(request, row.progress.label.key, row.progress.label.params)},
		                {"tag_class", ResponseTagClass(row.progress.state)},
		                {"answer_href", base + "/selfcheck/answer" + app::QueryString({{"respondent", row.name}})}});
	}
	model["respondents"] = rows;
	model["has_respondents"] = !rows.empty();
	model["round_open"] = round_open;
	model["next_round_number"] = summary->has_value() ? (*summary)->round.number + 1 : 1;
	if (error) {
		model["error_summary"] = ErrorSummary(*error, "title");
		model["errors"] = {{"title", error->message}};
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "selfcheck_overview", model, "pages.selfcheck", access));
}

void ShowOverview(WebApp &web, Request &request, const app::OrgAccess &access) {
	if (access.IsRespondent()) {
		// 回答者 have only the answer flow; take them there instead of a dead end.
		return web.Redirect(request, OrgBase(access) + "/selfcheck/answer");
	}
	RenderOverview(web, request, access, "", std::nullopt);
}

void StartRound(WebApp &web, Request &request, const app::OrgAccess &access) {
	const std::string title = app::TrimSpaces(request.Param("title"));
	auto started = app::StartRound(web.ctx(), request.actor(), access, title);
	if (!started) {
		if (started.error().code == ErrorCode::kInvalidInput) {
			return RenderOverview(web, request, access, title, started.error());
		}
		return web.SendErrorPage(request, started.error());
	}
	web.Redirect(request, OrgBase(access) + "/selfcheck");
}

void CloseRound(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto round_id = WebApp::ParseId(request.http.matches[2]);
	if (!round_id) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "web_selfcheck.round_not_found"));
	}
	if (auto closed = app::CloseRound(web.ctx(), request.actor(), access, *round_id); !closed) {
		return web.SendErrorPage(request, closed.error());
	}
	web.Redirect(request, OrgBase(access) + "/selfcheck");
}

} // namespace

RouteTable OverviewRoutes() {
	return {
	    {Method::kGet, R"(/orgs/(\d+)/selfcheck)", OrgMember(), ShowOverview},
	    {Method::kPost, R"(/orgs/(\d+)/selfcheck/rounds)",
	     OrgEditor("gates.selfcheck_start"), StartRound},
	    {Method::kPost, R"(/orgs/(\d+)/selfcheck/rounds/(\d+)/close)",
	     OrgEditor("gates.selfcheck_close"), CloseRound},
	};
}

} // namespace selfcheck_pages

RouteTable SelfcheckRoutes() {
	RouteTable routes = selfcheck_pages::OverviewRoutes();
	for (RouteTable (*table)() : {selfcheck_pages::AnsweringRoutes, selfcheck_pages::SheetRoutes, selfcheck_pages::ResultRoutes}) {
		for (Route &route : table()) {
			routes.push_back(std::move(route));
		}
	}
	return routes;
}

} // namespace mamori::web
