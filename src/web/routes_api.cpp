// mamori/web/routes_api.cpp
//
// The JSON API under /api/v1 (contract.md, "HTTP: the server"). Order of
// checks on every call: session (401), CSRF for state changes (403), body
// (400), organisation role (404), then the use case.
#include "app/organizations.hpp"
#include "app/progress_service.hpp"
#include "app/selfcheck_service.hpp"
#include "codec/selfcheck_codec.hpp"
#include "core/sme/classification.hpp"
#include "web/web_app.hpp"

namespace mamori::web {
namespace {

Json OrganizationJson(const app::AppContext &ctx, const storage::Organization &org,
                      const std::optional<storage::Role> &role) {
	Json out = {{"id", org.id},
	            {"name", org.name},
	            {"industry", org.industry},
	            {"capital_yen", org.capital_yen},
	            {"employees", org.employees},
	            {"edition", org.edition},
	            {"created_at", org.created_at}};
	if (auto sme = app::ClassifyOrganization(ctx, org)) {
		out["is_sme"] = sme->is_sme;
		out["is_small_business"] = sme->is_small_business;
	}
	if (role) {
		out["role"] = std::string(storage::RoleName(*role));
	}
	return out;
}

Result<Json> ParseBody(const Request &request) {
	auto parsed = codec::ParseJson(request.http.body);
	if (!parsed) {
		return Error::Invalid("body", parsed.error().message);
	}
	if (!parsed->is_object()) {
		return Error::Invalid("body", "JSONオブジェクト（{...}）を送ってください。");
	}
	return parsed;
}

Result<app::OrganizationInput> DecodeOrganization(const Json &body) {
	app::OrganizationInput input;
	auto name = codec::RequireMember(body, "name", "name");
	if (!name) {
		return name.error();
	}
	auto name_text = codec::RequireString(**name, "name", 200);
	if (!name_text) {
		return name_text.error();
	}
	input.name = *name_text;
	auto industry = codec::RequireMember(body, "industry", "industry");
	if (!industry) {
		return industry.error();
	}
	auto industry_text = codec::RequireString(**industry, "industry", 50);
	if (!industry_text) {
		return industry_text.error();
	}
	input.industry = *industry_text;
	auto capital = codec::RequireMember(body, "capital_yen", "capital_yen");
	if (!capital) {
		return capital.error();
	}
	auto capital_value = codec::RequireInteger(**capital, "capital_yen", 0, 1'000'000'000'000'000LL);
	if (!capital_value) {
		return capital_value.error();
	}
	input.capital_yen = *capital_value;
	auto employees = codec::RequireMember(body, "employees", "employees");
	if (!employees) {
		return employees.error();
	}
	auto employees_value = codec::RequireInteger(**employees, "employees", 0, 10'000'000);
	if (!employees_value) {
		return employees_value.error();
	}
	input.employees = static_cast<int>(*employees_value);
	return input;
}

} // namespace

void WebApp::MountApi(httplib::Server &server) {
	server.Post("/api/v1/session", [this](const httplib::Request &http, httplib::Response &response) {
		Request request = Begin(http, response);
		auto body = ParseBody(request);
		if (!body) {
			return SendApiError(request, body.error());
		}
		auto email = codec::RequireMember(*body, "email", "email");
		auto password = codec::RequireMember(*body, "password", "password");
		if (!email || !(*email)->is_string()) {
			return SendApiError(request, Error::Invalid("email", "メールアドレスを文字列で送ってください。"));
		}
		if (!password || !(*password)->is_string()) {
			return SendApiError(request, Error::Invalid("password", "パスワードを文字列で送ってください。"));
		}
		auto user = app::Authenticate(ctx_, (*email)->get<std::string>(), (*password)->get<std::string>());
		if (!user) {
			return SendApiError(request, user.error());
		}
		auto session = app::StartSession(ctx_, user->id);
		if (!session) {
			return SendApiError(request, session.error());
		}
		SetSessionCookie(request, session->token);
		SendJson(request, 200,
		         {{"csrf_token", session->csrf_token},
		          {"expires_at", session->expires_at},
		          {"user", {{"id", user->id}, {"email", user->email}, {"is_admin", user->is_admin}}}});
	});

	server.Delete("/api/v1/session", [this](const httplib::Request &http, httplib::Response &response) {
		Request request = Begin(http, response);
		if (!request.session) {
			return SendApiError(request, Error::Make(ErrorCode::kUnauthenticated, "ログインしていません。"));
		}
		if (!CheckApiCsrf(request)) {
			return;
		}
		if (auto status = ctx_.store.DeleteSession(request.session->token_hash); !status) {
			return SendApiError(request, status.error());
		}
		ClearSessionCookie(request);
		SendJson(request, 200, {{"signed_out", true}});
	});

	// Everything below needs a session; answer 401 before looking at anything else.
	auto authed = [this](auto handler) {
		return [this, handler](const httplib::Request &http, httplib::Response &response) {
			Request request = Begin(http, response);
			if (!request.session) {
				return SendApiError(request,
				                    Error::Make(ErrorCode::kUnauthenticated, "ログインが必要です（セッションがありません）。"));
			}
			handler(request);
		};
	};

	server.Get("/api/v1/me", authed([this](Request &request) {
		           const auto &user = request.session->user;
		           SendJson(request, 200,
		                    {{"id", user.id}, {"email", user.email}, {"display_name", user.display_name}, {"is_admin", user.is_admin}});
	           }));

	server.Get("/api/v1/orgs", authed([this](Request &request) {
		           auto memberships = ctx_.store.ListMembershipsOfUser(request.session->user.id);
		           if (!memberships) {
			           return SendApiError(request, memberships.error());
		           }
		           Json list = Json::array();
		           for (const auto &membership : *memberships) {
			           auto org = ctx_.store.FindOrganization(membership.org_id);
			           if (org && org->has_value()) {
				           list.push_back(OrganizationJson(ctx_, **org, membership.role));
			           }
		           }
		           SendJson(request, 200, {{"organizations", list}});
	           }));

	server.Post("/api/v1/orgs", authed([this](Request &request) {
		            if (!CheckApiCsrf(request)) {
			            return;
		            }
		            auto body = ParseBody(request);
		            if (!body) {
			            return SendApiError(request, body.error());
		            }
		            auto input = DecodeOrganization(*body);
		            if (!input) {
			            return SendApiError(request, input.error());
		            }
		            auto org_id = app::CreateOrganization(ctx_, request.actor(), *input);
		            if (!org_id) {
			            return SendApiError(request, org_id.error());
		            }
		            auto org = ctx_.store.FindOrganization(*org_id);
		            if (!org || !org->has_value()) {
			            return SendApiError(request, Error::Make(ErrorCode::kInternal, "organisation vanished"));
		            }
		            SendJson(request, 201, OrganizationJson(ctx_, **org, storage::Role::kManager));
	            }));

	server.Get(R"(/api/v1/orgs/([^/]+))", authed([this](Request &request) {
		           auto org_id = ParseId(request.http.matches[1]);
		           auto access = org_id ? app::AccessOrganization(ctx_, request.session->user.id, *org_id)
		                                : Result<app::OrgAccess>(Error::Make(ErrorCode::kNotFound, "組織が見つかりません。"));
		           if (!access) {
			           return SendApiError(request, access.error());
		           }
		           Json out = OrganizationJson(ctx_, access->org, access->membership.role);
		           if (auto progress = app::ComputeProgress(ctx_, *access)) {
			           out["security_action"] = {{"one_star", {{"ready", progress->one_star.ready}, {"missing", progress->one_star.missing}}},
			                                     {"two_star", {{"ready", progress->two_star.ready}, {"missing", progress->two_star.missing}}}};
			           out["current_step"] = progress->position.current_step;
		           }
		           SendJson(request, 200, out);
	           }));

	server.Post(R"(/api/v1/orgs/([^/]+)/selfchecks)", authed([this](Request &request) {
		            if (!CheckApiCsrf(request)) {
			            return;
		            }
		            auto org_id = ParseId(request.http.matches[1]);
		            auto access = org_id ? app::AccessOrganization(ctx_, request.session->user.id, *org_id)
		                                 : Result<app::OrgAccess>(Error::Make(ErrorCode::kNotFound, "組織が見つかりません。"));
		            if (!access) {
			            return SendApiError(request, access.error());
		            }
		            auto body = ParseBody(request);
		            if (!body) {
			            return SendApiError(request, body.error());
		            }
		            std::string respondent;
		            if (auto found = body->find("respondent"); found != body->end()) {
			            auto text = codec::RequireString(*found, "respondent", 200);
			            if (!text) {
				            return SendApiError(request, text.error());
			            }
			            respondent = *text;
		            } else if (!access->IsRespondent()) {
			            return SendApiError(request, Error::Invalid("respondent", "回答者（部署・事業所名）を指定してください。"));
		            }
		            const Edition &edition = access->EditionOf(ctx_.catalog);
		            auto answers = codec::DecodeScoreRequest(*body, edition.ItemCount());
		            if (!answers) {
			            return SendApiError(request, answers.error());
		            }
		            auto saved = app::SaveAnswers(ctx_, request.actor(), *access, respondent, *answers,
		                                          app::SaveMode::kReplace, true);
		            if (!saved) {
			            return SendApiError(request, saved.error());
		            }
		            SendJson(request, 201,
		                     {{"round_id", saved->round_id},
		                      {"respondent", saved->respondent},
		                      {"answers", codec::EncodeAnswers(saved->answers)},
		                      {"score", codec::EncodeScore(ScoreSelfcheck(edition.selfcheck_rules, edition.ItemCount(),
		                                                                  saved->answers))}});
	            }));

	server.Get(R"(/api/v1/orgs/([^/]+)/selfchecks/summary)", authed([this](Request &request) {
		           auto org_id = ParseId(request.http.matches[1]);
		           auto access = org_id ? app::AccessOrganization(ctx_, request.session->user.id, *org_id)
		                                : Result<app::OrgAccess>(Error::Make(ErrorCode::kNotFound, "組織が見つかりません。"));
		           if (!access) {
			           return SendApiError(request, access.error());
		           }
		           auto summary = app::SummarizeRound(ctx_, *access);
		           if (!summary) {
			           return SendApiError(request, summary.error());
		           }
		           const Edition &edition = access->EditionOf(ctx_.catalog);
		           std::vector<RespondentAnswers> respondents;
		           Json names = Json::array();
		           Json round = nullptr;
		           if (summary->has_value()) {
			           respondents = (*summary)->respondents;
			           for (const auto &respondent : respondents) {
				           names.push_back(respondent.name);
			           }
			           round = {{"id", (*summary)->round.id},
			                    {"number", (*summary)->round.number},
			                    {"started_at", (*summary)->round.started_at}};
		           }
		           Json out = codec::EncodeAggregate(edition.selfcheck_rules, edition.ItemCount(), respondents);
		           out["respondent_names"] = names;
		           out["round"] = round;
		           SendJson(request, 200, out);
	           }));

	// Unknown API paths answer JSON, after the session check like every other call.
	auto unknown = authed([this](Request &request) {
		SendApiError(request, Error::Make(ErrorCode::kNotFound, "この API はありません。"));
	});
	server.Get(R"(/api/.*)", unknown);
	server.Post(R"(/api/.*)", unknown);
	server.Put(R"(/api/.*)", unknown);
	server.Patch(R"(/api/.*)", unknown);
	server.Delete(R"(/api/.*)", unknown);
}

} // namespace mamori::web
