// mamori/web/routes_admin.cpp
//
// Installation administration: the list of accounts, unlocking, and
// creating accounts. Only accounts with the installation-admin flag see it;
// everyone else gets 404. Being an administrator gives no access to any
// organisation's data (contract: `user create --admin`).
#include "app/accounts.hpp"
#include "platform/clock.hpp"
#include "web/web_app.hpp"

namespace mamori::web {

void WebApp::MountAdmin(httplib::Server &server) {
	auto render = [this](Request &request, const Json &form, const std::optional<Error> &error, const std::string &notice) {
		auto users = ctx_.store.ListUsers(500, 0);
		if (!users) {
			return SendErrorPage(request, users.error());
		}
		const std::string now = platform::NowIso();
		Json list = Json::array();
		for (const auto &user : *users) {
			const bool locked = !user.locked_until.empty() && user.locked_until > now;
			list.push_back({{"id", user.id},
			                {"email", user.email},
			                {"name", user.display_name},
			                {"is_admin", user.is_admin},
			                {"locked", locked},
			                {"pending", user.password_hash.empty()},
			                {"created_at", user.created_at.substr(0, 10)}});
		}
		Json model = {{"users", list}, {"form", form}, {"notice", notice}};
		if (error) {
			model["error_summary"] = ErrorSummary(*error, error->field);
			model["errors"] = {{error->field, error->message}};
		}
		SendHtml(request, error ? 400 : 200, RenderPage(request, "admin", model, "アカウント管理"));
	};

	auto admin_only = [this](Request &request) {
		if (!request.session) {
			Redirect(request, "/login");
			return false;
		}
		if (!request.session->user.is_admin) {
			SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "ページが見つかりません。"));
			return false;
		}
		return true;
	};

	server.Get("/admin", [this, render, admin_only](const httplib::Request &http, httplib::Response &response) {
		Request request = Begin(http, response);
		if (!admin_only(request)) {
			return;
		}
		const std::string done = request.Param("done");
		render(request, Json::object(), std::nullopt,
		       done == "unlocked" ? "ロックを解除しました。" : done == "created" ? "アカウントを作成しました。" : "");
	});

	server.Post(R"(/admin/users/(\d+)/unlock)", [this, admin_only](const httplib::Request &http, httplib::Response &response) {
		Request request = Begin(http, response);
		if (!admin_only(request) || !CheckFormCsrf(request)) {
			return;
		}
		auto user_id = ParseId(http.matches[1]);
		if (!user_id) {
			return SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "アカウントが見つかりません。"));
		}
		if (auto status = app::UnlockAccount(ctx_, request.actor(), *user_id); !status) {
			return SendErrorPage(request, status.error());
		}
		Redirect(request, "/admin?done=unlocked");
	});

	server.Post("/admin/users", [this, render, admin_only](const httplib::Request &http, httplib::Response &response) {
		Request request = Begin(http, response);
		if (!admin_only(request) || !CheckFormCsrf(request)) {
			return;
		}
		Json form = {{"email", request.Param("email")}, {"display_name", request.Param("display_name")}};
		if (request.Param("password") != request.Param("password_confirm")) {
			return render(request, form,
			              Error::Invalid("password_confirm", "確認用のパスワードが一致しません。同じパスワードを入力してください。"), "");
		}
		auto created = app::CreateAccount(ctx_,
		                                  app::NewAccount{request.Param("email"), request.Param("password"),
		                                                  request.Param("display_name"), request.Param("is_admin") == "1"},
		                                  request.session->user.id);
		if (!created) {
			return render(request, form, created.error(), "");
		}
		Redirect(request, "/admin?done=created");
	});
}

} // namespace mamori::web
