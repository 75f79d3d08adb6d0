// mamori/web/routes_selfcheck_sheet.cpp
//
// The whole 自社診断 sheet on one page, for a person at a desk (issue 13):
// 25 rows grouped as the paper sheet is, four boxes each with their points,
// one submit. It writes the same record as the one-question flow, so either
// view continues what the other started. Rows left empty are listed in an
// error summary; the answers given are saved all the same.
#include "app/browser_draft_key.hpp"
#include "app/selfcheck_service.hpp"
#include "app/selfcheck_views.hpp"
#include "web/http_errors.hpp"
#include "web/selfcheck_answering.hpp"
#include "web/selfcheck_routes.hpp"

namespace mamori::web::selfcheck_pages {
namespace {

std::string ItemField(int number) { return "item-" + std::to_string(number); }

std::string FirstBoxId(int number) {
	return ItemField(number) + "-" + std::string(AnswerName(kAnswerChoices[0]));
}

//! What one POST of the sheet carries: the rows answered, and a row whose value is not one of
//! the four boxes (a tampered form) as the error.
struct PostedSheet {
	AnswerSheet answers;
	std::optional<Error> error;
};

PostedSheet ReadPostedSheet(const Request &request, const Edition &edition) {
	PostedSheet posted;
	for (const auto &item : edition.selfcheck_items) {
		const std::string value = request.Param(ItemField(item.number));
		if (value.empty()) {
			continue;
		}
		auto answer = ParseAnswerName(value);
		if (!answer) {
			posted.error = Error::Invalid(ItemField(item.number), "web_selfcheck.choose_answer", {{"item", item.short_title}});
			continue;
		}
		posted.answers[item.number] = *answer;
	}
	return posted;
}

struct SheetProblems {
	std::vector<int> unanswered;  // item numbers left empty, in sheet order
	std::optional<Error> error;   // a tampered row, if any
};

std::string DraftKey(const app::OrgAccess &access, const Answering &answering) {
	return "mamori-sheet-" + std::to_string(access.org.id) + "-" + answering.respondent;
}

//! The key sheet_draft.mjs encrypts the browser's draft with; empty (no draft
//! kept) if the installation secret cannot be read, which only costs the safety net.
std::string DraftCipherKey(WebApp &web, const app::OrgAccess &access, const Answering &answering) {
	Result<std::string> key = app::BrowserDraftKey(web.ctx(), access.membership.user_id, DraftKey(access, answering));
	return key ? *key : std::string();
}

//! `stored`: the page answers a post whose answers are now in the database, so the browser's
//! draft of them (sheet_draft.mjs) is spent.
void RenderSheet(WebApp &web, Request &request, const app::OrgAccess &access, const Answering &answering,
                 const AnswerSheet &answers, const SheetProblems &problems, bool stored = false) {
	const Edition &edition = access.EditionOf(web.Content(request));
	const bool show_missing = !problems.unanswered.empty() || problems.error.has_value();
	Json groups = Json::array();
	for (const auto &group : edition.selfcheck_rules.groups) {
		Json items = Json::array();
		for (const auto &item : edition.selfcheck_items) {
			if (item.group != group.id) {
				continue;
			}
			const auto selected = app::AnswerOf(answers, item.number);
			Json choices = Json::array();
			for (Answer answer : kAnswerChoices) {
				const std::string value(AnswerName(answer));
				const int points = PointsFor(edition.selfcheck_rules, answer);
				choices.push_back({{"id", ItemField(item.number) + "-" + value},
				                   {"name", ItemField(item.number)},
				                   {"value", value},
				                   {"label", AnswerLabel(web.messages(), request.locale, answer)},
				                   {"points", points < 0 ? "−" + std::to_string(-points) : std::to_string(points)},
				                   {"checked", selected == answer}});
			}
			const bool missing = show_missing && !selected.has_value();
			items.push_back({{"number", item.number},
			                 {"text", item.text},
			                 {"field_id", ItemField(item.number)},
			                 {"choices", choices},
			                 {"footnotes", FootnotesJson(item)},
			                 {"missing", missing},
			                 {"error_message", missing ? web.Text(request, "web_selfcheck.choose_answer",
			                                                      {{"item", item.short_title}})
			                                           : ""}});
		}
		groups.push_back({{"id", group.id}, {"name", group.name}, {"items", items}});
	}
	Json model = {{"groups", groups},
	              {"item_count", edition.ItemCount()},
	              {"answered", app::AnsweredCount(answers, edition.ItemCount())},
	              {"respondent", AnsweringJson(PageText{web, request}, access, answering)},
	              {"back_href", AnswerUrl(access, "", answering)},
	              {"one_by_one_href", AnswerUrl(access, "", answering)},
	              {"saved", request.Param("saved") == "1"},
	              {"submitted", answering.response && !answering.response->submitted_at.empty()},
	              {"draft_key", DraftKey(access, answering)},
	              {"draft_cipher_key", DraftCipherKey(web, access, answering)},
	              {"draft_stored", stored || request.Param("saved") == "1"}};
	int status = 200;
	if (problems.error) {
		model["error_summary"] = ErrorSummary(*problems.error, problems.error->field + "-implemented");
		status = HttpStatusFor(problems.error->code);
	} else if (!problems.unanswered.empty()) {
		const Error error = Error::Invalid("answers", "web_selfcheck.unanswered_left",
		                                   {{"count", std::to_string(problems.unanswered.size())}});
		model["error_summary"] = ErrorSummary(error, FirstBoxId(problems.unanswered.front()));
		Json missing = Json::array();
		for (int number : problems.unanswered) {
			const SelfcheckItem *item = edition.FindItem(number);
			missing.push_back({{"href", "#" + FirstBoxId(number)},
			                   {"message", web.Text(request, "web_selfcheck.sheet_missing_row",
			                                        {{"number", std::to_string(number)}, {"item", item->short_title}})}});
		}
		model["missing_rows"] = missing;
		status = HttpStatusFor(error.code);
	}
	web.SendHtml(request, status, web.RenderPage(request, "selfcheck_answer_sheet", model, "pages.selfcheck_sheet", access));
}

void ShowSheet(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto answering = AnsweringOrRespond(web, request, access);
	if (!answering) {
		return;
	}
	const AnswerSheet empty;
	RenderSheet(web, request, access, *answering, answering->response ? answering->response->answers : empty, {});
}

// Every answer given is stored first (so nothing typed is lost), then the sheet is sent when
// no row is empty; otherwise the page comes back listing the empty rows.
void SaveSheet(WebApp &web, Request &request, const app::OrgAccess &access) {
	if (MustNameRespondent(web, request, access)) {
		return;
	}
	const Edition &edition = access.EditionOf(web.Content(request));
	PostedSheet posted = ReadPostedSheet(request, edition);
	const std::string requested = RequestedRespondent(request, access);
	if (!posted.answers.empty()) {
		auto saved = app::SaveAnswers(web.ctx(), request.actor(), access, requested, posted.answers,
		                              app::SaveMode::kMerge, false);
		if (!saved) {
			return web.SendErrorPage(request, saved.error());
		}
	}
	auto answering = AnsweringOrRespond(web, request, access);
	if (!answering) {
		return;
	}
	const AnswerSheet empty;
	const AnswerSheet &stored = answering->response ? answering->response->answers : empty;
	SheetProblems problems;
	problems.error = posted.error;
	for (const auto &item : edition.selfcheck_items) {
		if (!app::AnswerOf(stored, item.number)) {
			problems.unanswered.push_back(item.number);
		}
	}
	if (request.Param("action") == "save") {
		if (!problems.error) {
			return web.Redirect(request, AnswerUrl(access, "/sheet", *answering) +
			                                 (answering->query.empty() ? "?saved=1" : "&saved=1"));
		}
		return RenderSheet(web, request, access, *answering, stored, {{}, problems.error}, true);
	}
	if (problems.error || !problems.unanswered.empty()) {
		return RenderSheet(web, request, access, *answering, stored, problems, true);
	}
	auto submitted = app::SubmitAnswers(web.ctx(), request.actor(), access, requested);
	if (!submitted) {
		return web.SendErrorPage(request, submitted.error());
	}
	web.Redirect(request, AnswerUrl(access, "/done", *answering));
}

} // namespace

std::string SheetDraftKey(const app::OrgAccess &access, const Answering &answering) {
	return DraftKey(access, answering);
}

RouteTable SheetRoutes() {
	return {
	    {Method::kGet, R"(/orgs/(\d+)/selfcheck/answer/sheet)", OrgMember(), ShowSheet},
	    {Method::kPost, R"(/orgs/(\d+)/selfcheck/answer/sheet)", OrgMember(), SaveSheet},
	};
}

} // namespace mamori::web::selfcheck_pages
