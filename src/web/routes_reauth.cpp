// mamori/web/routes_reauth.cpp
//
// Re-authentication (app/reauth.hpp): the confirm-password page the route gate sends a person to
// before a sensitive action when their password is not recent, and POST /api/v1/me/reauth for
// API callers, who get 401 {"reauth_required": true} from the gate instead.
#include "app/reauth.hpp"
#include "app/selfcheck_views.hpp"
#include "web/account_pages.hpp"
#include "web/http_errors.hpp"
#include "web/json_body.hpp"
#include "web/return_path.hpp"
#include "web/route_table.hpp"

namespace mamori::web {
namespace {

//! Where to continue: the page the person was on (local paths only), else the account page.
std::string ContinueTo(const std::string &next) {
	const std::string path = SafeReturnPath(next);
	return path.empty() ? "/account" : path;
}

void RenderConfirmPage(WebApp &web, Request &request, const std::optional<Error> &error) {
	Json model = {{"next", ContinueTo(request.Param("next"))},
	              {"minutes", std::to_string(app::kRecentPasswordSeconds / 60)}};
	if (error) {
		model["error_summary"] = ErrorSummary(*error, "password");
		model["errors"] = {{"password", error->message}};
		SetRetryAfter(request, *error);
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "confirm_password", model, "reauth.page.title"));
}

void ShowConfirmPage(WebApp &web, Request &request) { RenderConfirmPage(web, request, std::nullopt); }

void SubmitConfirmPage(WebApp &web, Request &request) {
	if (auto confirmed = app::ConfirmPassword(web.ctx(), *request.session, request.Param("password"), request.client_address);
	    !confirmed) {
		return RenderConfirmPage(web, request, confirmed.error());
	}
	web.Redirect(request, ContinueTo(request.Param("next")));
}

void ApiReauthenticate(WebApp &web, Request &request) {
	auto body = ParseJsonObjectBody(request);
	if (!body) {
		return web.SendApiError(request, body.error());
	}
	const auto password = body->find("password");
	if (password == body->end() || !password->is_string()) {
		return web.SendApiError(request, Error::Invalid("password", "app_reauth.password_required"));
	}
	if (auto confirmed = app::ConfirmPassword(web.ctx(), *request.session, password->get<std::string>(), request.client_address);
	    !confirmed) {
		SetRetryAfter(request, confirmed.error());
		return web.SendApiError(request, confirmed.error());
	}
	web.SendJson(request, 200, {{"reauthenticated", true}, {"valid_until", app::RecentPasswordUntil(web.ctx(), *request.session)}});
}

} // namespace

bool PassRecentPassword(WebApp &web, Request &request, const Gate &gate) {
	if (!gate.recent_password || app::HasRecentPassword(web.ctx(), *request.session)) {
		return true;
	}
	if (gate.kind == Kind::kApi) {
		const Error error = Error::Make(ErrorCode::kUnauthenticated, "reauth.api.required");
		web.SendJson(request, 401,
		             {{"reauth_required", true},
		              {"error", {{"code", ErrorCodeName(error.code)}, {"message", web.Describe(request, error)}}}});
		web.LogIfRefused(request);
		return false;
	}
	web.Redirect(request, std::string(kConfirmPasswordPath) + app::QueryString({{"next", ReauthReturnPath(web, request)}}));
	return false;
}

std::string ReauthReturnPath(WebApp &web, const Request &request) {
	if (request.http.method == "GET") {
		return request.http.target;
	}
	// A form post comes back to the page that holds the form (Referrer-Policy: same-origin sends
	// it); the post itself is not repeated, the person sends the form again.
	const std::string referer = request.http.get_header_value("Referer");
	const std::string host = request.http.get_header_value("Host");
	std::vector<std::string> origins;
	if (!web.AbsoluteUrl("").empty()) {
		origins.push_back(web.AbsoluteUrl(""));
	}
	if (!host.empty()) {
		origins.push_back("http://" + host);
		origins.push_back("https://" + host);
	}
	for (const auto &origin : origins) {
		if (referer.rfind(origin, 0) == 0) {
			const std::string path = SafeReturnPath(referer.substr(origin.size()));
			if (!path.empty()) {
				return path;
			}
		}
	}
	return "/account";
}

RouteTable ReauthRoutes() {
	return {
	    {Method::kGet, kConfirmPasswordPath, SignedIn(), ShowConfirmPage},
	    {Method::kPost, kConfirmPasswordPath, SignedIn(), SubmitConfirmPage},
	    {Method::kPost, "/api/v1/me/reauth", Api(SignedIn()), ApiReauthenticate},
	};
}

} // namespace mamori::web
