// mamori/web/routes_two_step.cpp
//
// Two-step login on the web and in the API: /account/two-step (enrol with a QR code, recovery
// codes, turn off), the code page between password and session (/login/code), the
// requirement switches of an organisation and of the installation, and
// POST /api/v1/me/totp[/confirm] (contract.md, "HTTP: two-step login").
#include "app/account_notice.hpp"
#include "app/accounts.hpp"
#include "app/two_step.hpp"
#include "codec/json_input.hpp"
#include "core/charts/qr_svg.hpp"
#include "core/security/totp.hpp"
#include "platform/qr_code.hpp"
#include "web/json_body.hpp"
#include "web/http_errors.hpp"
#include "web/account_pages.hpp"
#include "web/route_table.hpp"
#include "web/two_step_pages.hpp"

namespace mamori::web {
namespace {

constexpr const char *kPagePath = "/account/two-step";

void AddError(Json &model, const Error &error, const std::string &field_id) {
	model["error_summary"] = ErrorSummary(error, field_id);
	model["errors"] = {{field_id, error.message}};
}

//! The QR code of an enrolment as inline SVG, or "" when it cannot be drawn (the key is shown anyway).
std::string QrCode(WebApp &web, Request &request, const std::string &uri) {
	auto modules = platform::EncodeQr(uri);
	if (!modules) {
		return {};
	}
	return charts::QrSvg(modules->size, modules->dark, web.Text(request, "two_step.page.qr_title"));
}

const char *NoticeKey(const std::string &done) {
	if (done == "enabled") return "two_step.done.enabled";
	if (done == "disabled") return "two_step.done.disabled";
	return "";
}

const char *RequiredKey(const std::string &required) {
	if (required == "organization") return "two_step.required.organization";
	if (required == "installation") return "two_step.required.installation";
	if (required == "admin") return "two_step.required.admin";
	return "";
}

//! The account page; `error_field` is the id of the field the error belongs to.
void RenderAccountPage(WebApp &web, Request &request, const std::optional<Error> &error = std::nullopt,
                       const std::string &error_field = "") {
	app::AppContext &ctx = web.ctx();
	auto state = app::TwoStepStateOf(ctx, request.session->user.id);
	if (!state) {
		return web.SendErrorPage(request, state.error());
	}
	Json model = {{"active", state->active},
	              {"since", state->confirmed_at.substr(0, 10)},
	              {"left", state->recovery_codes_left},
	              {"enrolling", false}};
	if (const std::string key = NoticeKey(request.Param("done")); !key.empty()) {
		model["notice"] = web.Text(request, key);
	}
	if (const std::string key = RequiredKey(request.Param("required")); !key.empty()) {
		model["required_notice"] = web.Text(request, key);
	}
	if (state->enrolment_pending) {
		auto enrolment = app::PendingEnrolment(ctx, request.actor());
		if (!enrolment) {
			return web.SendErrorPage(request, enrolment.error());
		}
		if (*enrolment) {
			model["enrolling"] = true;
			model["qr_svg"] = QrCode(web, request, (*enrolment)->uri);
			model["qr_failed"] = model["qr_svg"].get<std::string>().empty();
			model["secret_grouped"] = totp::GroupForReading((*enrolment)->secret);
			model["secret"] = (*enrolment)->secret;
		}
	}
	if (error) {
		AddError(model, *error, error_field);
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "two_step", model, "two_step.title.page"));
}

//! A code right for a step already used was refused: the holder hears of it by mail, since
//! someone may have seen their code (ASVS 2.8.5). The refusal itself is audited by app/.
void TellHolderIfReused(WebApp &web, Id user_id, const Error &error) {
	if (!app::IsReusedCode(error)) {
		return;
	}
	(void)app::NotifyAccountChange(web.ctx(), web.messages(), user_id, app::AccountChange::kTwoStepCodeReused,
	                               web.AbsoluteUrl("/account"));
}

void RenderRecoveryCodes(WebApp &web, Request &request, const std::vector<std::string> &codes) {
	Json list = Json::array();
	for (const auto &code : codes) {
		list.push_back(code);
	}
	// Shown once: no cache may keep the page.
	request.response.set_header("Cache-Control", "no-store");
	web.SendHtml(request, 200, web.RenderPage(request, "two_step_codes", {{"codes", list}}, "two_step.title.codes"));
}

void ShowAccountPage(WebApp &web, Request &request) { RenderAccountPage(web, request); }

void StartEnrolment(WebApp &web, Request &request) {
	if (auto begun = app::BeginEnrolment(web.ctx(), request.actor()); !begun) {
		return RenderAccountPage(web, request, begun.error(), "start");
	}
	web.Redirect(request, kPagePath);
}

void ConfirmEnrolment(WebApp &web, Request &request) {
	auto codes = app::ConfirmEnrolment(web.ctx(), request.actor(), request.Param("code"));
	if (!codes) {
		return RenderAccountPage(web, request, codes.error(), "code");
	}
	// The account's privilege changed: a new session identifier (ASVS 3.2.1, issue 10).
	if (auto rotated = RotateSessionCookie(web, request); !rotated) {
		return web.SendErrorPage(request, rotated.error());
	}
	(void)app::NotifyAccountChange(web.ctx(), web.messages(), request.session->user, app::AccountChange::kTwoStepEnabled,
	                               web.AbsoluteUrl("/account"));
	RenderRecoveryCodes(web, request, *codes);
}

void RenewRecoveryCodes(WebApp &web, Request &request) {
	auto codes = app::RegenerateRecoveryCodes(web.ctx(), request.actor(), request.Param("code"));
	if (!codes) {
		TellHolderIfReused(web, request.session->user.id, codes.error());
		return RenderAccountPage(web, request, codes.error(), "renew_code");
	}
	(void)app::NotifyAccountChange(web.ctx(), web.messages(), request.session->user,
	                               app::AccountChange::kRecoveryCodesRenewed, web.AbsoluteUrl("/account"));
	RenderRecoveryCodes(web, request, *codes);
}

void Disable(WebApp &web, Request &request) {
	auto status = app::DisableTwoStep(web.ctx(), request.actor(), request.Param("password"), request.Param("code"));
	if (!status) {
		TellHolderIfReused(web, request.session->user.id, status.error());
		const std::string field = status.error().field == "password" ? "disable_password" : "disable_code";
		return RenderAccountPage(web, request, status.error(), field);
	}
	if (auto rotated = RotateSessionCookie(web, request); !rotated) {
		return web.SendErrorPage(request, rotated.error());
	}
	(void)app::NotifyAccountChange(web.ctx(), web.messages(), request.session->user, app::AccountChange::kTwoStepDisabled,
	                               web.AbsoluteUrl("/account"));
	web.Redirect(request, std::string(kPagePath) + "?done=disabled");
}

// --- the code page between password and session -----------------------------------------

void RenderCodePage(WebApp &web, Request &request, bool recovery, const std::optional<Error> &error) {
	Json model = {{"recovery", recovery}};
	if (error) {
		AddError(model, *error, "code");
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "login_code", model, "two_step.title.login_code"));
}

//! Back to the password form with the reason, the waiting sign-in forgotten.
void BackToLogin(WebApp &web, Request &request, const Error &error) {
	web.SetStrictCookie(request, kPendingSignInCookie, "", 0);
	Json model = {{"email", ""}};
	AddError(model, error, "email");
	web.SendHtml(request, 401, web.RenderPage(request, "login", model, "pages.login"));
}

void ShowCodePage(WebApp &web, Request &request) {
	if (request.session) {
		return web.Redirect(request, "/");
	}
	auto user = app::PendingSignInUser(web.ctx(), web.RequestCookie(request, kPendingSignInCookie));
	if (!user) {
		return web.SendErrorPage(request, user.error());
	}
	if (!*user) {
		return web.Redirect(request, "/login");
	}
	RenderCodePage(web, request, request.Param("recovery") == "1", std::nullopt);
}

void SubmitCode(WebApp &web, Request &request) {
	const std::string token = web.RequestCookie(request, kPendingSignInCookie);
	auto user_id = app::CompletePendingSignIn(web.ctx(), token, request.Param("code"), request.client_address);
	if (!user_id) {
		if (auto waiting = app::PendingSignInUser(web.ctx(), token); waiting && *waiting) {
			TellHolderIfReused(web, **waiting, user_id.error());
		}
		if (user_id.error().code == ErrorCode::kNotFound) {
			return BackToLogin(web, request, user_id.error());
		}
		return RenderCodePage(web, request, request.Param("recovery") == "1", user_id.error());
	}
	auto session = app::StartSession(web.ctx(), *user_id, request.client_address, request.http.get_header_value("User-Agent"));
	if (!session) {
		return web.SendErrorPage(request, session.error());
	}
	web.SetStrictCookie(request, kPendingSignInCookie, "", 0);
	web.SetSessionCookie(request, session->token);
	web.Redirect(request, "/");
}

void CancelCode(WebApp &web, Request &request) {
	const std::string token = web.RequestCookie(request, kPendingSignInCookie);
	if (!token.empty()) {
		(void)app::EndPendingSignIn(web.ctx(), token);
	}
	web.SetStrictCookie(request, kPendingSignInCookie, "", 0);
	web.Redirect(request, "/login");
}

// --- requirements ------------------------------------------------------------------------

void SetOrganizationRequirement(WebApp &web, Request &request, const app::OrgAccess &access) {
	const bool required = request.Param("required") == "1";
	const std::string members = "/orgs/" + std::to_string(access.org.id) + "/members";
	if (auto status = app::SetOrganizationRequiresTwoStep(web.ctx(), request.actor(), access, required); !status) {
		return web.SendErrorPage(request, status.error());
	}
	web.Redirect(request, members + (required ? "?two_step=on" : "?two_step=off"));
}

void SetInstallationRequirement(WebApp &web, Request &request) {
	const bool required = request.Param("required") == "1";
	if (auto status = app::SetInstallationRequiresTwoStep(web.ctx(), request.actor(), required); !status) {
		return web.SendErrorPage(request, status.error());
	}
	web.Redirect(request, required ? "/admin?two_step=on" : "/admin?two_step=off");
}

// --- API ----------------------------------------------------------------------------------


void ApiBeginEnrolment(WebApp &web, Request &request) {
	auto enrolment = app::BeginEnrolment(web.ctx(), request.actor());
	if (!enrolment) {
		return web.SendApiError(request, enrolment.error());
	}
	web.SendJson(request, 200, {{"secret", enrolment->secret}, {"uri", enrolment->uri}});
}

void ApiConfirmEnrolment(WebApp &web, Request &request) {
	auto body = ParseJsonObjectBody(request);
	if (!body) {
		return web.SendApiError(request, body.error());
	}
	const auto code = body->find("code");
	if (code == body->end() || !code->is_string()) {
		return web.SendApiError(request, Error::Invalid("code", "two_step.api.confirm_code_string"));
	}
	auto codes = app::ConfirmEnrolment(web.ctx(), request.actor(), code->get<std::string>());
	if (!codes) {
		return web.SendApiError(request, codes.error());
	}
	(void)app::NotifyAccountChange(web.ctx(), web.messages(), request.session->user, app::AccountChange::kTwoStepEnabled,
	                               web.AbsoluteUrl("/account"));
	web.SendJson(request, 200, {{"enabled", true}, {"recovery_codes", *codes}});
}

} // namespace

bool HandOverToSecondStep(WebApp &web, Request &request, const storage::User &user) {
	auto needed = app::NeedsSecondStep(web.ctx(), user.id);
	if (!needed) {
		web.SendErrorPage(request, needed.error());
		return true;
	}
	if (!*needed) {
		return false;
	}
	auto ticket = app::StartPendingSignIn(web.ctx(), user.id);
	if (!ticket) {
		web.SendErrorPage(request, ticket.error());
		return true;
	}
	web.SetStrictCookie(request, kPendingSignInCookie, ticket->token, app::kPendingSignInSeconds);
	web.Redirect(request, "/login/code");
	return true;
}

bool PassApiSecondStep(WebApp &web, Request &request, const Json &body, const storage::User &user) {
	auto needed = app::NeedsSecondStep(web.ctx(), user.id);
	if (!needed) {
		web.SendApiError(request, needed.error());
		return false;
	}
	if (!*needed) {
		return true;
	}
	const auto refuse = [&](const Error &error) {
		Json answer = {{"mfa_required", true},
		               {"error", {{"code", ErrorCodeName(error.code)}, {"message", web.Describe(request, error)}}}};
		if (!error.field.empty()) {
			answer["error"]["field"] = error.field;
		}
		web.SendJson(request, error.code == ErrorCode::kRateLimited ? 429 : 401, answer);
	};
	const auto totp = body.find("totp");
	if (totp == body.end() || totp->is_null()) {
		refuse(Error::Make(ErrorCode::kUnauthenticated, "two_step.api.mfa_required"));
		return false;
	}
	if (!totp->is_string()) {
		web.SendApiError(request, Error::Invalid("totp", "two_step.api.code_string"));
		return false;
	}
	if (auto verified = app::VerifySecondStep(web.ctx(), user.id, totp->get<std::string>(), request.client_address);
	    !verified) {
		TellHolderIfReused(web, user.id, verified.error());
		Error error = verified.error();
		if (error.field == "code") {
			error.field = "totp";
		}
		refuse(error);
		return false;
	}
	return true;
}

Json TwoStepOrganizationModel(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto required = app::OrganizationRequiresTwoStep(web.ctx(), access);
	const std::string done = request.Param("two_step");
	return {{"required", required && *required},
	        {"action", "/orgs/" + std::to_string(access.org.id) + "/two-step"},
	        {"notice", done == "on"    ? web.Text(request, "two_step.org.done_on")
	                   : done == "off" ? web.Text(request, "two_step.org.done_off")
	                                   : std::string()}};
}

Json TwoStepInstallationModel(WebApp &web, Request &request) {
	auto required = app::InstallationRequiresTwoStep(web.ctx());
	const std::string done = request.Param("two_step");
	return {{"required", required && *required},
	        {"notice", done == "on"    ? web.Text(request, "two_step.admin.done_on")
	                   : done == "off" ? web.Text(request, "two_step.admin.done_off")
	                                   : std::string()}};
}

RouteTable TwoStepRoutes() {
	return {
	    {Method::kGet, kPagePath, SignedIn(), ShowAccountPage},
	    {Method::kPost, "/account/two-step/start", SignedIn(), StartEnrolment},
	    {Method::kPost, "/account/two-step/confirm", SignedIn(), ConfirmEnrolment},
	    {Method::kPost, "/account/two-step/recovery-codes", SignedIn(), RenewRecoveryCodes},
	    {Method::kPost, "/account/two-step/disable", SignedIn(), Disable},
	    {Method::kGet, "/login/code", Anyone(), ShowCodePage},
	    {Method::kPost, "/login/code", Anyone(), SubmitCode},
	    {Method::kPost, "/login/code/cancel", Anyone(), CancelCode},
	    {Method::kPost, R"(/orgs/(\d+)/two-step)", RecentPassword(OrgEditor()), SetOrganizationRequirement},
	    {Method::kPost, "/admin/two-step", InstallationAdmin(), SetInstallationRequirement},
	    {Method::kPost, "/api/v1/me/totp", Api(SignedIn()), ApiBeginEnrolment},
	    {Method::kPost, "/api/v1/me/totp/confirm", Api(SignedIn()), ApiConfirmEnrolment},
	};
}

} // namespace mamori::web
