// mamori/web/routes_training_session.cpp
//
// One session of the education plan (issue 9): what it is, the member's own
// part (attended, quiz, score), and for the 責任者 the "held" form, the
// attendance checkboxes and the quiz results per member.
#include "app/training_status.hpp"
#include "web/form_dates.hpp"
#include "web/register_pages.hpp"
#include "web/training_routes.hpp"

namespace mamori::web::training_pages {
namespace {

std::optional<Id> SessionIdOf(Request &request) { return WebApp::ParseId(request.http.matches[2]); }

//! The latest result of a member for a session, if any.
const storage::TrainingQuizResult *Latest(const app::TrainingRecords &records, Id session_id, Id user_id) {
	const storage::TrainingQuizResult *latest = nullptr;
	for (const auto &result : records.results) {
		if (result.session_id == session_id && result.user_id == user_id) {
			latest = &result;
		}
	}
	return latest;
}

Json ResultText(WebApp &web, Request &request, const storage::TrainingQuizResult *result) {
	if (result == nullptr) {
		return false;
	}
	return web.Text(request, result->passed ? "web_training.result.passed" : "web_training.result.failed",
	                {{"correct", std::to_string(result->correct)},
	                 {"total", std::to_string(result->total)},
	                 {"at", FormatDateTime(web.messages(), request.locale, result->taken_at)}});
}

Json MemberRows(WebApp &web, Request &request, const app::TrainingRecords &records, const storage::TrainingSession &session) {
	Json rows = Json::array();
	const auto &attended = records.attended.count(session.id) ? records.attended.at(session.id) : std::set<Id>{};
	for (Id user : records.audience.at(session.id)) {
		const auto *member = records.FindMember(user);
		if (member == nullptr) {
			continue;
		}
		rows.push_back({{"id", "attended-" + std::to_string(user)},
		                {"value", user},
		                {"name", MemberName(*member)},
		                {"attended", attended.count(user) > 0},
		                {"result", ResultText(web, request, Latest(records, session.id, user))}});
	}
	return rows;
}

void Render(WebApp &web, Request &request, const app::OrgAccess &access, const std::optional<Error> &error) {
	const auto id = SessionIdOf(request);
	auto records = app::LoadTrainingRecords(web.ctx(), access);
	if (!records) {
		return web.SendErrorPage(request, records.error());
	}
	const auto *session = id ? records->FindSession(*id) : nullptr;
	if (session == nullptr) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "app_training.not_found"));
	}
	const auto &content = web.Content(request).training;
	const auto *quiz = session->quiz_set.empty() ? nullptr : content.FindQuizSet(session->quiz_set);
	const std::string href = SessionPath(access, session->id);
	const Id me = request.actor().user_id;
	const bool in_audience = records->InAudience(session->id, me);
	const bool passed = records->passed.count(session->id) > 0 && records->passed.at(session->id).count(me) > 0;
	Json model = {{"base", TrainingBase(access)},
	              {"href", href},
	              {"title", session->title},
	              {"content", session->content},
	              {"method", session->method},
	              {"planned_on", FormatDate(web.messages(), request.locale, session->planned_on)},
	              {"audience", session->audience_all ? web.Text(request, "web_training.audience.all")
	                                                 : web.Text(request, "web_training.audience.count",
	                                                            {{"count", std::to_string(records->audience.at(session->id).size())}})},
	              {"quiz", quiz == nullptr ? Json(false) : Json(quiz->title)},
	              {"held", session->held},
	              {"held_on", FormatDate(web.messages(), request.locale, session->held_on.value_or(""))},
	              {"in_audience", in_audience},
	              {"my_attended", records->attended.count(session->id) > 0 && records->attended.at(session->id).count(me) > 0},
	              {"my_result", ResultText(web, request, Latest(*records, session->id, me))},
	              {"quiz_href", quiz != nullptr && in_audience && !passed ? Json(href + "/quiz") : Json(false)},
	              {"can_edit", access.CanEdit()}};
	if (access.CanEdit()) {
		model["members"] = MemberRows(web, request, *records, *session);
		model["held_value"] = error && error->field == "held_on" ? request.Param("held_on")
		                                                         : web.ctx().clock.TodayInJapan();
		model["held_error"] = error && error->field == "held_on" ? Json(web.Describe(request, *error)) : Json(false);
		model["attended_error"] = error && error->field == "attended" ? Json(web.Describe(request, *error)) : Json(false);
	}
	if (error) {
		register_pages::AddError(model, *error);
	}
	const std::string done = request.Param("done");
	const char *notice = done == "created"    ? "web_training.done.created"
	                     : done == "updated"  ? "web_training.done.updated"
	                     : done == "held"     ? "web_training.done.held"
	                     : done == "attended" ? "web_training.done.attendance"
	                                          : nullptr;
	model["notice"] = notice == nullptr ? Json(false) : Json(web.Text(request, notice));
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "training_session", model, "web_training.title.session", access));
}

} // namespace

void ShowSession(WebApp &web, Request &request, const app::OrgAccess &access) {
	Render(web, request, access, std::nullopt);
}

void MarkHeld(WebApp &web, Request &request, const app::OrgAccess &access) {
	const auto id = SessionIdOf(request);
	if (!id) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "app_training.not_found"));
	}
	const std::string held_on = request.Param("held_on");
	if (auto held = app::MarkTrainingHeld(web.ctx(), request.actor(), access, *id, held_on); !held) {
		if (held.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, held.error());
		}
		return Render(web, request, access, held.error());
	}
	web.Redirect(request, SessionPath(access, *id) + "?done=held");
}

void RecordAttendance(WebApp &web, Request &request, const app::OrgAccess &access) {
	const auto id = SessionIdOf(request);
	if (!id) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "app_training.not_found"));
	}
	const std::vector<Id> attended = TickedIds(request, "attended");
	if (auto recorded = app::RecordTrainingAttendance(web.ctx(), request.actor(), access, *id, attended); !recorded) {
		if (recorded.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, recorded.error());
		}
		return Render(web, request, access, recorded.error());
	}
	web.Redirect(request, SessionPath(access, *id) + "?done=attended");
}

} // namespace mamori::web::training_pages
