// mamori/web/routes_training.cpp
//
// The education plan (issue 9): the plan every member sees with their own
// part in it (quizzes to take, what is overdue), the reminder mail, the
// dashboard box, the 自社診断 item-20 hint and the route table. The rules live in
// app/training*; this file only translates HTTP.
#include "app/selfcheck_views.hpp"
#include "app/training_evidence.hpp"
#include "app/training_status.hpp"
#include "web/form_dates.hpp"
#include "web/register_pages.hpp"
#include "web/training_routes.hpp"

#include <charconv>


namespace mamori::web {
namespace training_pages {

std::string TrainingBase(const app::OrgAccess &access) {
	return "/orgs/" + std::to_string(access.org.id) + "/training";
}

std::string MemberName(const storage::Membership &member) {
	return member.display_name.empty() ? member.email : member.display_name;
}

std::vector<Id> TickedIds(const Request &request, const char *name) {
	std::vector<Id> ids;
	for (const std::string &text : request.Values(name)) {
		Id id = 0;
		auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
		// Anything but a number becomes 0, which the app refuses as no member.
		ids.push_back(ec == std::errc() && end == text.data() + text.size() ? id : 0);
	}
	return ids;
}

std::string SessionPath(const app::OrgAccess &access, Id session_id) {
	return TrainingBase(access) + "/" + std::to_string(session_id);
}

namespace {

//! The overdue (member, session) pairs for an editor's view.
Json OverdueRows(WebApp &web, Request &request, const app::OrgAccess &access, const app::TrainingRecords &records) {
	Json rows = Json::array();
	for (const auto &item : app::OverdueTraining(records, web.Content(request).training, web.ctx().clock.TodayInJapan())) {
		const auto *member = records.FindMember(item.user_id);
		const auto *session = records.FindSession(item.session_id);
		if (member == nullptr || session == nullptr) {
			continue;
		}
		const char *missing = item.missing_attendance && item.missing_quiz ? "web_training.missing.both"
		                      : item.missing_attendance                   ? "web_training.missing.attendance"
		                                                                  : "web_training.missing.quiz";
		rows.push_back({{"member", MemberName(*member)},
		                {"title", session->title},
		                {"href", SessionPath(access, session->id)},
		                {"missing", web.Text(request, missing)},
		                {"due", FormatDate(web.messages(), request.locale, item.due_on)}});
	}
	return rows;
}

} // namespace

Json DashboardTraining(WebApp &web, Request &request, const app::OrgAccess &access) {
	if (!access.CanEdit()) {
		return false;
	}
	auto records = app::LoadTrainingRecords(web.ctx(), access);
	if (!records) {
		return false;  // a failure here must not take the whole dashboard down
	}
	Json rows = OverdueRows(web, request, access, *records);
	if (rows.empty()) {
		return false;
	}
	return {{"overdue", rows}, {"count", rows.size()}, {"list", TrainingBase(access)}};
}

Json SelfcheckTrainingHint(WebApp &web, Request &request, const app::OrgAccess &access, int item_number) {
	const auto &content = web.Content(request).training;
	if (item_number != content.selfcheck_item) {
		return false;
	}
	auto records = app::LoadTrainingRecords(web.ctx(), access);
	if (!records) {
		return false;  // a hint must not take the question down
	}
	const auto evidence = app::TrainingEvidenceFor(*records, content, web.ctx().clock.TodayInJapan());
	if (!evidence) {
		return false;
	}
	return {{"last_title", evidence->last_title},
	        {"has_last", !evidence->last_title.empty()},
	        {"last_date", FormatDate(web.messages(), request.locale, evidence->last_held_on)},
	        {"within_days", content.hint_within_days},
	        {"attendance", evidence->attendance_percent},
	        {"has_pass", evidence->pass_percent.has_value()},
	        {"pass", evidence->pass_percent.value_or(0)},
	        {"suggested", AnswerLabel(web.messages(), request.locale, evidence->suggested)},
	        {"plan", TrainingBase(access)}};
}

} // namespace training_pages

namespace {

using namespace training_pages;

const char *DoneKey(const std::string &done) {
	if (done == "created") {
		return "web_training.done.created";
	}
	if (done == "updated") {
		return "web_training.done.updated";
	}
	return nullptr;
}

std::string StatusText(WebApp &web, Request &request, const storage::TrainingSession &session) {
	return session.held ? web.Text(request, "web_training.status.held",
	                               {{"date", FormatDate(web.messages(), request.locale, session.held_on.value_or(""))}})
	                    : web.Text(request, "web_training.status.planned");
}

std::string QuizTitle(WebApp &web, Request &request, const std::string &quiz_set) {
	const auto *set = web.Content(request).training.FindQuizSet(quiz_set);
	return set == nullptr ? web.Text(request, "web_training.no_quiz") : set->title;
}

Json MyRows(WebApp &web, Request &request, const app::OrgAccess &access, const app::TrainingRecords &records) {
	Json rows = Json::array();
	const auto &content = web.Content(request).training;
	for (const auto &item : app::MyTraining(records, content, request.actor().user_id, web.ctx().clock.TodayInJapan())) {
		const std::string href = SessionPath(access, item.session.id);
		rows.push_back({{"title", item.session.title},
		                {"href", href},
		                {"status", StatusText(web, request, item.session)},
		                {"attended", item.attended},
		                {"quiz_href", item.has_quiz && !item.passed ? Json(href + "/quiz") : Json(false)},
		                {"passed", item.passed},
		                {"score", item.latest ? Json(web.Text(request, "web_training.score",
		                                                      {{"correct", std::to_string(item.latest->correct)},
		                                                       {"total", std::to_string(item.latest->total)}}))
		                                      : Json(false)},
		                {"overdue", item.overdue}});
	}
	return rows;
}

void ShowPlan(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto records = app::LoadTrainingRecords(web.ctx(), access);
	if (!records) {
		return web.SendErrorPage(request, records.error());
	}
	Json sessions = Json::array();
	for (const auto &session : records->sessions) {
		sessions.push_back(
		    {{"title", session.title},
		     {"href", SessionPath(access, session.id)},
		     {"planned_on", FormatDate(web.messages(), request.locale, session.planned_on)},
		     {"method", session.method},
		     {"audience", session.audience_all
		                      ? web.Text(request, "web_training.audience.all")
		                      : web.Text(request, "web_training.audience.count",
		                                 {{"count", std::to_string(records->audience.at(session.id).size())}})},
		     {"quiz", QuizTitle(web, request, session.quiz_set)},
		     {"status", StatusText(web, request, session)}});
	}
	Json mine = MyRows(web, request, access, *records);
	Json model = {{"base", TrainingBase(access)},
	              {"can_edit", access.CanEdit()},
	              {"sessions", sessions},
	              {"empty", sessions.empty()},
	              {"mine", mine},
	              {"has_mine", !mine.empty()},
	              {"overdue_days", web.Content(request).training.overdue_days}};
	if (access.CanEdit()) {
		Json overdue = OverdueRows(web, request, access, *records);
		model["overdue"] = overdue;
		model["has_overdue"] = !overdue.empty();
		model["can_remind"] = !overdue.empty() && web.ctx().mailer != nullptr;
	}
	const char *done = DoneKey(request.Param("done"));
	if (request.Param("done") == "reminded") {
		model["notice"] = web.Text(request, "web_training.done.reminded", {{"count", request.Param("count")}});
	} else {
		model["notice"] = done == nullptr ? Json(false) : Json(web.Text(request, done));
	}
	web.SendHtml(request, 200, web.RenderPage(request, "training", model, "web_training.title.plan", access));
}

void Remind(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto sent = app::SendTrainingReminders(web.ctx(), web.messages(), request.actor(), access, web.AbsoluteUrl(TrainingBase(access)));
	if (!sent) {
		return web.SendErrorPage(request, sent.error());
	}
	web.Redirect(request, TrainingBase(access) + "?done=reminded&count=" + std::to_string(sent->sent.size()));
}

} // namespace

RouteTable TrainingRoutes() {
	return {
	    {Method::kGet, R"(/orgs/(\d+)/training)", OrgMember(), ShowPlan},
	    {Method::kGet, R"(/orgs/(\d+)/training/new)", OrgEditor(), ShowNew},
	    {Method::kPost, R"(/orgs/(\d+)/training/new)", OrgEditor(), Create},
	    {Method::kPost, R"(/orgs/(\d+)/training/remind)", OrgEditor(), Remind},
	    {Method::kGet, R"(/orgs/(\d+)/training/(\d+))", OrgMember(), ShowSession},
	    {Method::kGet, R"(/orgs/(\d+)/training/(\d+)/edit)", OrgEditor(), ShowEdit},
	    {Method::kPost, R"(/orgs/(\d+)/training/(\d+)/edit)", OrgEditor(), Update},
	    {Method::kPost, R"(/orgs/(\d+)/training/(\d+)/held)", OrgEditor(), MarkHeld},
	    {Method::kPost, R"(/orgs/(\d+)/training/(\d+)/attendance)", OrgEditor(), RecordAttendance},
	    {Method::kGet, R"(/orgs/(\d+)/training/(\d+)/quiz)", OrgMember(), ShowQuiz},
	    {Method::kPost, R"(/orgs/(\d+)/training/(\d+)/quiz)", OrgMember(), TakeQuiz},
	};
}

} // namespace mamori::web
