// mamori/web/routes_organizations.cpp
//
// The organisation list, the dashboard (step position, SECURITY ACTION
// readiness, latest score, next steps), the profile with departments, and
// members with invitations.
#include "app/organizations.hpp"
#include "app/progress_service.hpp"
#include "web/web_app.hpp"

namespace mamori::web {
namespace {

const char *TaskHref(const std::string &task_id) {
	if (task_id == "five_articles") {
		return "/five-articles";
	}
	if (task_id == "selfcheck") {
		return "/selfcheck";
	}
	if (task_id == "basic_policy") {
		return "/policy";
	}
	if (task_id == "risk_analysis") {
		return "/risk";
	}
	return nullptr;
}

Json StatusTag(TaskStatus status, bool supported) {
	if (!supported) {
		return {{"label", "準備中"}, {"class", "tag--blocked"}};
	}
	switch (status) {
	case TaskStatus::kDone:
		return {{"label", "完了"}, {"class", "tag--done"}};
	case TaskStatus::kInProgress:
		return {{"label", "途中"}, {"class", "tag--progress"}};
	case TaskStatus::kNotStarted:
		return {{"label", "未着手"}, {"class", "tag--todo"}};
	case TaskStatus::kCannotStartYet:
		return {{"label", "まだ開始できません"}, {"class", "tag--blocked"}};
	}
	return {{"label", "未着手"}, {"class", "tag--todo"}};
}

std::string MissingLabel(const std::string &id) {
	if (id == "five_articles") {
		return "5か条のすべてに取り組む（未着手の項目を「実施中」か「実施済み」にする）";
	}
	if (id == "selfcheck") {
		return "自社診断の25項目すべてに回答する";
	}
	if (id == "policy_established") {
		return "基本方針の制定日を決める";
	}
	if (id == "policy_published") {
		return "基本方針を公開する";
	}
	return id;
}

Json ReadinessModel(const StarReadiness &readiness) {
	Json missing = Json::array();
	for (const auto &id : readiness.missing) {
		missing.push_back(MissingLabel(id));
	}
	return {{"ready", readiness.ready}, {"missing", missing}};
}

Json DashboardModel(const app::Progress &progress, const std::string &base) {
	Json steps = Json::array();
	for (const auto &step : progress.position.steps) {
		Json tasks = Json::array();
		for (const auto &task : step.tasks) {
			const char *href = TaskHref(task.definition->id);
			const bool linked = href != nullptr && task.supported && task.status != TaskStatus::kCannotStartYet;
			tasks.push_back({{"title", task.definition->title},
			                 {"section", task.definition->section},
			                 {"href", linked ? base + href : ""},
			                 {"linked", linked},
			                 {"tag", StatusTag(task.status, task.supported)},
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
		const char *href = TaskHref(task.definition->id);
		next.push_back({{"title", task.definition->title}, {"href", href ? base + href : base}});
	}
	Json model = {{"steps", steps},
	              {"next_tasks", next},
	              {"has_next", !next.empty()},
	              {"reached_step", progress.position.reached_step},
	              {"step_count", progress.position.steps.size()},
	              {"one_star", ReadinessModel(progress.one_star)},
	              {"five_articles",
	               {{"done", progress.five_articles.done},
	                {"in_progress", progress.five_articles.in_progress.size()},
	                {"not_started", progress.five_articles.not_started.size()}}},
	              {"two_star", ReadinessModel(progress.two_star)}};
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

std::string FormatYen(long long yen) {
	std::string digits = std::to_string(yen);
	std::string out;
	for (size_t idx = 0; idx < digits.size(); ++idx) {
		if (idx > 0 && (digits.size() - idx) % 3 == 0) {
			out.push_back(',');
		}
		out.push_back(digits[idx]);
	}
	return out + "円";
}

Json ClassificationModel(const app::AppContext &ctx, const storage::Organization &org) {
	auto sme = app::ClassifyOrganization(ctx, org);
	if (!sme) {
		return {{"known", false}};
	}
	return {{"known", true},
	        {"is_sme", sme->is_sme},
	        {"is_small_business", sme->is_small_business},
	        {"industry_label", sme->limit->label},
	        {"capital", FormatYen(org.capital_yen)},
	        {"employees", org.employees},
	        {"capital_limit", FormatYen(sme->limit->capital_limit_yen)},
	        {"employee_limit", sme->limit->employee_limit},
	        {"small_limit", sme->limit->small_business_employee_limit},
	        {"capital_within", sme->capital_within_limit},
	        {"employees_within", sme->employees_within_limit},
	        {"special_case", sme->limit->basis == SmeBasis::kSpecialCase},
	        {"source_document", sme->limit->source.document},
	        {"source_location", sme->limit->source.location}};
}

} // namespace

void WebApp::MountOrganizations(httplib::Server &server) {
	// The organisation gate shared by every page (WebApp::OpenOrg).
	auto open_org = [this](Request &request, bool for_edit) {
		return for_edit ? OpenOrgForEdit(request, request.http.matches[1]) : OpenOrg(request, request.http.matches[1]);
	};

	auto render_orgs = [this](Request &request, const app::OrganizationInput &input, const std::optional<Error> &error) {
		auto memberships = ctx_.store.ListMembershipsOfUser(request.session->user.id);
		if (!memberships) {
			return SendErrorPage(request, memberships.error());
		}
		Json list = Json::array();
		for (const auto &membership : *memberships) {
			list.push_back({{"id", membership.org_id},
			                {"name", membership.org_name},
			                {"role", std::string(storage::RoleLabel(membership.role))}});
		}
		Json model = {{"organizations", list}, {"has_orgs", !list.empty()}, {"org", OrganizationFormModel(ctx_.catalog, input)}};
		if (error) {
			model["error_summary"] = ErrorSummary(*error, error->field);
			model["errors"] = {{error->field, error->message}};
		}
		SendHtml(request, error ? 400 : 200, RenderPage(request, "orgs", model, "組織の一覧"));
	};

	server.Get("/orgs", [this, render_orgs](const httplib::Request &http, httplib::Response &response) {
		Request request = Begin(http, response);
		if (!request.session) {
			return Redirect(request, "/login");
		}
		render_orgs(request, {}, std::nullopt);
	});

	server.Post("/orgs", [this, render_orgs](const httplib::Request &http, httplib::Response &response) {
		Request request = Begin(http, response);
		if (!request.session) {
			return Redirect(request, "/login");
		}
		if (!CheckFormCsrf(request)) {
			return;
		}
		app::OrganizationInput kept{request.Param("name"), request.Param("industry"), 0, 0};
		auto input = ReadOrganizationForm(request);
		if (!input) {
			return render_orgs(request, kept, input.error());
		}
		auto org_id = app::CreateOrganization(ctx_, request.actor(), *input);
		if (!org_id) {
			return render_orgs(request, *input, org_id.error());
		}
		Redirect(request, "/orgs/" + std::to_string(*org_id));
	});

	server.Get(R"(/orgs/(\d+))", [this, open_org](const httplib::Request &http, httplib::Response &response) {
		Request request = Begin(http, response);
		auto access = open_org(request, false);
		if (!access) {
			return;
		}
		if (access->IsRespondent()) {
			return Redirect(request, "/orgs/" + std::to_string(access->org.id) + "/selfcheck/answer");
		}
		auto progress = app::ComputeProgress(ctx_, *access);
		if (!progress) {
			return SendErrorPage(request, progress.error());
		}
		Json model = DashboardModel(*progress, "/orgs/" + std::to_string(access->org.id));
		model["org_name"] = access->org.name;
		model["classification"] = ClassificationModel(ctx_, access->org);
		model["can_edit"] = access->CanEdit();
		SendHtml(request, 200, RenderPage(request, "dashboard", model, access->org.name + " のホーム", *access));
	});

	auto render_profile = [this](Request &request, const app::OrgAccess &access, const app::OrganizationInput &input,
	                             const std::optional<Error> &error, const std::string &notice) {
		auto departments = ctx_.store.ListDepartments(access.org.id);
		if (!departments) {
			return SendErrorPage(request, departments.error());
		}
		Json department_list = Json::array();
		for (const auto &department : *departments) {
			department_list.push_back({{"id", department.id}, {"name", department.name}});
		}
		Json model = {{"org", OrganizationFormModel(ctx_.catalog, input)},
		              {"classification", ClassificationModel(ctx_, access.org)},
		              {"departments", department_list},
		              {"has_departments", !department_list.empty()},
		              {"can_edit", access.CanEdit()},
		              {"base", "/orgs/" + std::to_string(access.org.id)},
		              {"notice", notice},
		              {"department_name", request.Param("department_name")}};
		if (error) {
			model["error_summary"] = ErrorSummary(*error, error->field);
			model["errors"] = {{error->field, error->message}};
		}
		SendHtml(request, error ? 400 : 200, RenderPage(request, "org_profile", model, "組織情報", access));
	};

	auto profile_input = [](const storage::Organization &org) {
		return app::OrganizationInput{org.name, org.industry, org.capital_yen, org.employees};
	};

	server.Get(R"(/orgs/(\d+)/profile)", [this, open_org, render_profile, profile_input](const httplib::Request &http, httplib::Response &response) {
		Request request = Begin(http, response);
		auto access = open_org(request, false);
		if (!access) {
			return;
		}
		const std::string saved = request.Param("saved");
		const std::string notice = saved == "profile"      ? "組織情報を保存しました。"
		                           : saved == "department" ? "部署・事業所を保存しました。"
		                                                   : "";
		render_profile(request, *access, profile_input(access->org), std::nullopt, notice);
	});

	server.Post(R"(/orgs/(\d+)/profile)", [this, open_org, render_profile](const httplib::Request &http, httplib::Response &response) {
		Request request = Begin(http, response);
		auto access = open_org(request, true);
		if (!access || !CheckFormCsrf(request)) {
			return;
		}
		app::OrganizationInput kept{request.Param("name"), request.Param("industry"), 0, 0};
		auto input = ReadOrganizationForm(request);
		if (!input) {
			return render_profile(request, *access, kept, input.error(), "");
		}
		if (auto status = app::UpdateOrganizationProfile(ctx_, request.actor(), *access, *input); !status) {
			return render_profile(request, *access, *input, status.error(), "");
		}
		Redirect(request, "/orgs/" + std::to_string(access->org.id) + "/profile?saved=profile");
	});

	server.Post(R"(/orgs/(\d+)/departments)", [this, open_org, render_profile, profile_input](const httplib::Request &http, httplib::Response &response) {
		Request request = Begin(http, response);
		auto access = open_org(request, true);
		if (!access || !CheckFormCsrf(request)) {
			return;
		}
		auto id = app::AddDepartment(ctx_, request.actor(), *access, request.Param("department_name"));
		if (!id) {
			return render_profile(request, *access, profile_input(access->org), id.error(), "");
		}
		Redirect(request, "/orgs/" + std::to_string(access->org.id) + "/profile?saved=department#departments");
	});

	server.Post(R"(/orgs/(\d+)/departments/(\d+)/delete)", [this, open_org, render_profile, profile_input](const httplib::Request &http, httplib::Response &response) {
		Request request = Begin(http, response);
		auto access = open_org(request, true);
		if (!access || !CheckFormCsrf(request)) {
			return;
		}
		auto department_id = ParseId(http.matches[2]);
		if (!department_id) {
			return SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "部署・事業所が見つかりません。"));
		}
		if (auto status = app::RemoveDepartment(ctx_, request.actor(), *access, *department_id); !status) {
			return render_profile(request, *access, profile_input(access->org), status.error(), "");
		}
		Redirect(request, "/orgs/" + std::to_string(access->org.id) + "/profile?saved=department#departments");
	});

	auto render_members = [this](Request &request, const app::OrgAccess &access, const Json &form,
	                             const std::optional<Error> &error, const Json &invitation) {
		auto members = ctx_.store.ListMembers(access.org.id);
		auto departments = ctx_.store.ListDepartments(access.org.id);
		if (!members || !departments) {
			return SendErrorPage(request, !members ? members.error() : departments.error());
		}
		std::map<Id, std::string> department_names;
		Json department_options = Json::array();
		for (const auto &department : *departments) {
			department_names[department.id] = department.name;
			department_options.push_back({{"id", department.id},
			                              {"name", department.name},
			                              {"selected", form.value("department_id", "") == std::to_string(department.id)}});
		}
		Json list = Json::array();
		for (const auto &member : *members) {
			list.push_back({{"user_id", member.user_id},
			                {"email", member.email},
			                {"name", member.display_name},
			                {"role", std::string(storage::RoleLabel(member.role))},
			                {"department", member.department_id ? department_names[*member.department_id] : ""},
			                {"is_self", member.user_id == request.session->user.id}});
		}
		Json roles = Json::array();
		for (auto role : {storage::Role::kRespondent, storage::Role::kViewer, storage::Role::kExecutive, storage::Role::kManager,
	                   storage::Role::kAdmin}) {
			const std::string name(storage::RoleName(role));
			roles.push_back({{"value", name},
			                 {"label", std::string(storage::RoleLabel(role))},
			                 {"checked", form.value("role", "respondent") == name}});
		}
		Json model = {{"members", list},
		              {"departments", department_options},
		              {"has_departments", !department_options.empty()},
		              {"roles", roles},
		              {"form", form},
		              {"base", "/orgs/" + std::to_string(access.org.id)},
		              {"invitation", invitation}};
		if (error) {
			model["error_summary"] = ErrorSummary(*error, error->field == "role" ? "role-respondent" : error->field);
			model["errors"] = {{error->field, error->message}};
		}
		SendHtml(request, error ? 400 : 200, RenderPage(request, "members", model, "メンバー", access));
	};

	server.Get(R"(/orgs/(\d+)/members)", [this, open_org, render_members](const httplib::Request &http, httplib::Response &response) {
		Request request = Begin(http, response);
		auto access = open_org(request, true);
		if (!access) {
			return;
		}
		render_members(request, *access, Json::object(), std::nullopt, nullptr);
	});

	server.Post(R"(/orgs/(\d+)/members)", [this, open_org, render_members](const httplib::Request &http, httplib::Response &response) {
		Request request = Begin(http, response);
		auto access = open_org(request, true);
		if (!access || !CheckFormCsrf(request)) {
			return;
		}
		Json form = {{"email", request.Param("email")},
		             {"display_name", request.Param("display_name")},
		             {"role", request.Param("role")},
		             {"department_id", request.Param("department_id")}};
		app::InviteInput input;
		input.email = request.Param("email");
		input.display_name = request.Param("display_name");
		auto role = storage::ParseRoleName(request.Param("role"));
		if (!role) {
			return render_members(request, *access, form, Error::Invalid("role", "役割を選んでください。"), nullptr);
		}
		input.role = *role;
		if (!request.Param("department_id").empty()) {
			input.department_id = ParseId(request.Param("department_id"));
			if (!input.department_id) {
				return render_members(request, *access, form,
				                      Error::Invalid("department_id", "選んだ部署・事業所が見つかりません。"), nullptr);
			}
		}
		auto invitation = app::InviteMember(ctx_, request.actor(), *access, input);
		if (!invitation) {
			return render_members(request, *access, form, invitation.error(), nullptr);
		}
		Json shown = {{"email", app::NormalizeEmail(input.email)}, {"has_link", !invitation->token.empty()}};
		if (!invitation->token.empty()) {
			const std::string host = http.get_header_value("Host");
			shown["link"] = "http://" + (host.empty() ? std::string("127.0.0.1:8080") : host) + "/invite/" + invitation->token;
		}
		// The invitation link is shown once, on this response, and never stored in clear.
		render_members(request, *access, Json::object(), std::nullopt, shown);
	});

	server.Post(R"(/orgs/(\d+)/members/(\d+)/delete)", [this, open_org, render_members](const httplib::Request &http, httplib::Response &response) {
		Request request = Begin(http, response);
		auto access = open_org(request, true);
		if (!access || !CheckFormCsrf(request)) {
			return;
		}
		auto user_id = ParseId(http.matches[2]);
		if (!user_id) {
			return SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "メンバーが見つかりません。"));
		}
		if (auto status = app::RemoveMember(ctx_, request.actor(), *access, *user_id); !status) {
			return render_members(request, *access, Json::object(), status.error(), nullptr);
		}
		Redirect(request, "/orgs/" + std::to_string(access->org.id) + "/members");
	});
}

} // namespace mamori::web
