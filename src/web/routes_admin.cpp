// mamori/web/routes_admin.cpp
//
// Installation administration: the list of accounts, unlocking, and
// creating accounts. Only accounts with the installation-admin flag see it;
// everyone else gets 404. Being an administrator gives no access to any
// organisation's data (contract: `user create --admin`).
#include "app/accounts.hpp"
#include "app/sign_in_throttle.hpp"
#include "web/http_errors.hpp"
#include "web/route_table.hpp"
#include "web/two_step_pages.hpp"

namespace mamori::web {

namespace {

void RenderAdmin(WebApp &web, Request &request, const Json &form, const std::optional<Error> &error,
                 const std::string &notice_key) {
	auto users = app::ListAccounts(web.ctx(), request.actor());
	if (!users) {
		return web.SendErrorPage(request, users.error());
	}
	// "Locked" now means: the address must wait before its next sign-in (there is no lockout).
	auto throttled = app::ThrottledEmails(web.ctx());
	if (!throttled) {
		return web.SendErrorPage(request, throttled.error());
	}
	Json list = Json::array();
	for (const auto &user : *users) {
		const bool locked = throttled->count(user.email) > 0;
		list.push_back({{"id", user.id},
		                {"email", user.email},
		                {"name", user.display_name},
		                {"is_admin", user.is_admin},
		                {"locked", locked},
		                {"pending", user.password_hash.empty()},
		                {"created_at", user.created_at.substr(0, 10)}});
	}
	Json model = {{"users", list}, {"form", form}, {"notice", notice_key.empty() ? std::string() : web.Text(request, notice_key)}};
	model["two_step"] = TwoStepInstallationModel(web, request);
	if (error) {
		model["error_summary"] = ErrorSummary(*error, error->field);
		model["errors"] = {{error->field, error->message}};
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "admin", model, "pages.admin"));
}

void ShowAdmin(WebApp &web, Request &request) {
	const std::string done = request.Param("done");
	RenderAdmin(web, request, Json::object(), std::nullopt,
	            done == "unlocked"  ? "web_admin.unlocked"
	            : done == "created" ? "web_admin.created"
	                                : "");
}

void UnlockUser(WebApp &web, Request &request) {
	auto user_id = WebApp::ParseId(request.http.matches[1]);
	if (!user_id) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "web_admin.not_found"));
	}
	if (auto status = app::UnlockAccount(web.ctx(), request.actor(), *user_id); !status) {
		return web.SendErrorPage(request, status.error());
	}
	web.Redirect(request, "/admin?done=unlocked");
}

void CreateUser(WebApp &web, Request &request) {
	Json form = {{"email", request.Param("email")}, {"display_name", request.Param("display_name")}};
	if (request.Param("password") != request.Param("password_confirm")) {
		return RenderAdmin(
		    web, request, form,
		    Error::Invalid("password_confirm", "web_admin.password_mismatch"),
		    "");
	}
	auto created = app::CreateAccount(web.ctx(),
	                                  app::NewAccount{request.Param("email"), request.Param("password"),
	                                                  request.Param("display_name"), request.Param("is_admin") == "1"},
	                                  request.session->user.id);
	if (!created) {
		return RenderAdmin(web, request, form, created.error(), "");
	}
	web.Redirect(request, "/admin?done=created");
}

} // namespace

RouteTable AdminRoutes() {
	return {
	    {Method::kGet, "/admin", InstallationAdmin(), ShowAdmin},
	    {Method::kPost, R"(/admin/users/(\d+)/unlock)", InstallationAdmin(), UnlockUser},
	    {Method::kPost, "/admin/users", InstallationAdmin(), CreateUser},
	};
}

} // namespace mamori::web
