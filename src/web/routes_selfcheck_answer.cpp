// mamori/web/routes_selfcheck_answer.cpp
//
// 自社診断 answer flow: the landing page (ui.md §2.1), one question per page
// with save and resume (§2.3, §2.4), and checking and submitting the answers
// (§2.5). 回答者 answer for their own department; editors for the respondent
// they name on the landing page.
#include "app/selfcheck_service.hpp"
#include "app/selfcheck_views.hpp"
#include "web/http_errors.hpp"
#include "web/selfcheck_answering.hpp"
#include "web/selfcheck_routes.hpp"
#include "web/training_routes.hpp"

namespace mamori::web::selfcheck_pages {
namespace {

// ---- 2. landing (ui.md §2.1) ------------------------------------------

void ShowLanding(WebApp &web, Request &request, const app::OrgAccess &access) {
	const Edition &edition = access.EditionOf(web.Content(request));
	const std::string base = OrgBase(access);
	Json model = {{"base", base},
	              {"item_count", edition.ItemCount()},
	              {"action", base + "/selfcheck/answer"},
	              {"sheet_action", base + "/selfcheck/answer/sheet"},
	              {"overview_href", base + "/selfcheck"},
	              {"is_respondent", access.IsRespondent()}};
	// Editors first say whom they answer for: a department or any name.
	const bool needs_name = !access.IsRespondent() && access.CanEdit() && !request.HasParam("respondent");
	std::optional<Error> name_error;
	std::optional<Answering> answering;
	if (!needs_name) {
		auto resolved = ResolveAnswering(web, request, access);
		if (!resolved) {
			if (resolved.error().code != ErrorCode::kInvalidInput) {
				return web.SendErrorPage(request, resolved.error());
			}
			name_error = resolved.error();
		} else {
			answering = *resolved;
		}
	}
	if (!answering) {
		auto departments = app::ListDepartments(web.ctx(), access);
		if (!departments) {
			return web.SendErrorPage(request, departments.error());
		}
		Json choices = Json::array();
		for (const auto &department : *departments) {
			const std::string query = app::QueryString({{"respondent", department.name}});
			choices.push_back({{"name", department.name},
			                   {"href", base + "/selfcheck/answer" + query},
			                   {"sheet_href", base + "/selfcheck/answer/sheet" + query}});
		}
		model["choose_respondent"] = true;
		model["departments"] = choices;
		model["has_departments"] = !choices.empty();
		model["respondent_input"] = request.Param("respondent");
		if (name_error) {
			model["error_summary"] = ErrorSummary(*name_error, "respondent");
			model["errors"] = {{"respondent", name_error->message}};
		}
		return web.SendHtml(request, name_error ? HttpStatusFor(name_error->code) : 200,
		                    web.RenderPage(request, "selfcheck_answer_start", model, "pages.selfcheck_answer", access));
	}
	model["respondent"] = AnsweringJson(PageText{web, request}, access, *answering);
	const AnswerSheet empty;
	const AnswerSheet &answers = answering->response ? answering->response->answers : empty;
	const int answered = app::AnsweredCount(answers, edition.ItemCount());
	const auto first_open = app::FirstUnansweredItem(answers, edition.ItemCount());
	model["answered"] = answered;
	model["resuming"] = answered > 0 && first_open.has_value();
	model["all_answered"] = !first_open.has_value();
	model["resume_number"] = first_open.value_or(0);
	model["submitted"] = answering->response && !answering->response->submitted_at.empty();
	if (answering->response && !answering->response->submitted_at.empty()) {
		model["submitted_date"] = DayText(PageText{web, request}, answering->response->submitted_at);
	}
	model["start_href"] = first_open ? AnswerUrl(access, "/q/" + std::to_string(*first_open), *answering)
	                                 : AnswerUrl(access, "/check", *answering);
	model["check_href"] = AnswerUrl(access, "/check", *answering);
	model["sheet_href"] = AnswerUrl(access, "/sheet", *answering);
	web.SendHtml(request, 200, web.RenderPage(request, "selfcheck_answer_start", model, "pages.selfcheck_answer", access));
}

// ---- 3. one question per page (ui.md §2.3, §2.4) ------------------------

void RenderQuestion(WebApp &web, Request &request, const app::OrgAccess &access, const Answering &answering, int number,
                    std::optional<Answer> selected, bool missing_choice) {
	const Edition &edition = access.EditionOf(web.Content(request));
	const SelfcheckItem *item = edition.FindItem(number);
	const SelfcheckGroup *group = GroupOf(edition, item->group);
	const bool return_to_check = request.Param("return") == "check";
	Json choices = Json::array();
	for (Answer answer : kAnswerChoices) {
		const std::string value(AnswerName(answer));
		// The sheet prints each choice with its points: 実施している（4点）.
		const int points = PointsFor(edition.selfcheck_rules, answer);
		choices.push_back({{"value", value},
		                   {"id", "answer-" + value},
		                   {"label", AnswerLabel(web.messages(), request.locale, answer)},
		                   {"points", points < 0 ? "−" + std::to_string(-points) : std::to_string(points)},
		                   {"checked", selected == answer}});
	}
	std::string back_href;
	if (return_to_check) {
		back_href = AnswerUrl(access, "/check", answering);
	} else if (number > 1) {
		back_href = AnswerUrl(access, "/q/" + std::to_string(number - 1), answering);
	} else {
		back_href = AnswerUrl(access, "", answering);
	}
	Json model = {{"number", number},
	              {"item_count", edition.ItemCount()},
	              {"group_name", group ? group->name : ""},
	              {"text", item->text},
	              {"short_title", item->short_title},
	              {"choices", choices},
	              {"footnotes", FootnotesJson(*item)},
	              {"back_href", back_href},
	              {"respondent", AnsweringJson(PageText{web, request}, access, answering)},
	              {"training", training_pages::SelfcheckTrainingHint(web, request, access, number)}};
	if (missing_choice) {
		const Error error = Error::Invalid("answer", "web_selfcheck.choose_answer", {{"item", item->short_title}});
		model["error_summary"] = ErrorSummary(error, "answer-implemented");
		model["error_message"] = web.Describe(request, error);
	}
	const std::string title =
	    web.Text(request, "pages.selfcheck_question", {{"number", std::to_string(number)}, {"item", item->short_title}});
	web.SendHtml(request, missing_choice ? HttpStatusFor(ErrorCode::kInvalidInput) : 200,
	             web.RenderPage(request, "selfcheck_answer_question", model, title, access));
}

// Parses the question number; sends 404 for anything outside 1..count.
std::optional<int> QuestionNumber(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto number = WebApp::ParseId(request.http.matches[2]);
	const Edition &edition = access.EditionOf(web.Content(request));
	if (!number || *number > edition.ItemCount() || edition.FindItem(static_cast<int>(*number)) == nullptr) {
		web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "web_selfcheck.no_such_question"));
		return std::nullopt;
	}
	return static_cast<int>(*number);
}

void ShowQuestion(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto number = QuestionNumber(web, request, access);
	if (!number) {
		return;
	}
	auto answering = AnsweringOrRespond(web, request, access);
	if (!answering) {
		return;
	}
	std::optional<Answer> saved;
	if (answering->response) {
		saved = app::AnswerOf(answering->response->answers, *number);
	}
	RenderQuestion(web, request, access, *answering, *number, saved, false);
}

// The answer is stored by app::SaveAnswers, which resolves the respondent and
// reads their sheet itself; the page reads the sheet only to re-show the question.
void SaveQuestion(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto number = QuestionNumber(web, request, access);
	if (!number || MustNameRespondent(web, request, access)) {
		return;
	}
	auto answer = ParseAnswerName(request.Param("answer"));
	if (!answer) {
		auto answering = AnsweringOrRespond(web, request, access);
		if (answering) {
			RenderQuestion(web, request, access, *answering, *number, std::nullopt, true);
		}
		return;
	}
	const std::string requested = RequestedRespondent(request, access);
	auto saved = app::SaveAnswers(web.ctx(), request.actor(), access, requested, AnswerSheet{{*number, *answer}},
	                              app::SaveMode::kMerge, false);
	if (!saved) {
		return web.SendErrorPage(request, saved.error());
	}
	const Answering answering{saved->respondent, QueryFor(access, saved->respondent), std::nullopt, std::nullopt};
	const int count = access.EditionOf(web.Content(request)).ItemCount();
	if (request.Param("return") == "check" || *number >= count) {
		return web.Redirect(request, AnswerUrl(access, "/check", answering));
	}
	web.Redirect(request, AnswerUrl(access, "/q/" + std::to_string(*number + 1), answering));
}

// ---- 4. check answers and submit (ui.md §2.5) ---------------------------

void RenderCheck(WebApp &web, Request &request, const app::OrgAccess &access, const Answering &answering,
                 bool refused) {
	const Edition &edition = access.EditionOf(web.Content(request));
	const AnswerSheet empty;
	const AnswerSheet &answers = answering.response ? answering.response->answers : empty;
	Json rows = Json::array();
	for (const auto &item : edition.selfcheck_items) {
		auto answer = app::AnswerOf(answers, item.number);
		rows.push_back({{"number", item.number},
		                {"short_title", item.short_title},
		                {"answered", answer.has_value()},
		                {"answer_label", answer ? AnswerLabel(web.messages(), request.locale, *answer) : web.Text(request, "web_selfcheck.unanswered")},
		                {"change_href", AnswerUrl(access, "/q/" + std::to_string(item.number), answering, true)}});
	}
	const auto first_open = app::FirstUnansweredItem(answers, edition.ItemCount());
	const int unanswered = edition.ItemCount() - app::AnsweredCount(answers, edition.ItemCount());
	Json model = {{"rows", rows},
	              {"item_count", edition.ItemCount()},
	              {"unanswered", unanswered},
	              {"has_unanswered", unanswered > 0},
	              {"back_href", AnswerUrl(access, "/q/" + std::to_string(edition.ItemCount()), answering)},
	              {"submitted", answering.response && !answering.response->submitted_at.empty()},
	              {"respondent", AnsweringJson(PageText{web, request}, access, answering)}};
	if (refused && first_open) {
		model["error_summary"] = ErrorSummary(
		    Error::Invalid("answers", "web_selfcheck.unanswered_left", {{"count", std::to_string(unanswered)}}),
		    "item-" + std::to_string(*first_open));
	}
	web.SendHtml(request, refused ? HttpStatusFor(ErrorCode::kInvalidInput) : 200,
	             web.RenderPage(request, "selfcheck_answer_check", model, "pages.selfcheck_answer_check", access));
}

void ShowCheck(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto answering = AnsweringOrRespond(web, request, access);
	if (!answering) {
		return;
	}
	RenderCheck(web, request, access, *answering, false);
}

// app::SubmitAnswers refuses an incomplete sheet itself; only then is the sheet read again, to show it.
void SubmitCheck(WebApp &web, Request &request, const app::OrgAccess &access) {
	if (MustNameRespondent(web, request, access)) {
		return;
	}
	const std::string requested = RequestedRespondent(request, access);
	auto submitted = app::SubmitAnswers(web.ctx(), request.actor(), access, requested);
	if (!submitted && submitted.error().code == ErrorCode::kInvalidInput && submitted.error().field == "answers") {
		auto answering = AnsweringOrRespond(web, request, access);
		if (answering) {
			RenderCheck(web, request, access, *answering, true);
		}
		return;
	}
	if (!submitted) {
		return web.SendErrorPage(request, submitted.error());
	}
	web.Redirect(request, AnswerUrl(access, "/done",
	                                Answering{submitted->respondent, QueryFor(access, submitted->respondent),
	                                          std::nullopt, std::nullopt}));
}

void ShowDone(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto answering = AnsweringOrRespond(web, request, access);
	if (!answering) {
		return;
	}
	if (!answering->response || answering->response->submitted_at.empty()) {
		// Nothing sent yet: the landing page says where to carry on.
		return web.Redirect(request, AnswerUrl(access, "", *answering));
	}
	const std::string base = OrgBase(access);
	Json model = {{"respondent", AnsweringJson(PageText{web, request}, access, *answering)},
	              {"submitted_date", DayText(PageText{web, request}, answering->response->submitted_at)},
	              {"submitted_iso", app::JapanIsoDate(answering->response->submitted_at)},
	              {"check_href", AnswerUrl(access, "/check", *answering)},
	              {"draft_key", SheetDraftKey(access, *answering)},
	              {"is_respondent", access.IsRespondent()},
	              {"overview_href", base + "/selfcheck"},
	              {"sheet_action", base + "/selfcheck/answer/sheet"},
	              {"policy_href", base + "/policy"},
	              {"result_href", base + "/selfcheck/result"}};
	web.SendHtml(request, 200, web.RenderPage(request, "selfcheck_answer_done", model, "pages.selfcheck_answer_done", access));
}

} // namespace

RouteTable AnsweringRoutes() {
	return {
	    {Method::kGet, R"(/orgs/(\d+)/selfcheck/answer)", OrgMember(), ShowLanding},
	    {Method::kGet, R"(/orgs/(\d+)/selfcheck/answer/q/(\d+))", OrgMember(), ShowQuestion},
	    {Method::kPost, R"(/orgs/(\d+)/selfcheck/answer/q/(\d+))", OrgMember(), SaveQuestion},
	    {Method::kGet, R"(/orgs/(\d+)/selfcheck/answer/check)", OrgMember(), ShowCheck},
	    {Method::kPost, R"(/orgs/(\d+)/selfcheck/answer/check)", OrgMember(), SubmitCheck},
	    {Method::kGet, R"(/orgs/(\d+)/selfcheck/answer/done)", OrgMember(), ShowDone},
	};
}

} // namespace mamori::web::selfcheck_pages
