// mamori/web/web_app.cpp
#include "web/web_app.hpp"

#include "web/client_address.hpp"
#include "web/security_log.hpp"

#include "app/alerts.hpp"
#include "app/languages.hpp"
#include "app/org_views.hpp"
#include "app/selfcheck_views.hpp"
#include "app/sessions.hpp"
#include "platform/crypto.hpp"
#include "web/http_errors.hpp"
#include "web/route_table.hpp"

#include <algorithm>
#include <charconv>

namespace mamori::web {

WebApp::WebApp(app::AppContext ctx, Views views, WebOptions options)
    : ctx_(ctx), views_(std::move(views)), options_(std::move(options)) {}

std::string Request::Param(const std::string &name) const {
	if (http.has_param(name.c_str())) {
		return http.get_param_value(name.c_str());
	}
	// A text field of a multipart form (long forms are sent so: the HTTP
	// library refuses URL-encoded bodies over 8 KiB).
	return http.has_file(name.c_str()) ? http.get_file_value(name.c_str()).content : std::string();
}

std::vector<std::string> Request::Values(const std::string &name) const {
	std::vector<std::string> values;
	const auto [first, last] = http.params.equal_range(name);
	for (auto it = first; it != last; ++it) {
		values.push_back(it->second);
	}
	return values;
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

Request WebApp::Begin(const httplib::Request &http, httplib::Response &response, std::optional<Id> org_in_path) {
	Request request{http, response, std::nullopt};
	request.client_address = ClientAddress(http.remote_addr, http.get_header_value("X-Forwarded-For"),
	                                       options_.trusted_proxies);
	const std::string token = CookieValue(http, CookieName(kSessionCookie));
	if (!token.empty() && org_in_path) {
		auto found = app::ResolveSessionWithOrgAccess(ctx_, token, *org_in_path);
		if (found && found->has_value()) {
			request.session = std::move((*found)->session);
			request.org_access_read = Request::OrgAccessRead{*org_in_path, std::move((*found)->access)};
		}
	} else if (!token.empty()) {
		auto session = app::ResolveSession(ctx_, token);
		if (session && session->has_value()) {
			request.session = **session;
		}
	}
	request.locale = ChooseLocale(request);
	return request;
}

Locale WebApp::ChooseLocale(Request &request) {
	if (request.HasParam("lang")) {
		if (auto chosen = ParseLocale(request.Param("lang"))) {
			// An API call asks for one response in that language; only pages remember it.
			if (request.http.path.rfind("/api/", 0) == 0) {
				return *chosen;
			}
			// A signed-in user's choice is their setting from now on, on every device.
			if (request.session && app::ChosenLocaleOf(request.session->user) != chosen) {
				if (app::SetUserLanguage(ctx_, request.session->user.id, *chosen)) {
					request.session->user.locale = std::string(LocaleCode(*chosen));
				}
			}
			// Remember the choice, so the next page (after login, say) keeps it.
			std::string cookie = CookieName(kLanguageCookie) + "=" + std::string(LocaleCode(*chosen)) +
			                     "; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000";
			if (options_.secure_cookies) {
				cookie += "; Secure";
			}
			request.response.set_header("Set-Cookie", cookie);
			return *chosen;
		}
	}
	if (request.session) {
		if (auto setting = app::ChosenLocaleOf(request.session->user)) {
			return *setting;
		}
	}
	if (auto remembered = ParseLocale(CookieValue(request.http, CookieName(kLanguageCookie)))) {
		return *remembered;
	}
	if (auto negotiated = NegotiateLocale(request.http.get_header_value("Accept-Language"))) {
		return *negotiated;
	}
	return kDefaultLocale;
}

std::string WebApp::Text(const Request &request, std::string_view key, const MessageParams &params) const {
	return messages().Text(request.locale, key, params);
}

const Catalog &WebApp::Content(const Request &request) const {
	return ctx_.catalogs != nullptr ? ctx_.catalogs->In(request.locale) : ctx_.catalog;
}

std::string WebApp::Describe(const Request &request, const Error &error) const {
	return DescribeError(messages(), request.locale, error);
}

std::string WebApp::FormCsrfToken(Request &request) {
	if (request.session) {
		return request.session->csrf_token;
	}
	std::string pre = CookieValue(request.http, CookieName(kPreSessionCookie));
	if (pre.empty() || pre.size() > 64) {
		pre = platform::RandomToken(24);
		std::string cookie = CookieName(kPreSessionCookie) + "=" + pre + "; Path=/; HttpOnly; SameSite=Strict";
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
	    request.session ? request.session->csrf_token : CookieValue(request.http, CookieName(kPreSessionCookie));
	if (!expected.empty() && !sent.empty() && platform::ConstantTimeEquals(expected, sent)) {
		return true;
	}
	SendErrorPage(request, Error::Make(ErrorCode::kForbidden, "errors.csrf.form"));
	return false;
}

bool WebApp::CheckApiCsrf(Request &request) {
	const std::string sent = request.http.get_header_value("X-CSRF-Token");
	if (request.session && !sent.empty() && platform::ConstantTimeEquals(request.session->csrf_token, sent)) {
		return true;
	}
	SendApiError(request, Error::Make(ErrorCode::kForbidden, "errors.csrf.api"));
	return false;
}

void WebApp::SendJson(Request &request, int status, const Json &body) { SendJsonText(request, status, body.dump()); }

void WebApp::SendJsonText(Request &request, int status, const std::string &body) {
	request.response.status = status;
	request.response.set_content(body, "application/json; charset=utf-8");
	// An API answer opened as a page is a download, never a document a browser renders (ASVS 14.4.2).
	request.response.set_header("Content-Disposition", "attachment; filename=\"api.json\"");
}

void WebApp::SendApiError(Request &request, const Error &error) {
	Json body = {{"error", {{"code", ErrorCodeName(error.code)}, {"message", Describe(request, error)}}}};
	if (!error.field.empty()) {
		body["error"]["field"] = error.field;
	}
	SendJson(request, HttpStatusFor(error.code), body);
	LogIfRefused(request);
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
	const std::string title_key = ErrorPageTitleKey(status);
	// Server faults keep their details in the log, not on the page.
	const std::string message = status >= 500 ? Text(request, "errors.page.retry_later") : Describe(request, error);
	Json model = {{"heading", Text(request, title_key)}, {"message", message}};
	SendHtml(request, status, RenderPage(request, "error", model, title_key));
	LogIfRefused(request);
}

void WebApp::LogIfRefused(const Request &request) {
	// Every refusal, whether the route gate or a handler decided it (another organisation's
	// object id is a handler's 404), leaves one line for the operator (ASVS 7.2.2); so do
	// malformed or invalid input, unknown paths and methods, and rate limits (7.1.3, 14.5.1).
	if (IsRefusalStatus(request.response.status)) {
		LogRefused(request);
	}
}

void WebApp::LogRefused(const Request &request) {
	if (request.refusal_logged) {
		return;
	}
	request.refusal_logged = true;
	LogRefusal(request);
	app::NoteForAlert(ctx_, app::AlertKind::kRefusals, "client:" + request.client_address);
}

std::string WebApp::LanguageSwitchHref(const Request &request, Locale target) const {
	std::vector<std::pair<std::string, std::string>> query;
	// Form posts are not repeated: the switch shows the same address afresh.
	if (request.http.method == "GET") {
		for (const auto &[name, value] : request.http.params) {
			if (name != "lang") query.emplace_back(name, value);
		}
	}
	query.emplace_back("lang", std::string(LocaleCode(target)));
	return request.http.path + app::QueryString(query);
}

void WebApp::LocalizeLayout(const Request &request, Json &model) const {
	Json &layout = model["layout"];
	if (layout.contains("org")) {
		for (auto &item : layout["org"]["nav"]) {
			item["label"] = Text(request, item["label_key"].get<std::string>());
		}
		layout["org"]["role_label"] = Text(request, layout["org"]["role_key"].get<std::string>());
	}
	if (model.contains("error_summary") && model["error_summary"].contains("message_key")) {
		Json &summary = model["error_summary"];
		MessageParams params;
		for (const auto &[name, value] : summary["params"].items()) {
			params.emplace_back(name, value.get<std::string>());
		}
		const std::string key = summary["message_key"].get<std::string>();
		summary["message"] = Text(request, key, params);
		// The inline errors beside the fields repeat the summary's message (ui.md §2.7).
		if (model.contains("errors") && model["errors"].is_object()) {
			for (auto &[field, message] : model["errors"].items()) {
				if (message.is_string() && message.get<std::string>() == key) {
					message = summary["message"];
				} else if (message.is_string()) {
					message = Text(request, message.get<std::string>());
				}
			}
		}
	}
}

Json WebApp::PageLayout(Request &request, const std::string &page, const std::string &title,
                        const std::optional<app::OrgAccess> &org, bool has_error_summary) {
	const Locale other = request.locale == Locale::kJa ? Locale::kEn : Locale::kJa;
	// `title` is a message key; text that is not a key is shown as it is.
	const std::string title_text = Text(request, title);
	Json layout = {
	    {"title", has_error_summary ? Text(request, "layout.error_title", {{"title", title_text}}) : title_text},
	    {"lang", std::string(LocaleCode(request.locale))},
	    {"switch_href", LanguageSwitchHref(request, other)},
	    {"switch_lang", std::string(LocaleCode(other))},
	    {"switch_label", Text(request, other == Locale::kJa ? "layout.language.ja_native" : "layout.language.en_native")},
	    {"csrf", FormCsrfToken(request)},
	    {"signed_in", request.session.has_value()},
	};
	if (request.session) {
		layout["user_email"] = request.session->user.email;
		layout["user_name"] = request.session->user.display_name;
		layout["is_admin"] = request.session->user.is_admin;
		// Wrong passwords since the last sign-in: told once, on the first page after it.
		if (request.session->failed_sign_ins > 0) {
			layout["sign_in_notice"] = Text(request, "my_account.notice.failed_sign_ins",
			                                {{"count", std::to_string(request.session->failed_sign_ins)}});
			(void)app::AcknowledgeFailedSignIns(ctx_, *request.session);
		}
	}
	if (org) {
		layout["org"] = OrgNavigation(*org, page);
	}
	return layout;
}

std::string WebApp::RenderWithLayout(Request &request, const std::string &page, Json model, Json layout) {
	model["csrf"] = layout["csrf"];
	model["layout"] = std::move(layout);
	LocalizeLayout(request, model);
	return views_.RenderPage(request.locale, page, model);
}

std::string WebApp::RenderPage(Request &request, const std::string &page, Json model, const std::string &title,
                               const std::optional<app::OrgAccess> &org) {
	Json layout = PageLayout(request, page, title, org, model.contains("error_summary"));
	return RenderWithLayout(request, page, std::move(model), std::move(layout));
}

std::optional<std::string> WebApp::KeptPageKey(const Request &request, const std::string &page,
                                               const std::string &title, const app::OrgAccess &org) const {
	// A notice of failed sign-ins is shown once and then acknowledged: such a page is never kept.
	if (!request.session || request.session->failed_sign_ins > 0) {
		return std::nullopt;
	}
	const storage::User &user = request.session->user;
	// Every input of PageLayout and OrgNavigation, besides the organisation's data that the
	// revision covers. Keying on these instead of the layout's JSON skips building the layout
	// on a hit (issue 11: it was an eighth of a kept dashboard's time). A new input of the
	// layout belongs here too; tests/http/kept_pages.test.mjs checks the ones a user can change.
	std::string key;
	for (const std::string &part :
	     {page, title, request.http.method, request.http.target, ctx_.clock.TodayInJapan(),
	      std::string(LocaleCode(request.locale)), request.session->csrf_token, std::to_string(user.id), user.email,
	      user.display_name, std::string(user.is_admin ? "admin" : "-"), std::to_string(org.org.id), org.org.name,
	      std::string(RoleKey(org.membership.role))}) {
		key += part;
		key += '\n';
	}
	return key;
}

void WebApp::SendKeptPage(Request &request, const std::string &page, const std::string &title,
                          const app::OrgAccess &org, const std::function<std::optional<Json>()> &make_model) {
	// The revision was read with the access, before the model is built (see web/kept_pages.hpp);
	// kept pages are GET pages, which write none of the organisation's data first.
	const std::int64_t revision = org.revision;
	const std::optional<std::string> key = KeptPageKey(request, page, title, org);
	if (key) {
		if (auto kept = kept_pages_.Find(*key, revision)) {
			return SendKeptHtml(request, std::move(kept));
		}
	}
	std::optional<Json> model = make_model();
	if (!model) {
		return;  // make_model sent its error page
	}
	Json layout = PageLayout(request, page, title, org, false);
	auto html = std::make_shared<const std::string>(RenderWithLayout(request, page, std::move(*model), std::move(layout)));
	if (key) {
		kept_pages_.Keep(*key, revision, html);
	}
	SendKeptHtml(request, std::move(html));
}

void WebApp::SendKeptHtml(Request &request, std::shared_ptr<const std::string> html) {
	request.response.status = 200;
	const size_t length = html->size();
	// A page of ordinary size is copied into the response: the library's path for a content
	// provider polls the socket and switches its flags per response, which cost a tenth of a
	// kept dashboard's time.
	constexpr size_t kCopiedPageBytes = 256 * 1024;
	if (length <= kCopiedPageBytes) {
		request.response.set_content(*html, "text/html; charset=utf-8");
		return;
	}
	// A large page is written from the kept text itself, not a copy per response: 64 readers of a
	// 1.5 MB print view would otherwise hold 64 copies while their sockets drain (issue 11: RSS).
	request.response.set_content_provider(
	    length, "text/html; charset=utf-8", [html = std::move(html)](size_t offset, size_t wanted, httplib::DataSink &sink) {
		    return sink.write(html->data() + offset, std::min(wanted, html->size() - offset));
	    });
}

std::string WebApp::CookieName(const char *name) const {
	// __Host- makes the browser refuse the cookie unless it is Secure, for this host only and for
	// the whole site: no other subdomain or plain-HTTP page can plant or read it (ASVS 3.4.4).
	return options_.secure_cookies ? std::string("__Host-") + name : std::string(name);
}

std::string WebApp::ShareableUrl(const Request &request, const std::string &path) const {
	if (!options_.public_url.empty()) {
		return options_.public_url + path;
	}
	const std::string host = request.http.get_header_value("Host");
	return "http://" + (host.empty() ? std::string("127.0.0.1:8080") : host) + path;
}

void WebApp::SetSessionCookie(Request &request, const std::string &token) {
	std::string cookie = CookieName(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" +
	                     std::to_string(app::kSessionSeconds);
	if (options_.secure_cookies) {
		cookie += "; Secure";
	}
	request.response.set_header("Set-Cookie", cookie);
}

void WebApp::ClearSessionCookie(Request &request) {
	std::string cookie = CookieName(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0";
	if (options_.secure_cookies) {
		cookie += "; Secure";
	}
	request.response.set_header("Set-Cookie", cookie);
}

void WebApp::SetStrictCookie(Request &request, const std::string &name, const std::string &value, long long max_age) {
	std::string cookie =
	    CookieName(name.c_str()) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
	if (options_.secure_cookies) {
		cookie += "; Secure";
	}
	request.response.set_header("Set-Cookie", cookie);
}

std::string WebApp::RequestCookie(const Request &request, const std::string &name) const {
	return CookieValue(request.http, CookieName(name.c_str()));
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

//! The message key of a role's name (表5 names, see storage/records.cpp).
const char *RoleKey(app::Role role) {
	switch (role) {
	case app::Role::kAdmin:
		return "roles.admin";
	case app::Role::kManager:
		return "roles.manager";
	case app::Role::kExecutive:
		return "roles.executive";
	case app::Role::kRespondent:
		return "roles.respondent";
	case app::Role::kViewer:
		return "roles.viewer";
	case app::Role::kConsultant:
		return "roles.consultant";
	}
	return "roles.viewer";
}

Json OrgNavigation(const app::OrgAccess &access, const std::string &current) {
	const std::string base = "/orgs/" + std::to_string(access.org.id);
	Json items = Json::array();
	auto add = [&](const std::string &page, const char *label_key, const std::string &href) {
		items.push_back({{"label_key", label_key}, {"href", href}, {"current", current.rfind(page, 0) == 0}});
	};
	if (access.IsRespondent()) {
		add("selfcheck_answer", "nav.selfcheck_answer", base + "/selfcheck/answer");
		add("handbook", "nav.handbook", base + "/handbook");
		add("incident", "nav.incident_report", base + "/incidents/new");
		add("training", "web_training.nav", base + "/training");
		add("owner", "web_owner.nav", base + "/owner");
	} else {
		add("dashboard", "nav.dashboard", base);
		add("owner", "web_owner.nav", base + "/owner");
		add("five_articles", "nav.five_articles", base + "/five-articles");
		add("selfcheck", "nav.selfcheck", base + "/selfcheck");
		add("policy", "nav.policy", base + "/policy");
		add("document", "nav.documents", base + "/documents");
		add("risk", "nav.risk", base + "/risk");
		add("org_profile", "nav.org_profile", base + "/profile");
		if (access.CanManageMembers()) {
			add("members", "nav.members", base + "/members");
		}
		add("audit", "nav.audit", base + "/audit");
		add("coaching", "nav.coaching", base + "/coaching");  // consultant workspace (issue 12)
		add("training", "web_training.nav", base + "/training");
		add("incident", "nav.incident_report", base + "/incidents/new");
	}
	return {{"id", access.org.id},
	        {"name", access.org.name},
	        {"base", base},
	        {"role_key", RoleKey(access.membership.role)},
	        // Reporting something odd is one tap on a phone too, beside the folded menu (issue 13).
	        {"report_href", base + "/incidents/new"},
	        {"nav", items}};
}

Json ErrorSummary(const Error &error, const std::string &field_id) {
	Json params = Json::object();
	for (const auto &[name, value] : error.params) {
		params[name] = value;
	}
	return {{"message_key", error.message}, {"params", params}, {"field_id", field_id}};
}

} // namespace mamori::web
