// mamori/web/routes_api.cpp
//
// The JSON API under /api/v1 (contract.md, "HTTP: the server"). Order of
// checks on every call: session (401), CSRF for state changes (403),
// organisation role (404) — the route gate, see route_table.hpp — then the
// body (400) and the use case.
#include "app/org_views.hpp"
#include "app/organizations.hpp"
#include "app/progress_service.hpp"
#include "app/selfcheck_service.hpp"
#include "codec/selfcheck_codec.hpp"
#include "core/sme/classification.hpp"
#include "web/json_body.hpp"
#include "web/account_pages.hpp"
#include "web/route_table.hpp"
#include "web/two_step_pages.hpp"

namespace mamori::web {
namespace {

Json OrganizationJson(const app::AppContext &ctx, const app::Organization &org,
                      const std::optional<app::Role> &role) {
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
		out["role"] = std::string(app::RoleName(*role));
	}
	return out;
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

void CreateSession(WebApp &web, Request &request) {
	auto body = ParseJsonObjectBody(request);
	if (!body) {
		return web.SendApiError(request, body.error());
	}
	auto email = codec::RequireMember(*body, "email", "email");
	auto password = codec::RequireMember(*body, "password", "password");
	if (!email || !(*email)->is_string()) {
		return web.SendApiError(request, Error::Invalid("email", "web_api.email_string"));
	}
	if (!password || !(*password)->is_string()) {
		return web.SendApiError(request, Error::Invalid("password", "web_api.password_string"));
	}
	auto user = app::Authenticate(web.ctx(), (*email)->get<std::string>(), (*password)->get<std::string>(),
	                              request.client_address);
	if (!user) {
		SetRetryAfter(request, user.error());
		return web.SendApiError(request, user.error());
	}
	if (!PassApiSecondStep(web, request, *body, *user)) {
		return;
	}
	if (request.session) {
		(void)app::EndSession(web.ctx(), *request.session);
	}
	auto session = app::StartSession(web.ctx(), user->id, request.client_address,
	                                 request.http.get_header_value("User-Agent"));
	if (!session) {
		return web.SendApiError(request, session.error());
	}
	web.SetSessionCookie(request, session->token);
	web.SendJson(request, 200,
	             {{"csrf_token", session->csrf_token},
	              {"expires_at", session->expires_at},
	              {"user", {{"id", user->id}, {"email", user->email}, {"is_admin", user->is_admin}}}});
}

void DeleteSession(WebApp &web, Request &request) {
	if (auto status = app::EndSession(web.ctx(), *request.session); !status) {
		return web.SendApiError(request, status.error());
	}
	web.ClearSessionCookie(request);
	web.SendJson(request, 200, {{"signed_out", true}});
}

void ShowMe(WebApp &web, Request &request) {
	const auto &user = request.session->user;
	web.SendJson(
	    request, 200,
	    {{"id", user.id}, {"email", user.email}, {"display_name", user.display_name}, {"is_admin", user.is_admin}});
}

void ListOrganizations(WebApp &web, Request &request) {
	auto organizations = app::ListMyOrganizations(web.ctx(), request.session->user.id);
	if (!organizations) {
		return web.SendApiError(request, organizations.error());
	}
	Json list = Json::array();
	for (const auto &entry : *organizations) {
		list.push_back(OrganizationJson(web.ctx(), entry.org, entry.role));
	}
	web.SendJson(request, 200, {{"organizations", list}});
}

void CreateOrganization(WebApp &web, Request &request) {
	auto body = ParseJsonObjectBody(request);
	if (!body) {
		return web.SendApiError(request, body.error());
	}
	auto input = DecodeOrganization(*body);
	if (!input) {
		return web.SendApiError(request, input.error());
	}
	auto org_id = app::CreateOrganization(web.ctx(), request.actor(), *input);
	if (!org_id) {
		return web.SendApiError(request, org_id.error());
	}
	auto org = app::LoadOrganization(web.ctx(), *org_id);
	if (!org) {
		return web.SendApiError(request, org.error());
	}
	web.SendJson(request, 201, OrganizationJson(web.ctx(), *org, app::Role::kManager));
}

void ShowOrganization(WebApp &web, Request &request, const app::OrgAccess &access) {
	Json out = OrganizationJson(web.ctx(), access.org, access.membership.role);
	if (auto progress = app::ComputeProgress(web.ctx(), access)) {
		out["security_action"] = {
		    {"one_star", {{"ready", progress->one_star.ready}, {"missing", progress->one_star.missing}}},
		    {"two_star", {{"ready", progress->two_star.ready}, {"missing", progress->two_star.missing}}}};
		out["current_step"] = progress->position.current_step;
	}
	web.SendJson(request, 200, out);
}

void SubmitSelfcheck(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto body = ParseJsonObjectBody(request);
	if (!body) {
		return web.SendApiError(request, body.error());
	}
	std::string respondent;
	if (auto found = body->find("respondent"); found != body->end()) {
		auto text = codec::RequireString(*found, "respondent", 200);
		if (!text) {
			return web.SendApiError(request, text.error());
		}
		respondent = *text;
	} else if (!access.IsRespondent()) {
		return web.SendApiError(request, Error::Invalid("respondent", "web_api.respondent_required"));
	}
	const Edition &edition = access.EditionOf(web.ctx().catalog);
	auto answers = codec::DecodeScoreRequest(*body, edition.ItemCount());
	if (!answers) {
		return web.SendApiError(request, answers.error());
	}
	auto saved =
	    app::SaveAnswers(web.ctx(), request.actor(), access, respondent, *answers, app::SaveMode::kReplace, true);
	if (!saved) {
		return web.SendApiError(request, saved.error());
	}
	web.SendJson(
	    request, 201,
	    {{"round_id", saved->round_id},
	     {"respondent", saved->respondent},
	     {"answers", codec::EncodeAnswers(saved->answers)},
	     {"score", codec::EncodeScore(ScoreSelfcheck(edition.selfcheck_rules, edition.ItemCount(), saved->answers))}});
}

//! The summary's JSON body, encoded. The same for every reader of the organisation.
Result<std::shared_ptr<const std::string>> EncodeSelfcheckSummary(WebApp &web, const app::OrgAccess &access) {
	auto summary = MAMORI_TRY(app::SummarizeRound(web.ctx(), access));
	const Edition &edition = access.EditionOf(web.ctx().catalog);
	static const std::vector<RespondentAnswers> kNoRespondents;
	const auto &respondents = summary.has_value() ? summary->respondents : kNoRespondents;
	Json names = Json::array();
	Json round = nullptr;
	for (const auto &respondent : respondents) {
		names.push_back(respondent.name);
	}
	if (summary.has_value()) {
		round = {{"id", summary->round.id}, {"number", summary->round.number}, {"started_at", summary->round.started_at}};
	}
	Json out = codec::EncodeAggregate(edition.selfcheck_rules, edition.ItemCount(), respondents);
	out["respondent_names"] = names;
	out["round"] = round;
	return std::make_shared<const std::string>(out.dump());
}

void ShowSelfcheckSummary(WebApp &web, Request &request, const app::OrgAccess &access) {
	// Kept with the organisation's other views until its data changes (issue 11: encoding the
	// aggregate was a sixth of the call).
	const Edition &edition = access.EditionOf(web.ctx().catalog);
	// A GET: the revision read with the access is still the organisation's (OrgAccess::revision).
	auto body = app::CachedOrgViewAt<std::string>(
	    web.ctx(), access.org.id, access.revision, "api-selfcheck-summary:" + app::KeyOf(&edition),
	    [&] { return EncodeSelfcheckSummary(web, access); }, [](const std::string &text) { return text.size(); });
	if (!body) {
		return web.SendApiError(request, body.error());
	}
	web.SendJsonText(request, 200, **body);
}

void UnknownApi(WebApp &web, Request &request) {
	web.SendApiError(request, Error::Make(ErrorCode::kNotFound, "web_api.not_found"));
}

Gate ApiSignedOutOnDelete() {
	Gate gate = Api(SignedIn());
	gate.unauthenticated_message = "web_api.not_logged_in";
	return gate;
}

//! Unknown API paths answer JSON 404, after the session check like every other call.
Gate ApiUnknown() {
	Gate gate = Api(SignedIn());
	gate.csrf = Csrf::kNone;
	return gate;
}

} // namespace

RouteTable ApiRoutes() {
	Gate sign_in = Api(Anyone());
	sign_in.csrf = Csrf::kNone; // there is no session, hence no token, yet
	return {
	    {Method::kPost, "/api/v1/session", sign_in, CreateSession},
	    {Method::kDelete, "/api/v1/session", ApiSignedOutOnDelete(), DeleteSession},
	    {Method::kGet, "/api/v1/me", Api(SignedIn()), ShowMe},
	    {Method::kGet, "/api/v1/orgs", Api(SignedIn()), ListOrganizations},
	    {Method::kPost, "/api/v1/orgs", Api(SignedIn()), CreateOrganization},
	    {Method::kGet, R"(/api/v1/orgs/([^/]+))", Api(OrgMember()), ShowOrganization},
	    {Method::kPost, R"(/api/v1/orgs/([^/]+)/selfchecks)", Api(OrgMember()), SubmitSelfcheck},
	    {Method::kGet, R"(/api/v1/orgs/([^/]+)/selfchecks/summary)", Api(OrgMember()), ShowSelfcheckSummary},
	    {Method::kGet, R"(/api/.*)", ApiUnknown(), UnknownApi},
	    {Method::kPost, R"(/api/.*)", ApiUnknown(), UnknownApi},
	    {Method::kPut, R"(/api/.*)", ApiUnknown(), UnknownApi},
	    {Method::kPatch, R"(/api/.*)", ApiUnknown(), UnknownApi},
	    {Method::kDelete, R"(/api/.*)", ApiUnknown(), UnknownApi},
	};
}

} // namespace mamori::web
