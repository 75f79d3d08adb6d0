// mamori/web/routes_selfcheck.cpp
//
// 自社診断 (付録3, 25 items): the overview for 責任者, the one-question-per-page
// answer flow with save and resume (ui.md §2.1, §2.3–2.5), and the result.
// Business rules (rounds, who may answer as whom, aggregation, scoring) live
// in app/selfcheck_service and core; this file only turns them into pages.
#include "app/selfcheck_service.hpp"
#include "app/selfcheck_views.hpp"
#include "core/charts/svg_charts.hpp"
#include "web/web_app.hpp"

#include <algorithm>

namespace mamori::web {
namespace {

constexpr Answer kAnswerChoices[] = {Answer::kImplemented, Answer::kPartial, Answer::kNotImplemented,
                                     Answer::kUnknown};

std::string OrgBase(const app::OrgAccess &access) { return "/orgs/" + std::to_string(access.org.id); }

const SelfcheckGroup *GroupOf(const Edition &edition, const std::string &id) {
	for (const auto &group : edition.selfcheck_rules.groups) {
		if (group.id == id) {
			return &group;
		}
	}
	return nullptr;
}

Json RoundJson(const storage::SelfcheckRound &round) {
	return {{"id", round.id},
	        {"number", round.number},
	        {"title", round.title},
	        {"started", app::JapaneseDate(round.started_at)},
	        {"started_iso", app::JapanIsoDate(round.started_at)},
	        {"open", round.closed_at.empty()},
	        {"closed", app::JapaneseDate(round.closed_at)},
	        {"closed_iso", app::JapanIsoDate(round.closed_at)}};
}

//! Who is answering, resolved once per answer-flow request.
struct Answering {
	std::string respondent;  // the name the answers are stored under
	std::string query;       // "?respondent=..." for editors; "" for 回答者 (their department is implied)
	std::optional<storage::SelfcheckRound> round;  // the open round, if any
	std::optional<storage::SelfcheckResponse> response;
};

//! Answer-flow URLs keep the respondent (editors) and where to return after a change.
std::string AnswerUrl(const app::OrgAccess &access, const std::string &tail, const Answering &answering,
                      bool return_to_check = false) {
	std::string url = OrgBase(access) + "/selfcheck/answer" + tail + answering.query;
	if (return_to_check) {
		url += answering.query.empty() ? "?return=check" : "&return=check";
	}
	return url;
}

} // namespace

void WebApp::MountSelfcheck(httplib::Server &server) {
	// ---- shared steps ----------------------------------------------------

	// The organisation gate shared by every page (WebApp::OpenOrg).
	auto open_org = [this](Request &request) { return OpenOrg(request, request.http.matches[1]); };

	// 回答者 always answer for their own department; editors name the
	// respondent in the query string (chosen on the landing page).
	auto resolve_answering = [this](Request &request, const app::OrgAccess &access) -> Result<Answering> {
		Answering answering;
		const std::string requested = access.IsRespondent() ? "" : app::TrimSpaces(request.Param("respondent"));
		auto name = app::RespondentNameFor(ctx_, access, requested);
		if (!name) {
			return name.error();
		}
		answering.respondent = *name;
		if (!access.IsRespondent()) {
			answering.query = app::QueryString({{"respondent", *name}});
		}
		auto round = ctx_.store.CurrentRound(access.org.id);
		if (!round) {
			return round.error();
		}
		if (round->has_value() && (*round)->closed_at.empty()) {
			answering.round = **round;
			auto response = ctx_.store.FindResponse(access.org.id, (*round)->id, *name);
			if (!response) {
				return response.error();
			}
			answering.response = *response;
		}
		return answering;
	};

	// For question, check and done pages: a missing or blank respondent sends
	// editors back to the landing page, where they name one.
	auto answering_or_respond = [this, resolve_answering](Request &request,
	                                                      const app::OrgAccess &access) -> std::optional<Answering> {
		if (!access.IsRespondent() && access.CanEdit() && app::TrimSpaces(request.Param("respondent")).empty()) {
			Redirect(request, OrgBase(access) + "/selfcheck/answer");
			return std::nullopt;
		}
		auto answering = resolve_answering(request, access);
		if (!answering) {
			SendErrorPage(request, answering.error());
			return std::nullopt;
		}
		return *answering;
	};

	auto answering_json = [](const app::OrgAccess &access, const Answering &answering) {
		return Json{{"name", answering.respondent},
		            {"named_by_editor", !access.IsRespondent()},
		            {"round", answering.round ? RoundJson(*answering.round) : Json(nullptr)},
		            {"has_round", answering.round.has_value()}};
	};

	// ---- 1. overview (責任者・管理者・閲覧者) -------------------------------

	auto render_overview = [this](Request &request, const app::OrgAccess &access, const std::string &title_input,
	                              const std::optional<Error> &error) {
		const Edition &edition = access.EditionOf(ctx_.catalog);
		const std::string base = OrgBase(access);
		auto summary = app::SummarizeRound(ctx_, access);
		if (!summary) {
			return SendErrorPage(request, summary.error());
		}
		auto departments = ctx_.store.ListDepartments(access.org.id);
		if (!departments) {
			return SendErrorPage(request, departments.error());
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
		std::vector<storage::SelfcheckResponse> responses;
		if (summary->has_value()) {
			const auto &round = (*summary)->round;
			model["round"] = RoundJson(round);
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
			                {"status", row.progress.label},
			                {"tag_class", row.progress.tag_class},
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
		SendHtml(request, error ? 400 : 200, RenderPage(request, "selfcheck_overview", model, "自社診断", access));
	};

	server.Get(R"(/orgs/(\d+)/selfcheck)", [this, open_org, render_overview](const httplib::Request &http,
	                                                                         httplib::Response &response) {
		Request request = Begin(http, response);
		auto access = open_org(request);
		if (!access) {
			return;
		}
		if (access->IsRespondent()) {
			// 回答者 have only the answer flow; take them there instead of a dead end.
			return Redirect(request, OrgBase(*access) + "/selfcheck/answer");
		}
		render_overview(request, *access, "", std::nullopt);
	});

	server.Post(R"(/orgs/(\d+)/selfcheck/rounds)", [this, open_org, render_overview](const httplib::Request &http,
	                                                                                 httplib::Response &response) {
		Request request = Begin(http, response);
		if (!CheckFormCsrf(request)) {
			return;
		}
		auto access = open_org(request);
		if (!access) {
			return;
		}
		if (!access->CanEdit()) {
			return SendErrorPage(request, Error::Make(ErrorCode::kForbidden, "診断の開始は責任者または管理者だけが行えます。"));
		}
		const std::string title = app::TrimSpaces(request.Param("title"));
		auto started = app::StartRound(ctx_, request.actor(), *access, title);
		if (!started) {
			if (started.error().code == ErrorCode::kInvalidInput) {
				return render_overview(request, *access, title, started.error());
			}
			return SendErrorPage(request, started.error());
		}
		Redirect(request, OrgBase(*access) + "/selfcheck");
	});

	server.Post(R"(/orgs/(\d+)/selfcheck/rounds/(\d+)/close)", [this, open_org](const httplib::Request &http,
	                                                                            httplib::Response &response) {
		Request request = Begin(http, response);
		if (!CheckFormCsrf(request)) {
			return;
		}
		auto access = open_org(request);
		if (!access) {
			return;
		}
		if (!access->CanEdit()) {
			return SendErrorPage(request, Error::Make(ErrorCode::kForbidden, "診断の締め切りは責任者または管理者だけが行えます。"));
		}
		auto round_id = ParseId(http.matches[2]);
		if (!round_id) {
			return SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "診断が見つかりません。"));
		}
		if (auto closed = app::CloseRound(ctx_, request.actor(), *access, *round_id); !closed) {
			return SendErrorPage(request, closed.error());
		}
		Redirect(request, OrgBase(*access) + "/selfcheck");
	});

	// ---- 2. landing (ui.md §2.1) ------------------------------------------

	server.Get(R"(/orgs/(\d+)/selfcheck/answer)", [this, open_org, resolve_answering, answering_json](
	                                                  const httplib::Request &http, httplib::Response &response) {
		Request request = Begin(http, response);
		auto access = open_org(request);
		if (!access) {
			return;
		}
		const Edition &edition = access->EditionOf(ctx_.catalog);
		const std::string base = OrgBase(*access);
		Json model = {{"base", base},
		              {"item_count", edition.ItemCount()},
		              {"action", base + "/selfcheck/answer"},
		              {"overview_href", base + "/selfcheck"},
		              {"is_respondent", access->IsRespondent()}};
		// Editors first say whom they answer for: a department or any name.
		const bool needs_name = !access->IsRespondent() && access->CanEdit() && !request.HasParam("respondent");
		std::optional<Error> name_error;
		std::optional<Answering> answering;
		if (!needs_name) {
			auto resolved = resolve_answering(request, *access);
			if (!resolved) {
				if (resolved.error().code != ErrorCode::kInvalidInput) {
					return SendErrorPage(request, resolved.error());
				}
				name_error = resolved.error();
			} else {
				answering = *resolved;
			}
		}
		if (!answering) {
			auto departments = ctx_.store.ListDepartments(access->org.id);
			if (!departments) {
				return SendErrorPage(request, departments.error());
			}
			Json choices = Json::array();
			for (const auto &department : *departments) {
				choices.push_back({{"name", department.name},
				                   {"href", base + "/selfcheck/answer" +
				                                app::QueryString({{"respondent", department.name}})}});
			}
			model["choose_respondent"] = true;
			model["departments"] = choices;
			model["has_departments"] = !choices.empty();
			model["respondent_input"] = request.Param("respondent");
			if (name_error) {
				model["error_summary"] = ErrorSummary(*name_error, "respondent");
				model["errors"] = {{"respondent", name_error->message}};
			}
			return SendHtml(request, name_error ? 400 : 200,
			                RenderPage(request, "selfcheck_answer_start", model, "自社診断への回答", *access));
		}
		model["respondent"] = answering_json(*access, *answering);
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
			model["submitted_date"] = app::JapaneseDate(answering->response->submitted_at);
		}
		model["start_href"] = first_open ? AnswerUrl(*access, "/q/" + std::to_string(*first_open), *answering)
		                                 : AnswerUrl(*access, "/check", *answering);
		model["check_href"] = AnswerUrl(*access, "/check", *answering);
		SendHtml(request, 200, RenderPage(request, "selfcheck_answer_start", model, "自社診断への回答", *access));
	});

	// ---- 3. one question per page (ui.md §2.3, §2.4) ------------------------

	auto render_question = [this, answering_json](Request &request, const app::OrgAccess &access,
	                                              const Answering &answering, int number,
	                                              std::optional<Answer> selected, bool missing_choice) {
		const Edition &edition = access.EditionOf(ctx_.catalog);
		const SelfcheckItem *item = edition.FindItem(number);
		const SelfcheckGroup *group = GroupOf(edition, item->group);
		const bool return_to_check = request.Param("return") == "check";
		Json choices = Json::array();
		for (Answer answer : kAnswerChoices) {
			const std::string value(AnswerName(answer));
			choices.push_back({{"value", value},
			                   {"id", "answer-" + value},
			                   {"label", std::string(AnswerLabel(answer))},
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
		              {"back_href", back_href},
		              {"respondent", answering_json(access, answering)}};
		if (missing_choice) {
			const std::string message = "『" + item->short_title + "』について、実施状況を選んでください";
			model["error_summary"] = ErrorSummary(Error::Invalid("answer", message), "answer-implemented");
			model["error_message"] = message;
		}
		const std::string title = "質問" + std::to_string(number) + "：" + item->short_title;
		SendHtml(request, missing_choice ? 400 : 200,
		         RenderPage(request, "selfcheck_answer_question", model, title, access));
	};

	// Parses the question number; sends 404 for anything outside 1..count.
	auto question_number = [this](Request &request, const app::OrgAccess &access) -> std::optional<int> {
		auto number = ParseId(request.http.matches[2]);
		const Edition &edition = access.EditionOf(ctx_.catalog);
		if (!number || *number > edition.ItemCount() || edition.FindItem(static_cast<int>(*number)) == nullptr) {
			SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "この番号の質問はありません。"));
			return std::nullopt;
		}
		return static_cast<int>(*number);
	};

	server.Get(R"(/orgs/(\d+)/selfcheck/answer/q/(\d+))",
	           [this, open_org, answering_or_respond, question_number, render_question](const httplib::Request &http,
	                                                                                   httplib::Response &response) {
		           Request request = Begin(http, response);
		           auto access = open_org(request);
		           if (!access) {
			           return;
		           }
		           auto number = question_number(request, *access);
		           if (!number) {
			           return;
		           }
		           auto answering = answering_or_respond(request, *access);
		           if (!answering) {
			           return;
		           }
		           std::optional<Answer> saved;
		           if (answering->response) {
			           saved = app::AnswerOf(answering->response->answers, *number);
		           }
		           render_question(request, *access, *answering, *number, saved, false);
	           });

	server.Post(R"(/orgs/(\d+)/selfcheck/answer/q/(\d+))",
	            [this, open_org, answering_or_respond, question_number, render_question](const httplib::Request &http,
	                                                                                    httplib::Response &response) {
		            Request request = Begin(http, response);
		            if (!CheckFormCsrf(request)) {
			            return;
		            }
		            auto access = open_org(request);
		            if (!access) {
			            return;
		            }
		            auto number = question_number(request, *access);
		            if (!number) {
			            return;
		            }
		            auto answering = answering_or_respond(request, *access);
		            if (!answering) {
			            return;
		            }
		            auto answer = ParseAnswerName(request.Param("answer"));
		            if (!answer) {
			            return render_question(request, *access, *answering, *number, std::nullopt, true);
		            }
		            auto saved = app::SaveAnswers(ctx_, request.actor(), *access, answering->respondent,
		                                          AnswerSheet{{*number, *answer}}, app::SaveMode::kMerge, false);
		            if (!saved) {
			            return SendErrorPage(request, saved.error());
		            }
		            const int count = access->EditionOf(ctx_.catalog).ItemCount();
		            if (request.Param("return") == "check" || *number >= count) {
			            return Redirect(request, AnswerUrl(*access, "/check", *answering));
		            }
		            Redirect(request, AnswerUrl(*access, "/q/" + std::to_string(*number + 1), *answering));
	            });

	// ---- 4. check answers and submit (ui.md §2.5) ---------------------------

	auto render_check = [this, answering_json](Request &request, const app::OrgAccess &access,
	                                           const Answering &answering, bool refused) {
		const Edition &edition = access.EditionOf(ctx_.catalog);
		const AnswerSheet empty;
		const AnswerSheet &answers = answering.response ? answering.response->answers : empty;
		Json rows = Json::array();
		for (const auto &item : edition.selfcheck_items) {
			auto answer = app::AnswerOf(answers, item.number);
			rows.push_back({{"number", item.number},
			                {"short_title", item.short_title},
			                {"answered", answer.has_value()},
			                {"answer_label", answer ? std::string(AnswerLabel(*answer)) : "未回答"},
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
		              {"respondent", answering_json(access, answering)}};
		if (refused && first_open) {
			const std::string message = "まだ答えていない質問が" + std::to_string(unanswered) +
			                            "問あります。すべての質問に答えてから送信してください。";
			model["error_summary"] = ErrorSummary(Error::Invalid("answers", message), "item-" + std::to_string(*first_open));
		}
		SendHtml(request, refused ? 400 : 200,
		         RenderPage(request, "selfcheck_answer_check", model, "回答の確認", access));
	};

	server.Get(R"(/orgs/(\d+)/selfcheck/answer/check)", [this, open_org, answering_or_respond, render_check](
	                                                        const httplib::Request &http, httplib::Response &response) {
		Request request = Begin(http, response);
		auto access = open_org(request);
		if (!access) {
			return;
		}
		auto answering = answering_or_respond(request, *access);
		if (!answering) {
			return;
		}
		render_check(request, *access, *answering, false);
	});

	server.Post(R"(/orgs/(\d+)/selfcheck/answer/check)", [this, open_org, answering_or_respond, render_check](
	                                                         const httplib::Request &http, httplib::Response &response) {
		Request request = Begin(http, response);
		if (!CheckFormCsrf(request)) {
			return;
		}
		auto access = open_org(request);
		if (!access) {
			return;
		}
		auto answering = answering_or_respond(request, *access);
		if (!answering) {
			return;
		}
		const int count = access->EditionOf(ctx_.catalog).ItemCount();
		if (!answering->response || app::FirstUnansweredItem(answering->response->answers, count)) {
			return render_check(request, *access, *answering, true);
		}
		auto saved = app::SaveAnswers(ctx_, request.actor(), *access, answering->respondent, AnswerSheet{},
		                              app::SaveMode::kMerge, true);
		if (!saved) {
			return SendErrorPage(request, saved.error());
		}
		Redirect(request, AnswerUrl(*access, "/done", *answering));
	});

	server.Get(R"(/orgs/(\d+)/selfcheck/answer/done)", [this, open_org, answering_or_respond, answering_json](
	                                                       const httplib::Request &http, httplib::Response &response) {
		Request request = Begin(http, response);
		auto access = open_org(request);
		if (!access) {
			return;
		}
		auto answering = answering_or_respond(request, *access);
		if (!answering) {
			return;
		}
		if (!answering->response || answering->response->submitted_at.empty()) {
			// Nothing sent yet: the landing page says where to carry on.
			return Redirect(request, AnswerUrl(*access, "", *answering));
		}
		const std::string base = OrgBase(*access);
		Json model = {{"respondent", answering_json(*access, *answering)},
		              {"submitted_date", app::JapaneseDate(answering->response->submitted_at)},
		              {"submitted_iso", app::JapanIsoDate(answering->response->submitted_at)},
		              {"check_href", AnswerUrl(*access, "/check", *answering)},
		              {"is_respondent", access->IsRespondent()},
		              {"overview_href", base + "/selfcheck"},
		              {"result_href", base + "/selfcheck/result"}};
		SendHtml(request, 200, RenderPage(request, "selfcheck_answer_done", model, "回答を送信しました", *access));
	});

	// ---- 5. result ------------------------------------------------------------

	server.Get(R"(/orgs/(\d+)/selfcheck/result)", [this, open_org](const httplib::Request &http,
	                                                              httplib::Response &response) {
		Request request = Begin(http, response);
		auto access = open_org(request);
		if (!access) {
			return;
		}
		if (access->IsRespondent()) {
			return SendErrorPage(request, Error::Make(ErrorCode::kForbidden,
			                                          "診断の結果は責任者・管理者・閲覧者だけが見られます。"));
		}
		std::optional<Id> round_id;
		if (request.HasParam("round")) {
			round_id = ParseId(request.Param("round"));
			if (!round_id) {
				return SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "この診断は見つかりません。"));
			}
		}
		auto summary = app::SummarizeRound(ctx_, *access, round_id);
		if (!summary) {
			return SendErrorPage(request, summary.error());
		}
		if (round_id && !summary->has_value()) {
			return SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "この診断は見つかりません。"));
		}
		auto trend = app::ScoreTrend(ctx_, *access);
		if (!trend) {
			return SendErrorPage(request, trend.error());
		}
		const Edition &edition = access->EditionOf(ctx_.catalog);
		const SelfcheckRules &rules = edition.selfcheck_rules;
		const std::string base = OrgBase(*access);
		Json model = {{"overview_href", base + "/selfcheck"},
		              {"answer_href", base + "/selfcheck/answer"},
		              {"can_edit", access->CanEdit()},
		              {"item_count", edition.ItemCount()}};

		// Past rounds, oldest first, with their totals (ScoreTrend skips rounds nobody answered).
		Json trend_rows = Json::array();
		std::vector<charts::TrendPoint> points;
		int lowest = 0;
		for (const auto &entry : *trend) {
			trend_rows.push_back({{"number", entry.round.number},
			                      {"title", entry.round.title},
			                      {"href", base + "/selfcheck/result?round=" + std::to_string(entry.round.id)},
			                      {"current", summary->has_value() && (*summary)->round.id == entry.round.id},
			                      {"started", app::JapaneseDate(entry.round.started_at)},
			                      {"started_iso", app::JapanIsoDate(entry.round.started_at)},
			                      {"total", entry.score.total},
			                      {"max", entry.score.max},
			                      {"band", entry.score.band ? entry.score.band->label : ""},
			                      {"respondents", entry.respondents}});
			points.push_back({"第" + std::to_string(entry.round.number) + "回", static_cast<double>(entry.score.total)});
			lowest = std::min(lowest, entry.score.total);
		}
		model["trend_rows"] = trend_rows;
		model["has_trend"] = !trend->empty();
		if (trend->size() >= 2) {
			const double y_min = lowest < 0 ? app::MinimumTotal(rules, edition.ItemCount()) : 0;
			model["trend_chart"] = charts::TrendChart("自社診断の合計点の推移", points, y_min, 100);
		}

		if (!summary->has_value() || (*summary)->respondents.empty()) {
			model["empty"] = true;
			if (summary->has_value()) {
				model["round"] = RoundJson((*summary)->round);
			}
			// A new round with no answers yet: point at the last one that has some.
			if (!trend->empty()) {
				model["previous_href"] = base + "/selfcheck/result?round=" + std::to_string(trend->back().round.id);
				model["previous_title"] = trend->back().round.title;
			}
			return SendHtml(request, 200, RenderPage(request, "selfcheck_result", model, "自社診断の結果", *access));
		}

		const app::RoundSummary &round = **summary;
		const SelfcheckScore &score = round.score;
		model["round"] = RoundJson(round.round);
		model["heading"] = app::ResultHeading(score);
		model["total"] = score.total;
		model["max"] = score.max;
		model["band_label"] = score.band ? score.band->label : "";
		model["band_advice"] = score.band ? score.band->advice : "";
		model["band_id"] = score.band ? score.band->id : "";
		model["respondent_count"] = static_cast<int>(round.respondents.size());
		model["unanswered_count"] = static_cast<int>(score.unanswered_items.size());
		model["has_unanswered"] = !score.unanswered_items.empty();
		int submitted = 0;
		for (const auto &response : round.responses) {
			submitted += response.submitted_at.empty() ? 0 : 1;
		}
		model["unsubmitted_count"] = static_cast<int>(round.responses.size()) - submitted;
		model["has_unsubmitted"] = submitted < static_cast<int>(round.responses.size());

		// Group scores: bars of points, and a radar of ratios per respondent.
		std::vector<std::string> axes;
		std::vector<charts::Bar> bars;
		Json group_rows = Json::array();
		for (const auto &group : score.groups) {
			axes.push_back(group.name);
			bars.push_back({group.name, static_cast<double>(std::max(group.score, 0)), static_cast<double>(group.max)});
			group_rows.push_back({{"name", group.name},
			                      {"score", group.score},
			                      {"max", group.max},
			                      {"percent", app::GroupPercent(group)},
			                      {"answered", group.answered},
			                      {"item_count", group.item_count}});
		}
		model["group_rows"] = group_rows;
		model["bar_chart"] = charts::BarChart("分野別の点数（全社）", bars);

		std::vector<charts::RadarSeries> series{{"全社", app::GroupRatios(score)}};
		std::vector<SelfcheckScore> respondent_scores;
		Json series_names = Json::array({"全社"});
		for (const auto &respondent : round.respondents) {
			respondent_scores.push_back(ScoreSelfcheck(rules, edition.ItemCount(), respondent.answers));
			series.push_back({respondent.name, app::GroupRatios(respondent_scores.back())});
			series_names.push_back(respondent.name);
		}
		Json radar_rows = Json::array();
		for (size_t g = 0; g < score.groups.size(); ++g) {
			Json cells = Json::array();
			cells.push_back({{"percent", app::GroupPercent(score.groups[g])},
			                 {"score", score.groups[g].score},
			                 {"max", score.groups[g].max}});
			for (const auto &own : respondent_scores) {
				const GroupScore &group = own.groups[g];
				cells.push_back({{"percent", app::GroupPercent(group)}, {"score", group.score}, {"max", group.max}});
			}
			radar_rows.push_back({{"name", score.groups[g].name}, {"cells", cells}});
		}
		model["radar_chart"] = charts::RadarChart("分野別の達成率（全社と回答者ごと）", axes, series);
		model["radar_rows"] = radar_rows;
		model["series_names"] = series_names;

		// Items to find out (わからない), then the weak ones, weakest first.
		auto item_json = [&](int number) {
			const SelfcheckItem *item = edition.FindItem(number);
			Json out = {{"number", number}};
			if (item) {
				out["short_title"] = item->short_title;
				out["text"] = item->text;
				out["damage"] = item->damage;
				out["countermeasures"] = item->countermeasures;
			}
			auto answer = app::AnswerOf(round.combined, number);
			out["answer_label"] = answer ? std::string(AnswerLabel(*answer)) : "未回答";
			out["not_implemented"] = answer == Answer::kNotImplemented;
			return out;
		};
		Json unknown = Json::array();
		for (int number : score.unknown_items) {
			unknown.push_back(item_json(number));
		}
		model["unknown_items"] = unknown;
		model["has_unknown"] = !unknown.empty();
		Json weak = Json::array();
		int not_implemented_count = 0;
		for (int number : app::WeakItemsWorstFirst(round.combined, score.weak_items)) {
			weak.push_back(item_json(number));
			not_implemented_count += app::AnswerOf(round.combined, number) == Answer::kNotImplemented ? 1 : 0;
		}
		model["weak_count"] = static_cast<int>(weak.size());
		const int partial_count = static_cast<int>(weak.size()) - not_implemented_count;
		std::string breakdown;
		if (not_implemented_count > 0) {
			breakdown = "「実施していない」が" + std::to_string(not_implemented_count) + "項目";
		}
		if (partial_count > 0) {
			breakdown += (breakdown.empty() ? "" : "、") + std::string("「一部実施している」が") +
			             std::to_string(partial_count) + "項目";
		}
		model["weak_breakdown"] = breakdown + "あります。" +
		                          (not_implemented_count > 0 && partial_count > 0
		                               ? "実施していない項目から順に、起こりうる被害と対策の例を示します。"
		                               : "それぞれについて、起こりうる被害と対策の例を示します。");
		model["unknown_count"] = static_cast<int>(unknown.size());
		model["weak_items"] = weak;
		model["has_weak"] = !weak.empty();

		// Every respondent's answer beside the combined one.
		Json matrix = Json::array();
		for (const auto &item : edition.selfcheck_items) {
			Json cells = Json::array();
			for (const auto &respondent : round.respondents) {
				cells.push_back({{"label", std::string(app::AnswerShortLabel(app::AnswerOf(respondent.answers, item.number)))}});
			}
			matrix.push_back({{"number", item.number},
			                  {"short_title", item.short_title},
			                  {"cells", cells},
			                  {"combined", std::string(app::AnswerShortLabel(app::AnswerOf(round.combined, item.number)))}});
		}
		Json respondent_names = Json::array();
		for (const auto &respondent : round.respondents) {
			respondent_names.push_back(respondent.name);
		}
		model["respondent_names"] = respondent_names;
		model["matrix"] = matrix;

		SendHtml(request, 200, RenderPage(request, "selfcheck_result", model, "自社診断の結果", *access));
	});
}

} // namespace mamori::web
