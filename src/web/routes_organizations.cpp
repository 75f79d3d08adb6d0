// mamori/web/routes_organizations.cpp
//
// The organisation list, the dashboard (step position, SECURITY ACTION
// readiness, latest score, next steps), the profile with departments, and
// members with invitations.
#include "app/member_rules.hpp"
#include "app/organizations.hpp"
#include "app/progress_service.hpp"
#include "web/http_errors.hpp"
#include "web/incident_routes.hpp"
#include "web/invitation_view.hpp"
#include "web/training_routes.hpp"
#include "web/route_table.hpp"
#include "web/task_status_tag.hpp"
#include "web/two_step_pages.hpp"

namespace mamori::web {
namespace {

//! Where a task's link leads. An editor who has not started the 自社診断 goes straight to
//! answering it (issue 13: fewer clicks to ★2); once started, the overview shows who answered.
const char *TaskHref(const std::string &task_id, TaskStatus status, bool can_edit) {
	if (task_id == "five_articles") {
		return "/five-articles";
	}
	if (task_id == "selfcheck") {
		return status == TaskStatus::kNotStarted && can_edit ? "/selfcheck/answer" : "/selfcheck";
	}
	if (task_id == "basic_policy") {
		return "/policy";
	}
	if (task_id == "risk_analysis") {
		return "/risk";
	}
	if (task_id == "handbook") {
		return "/documents/edit/handbook";
	}
	return nullptr;
}

//! The message key of a missing ★ requirement (the id itself when unknown).
std::string MissingLabelKey(const std::string &id) {
	if (id == "five_articles") {
		return "web_orgs.missing.five_articles";
	}
	if (id == "selfcheck") {
		return "web_orgs.missing.selfcheck";
	}
	if (id == "policy_established") {
		return "web_orgs.missing.policy_established";
	}
	if (id == "policy_published") {
		return "web_orgs.missing.policy_published";
	}
	return id;
}

Json ReadinessModel(const PageText &words, const StarReadiness &readiness) {
	Json missing = Json::array();
	for (const auto &id : readiness.missing) {
		missing.push_back(words(MissingLabelKey(id)));
	}
	return {{"ready", readiness.ready}, {"missing", missing}};
}

Json DashboardModel(const PageText &words, const app::Progress &progress, const std::string &base, bool can_edit) {
	Json steps = Json::array();
	for (const auto &step : progress.position.steps) {
		Json tasks = Json::array();
		for (const auto &task : step.tasks) {
			const char *href = TaskHref(task.definition->id, task.status, can_edit);
			const bool linked = href != nullptr && task.supported && task.status != TaskStatus::kCannotStartYet;
			tasks.push_back({{"title", task.definition->title},
			                 {"section", task.definition->section},
			                 {"href", linked ? base + href : ""},
			                 {"linked", linked},
			                 {"tag", TaskStatusTag(words, task.status, task.supported)},
			                 {"id", task.definition->id}});
		}
		steps.push_back({{"number", step.definition->number},
		                 {"title", step.definition->title},
		                 {"complete", step.complete},
		                 {"current", step.definition->number == progress.position.current_step},
		                 {"tasks", tasks}});
	}
	Json next = Json::array();
	for (const auto &task : progress.position.next_tasks) {
		const char *href = TaskHref(task.definition->id, task.status, can_edit);
		next.push_back({{"title", task.definition->title}, {"href", href ? base + href : base}});
	}
	Json model = {{"steps", steps},
	              {"next_tasks", next},
	              {"has_next", !next.empty()},
	              {"reached_step", progress.position.reached_step},
	              {"step_count", progress.position.steps.size()},
	              {"one_star", ReadinessModel(words, progress.one_star)},
	              {"five_articles",
	               {{"done", progress.five_articles.done},
	                {"in_progress", progress.five_articles.in_progress.size()},
	                {"not_started", progress.five_articles.not_started.size()}}},
	              {"two_star", ReadinessModel(words, progress.two_star)}};
	Json overdue = Json::array();
	for (const auto &item : progress.overdue) {
		overdue.push_back({{"asset", item.asset_name},
		                   {"threat", item.threat_name},
		                   {"measure", item.treatment.measure},
		                   {"owner", item.treatment.owner},
		                   {"due_on", item.treatment.due_on},
		                   {"href", base + "/risk/treatments/" + std::to_string(item.treatment.asset_id) + "/" +
		                                item.treatment.threat_id}});
	}
	model["overdue"] = overdue;
	model["has_overdue"] = !overdue.empty();
	model["high_risks"] = progress.high_risks;
	if (progress.latest_score) {
		const auto &score = *progress.latest_score;
		model["score"] = {{"total", score.total},
		                  {"max", score.max},
		                  {"band", score.band ? score.band->label : ""},
		                  {"advice", score.band ? score.band->advice : ""},
		                  {"complete", score.Complete()},
		                  {"unknown_count", score.unknown_items.size()}};
	}
	return model;
}

//! An amount in yen in the reader's language: 「3,000,000円」, "¥3,000,000".
std::string FormatYen(const PageText &words, long long yen) {
	std::string digits = std::to_string(yen);
	std::string out;
	for (size_t idx = 0; idx < digits.size(); ++idx) {
		if (idx > 0 && (digits.size() - idx) % 3 == 0) {
			out.push_back(',');
		}
		out.push_back(digits[idx]);
	}
	return words("web_orgs.yen", {{"amount", out}});
}

Json ClassificationModel(const PageText &words, const app::AppContext &ctx, const app::Organization &org) {
	auto sme = app::ClassifyOrganization(ctx, org, &words.web.Content(words.request));
	if (!sme) {
		return {{"known", false}};
	}
	return {{"known", true},
	        {"is_sme", sme->is_sme},
	        {"is_small_business", sme->is_small_business},
	        {"industry_label", sme->limit->label},
	        {"capital", FormatYen(words, org.capital_yen)},
	        {"employees", org.employees},
	        {"capital_limit", FormatYen(words, sme->limit->capital_limit_yen)},
	        {"employee_limit", sme->limit->employee_limit},
	        {"small_limit", sme->limit->small_business_employee_limit},
	        {"capital_within", sme->capital_within_limit},
	        {"employees_within", sme->employees_within_limit},
	        {"special_case", sme->limit->basis == SmeBasis::kSpecialCase},
	        {"source_document", sme->limit->source.document},
	        {"source_location", sme->limit->source.location}};
}

std::string OrgPath(const app::OrgAccess &access) {
	return "/orgs/" + std::to_string(access.org.id);
}

app::OrganizationInput ProfileInput(const app::Organization &org) {
	return app::OrganizationInput{org.name, org.industry, org.capital_yen, org.employees};
}

//! The error summary and the inline error of a form re-shown with a problem.
void AddFormError(Json &model, const Error &error, const std::string &field_id) {
	model["error_summary"] = ErrorSummary(error, field_id);
	model["errors"] = {{error.field, error.message}};
}

// --- the list of organisations ----------------------------------------------------------------

void RenderOrganizations(WebApp &web, Request &request, const app::OrganizationInput &input,
                         const std::optional<Error> &error) {
	auto memberships = app::ListMyMemberships(web.ctx(), request.session->user.id);
	if (!memberships) {
		return web.SendErrorPage(request, memberships.error());
	}
	Json list = Json::array();
	for (const auto &membership : *memberships) {
		list.push_back({{"id", membership.org_id},
		                {"name", membership.org_name},
		                {"role", web.Text(request, RoleKey(membership.role))}});
	}
	Json model = {
	    {"organizations", list}, {"has_orgs", !list.empty()}, {"org", OrganizationFormModel(web.Content(request), input)}};
	if (error) {
		AddFormError(model, *error, error->field);
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "orgs", model, "pages.orgs"));
}

void ShowOrganizations(WebApp &web, Request &request) {
	RenderOrganizations(web, request, {}, std::nullopt);
}

void CreateOrganization(WebApp &web, Request &request) {
	app::OrganizationInput kept{request.Param("name"), request.Param("industry"), 0, 0};
	auto input = ReadOrganizationForm(request);
	if (!input) {
		return RenderOrganizations(web, request, kept, input.error());
	}
	auto org_id = app::CreateOrganization(web.ctx(), request.actor(), *input);
	if (!org_id) {
		return RenderOrganizations(web, request, *input, org_id.error());
	}
	web.Redirect(request, "/orgs/" + std::to_string(*org_id));
}

// --- the dashboard ----------------------------------------------------------------------------

void ShowDashboard(WebApp &web, Request &request, const app::OrgAccess &access) {
	if (access.IsRespondent()) {
		return web.Redirect(request, OrgPath(access) + "/selfcheck/answer");
	}
	const std::string title = web.Text(request, "pages.dashboard", {{"org", access.org.name}});
	web.SendKeptPage(request, "dashboard", title, access, [&]() -> std::optional<Json> {
		auto progress = app::ComputeProgress(web.ctx(), access, &web.Content(request));
		if (!progress) {
			web.SendErrorPage(request, progress.error());
			return std::nullopt;
		}
		const PageText words{web, request};
		Json model = DashboardModel(words, *progress, OrgPath(access), access.CanEdit());
		model["org_name"] = access.org.name;
		model["classification"] = ClassificationModel(words, web.ctx(), access.org);
		model["can_edit"] = access.CanEdit();
		model["incidents"] = incident_pages::DashboardIncidents(web, request, access);
		model["training"] = training_pages::DashboardTraining(web, request, access);
		return model;
	});
}

// --- the profile and departments --------------------------------------------------------------

void RenderProfile(WebApp &web, Request &request, const app::OrgAccess &access, const app::OrganizationInput &input,
                   const std::optional<Error> &error, const std::string &notice_key) {
	auto departments = app::ListDepartments(web.ctx(), access);
	if (!departments) {
		return web.SendErrorPage(request, departments.error());
	}
	Json department_list = Json::array();
	for (const auto &department : *departments) {
		department_list.push_back({{"id", department.id}, {"name", department.name}});
	}
	Json model = {{"org", OrganizationFormModel(web.Content(request), input)},
	              {"classification", ClassificationModel(PageText{web, request}, web.ctx(), access.org)},
	              {"departments", department_list},
	              {"has_departments", !department_list.empty()},
	              {"can_edit", access.CanEdit()},
	              {"base", OrgPath(access)},
	              {"notice", notice_key.empty() ? std::string() : web.Text(request, notice_key)},
	              {"department_name", request.Param("department_name")},
	              {"document_language",
	               {{"ja", access.org.document_locale != "en"}, {"en", access.org.document_locale == "en"}}}};
	if (error) {
		AddFormError(model, *error, error->field);
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "org_profile", model, "pages.org_profile", access));
}

void ShowProfile(WebApp &web, Request &request, const app::OrgAccess &access) {
	const std::string saved = request.Param("saved");
	const std::string notice = saved == "profile"      ? "web_orgs.profile_saved"
	                           : saved == "department" ? "web_orgs.department_saved"
	                                                   : "";
	RenderProfile(web, request, access, ProfileInput(access.org), std::nullopt, notice);
}

void SaveProfile(WebApp &web, Request &request, const app::OrgAccess &access) {
	app::OrganizationInput kept{request.Param("name"), request.Param("industry"), 0, 0};
	auto input = ReadOrganizationForm(request);
	if (!input) {
		return RenderProfile(web, request, access, kept, input.error(), "");
	}
	if (auto status = app::UpdateOrganizationProfile(web.ctx(), request.actor(), access, *input); !status) {
		return RenderProfile(web, request, access, *input, status.error(), "");
	}
	web.Redirect(request, OrgPath(access) + "/profile?saved=profile");
}

void AddDepartment(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto id = app::AddDepartment(web.ctx(), request.actor(), access, request.Param("department_name"));
	if (!id) {
		return RenderProfile(web, request, access, ProfileInput(access.org), id.error(), "");
	}
	web.Redirect(request, OrgPath(access) + "/profile?saved=department#departments");
}

void RemoveDepartment(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto department_id = WebApp::ParseId(request.http.matches[2]);
	if (!department_id) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "web_orgs.department_not_found"));
	}
	if (auto status = app::RemoveDepartment(web.ctx(), request.actor(), access, *department_id); !status) {
		return RenderProfile(web, request, access, ProfileInput(access.org), status.error(), "");
	}
	web.Redirect(request, OrgPath(access) + "/profile?saved=department#departments");
}

// --- members ----------------------------------------------------------------------------------

Json DepartmentOptions(const std::vector<app::Department> &departments, const Json &form) {
	Json options = Json::array();
	for (const auto &department : departments) {
		options.push_back({{"id", department.id},
		                   {"name", department.name},
		                   {"selected", form.value("department_id", "") == std::to_string(department.id)}});
	}
	return options;
}

//! The roles the inviter may give: all for the firm's leads; for a 外部専門家 those
//! app/member_rules.hpp allows (`firm_has_lead` decides the first 組織管理者).
Json RoleOptions(const WebApp &web, const Request &request, const Json &form, const app::OrgAccess &access,
                 bool firm_has_lead) {
	Json roles = Json::array();
	for (auto role : {app::Role::kRespondent, app::Role::kViewer, app::Role::kExecutive,
	                  app::Role::kManager, app::Role::kAdmin, app::Role::kConsultant}) {
		if (access.IsConsultant() && !app::ConsultantMayInvite(role, firm_has_lead)) {
			continue;
		}
		const std::string name(app::RoleName(role));
		roles.push_back({{"value", name},
		                 {"label", web.Text(request, RoleKey(role))},
		                 {"checked", form.value("role", "respondent") == name}});
	}
	return roles;
}

void RenderMembers(WebApp &web, Request &request, const app::OrgAccess &access, const Json &form,
                   const std::optional<Error> &error, const Json &invitation) {
	auto members = app::ListMembers(web.ctx(), access);
	auto departments = app::ListDepartments(web.ctx(), access);
	auto lead = app::FirmLeadOf(web.ctx(), access.org.id);
	if (!members || !departments || !lead) {
		return web.SendErrorPage(request, !members ? members.error() : !departments ? departments.error() : lead.error());
	}
	auto not_signed_up = app::MembersNotSignedUp(web.ctx(), *members);
	if (!not_signed_up) {
		return web.SendErrorPage(request, not_signed_up.error());
	}
	std::map<Id, std::string> department_names;
	for (const auto &department : *departments) {
		department_names[department.id] = department.name;
	}
	Json list = Json::array();
	for (const auto &member : *members) {
		list.push_back({{"user_id", member.user_id},
		                {"email", member.email},
		                {"name", member.display_name},
		                {"role", web.Text(request, RoleKey(member.role))},
		                {"department", member.department_id ? department_names[*member.department_id] : ""},
		                {"is_self", member.user_id == request.session->user.id},
		                {"not_signed_up", not_signed_up->count(member.user_id) > 0}});
	}
	const Json department_options = DepartmentOptions(*departments, form);
	Json model = {{"members", list},
	              {"departments", department_options},
	              {"has_departments", !department_options.empty()},
	              {"roles", RoleOptions(web, request, form, access, *lead != app::FirmLead::kNone)},
	              {"consultant_roles", access.IsConsultant()},
	              {"form", form},
	              {"base", OrgPath(access)},
	              {"invitation", invitation}};
	model["two_step"] = TwoStepOrganizationModel(web, request, access);
	if (error) {
		AddFormError(model, *error, error->field == "role" ? "role-respondent" : error->field);
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "members", model, "pages.members", access));
}

void ShowMembers(WebApp &web, Request &request, const app::OrgAccess &access) {
	RenderMembers(web, request, access, Json::object(), std::nullopt, nullptr);
}

void InviteMember(WebApp &web, Request &request, const app::OrgAccess &access) {
	Json form = {{"email", request.Param("email")},
	             {"display_name", request.Param("display_name")},
	             {"role", request.Param("role")},
	             {"department_id", request.Param("department_id")}};
	app::InviteInput input;
	input.email = request.Param("email");
	input.display_name = request.Param("display_name");
	auto role = app::ParseRoleName(request.Param("role"));
	if (!role) {
		return RenderMembers(web, request, access, form, Error::Invalid("role", "web_orgs.role_required"), nullptr);
	}
	input.role = *role;
	if (!request.Param("department_id").empty()) {
		input.department_id = WebApp::ParseId(request.Param("department_id"));
		if (!input.department_id) {
			return RenderMembers(web, request, access, form,
			                     Error::Invalid("department_id", "web_orgs.chosen_department_not_found"), nullptr);
		}
	}
	auto invitation = app::InviteMember(web.ctx(), request.actor(), access, input);
	if (!invitation) {
		return RenderMembers(web, request, access, form, invitation.error(), nullptr);
	}
	RenderMembers(web, request, access, Json::object(), std::nullopt,
	              ShownInvitation(web, request, input.email, *invitation));
}

//! A new link for a member who has not signed up, shown once on the members page.
void IssueNewInvitationLink(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto user_id = WebApp::ParseId(request.http.matches[2]);
	if (!user_id) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "web_orgs.member_not_found"));
	}
	auto invitation = app::IssueNewInvitationLink(web.ctx(), request.actor(), access, *user_id);
	if (!invitation) {
		return RenderMembers(web, request, access, Json::object(), invitation.error(), nullptr);
	}
	Json shown = ShownInvitation(web, request, invitation->email, *invitation);
	shown["new_link"] = true;
	RenderMembers(web, request, access, Json::object(), std::nullopt, shown);
}

void RemoveMember(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto user_id = WebApp::ParseId(request.http.matches[2]);
	if (!user_id) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "web_orgs.member_not_found"));
	}
	if (auto status = app::RemoveMember(web.ctx(), request.actor(), access, *user_id); !status) {
		return RenderMembers(web, request, access, Json::object(), status.error(), nullptr);
	}
	web.Redirect(request, OrgPath(access) + "/members");
}

} // namespace

RouteTable OrganizationRoutes() {
	return {
	    {Method::kGet, "/orgs", SignedIn(), ShowOrganizations},
	    {Method::kPost, "/orgs", SignedIn(), CreateOrganization},
	    {Method::kGet, R"(/orgs/(\d+))", OrgMember(), ShowDashboard},
	    {Method::kGet, R"(/orgs/(\d+)/profile)", OrgMember(), ShowProfile},
	    {Method::kPost, R"(/orgs/(\d+)/profile)", OrgEditor(), SaveProfile},
	    {Method::kPost, R"(/orgs/(\d+)/departments)", OrgEditor(), AddDepartment},
	    {Method::kPost, R"(/orgs/(\d+)/departments/(\d+)/delete)", OrgEditor(), RemoveDepartment},
	    {Method::kGet, R"(/orgs/(\d+)/members)", OrgEditor(), ShowMembers},
	    // Who belongs to the organisation, and with which role, needs the password again (ASVS 4.3.3).
	    {Method::kPost, R"(/orgs/(\d+)/members)", RecentPassword(OrgEditor()), InviteMember},
	    {Method::kPost, R"(/orgs/(\d+)/members/(\d+)/delete)", RecentPassword(OrgEditor()), RemoveMember},
	    {Method::kPost, R"(/orgs/(\d+)/members/(\d+)/link)", RecentPassword(OrgEditor()), IssueNewInvitationLink},
	};
}

} // namespace mamori::web
