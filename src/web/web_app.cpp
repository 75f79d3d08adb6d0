// mamori/web/web_app.cpp
#include "web/web_app.hpp"

#include "platform/crypto.hpp"
#include "web/http_errors.hpp"
#include "web/route_table.hpp"

#include <charconv>

namespace mamori::web {

WebApp::WebApp(app::AppContext ctx, Views views, WebOptions options)
    : ctx_(ctx), views_(std::move(views)), options_(std::move(options)) {}

std::string Request::Param(const std::string &name) const {
	return http.has_param(name.c_str()) ? http.get_param_value(name.c_str()) : std::string();
}

std::optional<std::string> WebApp::PrepareSetupCode() {
	std::lock_guard<std::mutex> lock(setup_mutex_);
	auto pending = app::SetupPending(ctx_);
	if (!pending || !*pending) {
		return std::nullopt;
	}
	const std::string code = platform::RandomDigits(4) + "-" + platform::RandomDigits(4) + "-" + platform::RandomDigits(4);
	setup_code_hash_ = platform::Sha256Hex(code);
	return code;
}

bool WebApp::ConsumeSetupCode(const std::string &code) {
	std::lock_guard<std::mutex> lock(setup_mutex_);
	if (setup_code_hash_.empty()) {
		return false;
	}
	if (!platform::ConstantTimeEquals(setup_code_hash_, platform::Sha256Hex(code))) {
		return false;
	}
	setup_code_hash_.clear();
	return true;
}

bool WebApp::SetupPending() {
	auto pending = app::SetupPending(ctx_);
	return pending && *pending;
}

static std::string CookieValue(const httplib::Request &http, const std::string &name) {
	const std::string header = http.get_header_value("Cookie");
	size_t pos = 0;
	while (pos < header.size()) {
		size_t end = header.find(';', pos);
		if (end == std::string::npos) {
			end = header.size();
		}
		std::string pair = header.substr(pos, end - pos);
		const size_t first = pair.find_first_not_of(' ');
		pair = first == std::string::npos ? "" : pair.substr(first);
		const size_t eq = pair.find('=');
		if (eq != std::string::npos && pair.substr(0, eq) == name) {
			return pair.substr(eq + 1);
		}
		pos = end + 1;
	}
	return "";
}

Request WebApp::Begin(const httplib::Request &http, httplib::Response &response) {
	Request request{http, response, std::nullopt};
	const std::string token = CookieValue(http, kSessionCookie);
	if (!token.empty()) {
		auto session = app::ResolveSession(ctx_, token);
		if (session && session->has_value()) {
			request.session = **session;
		}
	}
	return request;
}

std::string WebApp::FormCsrfToken(Request &request) {
	if (request.session) {
		return request.session->csrf_token;
	}
	std::string pre = CookieValue(request.http, kPreSessionCookie);
	if (pre.empty() || pre.size() > 64) {
		pre = platform::RandomToken(24);
		std::string cookie = std::string(kPreSessionCookie) + "=" + pre + "; Path=/; HttpOnly; SameSite=Strict";
		if (options_.secure_cookies) {
			cookie += "; Secure";
		}
		request.response.set_header("Set-Cookie", cookie);
	}
	return pre;
}

bool WebApp::CheckFormCsrf(Request &request) {
	const std::string sent = request.Param("_csrf");
	const std::string expected =
	    request.session ? request.session->csrf_token : CookieValue(request.http, kPreSessionCookie);
	if (!expected.empty() && !sent.empty() && platform::ConstantTimeEquals(expected, sent)) {
		return true;
	}
	SendErrorPage(request, Error::Make(ErrorCode::kForbidden,
	                                   "フォームの有効期限が切れたか、正しくない送信です。ページを開き直してから、もう一度送信してください。"));
	return false;
}

bool WebApp::CheckApiCsrf(Request &request) {
	const std::string sent = request.http.get_header_value("X-CSRF-Token");
	if (request.session && !sent.empty() && platform::ConstantTimeEquals(request.session->csrf_token, sent)) {
		return true;
	}
	SendApiError(request, Error::Make(ErrorCode::kForbidden, "X-CSRF-Token ヘッダーがないか、正しくありません。"));
	return false;
}

void WebApp::SendJson(Request &request, int status, const Json &body) {
	request.response.status = status;
	request.response.set_content(body.dump(), "application/json; charset=utf-8");
}

void WebApp::SendApiError(Request &request, const Error &error) {
	Json body = {{"error", {{"code", ErrorCodeName(error.code)}, {"message", error.message}}}};
	if (!error.field.empty()) {
		body["error"]["field"] = error.field;
	}
	SendJson(request, HttpStatusFor(error.code), body);
}

void WebApp::SendHtml(Request &request, int status, const std::string &html) {
	request.response.status = status;
	request.response.set_content(html, "text/html; charset=utf-8");
}

void WebApp::Redirect(Request &request, const std::string &location) {
	// Only ever redirect within the site: locations are built from ids, but
	// refusing anything else keeps an open redirect from creeping in later.
	const bool local = !location.empty() && location[0] == '/' && (location.size() < 2 || location[1] != '/');
	request.response.status = 303;
	request.response.set_header("Location", local ? location : "/");
}

void WebApp::SendErrorPage(Request &request, const Error &error) {
	const int status = HttpStatusFor(error.code);
	std::string title;
	switch (status) {
	case 404:
		title = "ページが見つかりません";
		break;
	case 403:
		title = "この操作はできません";
		break;
	case 401:
		title = "ログインしてください";
		break;
	case 429:
		title = "しばらく待ってからお試しください";
		break;
	case 400:
		title = "入力内容に問題があります";
		break;
	default:
		title = "問題が発生しました";
	}
	Json model = {{"heading", title}, {"message", status >= 500 ? "時間をおいてもう一度お試しください。" : error.message}};
	SendHtml(request, status, RenderPage(request, "error", model, title));
}

std::string WebApp::RenderPage(Request &request, const std::string &page, Json model, const std::string &title,
                               const std::optional<app::OrgAccess> &org) {
	Json layout = {
	    {"title", title},
	    {"csrf", FormCsrfToken(request)},
	    {"signed_in", request.session.has_value()},
	};
	if (model.contains("error_summary")) {
		layout["title"] = "エラー：" + title;
	}
	if (request.session) {
		layout["user_email"] = request.session->user.email;
		layout["user_name"] = request.session->user.display_name;
		layout["is_admin"] = request.session->user.is_admin;
	}
	if (org) {
		layout["org"] = OrgNavigation(*org, page);
	}
	model["layout"] = layout;
	model["csrf"] = layout["csrf"];
	return views_.RenderPage(page, model);
}

void WebApp::SetSessionCookie(Request &request, const std::string &token) {
	std::string cookie = std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" +
	                     std::to_string(app::kSessionSeconds);
	if (options_.secure_cookies) {
		cookie += "; Secure";
	}
	request.response.set_header("Set-Cookie", cookie);
}

void WebApp::ClearSessionCookie(Request &request) {
	request.response.set_header("Set-Cookie", std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
}

std::optional<Id> WebApp::ParseId(const std::string &text) {
	Id value = 0;
	if (text.empty() || text.size() > 18 || text[0] == '0') {
		return std::nullopt;
	}
	auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
	if (ec != std::errc() || end != text.data() + text.size() || value <= 0) {
		return std::nullopt;
	}
	return value;
}

Json OrgNavigation(const app::OrgAccess &access, const std::string &current) {
	const std::string base = "/orgs/" + std::to_string(access.org.id);
	Json items = Json::array();
	auto add = [&](const std::string &key, const std::string &label, const std::string &href) {
		items.push_back({{"label", label}, {"href", href}, {"current", current.rfind(key, 0) == 0}});
	};
	if (access.IsRespondent()) {
		add("selfcheck_answer", "自社診断に回答", base + "/selfcheck/answer");
	} else {
		add("dashboard", "ホーム", base);
		add("five_articles", "5か条", base + "/five-articles");
		add("selfcheck", "自社診断", base + "/selfcheck");
		add("policy", "基本方針", base + "/policy");
		add("risk", "リスク分析", base + "/risk");
		add("org_profile", "組織情報", base + "/profile");
		if (access.CanManageMembers()) {
			add("members", "メンバー", base + "/members");
		}
		add("audit", "変更履歴", base + "/audit");
	}
	return {{"id", access.org.id},
	        {"name", access.org.name},
	        {"base", base},
	        {"role_label", std::string(app::RoleLabel(access.membership.role))},
	        {"nav", items}};
}

Json ErrorSummary(const Error &error, const std::string &field_id) {
	return {{"message", error.message}, {"field_id", field_id}};
}

void WebApp::Mount(httplib::Server &server) { MountRoutes(*this, server, AllRoutes()); }

} // namespace mamori::web
