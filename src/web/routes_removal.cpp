// mamori/web/routes_removal.cpp
//
// Deleting data on request (issue 10, ASVS 8.3.2): /account/delete for one's own account and
// /orgs/ID/delete for an organisation (its 組織管理者). Each asks for the password again and a
// typed confirmation; app/removal.hpp does the work in one audited transaction.
#include "app/removal.hpp"
#include "web/account_pages.hpp"
#include "web/http_errors.hpp"
#include "web/route_table.hpp"

namespace mamori::web {

namespace {

void AddError(Request &request, Json &model, const Error &error, const std::string &default_field) {
	const std::string field = error.field.empty() ? default_field : error.field;
	model["error_summary"] = ErrorSummary(error, field);
	model["errors"] = {{field, error.message}};
	SetRetryAfter(request, error);
}

void RenderAccountDeletion(WebApp &web, Request &request, const std::optional<Error> &error) {
	Json model = {{"email", request.session->user.email}};
	if (error) {
		AddError(request, model, *error, "password");
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "account_delete", model, "removal.account.title"));
}

void ShowAccountDeletion(WebApp &web, Request &request) { RenderAccountDeletion(web, request, std::nullopt); }

void DeleteAccount(WebApp &web, Request &request) {
	app::AccountDeletion deletion{request.Param("password"), request.Param("confirm_email"), request.client_address};
	if (auto deleted = app::DeleteMyAccount(web.ctx(), *request.session, deletion); !deleted) {
		return RenderAccountDeletion(web, request, deleted.error());
	}
	web.ClearSessionCookie(request);
	const std::string heading = web.Text(request, "removal.account.title");
	request.session.reset();  // the page after it is a signed-out one
	Json model = {{"heading", heading},
	              {"message", web.Text(request, "removal.account.done")},
	              {"next_href", "/login"},
	              {"next_label", web.Text(request, "removal.next_login")}};
	web.SendHtml(request, 200, web.RenderPage(request, "removal_done", model, "removal.account.title"));
}

std::string OrgBase(const app::OrgAccess &access) { return "/orgs/" + std::to_string(access.org.id); }

void RenderOrganizationDeletion(WebApp &web, Request &request, const app::OrgAccess &access,
                                const std::optional<Error> &error) {
	Json model = {{"org_name", access.org.name}, {"action", OrgBase(access) + "/delete"}, {"back", OrgBase(access) + "/profile"}};
	if (error) {
		AddError(request, model, *error, "password");
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "org_delete", model, "removal.organization.title", access));
}

void ShowOrganizationDeletion(WebApp &web, Request &request, const app::OrgAccess &access) {
	if (access.membership.role != storage::Role::kAdmin) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kForbidden, "removal.organization.admin_only"));
	}
	RenderOrganizationDeletion(web, request, access, std::nullopt);
}

void DeleteOrganization(WebApp &web, Request &request, const app::OrgAccess &access) {
	app::OrganizationDeletion deletion{request.Param("password"), request.Param("confirm_name"), request.client_address};
	if (auto deleted = app::DeleteOrganization(web.ctx(), *request.session, access, deletion); !deleted) {
		if (deleted.error().code == ErrorCode::kForbidden) {
			return web.SendErrorPage(request, deleted.error());
		}
		return RenderOrganizationDeletion(web, request, access, deleted.error());
	}
	Json model = {{"heading", web.Text(request, "removal.organization.title")},
	              {"message", web.Text(request, "removal.organization.done")},
	              {"next_href", "/orgs"},
	              {"next_label", web.Text(request, "removal.next_organizations")}};
	web.SendHtml(request, 200, web.RenderPage(request, "removal_done", model, "removal.organization.title"));
}

} // namespace

RouteTable RemovalRoutes() {
	return {
	    {Method::kGet, "/account/delete", SignedIn(), ShowAccountDeletion},
	    {Method::kPost, "/account/delete", SignedIn(), DeleteAccount},
	    // 責任者 reach the page's refusal; 組織管理者 alone may delete (app::DeleteOrganization).
	    {Method::kGet, R"(/orgs/(\d+)/delete)", OrgEditor(), ShowOrganizationDeletion},
	    {Method::kPost, R"(/orgs/(\d+)/delete)", OrgEditor(), DeleteOrganization},
	};
}

} // namespace mamori::web
