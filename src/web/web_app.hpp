// mamori/web/web_app.hpp
//
// The web adapter: owns the HTTP server, the views and the request helpers
// shared by every route file. Route files (routes_*.cpp) register handlers
// that translate HTTP into app-layer calls and back; they hold no business
// rules of their own.
#pragma once

#include "app/accounts.hpp"
#include "app/app_context.hpp"
#include "app/organizations.hpp"
#include "web/kept_pages.hpp"
#include "web/views.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <mutex>
#include <optional>
#include <string>

namespace mamori::web {

using Json = nlohmann::json;
using app::Id;

inline constexpr const char *kSessionCookie = "mamori_session";
inline constexpr const char *kPreSessionCookie = "mamori_presession";  // CSRF for forms before sign-in
inline constexpr const char *kLanguageCookie = "mamori_lang";          // the language chosen with ?lang=
// Large enough for an XLSX register of many thousand rows; JSON bodies are far smaller.
inline constexpr size_t kMaxBodyBytes = 4 * 1024 * 1024;
//! Rendered pages kept per reader (web/kept_pages.hpp): a dashboard is ~20 KB, a print view of
//! 1,000 assets ~1.5 MB.
inline constexpr size_t kKeptPagesBudgetBytes = 8 * 1024 * 1024;

struct WebOptions {
	std::string static_dir;
	bool secure_cookies = false;  // add the Secure attribute (behind TLS)
	std::string public_url;       // scheme and host people use, without a trailing "/" ("" = unknown)
	std::vector<std::string> trusted_proxies;  // whose X-Forwarded-For names the client
	Locale console_locale = kDefaultLocale;  // of the lines printed on the terminal
};

//! Per-request state gathered by WebApp::Begin.
struct Request {
	const httplib::Request &http;
	httplib::Response &response;
	std::optional<app::SessionUser> session;
	//! Where the request came from: the TCP peer, or the client a trusted proxy names.
	std::string client_address;
	//! For a route behind an organisation gate: the signed-in user's access to the organisation its
	//! path names, read with the session in one query (WebApp::Begin); the gate uses it.
	struct OrgAccessRead {
		Id org_id = 0;
		Result<app::OrgAccess> access;
	};
	std::optional<OrgAccessRead> org_access_read;
	//! The UI language of this request (WebApp::Begin decides it).
	Locale locale = kDefaultLocale;
	//! Set once the request's refusal line is written, so it is written once.
	mutable bool refusal_logged = false;

	app::Actor actor() const {
		return session ? app::Actor{session->user.id, session->user.email, session->user.is_admin} : app::Actor{};
	}
	//! A single-valued form field (urlencoded or multipart body) or query parameter, or "". The
	//! route gate has already refused a request that gives it twice (web/single_value_fields.hpp).
	std::string Param(const std::string &name) const;
	//! Every value of a list field (web/single_value_fields.hpp: IsListField), query and body together.
	std::vector<std::string> Values(const std::string &name) const;
	bool HasParam(const std::string &name) const { return http.has_param(name.c_str()) || http.has_file(name.c_str()); }
};

class WebApp {
public:
	WebApp(app::AppContext ctx, Views views, WebOptions options);

	app::AppContext &ctx() { return ctx_; }
	const Views &views() const { return views_; }
	const MessageCatalog &messages() const { return views_.messages(); }

	//! A message of the catalog in the request's language.
	std::string Text(const Request &request, std::string_view key, const MessageParams &params = {}) const;
	//! An error's message in the request's language.
	std::string Describe(const Request &request, const Error &error) const;
	//! Guideline content (items, threats, check items...) in the request's
	//! language, for pages. Documents and the JSON API use their own language.
	const Catalog &Content(const Request &request) const;

	// --- set-up code (first administrator) ---------------------------------
	//! Generates and remembers a one-time code when no account exists yet;
	//! returns it so the caller can print it to the terminal.
	std::optional<std::string> PrepareSetupCode();
	//! A line for the terminal the server runs in, in that terminal's language.
	std::string ConsoleText(std::string_view key, const MessageParams &params = {}) const {
		return messages().Text(options_.console_locale, key, params);
	}
	bool ConsumeSetupCode(const std::string &code);
	bool SetupPending();

	// --- request helpers used by route files --------------------------------
	//! Resolves the session cookie and the language: ?lang= (remembered in a
	//! cookie, and as the user's setting when signed in), then the user's
	//! setting, then the cookie, then Accept-Language, then Japanese.
	//! `org_in_path`: the organisation a route's gate will open, read with the session.
	Request Begin(const httplib::Request &http, httplib::Response &response,
	              std::optional<Id> org_in_path = std::nullopt);

	//! For HTML form posts: the _csrf field must match the session's token
	//! (or the pre-session cookie before sign-in). Sends 403 and returns false otherwise.
	bool CheckFormCsrf(Request &request);
	//! For API calls with a session: X-CSRF-Token must match. Sends 403 JSON otherwise.
	bool CheckApiCsrf(Request &request);

	void SendJson(Request &request, int status, const Json &body);
	//! An API answer already encoded as JSON text.
	void SendJsonText(Request &request, int status, const std::string &body);
	void SendApiError(Request &request, const Error &error);
	void SendHtml(Request &request, int status, const std::string &html);
	void Redirect(Request &request, const std::string &location);
	//! `path` with the public URL in front, for links that leave the browser (mail);
	//! the path alone when the operator gave no --public-url.
	std::string AbsoluteUrl(const std::string &path) const { return options_.public_url + path; }
	//! A link to show on a page for someone else to open (an invitation): the public URL when
	//! the operator gave one, else what this browser used to reach us (plain HTTP on a LAN).
	std::string ShareableUrl(const Request &request, const std::string &path) const;
	//! Logs a refused answer (400, 401, 403, 404, 405, 413, 429) as a refusal (web/security_log.hpp).
	void LogIfRefused(const Request &request);
	//! Logs the request as refused whatever its status (a redirect to sign in), and counts it
	//! towards the refusals alert of its client (app/alerts.hpp).
	void LogRefused(const Request &request);
	//! A cookie's name as sent: with the __Host- prefix whenever cookies are Secure.
	std::string CookieName(const char *name) const;
	//! An HTML error page for the error's status (404 for kNotFound, ...).
	void SendErrorPage(Request &request, const Error &error);

	//! Renders a page with the standard layout model filled in for this request.
	std::string RenderPage(Request &request, const std::string &page, Json model, const std::string &title,
	                       const std::optional<app::OrgAccess> &org = std::nullopt);

	//! Sends a page of the organisation that depends only on its data, the reader, the request's
	//! address and the day: kept (web/kept_pages.hpp) and sent again until the organisation
	//! changes. A page whose model depends on anything else must not use it. `make_model` runs
	//! only when the page is not kept; it returns nullopt after sending an error page of its own.
	void SendKeptPage(Request &request, const std::string &page, const std::string &title, const app::OrgAccess &org,
	                  const std::function<std::optional<Json>()> &make_model);

	//! The CSRF token to embed in forms for this request (session or pre-session).
	std::string FormCsrfToken(Request &request);

	void SetSessionCookie(Request &request, const std::string &token);
	void ClearSessionCookie(Request &request);
	//! A strict cookie of our own (HttpOnly, SameSite=Strict, Path=/, Secure behind TLS);
	//! max_age 0 removes it. Used by the sign-in that waits for a two-step code.
	void SetStrictCookie(Request &request, const std::string &name, const std::string &value, long long max_age);
	std::string RequestCookie(const Request &request, const std::string &name) const;

	//! Parses a positive decimal id from a path capture.
	static std::optional<Id> ParseId(const std::string &text);

private:
	Locale ChooseLocale(Request &request);
	//! This page again in the other language (the layout's language switch).
	std::string LanguageSwitchHref(const Request &request, Locale target) const;
	//! Resolves the message keys of the layout and the error summary.
	void LocalizeLayout(const Request &request, Json &model) const;
	//! The layout's model for this request: title, language switch, reader, CSRF token, navigation.
	Json PageLayout(Request &request, const std::string &page, const std::string &title,
	                const std::optional<app::OrgAccess> &org, bool has_error_summary);
	std::string RenderWithLayout(Request &request, const std::string &page, Json model, Json layout);
	void SendKeptHtml(Request &request, std::shared_ptr<const std::string> html);
	//! The key a kept page is found by, or nothing when the page must not be kept.
	std::optional<std::string> KeptPageKey(const Request &request, const std::string &page, const std::string &title,
	                                       const app::OrgAccess &org) const;

	app::AppContext ctx_;
	Views views_;
	WebOptions options_;
	std::mutex setup_mutex_;
	std::string setup_code_hash_;
	KeptPages kept_pages_{kKeptPagesBudgetBytes};
};

//! The messages of one request's language, for view-model builders that
//! need many of them: `words("key", params)`.
struct PageText {
	const WebApp &web;
	const Request &request;
	std::string operator()(std::string_view key, const MessageParams &params = {}) const {
		return web.Text(request, key, params);
	}
	std::string Describe(const Error &error) const { return web.Describe(request, error); }
};

//! The message key naming a role ("roles.manager").
const char *RoleKey(app::Role role);

//! Builds the layout's navigation for an organisation page. Labels are
//! message keys ("label_key"); RenderPage turns them into text.
Json OrgNavigation(const app::OrgAccess &access, const std::string &current);

//! The message key of a role's name (roles.*, the names of 表5).
const char *RoleKey(app::Role role);

//! Error summary model for a form re-shown with problems (ui.md §2.7). It
//! keeps the message key and parameters; RenderPage writes the text.
Json ErrorSummary(const Error &error, const std::string &field_id);

} // namespace mamori::web

namespace mamori::web {
//! Reads the organisation profile form (name, industry, capital_yen, employees).
Result<app::OrganizationInput> ReadOrganizationForm(const Request &request);
//! Model for the organisation form fields, including industry options.
Json OrganizationFormModel(const Catalog &catalog, const app::OrganizationInput &input);
} // namespace mamori::web
