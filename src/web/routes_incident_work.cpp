// mamori/web/routes_incident_work.cpp
//
// One incident (issue 9): what was reported; for the 責任者 the
// classification, the procedure's steps as a checklist with the time each
// was done, evidence and isolation records, the personal-data questions with
// the 速報/確報 due dates until they are done, closing; and the timeline of
// everything. The reporter sees the same page without the forms.
#include "app/incident_notice.hpp"
#include "app/incident_procedures.hpp"
#include "app/languages.hpp"
#include "app/selfcheck_views.hpp"
#include "web/form_dates.hpp"
#include "web/incident_routes.hpp"
#include "web/register_pages.hpp"

#include <charconv>

namespace mamori::web::incident_pages {

const char *FactKey(std::string_view fact) {
	if (fact == "external_impact") {
		return "web_incidents.fact.external_impact";
	}
	if (fact == "personal_data_leak") {
		return "web_incidents.fact.personal_data_leak";
	}
	if (fact == "business_impact") {
		return "web_incidents.fact.business_impact";
	}
	return "web_incidents.fact.work_impact";
}

namespace {

std::string IncidentHref(const app::OrgAccess &access, Id id) {
	return IncidentBase(access) + "/" + std::to_string(id);
}


const char *EventKey(const std::string &type) {
	if (type == "reported") {
		return "web_incidents.event.reported";
	}
	if (type == "classified") {
		return "web_incidents.event.classified";
	}
	if (type == "step_done") {
		return "web_incidents.event.step_done";
	}
	if (type == "evidence_preserved") {
		return "web_incidents.event.evidence_preserved";
	}
	if (type == "device_isolated") {
		return "web_incidents.event.device_isolated";
	}
	if (type == "leak_assessed") {
		return "web_incidents.event.leak_assessed";
	}
	if (type == "report_sent") {
		return "web_incidents.event.report_sent";
	}
	if (type == "closed") {
		return "web_incidents.event.closed";
	}
	if (type == "mail_sent") {
		return "web_incidents.event.mail_sent";
	}
	if (type == "mail_failed") {
		return "web_incidents.event.mail_failed";
	}
	if (type == "lessons_applied") {
		return "web_incidents.event.lessons_applied";
	}
	if (type == "help_sheet_saved") {
		return "web_incidents.event.help_sheet_saved";
	}
	return "web_incidents.event.note";
}

//! The title of a step of the incident's kind (any level), for the timeline.
std::string StepTitle(const incident::IncidentRules &rules, const storage::Incident &incident, const std::string &id) {
	const incident::IncidentKind *kind = incident.kind ? rules.procedures.FindKind(*incident.kind) : nullptr;
	if (kind != nullptr) {
		for (const auto &procedure : kind->procedures) {
			for (const auto &step : procedure.steps) {
				if (step.id == id) {
					return step.title;
				}
			}
		}
	}
	return id;
}

Json FieldError(const PageText &words, const char *field, const std::optional<Error> &error) {
	return error && error->field == field ? Json(words.Describe(*error)) : Json(false);
}

Json ClassificationModel(const PageText &words, const incident::IncidentRules &rules, const storage::Incident &incident,
                         const std::optional<Error> &error) {
	Json kinds = Json::array();
	for (const auto &kind : rules.procedures.kinds) {
		kinds.push_back({{"id", kind.id},
		                 {"label", kind.label},
		                 {"situation", kind.situation},
		                 {"checked", incident.kind == kind.id}});
	}
	const bool values[] = {incident.external_impact, incident.personal_data_leak, incident.business_impact,
	                       incident.work_impact};
	Json facts = Json::array();
	for (size_t i = 0; i < incident::kDamageFactIds.size(); ++i) {
		const std::string id(incident::kDamageFactIds[i]);
		facts.push_back({{"id", id}, {"label", words(FactKey(id))}, {"checked", values[i]}});
	}
	return {{"kinds", kinds}, {"facts", facts}, {"kind_error", FieldError(words, "kind", error)}};
}

Json LevelModel(const incident::IncidentRules &rules, const storage::Incident &incident) {
	auto assessed = app::AssessIncident(rules.damage, incident);
	if (!assessed) {
		return false;
	}
	const incident::IncidentKind *kind = incident.kind ? rules.procedures.FindKind(*incident.kind) : nullptr;
	return {{"level", assessed->level},
	        {"kind", kind == nullptr ? "" : kind->label},
	        {"lead", assessed->lead == nullptr ? "" : assessed->lead->label},
	        {"scope", assessed->rule == nullptr ? "" : assessed->rule->scope}};
}

Json StepsModel(WebApp &web, Request &request, const incident::IncidentRules &rules, const storage::Incident &incident,
                const std::vector<storage::IncidentEvent> &events) {
	Json steps = Json::array();
	for (const auto &view : app::IncidentSteps(rules, incident, events)) {
		steps.push_back({{"id", view.step->id},
		                 {"title", view.step->title},
		                 {"text", view.step->text},
		                 {"actor", view.actor == nullptr ? "" : view.actor->label},
		                 {"evidence", view.step->evidence},
		                 {"isolation", view.step->isolation},
		                 {"done", view.done.has_value()},
		                 {"done_at", view.done ? FormatDateTime(web.messages(), request.locale, view.done->at) : ""},
		                 {"done_by", view.done ? view.done->user_name : ""}});
	}
	return steps;
}

Json TimelineModel(WebApp &web, Request &request, const incident::IncidentRules &rules, const storage::Incident &incident,
                   const std::vector<storage::IncidentEvent> &events) {
	const PageText words{web, request};
	Json rows = Json::array();
	for (const auto &event : events) {
		std::string detail = event.text;
		if (event.type == "step_done") {
			detail = StepTitle(rules, incident, event.step_id);
		} else if (event.type == "report_sent") {
			detail = words(event.text == "final" ? "web_incidents.duty.final" : "web_incidents.duty.preliminary");
		} else if (event.type == "classified" || event.type == "leak_assessed" || event.type == "reported") {
			detail = "";
		}
		rows.push_back({{"at", FormatDateTime(web.messages(), request.locale, event.at)},
		                {"by", event.user_name},
		                {"what", words(EventKey(event.type))},
		                {"detail", detail}});
	}
	return rows;
}

Json LeakModel(const PageText &words, const incident::IncidentRules &rules, const storage::Incident &incident,
               const std::optional<Error> &error) {
	const auto ground_label = [&](std::string_view id) {
		const auto *ground = rules.report.FindGround(id);
		return ground == nullptr ? std::string(id) : ground->label;
	};
	Json questions = Json::array({
	    {{"id", "personal_data"}, {"label", words("web_incidents.leak.personal_data")},
	     {"checked", incident.personal_data.value_or(false)}},
	    {{"id", "sensitive"}, {"label", ground_label("sensitive")}, {"checked", incident.sensitive.value_or(false)}},
	    {{"id", "financial_harm"}, {"label", ground_label("financial_harm")},
	     {"checked", incident.financial_harm.value_or(false)}},
	    {{"id", "malicious"}, {"label", ground_label("malicious")}, {"checked", incident.malicious.value_or(false)}},
	    {{"id", "strongly_encrypted"}, {"label", words("web_incidents.leak.strongly_encrypted")},
	     {"checked", incident.strongly_encrypted.value_or(false)}},
	});
	return {{"questions", questions},
	        {"affected_people", incident.affected_people ? std::to_string(*incident.affected_people) : ""},
	        {"aware_on", incident.aware_on.value_or("")},
	        {"people_error", FieldError(words, "affected_people", error)},
	        {"aware_error", FieldError(words, "aware_on", error)}};
}

Json DutyModel(WebApp &web, Request &request, const incident::IncidentRules &rules, const storage::Incident &incident) {
	auto duty = app::IncidentReportDuty(rules.report, incident);
	if (!duty) {
		return false;
	}
	Json grounds = Json::array();
	for (const auto *ground : duty->grounds) {
		grounds.push_back(ground->label);
	}
	const auto stage = [&](const std::optional<CivilDate> &due, const std::optional<std::string> &done, const char *id) {
		return Json{{"id", id},
		            {"label", web.Text(request, std::string_view(id) == "final" ? "web_incidents.duty.final"
		                                                                        : "web_incidents.duty.preliminary")},
		            {"due", due ? FormatDate(web.messages(), request.locale, IsoDate(*due)) : ""},
		            {"done", done.has_value()},
		            {"done_at", done ? FormatDateTime(web.messages(), request.locale, *done) : ""}};
	};
	return {{"required", duty->required},
	        {"grounds", grounds},
	        {"stages", Json::array({stage(duty->preliminary_due, incident.preliminary_reported_at, "preliminary"),
	                                stage(duty->final_due, incident.final_reported_at, "final")})}};
}

//! The incident named by the path, or a 404 page.
std::optional<storage::Incident> Load(WebApp &web, Request &request, const app::OrgAccess &access) {
	const auto id = WebApp::ParseId(request.http.matches[2]);
	auto incident = id ? app::GetIncident(web.ctx(), request.actor(), access, *id)
	                   : Result<storage::Incident>(Error::Make(ErrorCode::kNotFound, "app_incidents.not_found"));
	if (!incident) {
		web.SendErrorPage(request, incident.error());
		return std::nullopt;
	}
	return *incident;
}

//! After an action: back to the page, or the page again with the error.
void Finish(WebApp &web, Request &request, const app::OrgAccess &access, Id id, const Status &status,
            const char *anchor) {
	if (!status) {
		if (status.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, status.error());
		}
		return ShowIncident(web, request, access, status.error());
	}
	web.Redirect(request, IncidentHref(access, id) + "#" + anchor);
}

//! The close form: what was posted when it failed, else the public statement
//! template of the organisation's document language, filled with what is known.
Json ClosingModel(WebApp &web, Request &request, const app::OrgAccess &access, const storage::Incident &incident) {
	if (request.HasParam("prevention")) {
		return {{"cause", request.Param("cause")},
		        {"prevention", request.Param("prevention")},
		        {"public_statement", request.Param("public_statement")}};
	}
	const auto &procedures = app::DocumentContentOf(web.ctx(), access.org).incident.procedures;
	return {{"cause", ""},
	        {"prevention", ""},
	        {"public_statement", app::DraftPublicStatement(procedures, access.org.name, incident)}};
}

//! The report's downloads, for a closed incident and those who see every incident.
Json ReportLinks(const app::OrgAccess &access, const storage::Incident &incident) {
	if (!incident.closed || !app::SeesAllIncidents(access)) {
		return false;
	}
	const std::string base = IncidentHref(access, incident.id) + "/report";
	return {{"pdf", base + ".pdf"}, {"docx", base + ".docx"}, {"html", base}};
}

bool Ticked(const Request &request, const char *name) {
	return !request.Param(name).empty();
}

} // namespace

void ShowIncident(WebApp &web, Request &request, const app::OrgAccess &access, const std::optional<Error> &error) {
	auto incident = Load(web, request, access);
	if (!incident) {
		return;
	}
	auto events = app::ListIncidentTimeline(web.ctx(), request.actor(), access, incident->id);
	if (!events) {
		return web.SendErrorPage(request, events.error());
	}
	const PageText words{web, request};
	auto firm_rules = app::FirmIncidentRules(web.ctx(), access, web.Content(request));
	if (!firm_rules) {
		return web.SendErrorPage(request, firm_rules.error());
	}
	const incident::IncidentRules &rules = *firm_rules;
	const std::string href = IncidentHref(access, incident->id);
	Json model = {{"href", href},
	              {"list", IncidentBase(access)},
	              {"what", incident->what},
	              {"noticed_at", incident->noticed_at.size() == 16 ? incident->noticed_at.substr(0, 10) + " " +
	                                                                     incident->noticed_at.substr(11)
	                                                               : incident->noticed_at},
	              {"device", incident->device},
	              {"reported_by", incident->reported_by_name},
	              {"reported_at", FormatDateTime(web.messages(), request.locale, incident->reported_at)},
	              {"closed", incident->closed},
	              {"closed_at", incident->closed_at ? FormatDateTime(web.messages(), request.locale, *incident->closed_at) : ""},
	              {"can_work", access.CanEdit() && !incident->closed},
	              {"classification", ClassificationModel(words, rules, *incident, error)},
	              {"level", LevelModel(rules, *incident)},
	              {"steps", StepsModel(web, request, rules, *incident, *events)},
	              {"timeline", TimelineModel(web, request, rules, *incident, *events)},
	              {"leak", LeakModel(words, rules, *incident, error)},
	              {"duty", DutyModel(web, request, rules, *incident)},
	              {"step_error", FieldError(words, "step", error)},
	              {"text_error", FieldError(words, "text", error)},
	              {"closing", ClosingModel(web, request, access, *incident)},
	              {"report", ReportLinks(access, *incident)},
	              {"help_sheet", app::SeesAllIncidents(access) ? Json(href + "/help") : Json(false)},
	              {"lessons", access.CanEdit() && incident->kind ? Json(href + "/lessons") : Json(false)},
	              {"cause_error", FieldError(words, "cause", error)},
	              {"prevention_error", FieldError(words, "prevention", error)},
	              {"statement_error", FieldError(words, "public_statement", error)},
	              {"stage_error", FieldError(words, "stage", error)}};
	if (error) {
		register_pages::AddError(model, *error);
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "incident", model, "web_incidents.title.incident", access));
}

void Classify(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto incident = Load(web, request, access);
	if (!incident) {
		return;
	}
	app::IncidentClassification classification;
	classification.kind = request.Param("kind");
	classification.facts.external_impact = Ticked(request, "external_impact");
	classification.facts.personal_data_leak = Ticked(request, "personal_data_leak");
	classification.facts.business_impact = Ticked(request, "business_impact");
	classification.facts.work_impact = Ticked(request, "work_impact");
	const Status classified = app::ClassifyIncident(web.ctx(), request.actor(), access, incident->id, classification);
	if (classified) {
		// The level names who leads; they hear of it by mail when 管理体制 has their address.
		if (auto noticed = app::NotifyIncidentLead(web.ctx(), web.messages(), request.actor(), access, incident->id,
		                                           web.AbsoluteUrl(IncidentHref(access, incident->id)));
		    !noticed) {
			return web.SendErrorPage(request, noticed.error());
		}
	}
	Finish(web, request, access, incident->id, classified, "classification");
}

void TickStep(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto incident = Load(web, request, access);
	if (!incident) {
		return;
	}
	Finish(web, request, access, incident->id,
	       app::MarkIncidentStepDone(web.ctx(), request.actor(), access, incident->id, request.Param("step")), "steps");
}

void Record(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto incident = Load(web, request, access);
	if (!incident) {
		return;
	}
	const std::string type = request.Param("type");
	app::IncidentRecord record = app::IncidentRecord::kNote;
	if (type == "evidence") {
		record = app::IncidentRecord::kEvidencePreserved;
	} else if (type == "isolation") {
		record = app::IncidentRecord::kDeviceIsolated;
	} else if (type != "note") {
		return Finish(web, request, access, incident->id, Error::Invalid("type", "web_incidents.record.type_unknown"),
		              "records");
	}
	Finish(web, request, access, incident->id,
	       app::RecordIncidentEvent(web.ctx(), request.actor(), access, incident->id, record,
	                                app::TrimSpaces(request.Param("text"))),
	       "records");
}

void AnswerLeak(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto incident = Load(web, request, access);
	if (!incident) {
		return;
	}
	app::LeakAnswers answers;
	answers.personal_data = Ticked(request, "personal_data");
	answers.sensitive = Ticked(request, "sensitive");
	answers.financial_harm = Ticked(request, "financial_harm");
	answers.malicious = Ticked(request, "malicious");
	answers.strongly_encrypted = Ticked(request, "strongly_encrypted");
	answers.aware_on = app::TrimSpaces(request.Param("aware_on"));
	const std::string people = app::TrimSpaces(request.Param("affected_people"));
	long long count = 0;
	auto [end, ec] = std::from_chars(people.data(), people.data() + people.size(), count);
	answers.affected_people = people.empty() ? 0 : (ec == std::errc() && end == people.data() + people.size() ? count : -1);
	Finish(web, request, access, incident->id,
	       app::AnswerLeakQuestions(web.ctx(), request.actor(), access, incident->id, answers), "leak");
}

void ReportSent(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto incident = Load(web, request, access);
	if (!incident) {
		return;
	}
	const std::string stage = request.Param("stage");
	if (stage != "preliminary" && stage != "final") {
		return Finish(web, request, access, incident->id, Error::Invalid("stage", "web_incidents.duty.stage_unknown"),
		              "leak");
	}
	Finish(web, request, access, incident->id,
	       app::MarkReportSent(web.ctx(), request.actor(), access, incident->id,
	                           stage == "final" ? app::ReportStage::kFinal : app::ReportStage::kPreliminary),
	       "leak");
}

void Close(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto incident = Load(web, request, access);
	if (!incident) {
		return;
	}
	Finish(web, request, access, incident->id,
	       app::CloseIncident(web.ctx(), request.actor(), access, incident->id,
	                          app::IncidentClosing{app::TrimSpaces(request.Param("cause")),
	                                               app::TrimSpaces(request.Param("prevention")),
	                                               app::TrimSpaces(request.Param("public_statement"))}),
	       "timeline");
}

} // namespace mamori::web::incident_pages
