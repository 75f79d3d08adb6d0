// mamori/web/route_table.cpp
#include "web/route_table.hpp"

#include "app/two_step.hpp"
#include "app/selfcheck_views.hpp"
#include "platform/crypto.hpp"
#include "web/single_value_fields.hpp"
#include "web/rate_limit_gate.hpp"
#include "web/security_log.hpp"
#include "web/work_slots.hpp"

#include <stdexcept>

namespace mamori::web {

Gate Anyone() {
	return Gate{};
}

Gate SignedIn() {
	Gate gate;
	gate.access = Access::kSignedIn;
	return gate;
}

Gate InstallationAdmin() {
	Gate gate;
	gate.access = Access::kInstallationAdmin;
	// The administrator creates accounts and sets what everyone must do (ASVS 4.3.1, 4.3.3).
	gate.recent_password = true;
	return gate;
}

Gate OrgMember() {
	Gate gate;
	gate.access = Access::kOrgMember;
	return gate;
}

Gate OrgStaff(std::string refusal) {
	Gate gate;
	gate.access = Access::kOrgStaff;
	gate.staff_refusal = std::move(refusal);
	return gate;
}

Gate OrgEditor(std::string refusal, std::string staff_refusal) {
	Gate gate;
	gate.access = Access::kOrgEditor;
	gate.editor_refusal = std::move(refusal);
	gate.staff_refusal = std::move(staff_refusal);
	return gate;
}

Gate Api(Gate gate) {
	gate.kind = Kind::kApi;
	return gate;
}

Gate RecentPassword(Gate gate) {
	gate.recent_password = true;
	return gate;
}

Gate Multipart(Gate gate) {
	gate.csrf = Csrf::kMultipart;
	return gate;
}

namespace {

bool IsOrgAccess(Access access) {
	return access == Access::kOrgMember || access == Access::kOrgStaff || access == Access::kOrgEditor;
}

bool IsUnsafe(const httplib::Request &http) {
	return http.method != "GET" && http.method != "HEAD";
}

void Refuse(WebApp &web, Request &request, const Gate &gate, const Error &error) {
	if (gate.kind == Kind::kApi) {
		web.SendApiError(request, error);
	} else {
		web.SendErrorPage(request, error);
	}
}

//! CSRF for the multipart forms: Request::Param does not see multipart
//! fields, so the token is read from the form data itself.
bool CheckMultipartCsrf(WebApp &web, Request &request) {
	const std::string sent = request.http.has_file("_csrf") ? request.http.get_file_value("_csrf").content : "";
	const std::string expected = web.FormCsrfToken(request);
	if (!sent.empty() && !expected.empty() && platform::ConstantTimeEquals(expected, sent)) {
		return true;
	}
	web.SendErrorPage(
	    request,
	    Error::Make(ErrorCode::kForbidden, "errors.csrf.form"));
	return false;
}

//! HTTP parameter pollution (ASVS 5.1.1): a single-valued field given twice, in the query and the
//! body or twice in one of them, is refused with 400 naming it before anything reads it.
bool PassSingleValues(WebApp &web, Request &request, const Gate &gate) {
	std::vector<std::string> names;
	names.reserve(request.http.params.size() + request.http.files.size());
	for (const auto &param : request.http.params) {
		names.push_back(param.first);
	}
	for (const auto &file : request.http.files) {
		names.push_back(file.first);
	}
	const auto repeated = FirstRepeatedField(names);
	if (!repeated) {
		return true;
	}
	const std::string field = repeated->substr(0, 100);
	Refuse(web, request, gate, Error::Invalid(field, "errors.form.repeated_field", {{"field", field}}));
	return false;
}

bool PassSession(WebApp &web, Request &request, const Gate &gate) {
	if (gate.access == Access::kAnyone || request.session) {
		return true;
	}
	if (gate.kind == Kind::kApi) {
		const std::string message = gate.unauthenticated_message.empty()
		                                ? "gates.login_required"
		                                : gate.unauthenticated_message;
		web.SendApiError(request, Error::Make(ErrorCode::kUnauthenticated, message));
	} else {
		// The sign-in page brings the person back here afterwards (web/return_path.hpp). A form post
		// comes back as the page it was posted from, which has the same address.
		std::string location = gate.signed_out_location;
		if (location == "/login") {
			location += app::QueryString({{"next", request.http.target}});
		}
		web.Redirect(request, location);
		web.LogRefused(request);  // a redirect to sign in is a refusal too
	}
	return false;
}

bool PassCsrf(WebApp &web, Request &request, const Gate &gate) {
	if (gate.csrf == Csrf::kNone || !IsUnsafe(request.http)) {
		return true;
	}
	if (gate.csrf == Csrf::kMultipart) {
		return CheckMultipartCsrf(web, request);
	}
	return gate.kind == Kind::kApi ? web.CheckApiCsrf(request) : web.CheckFormCsrf(request);
}

bool PassInstallationAdmin(WebApp &web, Request &request, const Gate &gate) {
	if (gate.access != Access::kInstallationAdmin || request.session->user.is_admin) {
		return true;
	}
	// Not even the existence of the page is revealed to other accounts.
	web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "errors.not_found"));
	return false;
}

//! Administrative pages need the administrator's own two-step login (ASVS 4.3.1): a stolen
//! administrator password alone must not create accounts or change what everyone must do.
bool PassAdminTwoStep(WebApp &web, Request &request, const Gate &gate) {
	if (gate.access != Access::kInstallationAdmin) {
		return true;
	}
	auto active = app::NeedsSecondStep(web.ctx(), request.session->user.id);
	if (!active) {
		Refuse(web, request, gate, active.error());
		return false;
	}
	if (*active) {
		return true;
	}
	if (gate.kind == Kind::kApi) {
		web.SendApiError(request, Error::Make(ErrorCode::kForbidden, "two_step.required.api_admin"));
	} else {
		web.Redirect(request, "/account/two-step?required=admin");
	}
	return false;
}

//! The organisation an organisation route's path names (its first capture), if it is an id.
std::optional<Id> OrgInPath(const httplib::Request &http) {
	const std::string id_text = http.matches.size() > 1 ? http.matches[1].str() : std::string();
	return WebApp::ParseId(id_text);
}

std::optional<app::OrgAccess> OpenOrganization(WebApp &web, Request &request, const Gate &gate) {
	auto org_id = OrgInPath(request.http);
	if (!org_id) {
		Refuse(web, request, gate,
		       Error::Make(ErrorCode::kNotFound,
		                   gate.kind == Kind::kApi ? "gates.org_not_found" : "errors.not_found"));
		return std::nullopt;
	}
	// WebApp::Begin read the access with the session, for the organisation the path names.
	auto access = request.org_access_read && request.org_access_read->org_id == *org_id
	                  ? std::move(request.org_access_read->access)
	                  : app::AccessOrganization(web.ctx(), request.session->user.id, *org_id);
	request.org_access_read.reset();
	if (!access) {
		Refuse(web, request, gate, access.error());
		return std::nullopt;
	}
	return *access;
}

bool PassRole(WebApp &web, Request &request, const Gate &gate, const app::OrgAccess &access) {
	const std::string editor_refusal = gate.editor_refusal.empty()
	                                       ? "errors.role.editors_only"
	                                       : gate.editor_refusal;
	if (gate.access != Access::kOrgMember && access.IsRespondent() &&
	    (gate.access == Access::kOrgStaff || !gate.staff_refusal.empty())) {
		Refuse(web, request, gate,
		       Error::Make(ErrorCode::kForbidden, gate.staff_refusal.empty() ? editor_refusal : gate.staff_refusal));
		return false;
	}
	if (gate.access == Access::kOrgEditor && !access.CanEdit()) {
		Refuse(web, request, gate, Error::Make(ErrorCode::kForbidden, editor_refusal));
		return false;
	}
	return true;
}

//! Two-step login required (by the organisation or the installation) but not set up: the one
//! place that keeps such an account out of every organisation page and API call.
bool PassTwoStepDemand(WebApp &web, Request &request, const Gate &gate, const app::OrgAccess &access) {
	auto demand = app::TwoStepDemandFor(web.ctx(), request.session->user.id, access);
	if (!demand) {
		Refuse(web, request, gate, demand.error());
		return false;
	}
	if (*demand == app::TwoStepDemand::kNone) {
		return true;
	}
	const bool by_organization = *demand == app::TwoStepDemand::kOrganization;
	if (gate.kind == Kind::kApi) {
		web.SendApiError(request, Error::Make(ErrorCode::kForbidden, by_organization
		                                                                  ? "two_step.required.api_organization"
		                                                                  : "two_step.required.api_installation"));
	} else {
		web.Redirect(request, by_organization ? "/account/two-step?required=organization"
		                                      : "/account/two-step?required=installation");
	}
	return false;
}

void Register(httplib::Server &server, Method method, const std::string &pattern, httplib::Server::Handler handler) {
	switch (method) {
	case Method::kGet:
		server.Get(pattern, std::move(handler));
		return;
	case Method::kPost:
		server.Post(pattern, std::move(handler));
		return;
	case Method::kPut:
		server.Put(pattern, std::move(handler));
		return;
	case Method::kPatch:
		server.Patch(pattern, std::move(handler));
		return;
	case Method::kDelete:
		server.Delete(pattern, std::move(handler));
		return;
	}
}

//! API calls and uploads count against the caller's limits before anything else is done for
//! them (app/rate_limits.hpp); other requests are pages a person clicks, bounded by that person.
bool PassVolume(WebApp &web, Request &request, const Route &route) {
	if (route.pattern.rfind("/api/", 0) == 0) {
		return PassRateLimit(web, request, app::RateKind::kApi, true);
	}
	if (route.gate.csrf == Csrf::kMultipart) {
		return PassRateLimit(web, request, app::RateKind::kImport, route.gate.kind == Kind::kApi);
	}
	return true;
}

} // namespace

bool PassGate(WebApp &web, Request &request, const Gate &gate, std::optional<app::OrgAccess> &access) {
	// The admin check comes before CSRF so that other accounts learn nothing of the admin pages.
	if (!PassSingleValues(web, request, gate) || !PassSession(web, request, gate) || !PassInstallationAdmin(web, request, gate) ||
	    !PassAdminTwoStep(web, request, gate) || !PassCsrf(web, request, gate)) {
		return false;
	}
	if (IsOrgAccess(gate.access)) {
		access = OpenOrganization(web, request, gate);
		if (!access || !PassTwoStepDemand(web, request, gate, *access) || !PassRole(web, request, gate, *access)) {
			return false;
		}
	}
	// Last, so that whoever may not act at all is refused as before, without being asked for a password.
	return PassRecentPassword(web, request, gate);
}

void CheckRoutes(const RouteTable &routes) {
	for (const Route &route : routes) {
		if (std::holds_alternative<OrgHandler>(route.handler) != IsOrgAccess(route.gate.access)) {
			throw std::logic_error("route " + route.pattern + ": the handler does not fit its gate");
		}
	}
}

void MountRoutes(AppSlot app, httplib::Server &server, const RouteTable &routes) {
	CheckRoutes(routes);
	// One set of slots for every route of the server (web/work_slots.hpp).
	auto slots = std::make_shared<WorkSlots>(WorkSlots::ForThisMachine());
	for (const Route &route : routes) {
		Register(server, route.method, route.pattern,
		         [app, route, slots](const httplib::Request &http, httplib::Response &response) {
			         const WorkSlots::Held slot(*slots);
			         WebApp &web = **app;
			         Request request =
			             web.Begin(http, response,
			                       IsOrgAccess(route.gate.access) ? OrgInPath(http) : std::optional<Id>());
			         std::optional<app::OrgAccess> access;
			         if (!PassVolume(web, request, route) || !PassGate(web, request, route.gate, access)) {
				         return;  // the refusal page or answer logged itself (WebApp::LogIfRefused)
			         }
			         if (access) {
				         std::get<OrgHandler>(route.handler)(web, request, *access);
			         } else {
				         std::get<Handler>(route.handler)(web, request);
			         }
			         // A form shown again with its problems (400) is a refusal of invalid input too.
			         web.LogIfRefused(request);
		         });
	}
}

RouteTable AllRoutes() {
	RouteTable all;
	// Two-step routes come before ApiRoutes, whose last entries answer every unknown /api/ path.
	// InspectionRoutes holds API routes too, so it comes before ApiRoutes' catch-all (issue 12).
	for (RouteTable (*table)() : {AuthRoutes, TwoStepRoutes, ReauthRoutes, AccountRoutes, InspectionRoutes, OwnerRoutes,
	                              BenchmarkRoutes, ApiRoutes, OrganizationRoutes, FiveArticleRoutes, SelfcheckRoutes,
	                              PolicyRoutes, AuditRoutes, AdminRoutes, RiskRoutes, LanguageRoutes, DocumentEditRoutes, DocumentRoutes, HandbookRoutes,
	                              PartnerRoutes, CloudServiceRoutes, IncidentRoutes, ContinuityRoutes,
	                              ExerciseRoutes, ExerciseSceneRoutes, ExerciseScenarioRoutes, TrainingRoutes,
	                              PrivacyRoutes, RemovalRoutes, HandoverRoutes,
	                              // --- consultant workspace (issue 12) ---
	                              CoachingRoutes}) {
		for (Route &route : table()) {
			all.push_back(std::move(route));
		}
	}
	return all;
}

} // namespace mamori::web
