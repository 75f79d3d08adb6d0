// mamori/web/routes_auth.cpp
//
// First-run set-up, sign-in and sign-out, invitations, and the home page.
#include "app/accounts.hpp"
#include "app/organizations.hpp"
#include "core/security/password_policy.hpp"
#include "web/web_app.hpp"

#include <iostream>

namespace mamori::web {
namespace {

Json IndustryOptions(const Catalog &catalog, const std::string &selected) {
	Json options = Json::array();
	for (const auto &limit : catalog.sme.industries) {
		options.push_back({{"value", limit.industry}, {"label", limit.label}, {"selected", limit.industry == selected}});
	}
	return options;
}

//! Reads a non-negative integer form field, accepting 全角 digits and commas
//! as people type them (ui.md §3).
Result<long long> FormInteger(const std::string &raw, const std::string &field, const std::string &label) {
	std::string digits;
	for (size_t pos = 0; pos < raw.size();) {
		const unsigned char c = static_cast<unsigned char>(raw[pos]);
		if (c >= '0' && c <= '9') {
			digits.push_back(static_cast<char>(c));
			pos += 1;
		} else if (c == ',' || c == ' ') {
			pos += 1;
		} else if (c == 0xEF && pos + 2 < raw.size() && static_cast<unsigned char>(raw[pos + 1]) == 0xBC &&
		           static_cast<unsigned char>(raw[pos + 2]) >= 0x90 && static_cast<unsigned char>(raw[pos + 2]) <= 0x99) {
			digits.push_back(static_cast<char>('0' + (static_cast<unsigned char>(raw[pos + 2]) - 0x90)));
			pos += 3;
		} else {
			return Error::Invalid(field, label + "は数字で入力してください。");
		}
	}
	if (digits.empty()) {
		return Error::Invalid(field, label + "を入力してください。");
	}
	if (digits.size() > 16) {
		return Error::Invalid(field, label + "が大きすぎます。");
	}
	return std::stoll(digits);
}

} // namespace

Result<app::OrganizationInput> ReadOrganizationForm(const Request &request) {
	app::OrganizationInput input;
	input.name = request.Param("name");
	input.industry = request.Param("industry");
	if (input.name.find_first_not_of(" \t\r\n") == std::string::npos) {
		return Error::Invalid("name", "組織名を入力してください。");
	}
	if (input.industry.empty()) {
		return Error::Invalid("industry", "業種を選んでください。");
	}
	auto capital = FormInteger(request.Param("capital_yen"), "capital_yen", "資本金");
	if (!capital) {
		return capital.error();
	}
	input.capital_yen = *capital;
	auto employees = FormInteger(request.Param("employees"), "employees", "従業員数");
	if (!employees) {
		return employees.error();
	}
	if (*employees > 10'000'000) {
		return Error::Invalid("employees", "従業員数が大きすぎます。");
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

void WebApp::MountAuth(httplib::Server &server) {
	auto render_setup = [this](Request &request, const app::OrganizationInput &org, const std::string &email,
	                           const std::string &name, const std::optional<Error> &error) {
		Json model = {{"org", OrganizationFormModel(ctx_.catalog, org)}, {"email", email}, {"display_name", name}};
		if (error) {
			model["error_summary"] = ErrorSummary(*error, error->field);
			model["errors"] = {{error->field, error->message}};
		}
		SendHtml(request, error ? 400 : 200, RenderPage(request, "setup", model, "初期設定"));
	};

	auto render_login = [this](Request &request, const std::string &email, const std::optional<Error> &error) {
		Json model = {{"email", email}};
		if (error) {
			model["error_summary"] = ErrorSummary(*error, error->field.empty() ? "email" : error->field);
			model["errors"] = {{error->field.empty() ? "email" : error->field, error->message}};
		}
		const int status = !error ? 200 : error->code == ErrorCode::kRateLimited ? 429 : error->code == ErrorCode::kUnauthenticated ? 401 : 400;
		SendHtml(request, status, RenderPage(request, "login", model, "ログイン"));
	};

	server.Get("/", [this, render_login, render_setup](const httplib::Request &http, httplib::Response &response) {
		Request request = Begin(http, response);
		if (!request.session) {
			if (SetupPending()) {
				return render_setup(request, {}, "", "", std::nullopt);
			}
			return render_login(request, "", std::nullopt);
		}
		auto memberships = ctx_.store.ListMembershipsOfUser(request.session->user.id);
		if (!memberships) {
			return SendErrorPage(request, memberships.error());
		}
		if (memberships->size() == 1) {
			return Redirect(request, "/orgs/" + std::to_string(memberships->front().org_id));
		}
		Redirect(request, "/orgs");
	});

	server.Get("/setup", [this, render_setup](const httplib::Request &http, httplib::Response &response) {
		Request request = Begin(http, response);
		if (!SetupPending()) {
			return Redirect(request, "/login");
		}
		render_setup(request, {}, "", "", std::nullopt);
	});

	server.Post("/setup", [this, render_setup](const httplib::Request &http, httplib::Response &response) {
		Request request = Begin(http, response);
		if (!CheckFormCsrf(request)) {
			return;
		}
		if (!SetupPending()) {
			return SendErrorPage(request, Error::Make(ErrorCode::kConflict, "初期設定はすでに完了しています。"));
		}
		const std::string email = request.Param("email");
		const std::string name = request.Param("display_name");
		app::OrganizationInput org_input;
		org_input.name = request.Param("name");
		org_input.industry = request.Param("industry");
		auto org = ReadOrganizationForm(request);
		if (!org) {
			return render_setup(request, org_input, email, name, org.error());
		}
		if (auto valid = app::ValidateOrganizationInput(ctx_, *org); !valid) {
			return render_setup(request, *org, email, name, valid.error());
		}
		if (auto valid = app::ValidateEmail(app::NormalizeEmail(email)); !valid) {
			return render_setup(request, *org, email, name, valid.error());
		}
		if (request.Param("password") != request.Param("password_confirm")) {
			return render_setup(request, *org, email, name,
			                    Error::Invalid("password_confirm", "確認用のパスワードが一致しません。同じパスワードを入力してください。"));
		}
		// Check the password before spending the one-time code on it.
		if (auto valid = CheckPasswordPolicy(request.Param("password"), app::NormalizeEmail(email),
		                                     ctx_.catalog.common_passwords);
		    !valid) {
			return render_setup(request, *org, email, name, valid.error());
		}
		if (!ConsumeSetupCode(request.Param("setup_code"))) {
			return render_setup(request, *org, email, name,
			                    Error::Invalid("setup_code", "初期設定コードが正しくありません。サーバーを起動した画面に表示されたコードを入力してください。"));
		}
		// The code is spent; from here a failure must hand out a new one.
		Id user_id = 0;
		auto status = ctx_.store.InTransaction([&]() -> Status {
			auto created = app::CreateAccount(ctx_, app::NewAccount{email, request.Param("password"), name, true}, std::nullopt);
			if (!created) {
				return created.error();
			}
			user_id = *created;
			auto org_id = app::CreateOrganization(ctx_, app::Actor{user_id, email, true}, *org, storage::Role::kAdmin);
			return org_id ? OkStatus() : Status(org_id.error());
		});
		if (!status) {
			if (auto code = PrepareSetupCode()) {
				std::cout << "mamori: 新しい初期設定コード: " << *code << std::endl;
			}
			Error error = status.error();
			error.message += "（初期設定コードは使用済みになりました。サーバーの画面に表示された新しいコードを入力してください。）";
			return render_setup(request, *org, email, name, error);
		}
		auto session = app::StartSession(ctx_, user_id);
		if (!session) {
			return SendErrorPage(request, session.error());
		}
		SetSessionCookie(request, session->token);
		Redirect(request, "/");
	});

	server.Get("/login", [this, render_login](const httplib::Request &http, httplib::Response &response) {
		Request request = Begin(http, response);
		if (request.session) {
			return Redirect(request, "/");
		}
		render_login(request, "", std::nullopt);
	});

	server.Post("/login", [this, render_login](const httplib::Request &http, httplib::Response &response) {
		Request request = Begin(http, response);
		if (!CheckFormCsrf(request)) {
			return;
		}
		const std::string email = request.Param("email");
		if (email.empty()) {
			return render_login(request, email, Error::Invalid("email", "メールアドレスを入力してください。"));
		}
		if (request.Param("password").empty()) {
			return render_login(request, email, Error::Invalid("password", "パスワードを入力してください。"));
		}
		auto user = app::Authenticate(ctx_, email, request.Param("password"));
		if (!user) {
			return render_login(request, email, user.error());
		}
		auto session = app::StartSession(ctx_, user->id);
		if (!session) {
			return SendErrorPage(request, session.error());
		}
		SetSessionCookie(request, session->token);
		Redirect(request, "/");
	});

	server.Post("/logout", [this](const httplib::Request &http, httplib::Response &response) {
		Request request = Begin(http, response);
		if (!request.session) {
			return Redirect(request, "/");
		}
		if (!CheckFormCsrf(request)) {
			return;
		}
		(void)ctx_.store.DeleteSession(request.session->token_hash);
		ClearSessionCookie(request);
		Redirect(request, "/login");
	});

	auto render_invite = [this](Request &request, const std::string &token, const std::optional<Error> &error) {
		Json model = {{"token", token}};
		if (error) {
			model["error_summary"] = ErrorSummary(*error, error->field);
			model["errors"] = {{error->field, error->message}};
		}
		SendHtml(request, error ? 400 : 200, RenderPage(request, "invite", model, "パスワードの設定"));
	};

	server.Get(R"(/invite/([A-Za-z0-9_-]+))", [this, render_invite](const httplib::Request &http, httplib::Response &response) {
		Request request = Begin(http, response);
		auto invitation = app::FindPendingInvitation(ctx_, http.matches[1]);
		if (!invitation) {
			return SendErrorPage(request, invitation.error());
		}
		render_invite(request, http.matches[1], std::nullopt);
	});

	server.Post(R"(/invite/([A-Za-z0-9_-]+))", [this, render_invite](const httplib::Request &http, httplib::Response &response) {
		Request request = Begin(http, response);
		if (!CheckFormCsrf(request)) {
			return;
		}
		const std::string token = http.matches[1];
		if (request.Param("password") != request.Param("password_confirm")) {
			return render_invite(request, token,
			                     Error::Invalid("password_confirm", "確認用のパスワードが一致しません。同じパスワードを入力してください。"));
		}
		auto user_id = app::AcceptInvitation(ctx_, token, request.Param("password"));
		if (!user_id) {
			if (user_id.error().code == ErrorCode::kNotFound) {
				return SendErrorPage(request, user_id.error());
			}
			return render_invite(request, token, user_id.error());
		}
		auto session = app::StartSession(ctx_, *user_id);
		if (!session) {
			return SendErrorPage(request, session.error());
		}
		SetSessionCookie(request, session->token);
		Redirect(request, "/");
	});
}

} // namespace mamori::web
