// mamori/web/routes_auth.cpp
//
// First-run set-up, sign-in and sign-out, invitations, and the home page.
#include "app/accounts.hpp"
#include "app/organizations.hpp"
#include "core/security/password_policy.hpp"
#include "web/account_pages.hpp"
#include "web/http_errors.hpp"
#include "web/return_path.hpp"
#include "web/route_table.hpp"
#include "web/two_step_pages.hpp"

#include <iostream>

namespace mamori::web {
namespace {

Json IndustryOptions(const Catalog &catalog, const std::string &selected) {
	Json options = Json::array();
	for (const auto &limit : catalog.sme.industries) {
		options.push_back(
		    {{"value", limit.industry}, {"label", limit.label}, {"selected", limit.industry == selected}});
	}
	return options;
}

//! The message keys a number field's errors use (each names its field in words).
struct IntegerMessages {
	const char *not_digits;
	const char *missing;
	const char *too_large;
};

//! Reads a non-negative integer form field, accepting 全角 digits and commas
//! as people type them (ui.md §3).
Result<long long> FormInteger(const std::string &raw, const std::string &field, const IntegerMessages &messages) {
	std::string digits;
	for (size_t pos = 0; pos < raw.size();) {
		const unsigned char c = static_cast<unsigned char>(raw[pos]);
		if (c >= '0' && c <= '9') {
			digits.push_back(static_cast<char>(c));
			pos += 1;
		} else if (c == ',' || c == ' ') {
			pos += 1;
		} else if (c == 0xEF && pos + 2 < raw.size() && static_cast<unsigned char>(raw[pos + 1]) == 0xBC &&
		           static_cast<unsigned char>(raw[pos + 2]) >= 0x90 &&
		           static_cast<unsigned char>(raw[pos + 2]) <= 0x99) {
			digits.push_back(static_cast<char>('0' + (static_cast<unsigned char>(raw[pos + 2]) - 0x90)));
			pos += 3;
		} else {
			return Error::Invalid(field, messages.not_digits);
		}
	}
	if (digits.empty()) {
		return Error::Invalid(field, messages.missing);
	}
	if (digits.size() > 16) {
		return Error::Invalid(field, messages.too_large);
	}
	return std::stoll(digits);
}

} // namespace

Result<app::OrganizationInput> ReadOrganizationForm(const Request &request) {
	app::OrganizationInput input;
	input.name = request.Param("name");
	input.industry = request.Param("industry");
	if (input.name.find_first_not_of(" \t\r\n") == std::string::npos) {
		return Error::Invalid("name", "web_orgs.name_required");
	}
	if (input.industry.empty()) {
		return Error::Invalid("industry", "web_orgs.industry_required");
	}
	auto capital = FormInteger(request.Param("capital_yen"), "capital_yen",
	                           {"web_orgs.capital.not_digits", "web_orgs.capital.missing", "web_orgs.capital.too_large"});
	if (!capital) {
		return capital.error();
	}
	input.capital_yen = *capital;
	auto employees = FormInteger(request.Param("employees"), "employees",
	                             {"web_orgs.employees.not_digits", "web_orgs.employees.missing", "web_orgs.employees.too_large"});
	if (!employees) {
		return employees.error();
	}
	if (*employees > 10'000'000) {
		return Error::Invalid("employees", "web_orgs.employees.too_large");
	}
	input.employees = static_cast<int>(*employees);
	return input;
}

Json OrganizationFormModel(const Catalog &catalog, const app::OrganizationInput &input) {
	return {{"name", input.name},
	        {"industry_options", IndustryOptions(catalog, input.industry)},
	        {"capital_yen", input.capital_yen > 0 ? std::to_string(input.capital_yen) : ""},
	        {"employees", input.employees > 0 ? std::to_string(input.employees) : ""}};
}

namespace {

void RenderSetup(WebApp &web, Request &request, const app::OrganizationInput &org, const std::string &email,
                 const std::string &name, const std::optional<Error> &error) {
	Json model = {{"org", OrganizationFormModel(web.Content(request), org)}, {"email", email}, {"display_name", name}};
	if (error) {
		model["error_summary"] = ErrorSummary(*error, error->field);
		model["errors"] = {{error->field, error->message}};
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200, web.RenderPage(request, "setup", model, "pages.setup"));
}

void RenderLogin(WebApp &web, Request &request, const std::string &email, const std::optional<Error> &error) {
	// The page that sent the person here; the form carries it back after signing in.
	Json model = {{"email", email}, {"next", SafeReturnPath(request.Param("next"))}};
	if (error) {
		model["error_summary"] = ErrorSummary(*error, error->field.empty() ? "email" : error->field);
		model["errors"] = {{error->field.empty() ? "email" : error->field, error->message}};
		SetRetryAfter(request, *error);
	}
	// A failed sign-in is 401 and a throttled one 429, as in the API.
	const int status = !error ? 200 : HttpStatusFor(error->code);
	web.SendHtml(request, status, web.RenderPage(request, "login", model, "pages.login"));
}

void RenderInvite(WebApp &web, Request &request, const std::string &token, const std::optional<Error> &error) {
	Json model = {{"token", token}};
	if (error) {
		model["error_summary"] = ErrorSummary(*error, error->field);
		model["errors"] = {{error->field, error->message}};
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "invite", model, "pages.invite"));
}

//! "/": the set-up or sign-in page without a session; else the organisation (or the list of them).
void ShowHome(WebApp &web, Request &request) {
	if (!request.session) {
		if (web.SetupPending()) {
			return RenderSetup(web, request, {}, "", "", std::nullopt);
		}
		return RenderLogin(web, request, "", std::nullopt);
	}
	auto home = app::HomeOrganization(web.ctx(), request.session->user.id);
	if (!home) {
		return web.SendErrorPage(request, home.error());
	}
	if (!*home) {
		return web.Redirect(request, "/orgs");
	}
	// The 経営者 lands on the owner's view (issue 12); everyone else on the dashboard.
	auto access = app::AccessOrganization(web.ctx(), request.session->user.id, **home);
	const bool owner = access && access->membership.role == app::Role::kExecutive;
	web.Redirect(request, "/orgs/" + std::to_string(**home) + (owner ? "/owner" : ""));
}

void ShowSetup(WebApp &web, Request &request) {
	if (!web.SetupPending()) {
		return web.Redirect(request, "/login");
	}
	RenderSetup(web, request, {}, "", "", std::nullopt);
}

void CompleteSetup(WebApp &web, Request &request) {
	if (!web.SetupPending()) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kConflict, "web_auth.setup_done"));
	}
	const std::string email = request.Param("email");
	const std::string name = request.Param("display_name");
	app::OrganizationInput org_input;
	org_input.name = request.Param("name");
	org_input.industry = request.Param("industry");
	auto org = ReadOrganizationForm(request);
	if (!org) {
		return RenderSetup(web, request, org_input, email, name, org.error());
	}
	app::AppContext &ctx = web.ctx();
	if (auto valid = app::ValidateOrganizationInput(ctx, *org); !valid) {
		return RenderSetup(web, request, *org, email, name, valid.error());
	}
	if (auto valid = app::ValidateEmail(app::NormalizeEmail(email)); !valid) {
		return RenderSetup(web, request, *org, email, name, valid.error());
	}
	if (request.Param("password") != request.Param("password_confirm")) {
		return RenderSetup(
		    web, request, *org, email, name,
		    Error::Invalid("password_confirm", "web_admin.password_mismatch"));
	}
	// Check the password before spending the one-time code on it.
	if (auto valid =
	        CheckPasswordPolicy(request.Param("password"), app::NormalizeEmail(email), ctx.catalog.common_passwords);
	    !valid) {
		return RenderSetup(web, request, *org, email, name, valid.error());
	}
	if (!web.ConsumeSetupCode(request.Param("setup_code"))) {
		return RenderSetup(
		    web, request, *org, email, name,
		    Error::Invalid(
		        "setup_code",
		        "web_auth.setup_code_wrong"));
	}
	// The code is spent; from here a failure must hand out a new one.
	auto user_id =
	    app::CreateFirstAdministrator(ctx, app::NewAccount{email, request.Param("password"), name, true}, *org);
	if (!user_id) {
		if (auto code = web.PrepareSetupCode()) {
			std::cout << web.ConsoleText("cli.serve.setup_code_renewed", {{"code", *code}}) << std::endl;
		}
		// The code is spent: say so after the reason the account was refused.
		Error error = Error::Invalid(user_id.error().field, "auth.setup.code_spent",
		                             {{"reason", web.Describe(request, user_id.error())}});
		return RenderSetup(web, request, *org, email, name, error);
	}
	auto session = app::StartSession(ctx, *user_id);
	if (!session) {
		return web.SendErrorPage(request, session.error());
	}
	web.SetSessionCookie(request, session->token);
	web.Redirect(request, "/");
}

void ShowLogin(WebApp &web, Request &request) {
	if (request.session) {
		const std::string next = SafeReturnPath(request.Param("next"));
		return web.Redirect(request, next.empty() ? std::string("/") : next);
	}
	RenderLogin(web, request, "", std::nullopt);
}

void SignIn(WebApp &web, Request &request) {
	const std::string email = request.Param("email");
	if (email.empty()) {
		return RenderLogin(web, request, email, Error::Invalid("email", "web_auth.email_required"));
	}
	if (request.Param("password").empty()) {
		return RenderLogin(web, request, email, Error::Invalid("password", "web_auth.password_required"));
	}
	auto user = app::Authenticate(web.ctx(), email, request.Param("password"), request.client_address);
	if (!user) {
		return RenderLogin(web, request, email, user.error());
	}
	if (HandOverToSecondStep(web, request, *user)) {
		return;
	}
	// Always a new session identifier at sign-in; a session this browser still had ends.
	if (request.session) {
		(void)app::EndSession(web.ctx(), *request.session);
	}
	auto session = app::StartSession(web.ctx(), user->id, request.client_address,
	                                 request.http.get_header_value("User-Agent"));
	if (!session) {
		return web.SendErrorPage(request, session.error());
	}
	web.SetSessionCookie(request, session->token);
	// Back to the page the person was on when the session ran out (the one-page sheet keeps its
	// choices in the browser meanwhile), or home.
	const std::string next = SafeReturnPath(request.Param("next"));
	web.Redirect(request, next.empty() ? std::string("/") : next);
}

void SignOut(WebApp &web, Request &request) {
	(void)app::EndSession(web.ctx(), *request.session);
	web.ClearSessionCookie(request);
	web.Redirect(request, "/login");
}

void ShowInvitation(WebApp &web, Request &request) {
	auto invitation = app::FindPendingInvitation(web.ctx(), request.http.matches[1]);
	if (!invitation) {
		return web.SendErrorPage(request, invitation.error());
	}
	RenderInvite(web, request, request.http.matches[1], std::nullopt);
}

void AcceptInvitation(WebApp &web, Request &request) {
	const std::string token = request.http.matches[1];
	if (request.Param("password") != request.Param("password_confirm")) {
		return RenderInvite(
		    web, request, token,
		    Error::Invalid("password_confirm", "web_admin.password_mismatch"));
	}
	auto user_id = app::AcceptInvitation(web.ctx(), token, request.Param("password"));
	if (!user_id) {
		if (user_id.error().code == ErrorCode::kNotFound) {
			return web.SendErrorPage(request, user_id.error());
		}
		return RenderInvite(web, request, token, user_id.error());
	}
	auto session = app::StartSession(web.ctx(), *user_id);
	if (!session) {
		return web.SendErrorPage(request, session.error());
	}
	web.SetSessionCookie(request, session->token);
	web.Redirect(request, "/");
}

Gate SignedInOrHome() {
	Gate gate = SignedIn();
	gate.signed_out_location = "/"; // signing out twice is no error
	return gate;
}

} // namespace

RouteTable AuthRoutes() {
	return {
	    {Method::kGet, "/", Anyone(), ShowHome},
	    {Method::kGet, "/setup", Anyone(), ShowSetup},
	    {Method::kPost, "/setup", Anyone(), CompleteSetup},
	    {Method::kGet, "/login", Anyone(), ShowLogin},
	    {Method::kPost, "/login", Anyone(), SignIn},
	    {Method::kPost, "/logout", SignedInOrHome(), SignOut},
	    {Method::kGet, R"(/invite/([A-Za-z0-9_-]+))", Anyone(), ShowInvitation},
	    {Method::kPost, R"(/invite/([A-Za-z0-9_-]+))", Anyone(), AcceptInvitation},
	};
}

} // namespace mamori::web
