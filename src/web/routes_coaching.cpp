// mamori/web/routes_coaching.cpp
//
// The consultant workspace (issue 12): the portfolio of the account's clients (/consultant), a
// new client, and per client the coaching page (/orgs/N/coaching): start an engagement from a
// programme, the visits with their pre-work, agenda, deliverables and notes, and the 実施報告書 /
// 最終報告書. The rules live in app/coaching and app/portfolio; this file only translates HTTP.
#include "app/coaching.hpp"
#include "app/documents/document_kinds.hpp"
#include "app/portfolio.hpp"
#include "core/selfcheck/answer.hpp"
#include "export/document_docx.hpp"
#include "export/document_html.hpp"
#include "export/document_pdf.hpp"
#include "web/audited_download.hpp"
#include "web/form_dates.hpp"
#include "web/http_errors.hpp"
#include "web/invitation_view.hpp"
#include "web/portfolio_rows_cache.hpp"
#include "web/route_table.hpp"

#include <algorithm>
#include <cstdint>
#include <map>

namespace mamori::web {
namespace {

std::string OrgBase(Id org_id) { return "/orgs/" + std::to_string(org_id); }
std::string Base(const app::OrgAccess &access) { return OrgBase(access.org.id) + "/coaching"; }

//! The error summary links to `field_id`; the inline error shows under the field named.
void AddFormError(Json &model, const Error &error, const std::string &field_id) {
	model["error_summary"] = ErrorSummary(error, field_id);
	model["errors"] = {{error.field, error.message}};
}

std::string Date(const WebApp &web, const Request &request, const std::string &iso) {
	return iso.empty() ? std::string() : FormatDate(web.messages(), request.locale, iso, false);
}

std::string AnswerText(const WebApp &web, const Request &request, const std::optional<Answer> &answer) {
	return answer ? AnswerLabel(web.messages(), request.locale, *answer) : web.Text(request, "web_coaching.unanswered");
}

// --- the portfolio ----------------------------------------------------------------------------

Json ChangesModel(const WebApp &web, const Request &request, const app::PortfolioEntry &entry) {
	const Catalog &content = web.Content(request);
	const Edition *found = content.FindEdition(entry.client.org.edition);
	const Edition &edition = found != nullptr ? *found : content.DefaultEdition();
	Json changes = Json::array();
	for (const auto &change : entry.changes) {
		const SelfcheckItem *item = edition.FindItem(change.item);
		changes.push_back({{"item", change.item},
		                   {"title", item != nullptr ? item->short_title : std::string()},
		                   {"before", AnswerText(web, request, change.before)},
		                   {"after", AnswerText(web, request, change.after)}});
	}
	return changes;
}

Json ClientModel(const WebApp &web, const Request &request, const app::PortfolioEntry &entry) {
	const auto &client = entry.client;
	const app::PortfolioRound *latest = entry.Latest();
	std::string trend;  // "48 → 56 → 62", oldest first
	for (const auto &round : entry.trend) {
		if (!trend.empty()) {
			trend += " \u2192 ";
		}
		trend += std::to_string(round.total);
	}
	std::string delta;
	if (entry.trend.size() >= 2) {
		const int change = entry.trend.back().total - entry.trend[entry.trend.size() - 2].total;
		delta = std::to_string(change);
		if (change > 0) {
			delta.insert(0, "+");
		}
	}
	const int step = entry.position.current_step;
	const int steps = static_cast<int>(entry.position.steps.size());
	Json model = {
	    {"id", client.org.id},
	    {"name", client.org.name},
	    {"href", OrgBase(client.org.id) + "/coaching"},
	    {"dashboard", OrgBase(client.org.id)},
	    {"step", step > steps ? web.Text(request, "web_coaching.portfolio.all_steps")
	                          : web.Text(request, "web_coaching.portfolio.step", {{"number", std::to_string(step)}})},
	    {"score", latest != nullptr ? Json(std::to_string(latest->total) + " / " + std::to_string(latest->max)) : Json(false)},
	    {"trend_text", trend},
	    {"has_trend", entry.trend.size() >= 2},
	    {"delta", delta},
	    {"open_measures", client.open_measures},
	    {"overdue_measures", client.overdue_measures},
	    {"has_overdue", client.overdue_measures > 0},
	    {"open_incidents", client.open_incidents},
	    {"has_incidents", client.open_incidents > 0},
	    {"last_visit", client.last_visit_on.empty() ? Json(false) : Json(Date(web, request, client.last_visit_on))},
	    {"next_visit", client.next_visit_on.empty() ? Json(false) : Json(Date(web, request, client.next_visit_on))},
	    {"open_requests", client.open_requests},
	    {"changes", ChangesModel(web, request, entry)},
	    {"change_count", entry.changes.size()},
	    {"has_changes", !entry.changes.empty()},
	    {"has_baseline", entry.baseline.has_value()},
	};
	return model;
}

//! The rows of the account's clients: kept from an earlier request while nothing has changed
//! (web/portfolio_rows_cache.hpp), else built and rendered. A client without a lead of its own
//! (no 組織管理者 or 責任者 signed up) is marked, with the way to invite one.
Result<std::shared_ptr<const PortfolioRows>> ClientRows(WebApp &web, Request &request) {
	const std::string reader = std::to_string(reinterpret_cast<std::uintptr_t>(&web)) + "/" +
	                           std::to_string(request.session->user.id) + "/" + std::string(LocaleCode(request.locale));
	const std::string revision = MAMORI_TRY(app::PortfolioRevision(web.ctx()));
	if (auto kept = KeptPortfolioRows().Find(reader, revision)) {
		return kept;
	}
	const auto entries = MAMORI_TRY(app::BuildPortfolio(web.ctx(), request.session->user.id, &web.Content(request)));
	const auto without_lead = MAMORI_TRY(app::ClientsWithoutLead(web.ctx(), request.session->user.id));
	std::map<Id, bool> lead_invited;  // the clients without a lead of their own: is one invited?
	for (const auto &client : without_lead) {
		lead_invited[client.org_id] = client.invited;
	}
	auto rows = std::make_shared<PortfolioRows>();
	Json clients = Json::array();
	for (const auto &entry : entries) {
		Json client = ClientModel(web, request, entry);
		const auto missing = lead_invited.find(entry.client.org.id);
		client["no_lead"] = missing != lead_invited.end() && !missing->second;
		client["lead_invited"] = missing != lead_invited.end() && missing->second;
		client["members"] = OrgBase(entry.client.org.id) + "/members";
		clients.push_back(std::move(client));
		rows->overdue_clients += entry.client.overdue_measures > 0 ? 1 : 0;
		rows->open_requests += entry.client.open_requests;
	}
	rows->count = entries.size();
	rows->without_lead = lead_invited.size();
	rows->html = web.views().Render(request.locale, "consultant_portfolio_rows", {{"clients", std::move(clients)}});
	KeptPortfolioRows().Keep(reader, revision, rows);
	return std::shared_ptr<const PortfolioRows>(std::move(rows));
}

void RenderPortfolio(WebApp &web, Request &request, const app::OrganizationInput &input, const std::optional<Error> &error,
                     const Json &admin = Json::object()) {
	auto rows = ClientRows(web, request);
	if (!rows) {
		return web.SendErrorPage(request, rows.error());
	}
	const PortfolioRows &clients = **rows;
	Json model = {{"rows", clients.html},
	              {"has_clients", clients.count > 0},
	              {"count", clients.count},
	              {"overdue_clients", clients.overdue_clients},
	              {"open_requests", clients.open_requests},
	              {"without_lead", clients.without_lead},
	              {"has_without_lead", clients.without_lead > 0},
	              {"org", OrganizationFormModel(web.Content(request), input)},
	              {"admin", admin}};
	if (error) {
		AddFormError(model, *error, error->field);
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "consultant_portfolio", std::move(model), "web_coaching.portfolio.title"));
}

void ShowPortfolio(WebApp &web, Request &request) { RenderPortfolio(web, request, {}, std::nullopt); }

void RenderCoaching(WebApp &web, Request &request, const app::OrgAccess &access, const app::StartEngagementInput &input,
                    const std::optional<Error> &error, std::optional<int> visit = std::nullopt,
                    const Json &invitation = nullptr);

//! A new client, with the firm's 組織管理者 invited when named. The invitation link is shown once,
//! on this response (as on the members page): it is never stored in clear, so no redirect.
void CreateClient(WebApp &web, Request &request) {
	app::OrganizationInput kept{request.Param("name"), request.Param("industry"), 0, 0};
	const app::ClientAdmin admin{request.Param("admin_email"), request.Param("admin_name")};
	const Json admin_form = {{"email", admin.email}, {"display_name", admin.display_name}};
	auto input = ReadOrganizationForm(request);
	if (!input) {
		return RenderPortfolio(web, request, kept, input.error(), admin_form);
	}
	auto created = app::CreateClient(web.ctx(), request.actor(), *input, admin);
	if (!created) {
		return RenderPortfolio(web, request, *input, created.error(), admin_form);
	}
	if (!created->admin_invitation) {
		return web.Redirect(request, OrgBase(created->org_id) + "/coaching?done=client");
	}
	auto access = app::AccessOrganization(web.ctx(), request.session->user.id, created->org_id);
	if (!access) {
		return web.SendErrorPage(request, access.error());
	}
	RenderCoaching(web, request, *access, {}, std::nullopt, std::nullopt,
	               ShownInvitation(web, request, admin.email, *created->admin_invitation));
}

// --- one client's coaching --------------------------------------------------------------------

//! Where a deliverable opens: the document page for the pack's kinds, the report pages here.
std::string DeliverableHref(const app::OrgAccess &access, const std::string &kind, int visit) {
	if (kind == "visit_report") {
		return Base(access) + "/reports/visit-" + std::to_string(visit);
	}
	if (kind == "final_report") {
		return Base(access) + "/reports/final";
	}
	return OrgBase(access.org.id) + "/documents/" + kind;
}

Json VisitModel(const WebApp &web, const Request &request, const app::OrgAccess &access,
                const app::CoachingVisit &visit) {
	const Locale locale = request.locale;
	Json requests = Json::array();
	for (const auto &stored : visit.requests) {
		std::string text = stored.request_key;
		for (const auto &planned : visit.plan.prework) {
			if (planned.key == stored.request_key) {
				text = planned.text.In(locale);
			}
		}
		const bool done = !stored.done_at.empty();
		requests.push_back({{"id", stored.id},
		                    {"text", text},
		                    {"done", done},
		                    {"done_text", done ? web.Text(request, "web_coaching.request.done_on",
		                                                  {{"date", Date(web, request, stored.done_at.substr(0, 10))}})
		                                       : web.Text(request, "web_coaching.request.open")},
		                    {"action", Base(access) + "/requests/" + std::to_string(stored.id)}});
	}
	Json agenda = Json::array();
	for (const auto &item : visit.plan.agenda) {
		agenda.push_back(item.In(locale));
	}
	Json deliverables = Json::array();
	for (const auto &deliverable : visit.plan.deliverables) {
		deliverables.push_back({{"text", deliverable.text.In(locale)},
		                        {"href", deliverable.document.empty() ? Json(false)
		                                                              : Json(DeliverableHref(access, deliverable.document,
		                                                                                     visit.visit.number))}});
	}
	const std::string number = std::to_string(visit.visit.number);
	return {{"number", visit.visit.number},
	        {"title", visit.plan.title.In(locale)},
	        {"planned_on", visit.visit.planned_on},
	        {"held_on", visit.visit.held_on},
	        {"planned_text", Date(web, request, visit.visit.planned_on)},
	        {"has_planned", !visit.visit.planned_on.empty()},
	        {"held_text", Date(web, request, visit.visit.held_on)},
	        {"held", !visit.visit.held_on.empty()},
	        {"notes", visit.visit.notes},
	        {"requests", requests},
	        {"has_requests", !requests.empty()},
	        {"prework_complete", visit.prework_complete},
	        {"agenda", agenda},
	        {"deliverables", deliverables},
	        {"has_deliverables", !deliverables.empty()},
	        {"action", Base(access) + "/visits/" + number},
	        {"report", Base(access) + "/reports/visit-" + number},
	        {"anchor", "visit-" + number}};
}

Json ProgrammeChoices(const Request &request, const std::string &chosen) {
	Json choices = Json::array();
	auto programmes = app::ShippedProgrammes();
	if (!programmes) {
		return choices;
	}
	for (const auto &programme : *programmes) {
		choices.push_back({{"id", programme.id},
		                   {"title", programme.title.In(request.locale)},
		                   {"goal", programme.goal.In(request.locale)},
		                   {"built_in", programme.built_in},
		                   {"checked", chosen.empty() ? programme.built_in : chosen == programme.id}});
	}
	return choices;
}

const char *DoneKey(const std::string &done) {
	if (done == "client") {
		return "web_coaching.done.client";
	}
	if (done == "started") {
		return "web_coaching.done.started";
	}
	if (done == "visit") {
		return "web_coaching.done.visit";
	}
	if (done == "request") {
		return "web_coaching.done.request";
	}
	return nullptr;
}

//! Where the error summary of the coaching page points: the start form's field, a visit's
//! field ("planned_on-2"), or the programme text for an error inside a consultant's own programme.
std::string FieldId(const Error &error, std::optional<int> visit) {
	if (visit) {
		return error.field + "-" + std::to_string(*visit);
	}
	return error.field == "programme_id" || error.field == "started_on" ? error.field : "programme_yaml";
}

void RenderCoaching(WebApp &web, Request &request, const app::OrgAccess &access, const app::StartEngagementInput &input,
                    const std::optional<Error> &error, std::optional<int> visit, const Json &invitation) {
	auto coaching = app::LoadCoaching(web.ctx(), access);
	if (!coaching) {
		return web.SendErrorPage(request, coaching.error());
	}
	// Whoever may invite sees that the firm has no 組織管理者 or 責任者 of its own yet.
	app::FirmLead lead = app::FirmLead::kSignedUp;
	if (access.CanManageMembers()) {
		auto found = app::FirmLeadOf(web.ctx(), access.org.id);
		if (!found) {
			return web.SendErrorPage(request, found.error());
		}
		lead = *found;
	}
	const char *done = DoneKey(request.Param("done"));
	Json model = {{"base", Base(access)},
	              {"can_edit", access.CanEdit()},
	              {"is_consultant", access.IsConsultant()},
	              {"members", OrgBase(access.org.id) + "/members"},
	              {"notice", done == nullptr ? Json(false) : Json(web.Text(request, done))},
	              {"no_lead", lead == app::FirmLead::kNone},
	              {"lead_invited", lead == app::FirmLead::kInvited},
	              {"invitation", invitation},
	              {"started", coaching->has_value()}};
	if (*coaching) {
		const auto &current = **coaching;
		Json visits = Json::array();
		for (const auto &visit : current.visits) {
			visits.push_back(VisitModel(web, request, access, visit));
		}
		model["programme"] = current.programme.title.In(request.locale);
		model["version"] = current.programme.version;
		model["started_on"] = Date(web, request, current.engagement.started_on);
		model["visits"] = visits;
		model["final_report"] = Base(access) + "/reports/final";
	} else {
		model["programmes"] = ProgrammeChoices(request, input.programme_id);
		model["started_on_value"] = input.started_on;
		model["programme_yaml"] = input.programme_yaml;
	}
	if (error) {
		AddFormError(model, *error, FieldId(*error, visit));
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "coaching", model, "web_coaching.title", access));
}

void ShowCoaching(WebApp &web, Request &request, const app::OrgAccess &access) {
	RenderCoaching(web, request, access, {}, std::nullopt);
}

void StartEngagement(WebApp &web, Request &request, const app::OrgAccess &access) {
	app::StartEngagementInput input{request.Param("programme_id"), request.Param("programme_yaml"),
	                                request.Param("started_on")};
	if (request.Param("source") != "own") {
		input.programme_yaml.clear();
	}
	auto started = app::StartEngagement(web.ctx(), request.actor(), access, input);
	if (!started) {
		if (started.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, started.error());
		}
		return RenderCoaching(web, request, access, input, started.error());
	}
	web.Redirect(request, Base(access) + "?done=started");
}

std::optional<int> PathNumber(const Request &request) {
	const auto id = WebApp::ParseId(request.http.matches[2]);
	if (!id || *id > 1000) {
		return std::nullopt;
	}
	return static_cast<int>(*id);
}

void SaveVisit(WebApp &web, Request &request, const app::OrgAccess &access) {
	const auto number = PathNumber(request);
	if (!number) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "errors.not_found"));
	}
	app::VisitInput input{*number, request.Param("planned_on"), request.Param("held_on"), request.Param("notes")};
	if (auto saved = app::UpdateVisit(web.ctx(), request.actor(), access, input); !saved) {
		if (saved.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, saved.error());
		}
		return RenderCoaching(web, request, access, {}, saved.error(), *number);
	}
	web.Redirect(request, Base(access) + "?done=visit#visit-" + std::to_string(*number));
}

void MarkRequest(WebApp &web, Request &request, const app::OrgAccess &access) {
	const auto id = WebApp::ParseId(request.http.matches[2]);
	if (!id) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "errors.not_found"));
	}
	if (auto marked = app::MarkRequest(web.ctx(), request.actor(), access, *id, request.Param("done") != "0"); !marked) {
		return web.SendErrorPage(request, marked.error());
	}
	web.Redirect(request, Base(access) + "?done=request");
}

// --- the reports ------------------------------------------------------------------------------

Result<document::RenderedDocument> BuildReport(WebApp &web, Request &request, const app::OrgAccess &access) {
	const std::string which = request.http.matches[2];
	if (which == "final") {
		return app::BuildDocument(web.ctx(), web.messages(), access, "final_report");
	}
	auto number = WebApp::ParseId(which.substr(std::string("visit-").size()));
	if (!number || *number > 1000) {
		return Error::Make(ErrorCode::kNotFound, "errors.not_found");
	}
	auto doc = app::BuildVisitReportDocument(web.ctx(), web.messages(), access, static_cast<int>(*number));
	if (!doc && doc.error().code == ErrorCode::kInvalidInput) {
		return Error::Make(ErrorCode::kNotFound, "errors.not_found");
	}
	return doc;
}

void ShowReport(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto doc = BuildReport(web, request, access);
	if (!doc) {
		return web.SendErrorPage(request, doc.error());
	}
	const std::string href = Base(access) + "/reports/" + request.http.matches[2].str();
	Json model = {{"article", exporting::RenderDocumentHtmlArticle(*doc)},
	              {"title", doc->title},
	              {"back", Base(access)},
	              {"pdf", href + ".pdf"},
	              {"docx", href + ".docx"}};
	web.SendHtml(request, 200, web.RenderPage(request, "document_view", model, "pages.document_view", access));
}

void DownloadReport(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto doc = BuildReport(web, request, access);
	if (!doc) {
		return web.SendErrorPage(request, doc.error());
	}
	const bool pdf = request.http.matches[3] == "pdf";
	auto bytes = pdf ? exporting::RenderDocumentPdf(*doc) : exporting::RenderDocumentDocx(*doc);
	if (!bytes) {
		return web.SendErrorPage(request, bytes.error());
	}
	const std::string extension = pdf ? ".pdf" : ".docx";
	const std::string stem = doc->kind + "_" + request.http.matches[2].str();
	SendAuditedDownload(web, request, access,
	                    {stem + extension, doc->title + extension,
	                     pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	                     std::move(*bytes)});
}

} // namespace

RouteTable CoachingRoutes() {
	const std::string refusal = "web_coaching.staff_only";
	return {
	    {Method::kGet, "/consultant", SignedIn(), ShowPortfolio},
	    {Method::kPost, "/consultant/clients", RecentPassword(SignedIn()), CreateClient},  // it may invite the 組織管理者
	    {Method::kGet, R"(/orgs/(\d+)/coaching)", OrgStaff(refusal), ShowCoaching},
	    {Method::kPost, R"(/orgs/(\d+)/coaching)", OrgEditor(), StartEngagement},
	    {Method::kPost, R"(/orgs/(\d+)/coaching/visits/(\d+))", OrgEditor(), SaveVisit},
	    {Method::kPost, R"(/orgs/(\d+)/coaching/requests/(\d+))", OrgEditor(), MarkRequest},
	    {Method::kGet, R"(/orgs/(\d+)/coaching/reports/(visit-\d+|final)\.(pdf|docx))", OrgStaff(refusal), DownloadReport},
	    {Method::kGet, R"(/orgs/(\d+)/coaching/reports/(visit-\d+|final))", OrgStaff(refusal), ShowReport},
	};
}

} // namespace mamori::web
