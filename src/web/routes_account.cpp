// mamori/web/routes_account.cpp
//
// /account: the signed-in user's own account — name and e-mail, password
// change, the list of their sessions with sign-out per session and everywhere
// else, and the way to two-step login. Also GET/DELETE /api/v1/me/sessions.
#include "app/account_events.hpp"
#include "app/account_notice.hpp"
#include "platform/crypto.hpp"
#include "app/sessions.hpp"
#include "platform/clock.hpp"
#include "web/account_pages.hpp"
#include "web/http_errors.hpp"
#include "web/route_table.hpp"

#include <ctime>

namespace mamori::web {

Status RotateSessionCookie(WebApp &web, Request &request) {
	if (!request.session) {
		return Error::Make(ErrorCode::kUnauthenticated, "web_api.not_logged_in");
	}
	auto issued = app::RotateSession(web.ctx(), *request.session);
	if (!issued) {
		return issued.error();
	}
	web.SetSessionCookie(request, issued->token);
	// The page answering this request already carries the new CSRF token in its forms.
	request.session->csrf_token = issued->csrf_token;
	request.session->token_hash = platform::Sha256Hex(issued->token);
	return OkStatus();
}

void SetRetryAfter(Request &request, const Error &error) {
	if (error.code != ErrorCode::kRateLimited) {
		return;
	}
	for (const auto &[name, value] : error.params) {
		if (name == "seconds") {
			request.response.set_header("Retry-After", value);
		}
	}
}

namespace {

//! "2026-12-05 11:04" in Japanese time, from a stored UTC time.
std::string JapanMinute(const std::string &iso) {
	if (iso.empty()) {
		return "";
	}
	const std::time_t when = platform::FixedClock::AtIso(iso).Now() + 9 * 3600;
	std::tm parts{};
	gmtime_r(&when, &parts);
	char buffer[32];
	std::strftime(buffer, sizeof(buffer), "%Y-%m-%d %H:%M", &parts);
	return buffer;
}

//! A short name for a browser from its User-Agent, enough to recognise one's own devices.
std::string BrowserName(const std::string &user_agent) {
	if (user_agent.empty()) {
		return "";
	}
	const auto has = [&](const char *word) { return user_agent.find(word) != std::string::npos; };
	const char *browser = has("Edg/")                      ? "Edge"
	                      : has("Firefox/")                ? "Firefox"
	                      : has("Chrome/")                 ? "Chrome"
	                      : has("Safari/")                 ? "Safari"
	                                                       : nullptr;
	const char *system = has("Windows")                          ? "Windows"
	                     : has("iPhone") || has("iPad")          ? "iOS"
	                     : has("Android")                        ? "Android"
	                     : has("Mac OS X")                       ? "macOS"
	                     : has("Linux")                          ? "Linux"
	                                                             : nullptr;
	if (browser == nullptr) {
		return user_agent.substr(0, 40);
	}
	return system == nullptr ? std::string(browser) : std::string(browser) + " (" + system + ")";
}

Json SessionsModel(const std::vector<app::ActiveSession> &sessions) {
	Json list = Json::array();
	for (const auto &session : sessions) {
		list.push_back({{"handle", session.handle},
		                {"created_at", JapanMinute(session.created_at)},
		                {"last_seen_at", JapanMinute(session.last_seen_at)},
		                {"client", session.client},
		                {"browser", BrowserName(session.user_agent)},
		                {"current", session.current}});
	}
	return list;
}

//! The words of an account event: the same as the change history's (web_audit_log.yaml).
const char *EventKey(const std::string &action) {
	if (action == "session.start") return "audit_log.action.session_start";
	if (action == "account.login_failed") return "audit_log.action.account_login_failed";
	if (action == "account.throttled") return "audit_log.action.account_throttled";
	if (action == "account.password_change") return "audit_log.action.account_password_change";
	if (action == "account.two_step_enabled") return "audit_log.action.account_two_step_enabled";
	if (action == "account.two_step_disabled") return "audit_log.action.account_two_step_disabled";
	if (action == "account.two_step_failed") return "audit_log.action.account_two_step_failed";
	if (action == "account.two_step_reused") return "audit_log.action.account_two_step_reused";
	if (action == "account.recovery_code_used") return "audit_log.action.account_recovery_code_used";
	if (action == "account.recovery_codes_renewed") return "audit_log.action.account_recovery_codes_renewed";
	if (action == "session.end") return "audit_log.action.session_end";
	if (action == "session.end_all") return "audit_log.action.session_end_all";
	if (action == "account.reauth") return "audit_log.action.account_reauth";
	if (action == "account.reauth_failed") return "audit_log.action.account_reauth_failed";
	if (action == "account.unlock") return "audit_log.action.account_unlock";
	return "";
}

Json EventsModel(WebApp &web, const Request &request, const std::vector<app::AccountEvent> &events) {
	Json list = Json::array();
	for (const auto &event : events) {
		const char *key = EventKey(event.action);
		list.push_back({{"at", JapanMinute(event.at)},
		                {"what", key[0] == '\0' ? event.action : web.Text(request, key)},
		                {"client", event.client},
		                {"failed", event.action == "account.login_failed" || event.action == "account.two_step_failed" ||
		                               event.action == "account.two_step_reused" ||
		                               event.action == "account.reauth_failed"}});
	}
	return list;
}

const char *DoneNoticeKey(const std::string &done) {
	if (done == "password") return "my_account.notice.password_changed";
	if (done == "ended") return "my_account.notice.session_ended";
	if (done == "ended_all") return "my_account.notice.others_ended";
	return "";
}

void RenderAccount(WebApp &web, Request &request, const std::optional<Error> &error) {
	auto sessions = app::ListMySessions(web.ctx(), *request.session);
	if (!sessions) {
		return web.SendErrorPage(request, sessions.error());
	}
	auto events = app::RecentAccountEvents(web.ctx(), request.session->user.id);
	if (!events) {
		return web.SendErrorPage(request, events.error());
	}
	const std::string notice_key = DoneNoticeKey(request.Param("done"));
	Json model = {{"name", request.session->user.display_name},
	              {"email", request.session->user.email},
	              {"sessions", SessionsModel(*sessions)},
	              {"other_sessions", sessions->size() > 1},
	              {"events", EventsModel(web, request, *events)},
	              {"has_events", !events->empty()},
	              {"notice", notice_key[0] == '\0' ? std::string() : web.Text(request, notice_key)}};
	if (error) {
		const std::string field = error->field.empty() ? "current_password" : error->field;
		model["error_summary"] = ErrorSummary(*error, field);
		model["errors"] = {{field, error->message}};
		SetRetryAfter(request, *error);
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "account", model, "pages.account"));
}

void ShowAccount(WebApp &web, Request &request) { RenderAccount(web, request, std::nullopt); }

void ChangePassword(WebApp &web, Request &request) {
	app::PasswordChange change{request.Param("current_password"), request.Param("new_password"),
	                           request.Param("new_password_confirm"), request.client_address};
	auto issued = app::ChangeMyPassword(web.ctx(), *request.session, change);
	if (!issued) {
		return RenderAccount(web, request, issued.error());
	}
	web.SetSessionCookie(request, issued->token);
	(void)app::NotifyAccountChange(web.ctx(), web.messages(), request.session->user, app::AccountChange::kPasswordChanged,
	                               web.AbsoluteUrl("/account"));
	web.Redirect(request, "/account?done=password");
}

void EndSession(WebApp &web, Request &request) {
	const std::string handle = request.http.matches[1];
	if (auto ended = app::EndMySession(web.ctx(), *request.session, handle); !ended) {
		return web.SendErrorPage(request, ended.error());
	}
	web.Redirect(request, "/account?done=ended");
}

void EndOtherSessions(WebApp &web, Request &request) {
	if (auto ended = app::EndMyOtherSessions(web.ctx(), *request.session); !ended) {
		return web.SendErrorPage(request, ended.error());
	}
	web.Redirect(request, "/account?done=ended_all");
}

void ApiListSessions(WebApp &web, Request &request) {
	auto sessions = app::ListMySessions(web.ctx(), *request.session);
	if (!sessions) {
		return web.SendApiError(request, sessions.error());
	}
	Json list = Json::array();
	for (const auto &session : *sessions) {
		list.push_back({{"id", session.handle},
		                {"created_at", session.created_at},
		                {"last_seen_at", session.last_seen_at},
		                {"client", session.client},
		                {"user_agent", session.user_agent},
		                {"current", session.current}});
	}
	web.SendJson(request, 200, {{"sessions", list}});
}

void ApiEndOtherSessions(WebApp &web, Request &request) {
	auto ended = app::EndMyOtherSessions(web.ctx(), *request.session);
	if (!ended) {
		return web.SendApiError(request, ended.error());
	}
	web.SendJson(request, 200, {{"ended", *ended}});
}

} // namespace

RouteTable AccountRoutes() {
	return {
	    {Method::kGet, "/account", SignedIn(), ShowAccount},
	    {Method::kPost, "/account/password", SignedIn(), ChangePassword},
	    // Ending sessions needs the password again (ASVS 3.3.4): a session thief could otherwise
	    // sign the owner out everywhere.
	    {Method::kPost, "/account/sessions/others/end", RecentPassword(SignedIn()), EndOtherSessions},
	    {Method::kPost, R"(/account/sessions/([0-9a-f]{16})/end)", RecentPassword(SignedIn()), EndSession},
	    {Method::kGet, "/api/v1/me/sessions", Api(SignedIn()), ApiListSessions},
	    {Method::kDelete, "/api/v1/me/sessions", Api(RecentPassword(SignedIn())), ApiEndOtherSessions},
	};
}

} // namespace mamori::web
