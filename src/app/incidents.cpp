// mamori/app/incidents.cpp
#include "app/incidents.hpp"

#include "app/audit.hpp"
#include "app/incident_procedures.hpp"
#include "app/register_text.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace mamori::app {
namespace {

using register_text::TextRule;

constexpr size_t kMaxWhat = 2000;
constexpr size_t kMaxDevice = 300;
constexpr size_t kMaxNote = 2000;
constexpr size_t kMaxClosingText = 4000;
constexpr size_t kMaxStatement = 8000;
constexpr long long kMaxPeople = 1'000'000'000;
constexpr long long kJapanOffsetSeconds = 9 * 3600;

std::string Target(Id incident_id) {
	return "incident:" + std::to_string(incident_id);
}

//! Strict "YYYY-MM-DDTHH:MM" (what <input type="datetime-local"> sends).
bool IsLocalMinute(const std::string &text) {
	if (text.size() != 16 || text[10] != 'T' || text[13] != ':' || !ParseIsoDate(text.substr(0, 10))) {
		return false;
	}
	const auto digit = [&](size_t i) { return text[i] >= '0' && text[i] <= '9'; };
	if (!digit(11) || !digit(12) || !digit(14) || !digit(15)) {
		return false;
	}
	return std::stoi(text.substr(11, 2)) < 24 && std::stoi(text.substr(14, 2)) < 60;
}

nlohmann::json OptionalJson(const auto &value) {
	return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

Status RequireEditor(const OrgAccess &access) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	return OkStatus();
}

//! The incident an editor may work on: visible and still open.
Result<storage::Incident> OpenIncidentForWork(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                              Id incident_id) {
	MAMORI_TRY(RequireEditor(access));
	auto incident = MAMORI_TRY(GetIncident(ctx, actor, access, incident_id));
	if (incident.closed) {
		return Error::Make(ErrorCode::kConflict, "app_incidents.closed");
	}
	return incident;
}

storage::IncidentEvent Event(AppContext &ctx, const Actor &actor, Id incident_id, std::string type,
                             std::string step_id = "", std::string text = "") {
	storage::IncidentEvent event;
	event.incident_id = incident_id;
	event.at = ctx.clock.NowIso();
	event.user_id = actor.user_id;
	event.type = std::move(type);
	event.step_id = std::move(step_id);
	event.text = std::move(text);
	return event;
}

//! Saves the changed incident, its timeline event and the audit entry together.
Status Commit(AppContext &ctx, const Actor &actor, const OrgAccess &access, storage::Incident incident,
              const storage::IncidentEvent &event, const std::string &action, const nlohmann::json &detail) {
	incident.updated_at = event.at;
	return ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.UpdateIncident(incident));
		MAMORI_TRY(ctx.store.AddIncidentEvent(access.org.id, event));
		return Audit(ctx, access.org.id, actor.user_id, action, Target(incident.id), detail);
	});
}

const incident::Procedure *ProcedureOf(const incident::IncidentRules &rules, const storage::Incident &incident) {
	if (!incident.kind || !incident.level) {
		return nullptr;
	}
	const incident::IncidentKind *kind = rules.procedures.FindKind(*incident.kind);
	return kind == nullptr ? nullptr : kind->ForLevel(*incident.level);
}

const char *RecordType(IncidentRecord record) {
	switch (record) {
	case IncidentRecord::kNote:
		return "note";
	case IncidentRecord::kEvidencePreserved:
		return "evidence_preserved";
	case IncidentRecord::kDeviceIsolated:
		return "device_isolated";
	}
	return "note";
}

} // namespace

std::string JapanMinuteNow(const platform::Clock &clock) {
	const std::time_t local = clock.Now() + kJapanOffsetSeconds;
	std::tm parts{};
	gmtime_r(&local, &parts);
	char text[64];
	std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
	              parts.tm_hour, parts.tm_min);
	return text;
}

bool SeesAllIncidents(const OrgAccess &access) {
	return access.CanEdit() || access.membership.role == storage::Role::kExecutive;
}

Result<Id> ReportIncident(AppContext &ctx, const Actor &actor, const OrgAccess &access, const IncidentReport &report) {
	const TextRule texts[] = {
	    {"what", &report.what, kMaxWhat, "app_incidents.what_required", "app_incidents.what_too_long"},
	    {"device", &report.device, kMaxDevice, nullptr, "app_incidents.device_too_long"},
	};
	MAMORI_TRY(register_text::CheckTexts(texts));
	if (report.noticed_at.empty()) {
		return Error::Invalid("noticed_at", "app_incidents.noticed_at_required");
	}
	if (!IsLocalMinute(report.noticed_at)) {
		return Error::Invalid("noticed_at", "app_incidents.noticed_at_invalid");
	}
	if (report.noticed_at > JapanMinuteNow(ctx.clock)) {
		return Error::Invalid("noticed_at", "app_incidents.noticed_at_future");
	}
	storage::Incident incident;
	incident.org_id = access.org.id;
	incident.reported_by = actor.user_id;
	incident.reported_at = ctx.clock.NowIso();
	incident.what = report.what;
	incident.noticed_at = report.noticed_at;
	incident.device = report.device;
	Id id = 0;
	MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
		id = MAMORI_TRY(ctx.store.CreateIncident(incident));
		storage::IncidentEvent event = Event(ctx, actor, id, "reported");
		event.at = incident.reported_at;
		MAMORI_TRY(ctx.store.AddIncidentEvent(access.org.id, event));
		return Audit(ctx, access.org.id, actor.user_id, "incident.report", Target(id),
		             {{"what", report.what}, {"noticed_at", report.noticed_at}, {"device", report.device}});
	}));
	return id;
}

Result<std::vector<storage::Incident>> ListIncidents(AppContext &ctx, const Actor &actor, const OrgAccess &access) {
	std::optional<Id> only;
	if (!SeesAllIncidents(access)) {
		only = actor.user_id;
	}
	return ctx.store.ListIncidents(access.org.id, only);
}

Result<storage::Incident> GetIncident(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id incident_id) {
	auto incident = MAMORI_TRY(ctx.store.FindIncident(access.org.id, incident_id));
	if (!incident || (!SeesAllIncidents(access) && incident->reported_by != std::optional<Id>(actor.user_id))) {
		return Error::Make(ErrorCode::kNotFound, "app_incidents.not_found");
	}
	return *incident;
}

Result<std::vector<storage::IncidentEvent>> ListIncidentTimeline(AppContext &ctx, const Actor &actor,
                                                                 const OrgAccess &access, Id incident_id) {
	MAMORI_TRY(GetIncident(ctx, actor, access, incident_id));
	return ctx.store.ListIncidentEvents(access.org.id, incident_id);
}

Status ClassifyIncident(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id incident_id,
                        const IncidentClassification &classification) {
	auto incident = MAMORI_TRY(OpenIncidentForWork(ctx, actor, access, incident_id));
	if (ctx.catalog.incident.procedures.FindKind(classification.kind) == nullptr) {
		return Error::Invalid("kind", "app_incidents.kind_unknown", {{"kind", classification.kind}});
	}
	const auto assessment = incident::AssessDamage(ctx.catalog.incident.damage, classification.facts);
	incident.kind = classification.kind;
	incident.external_impact = classification.facts.external_impact;
	incident.personal_data_leak = classification.facts.personal_data_leak;
	incident.business_impact = classification.facts.business_impact;
	incident.work_impact = classification.facts.work_impact;
	incident.level = assessment.level;
	const std::string lead = assessment.lead == nullptr ? "" : assessment.lead->id;
	return Commit(ctx, actor, access, incident,
	              Event(ctx, actor, incident_id, "classified", "", classification.kind + " " + std::to_string(assessment.level)),
	              "incident.classify",
	              {{"kind", classification.kind},
	               {"external_impact", classification.facts.external_impact},
	               {"personal_data_leak", classification.facts.personal_data_leak},
	               {"business_impact", classification.facts.business_impact},
	               {"work_impact", classification.facts.work_impact},
	               {"level", assessment.level},
	               {"lead", lead}});
}

Status MarkIncidentStepDone(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id incident_id,
                            const std::string &step_id) {
	auto incident = MAMORI_TRY(OpenIncidentForWork(ctx, actor, access, incident_id));
	const incident::IncidentRules rules = MAMORI_TRY(FirmIncidentRules(ctx, access, ctx.catalog));
	const incident::Procedure *procedure = ProcedureOf(rules, incident);
	if (procedure == nullptr) {
		return Error::Invalid("step", "app_incidents.not_classified");
	}
	const bool known = std::any_of(procedure->steps.begin(), procedure->steps.end(),
	                               [&](const incident::ProcedureStep &step) { return step.id == step_id; });
	if (!known) {
		return Error::Invalid("step", "app_incidents.step_unknown", {{"step", step_id}});
	}
	for (const auto &event : MAMORI_TRY(ctx.store.ListIncidentEvents(access.org.id, incident_id))) {
		if (event.type == "step_done" && event.step_id == step_id) {
			return OkStatus();
		}
	}
	return Commit(ctx, actor, access, incident, Event(ctx, actor, incident_id, "step_done", step_id), "incident.step_done",
	              {{"step", step_id}});
}

Status RecordIncidentEvent(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id incident_id,
                           IncidentRecord record, const std::string &text) {
	auto incident = MAMORI_TRY(OpenIncidentForWork(ctx, actor, access, incident_id));
	const TextRule texts[] = {
	    {"text", &text, kMaxNote, record == IncidentRecord::kNote ? "app_incidents.note_required" : nullptr,
	     "app_incidents.note_too_long"},
	};
	MAMORI_TRY(register_text::CheckTexts(texts));
	const std::string type = RecordType(record);
	return Commit(ctx, actor, access, incident, Event(ctx, actor, incident_id, type, "", text), "incident." + type,
	              {{"text", text}});
}

Status AnswerLeakQuestions(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id incident_id,
                           const LeakAnswers &answers) {
	auto incident = MAMORI_TRY(OpenIncidentForWork(ctx, actor, access, incident_id));
	if (answers.affected_people < 0 || answers.affected_people > kMaxPeople) {
		return Error::Invalid("affected_people", "app_incidents.affected_people_invalid");
	}
	if (answers.aware_on.empty()) {
		return Error::Invalid("aware_on", "app_incidents.aware_on_required");
	}
	if (!ParseIsoDate(answers.aware_on)) {
		return Error::Invalid("aware_on", "app_incidents.aware_on_invalid");
	}
	if (answers.aware_on > ctx.clock.TodayInJapan()) {
		return Error::Invalid("aware_on", "app_incidents.aware_on_future");
	}
	incident.personal_data = answers.personal_data;
	incident.sensitive = answers.sensitive;
	incident.financial_harm = answers.financial_harm;
	incident.malicious = answers.malicious;
	incident.affected_people = answers.affected_people;
	incident.strongly_encrypted = answers.strongly_encrypted;
	incident.aware_on = answers.aware_on;
	const auto duty = IncidentReportDuty(ctx.catalog.incident.report, incident);
	nlohmann::json detail = {{"personal_data", answers.personal_data},
	                         {"sensitive", answers.sensitive},
	                         {"financial_harm", answers.financial_harm},
	                         {"malicious", answers.malicious},
	                         {"affected_people", answers.affected_people},
	                         {"strongly_encrypted", answers.strongly_encrypted},
	                         {"aware_on", answers.aware_on},
	                         {"report_required", duty && duty->required}};
	if (duty && duty->preliminary_due) {
		detail["preliminary_due"] = IsoDate(*duty->preliminary_due);
	}
	if (duty && duty->final_due) {
		detail["final_due"] = IsoDate(*duty->final_due);
	}
	return Commit(ctx, actor, access, incident, Event(ctx, actor, incident_id, "leak_assessed"),
	              "incident.leak_questions", detail);
}

Status MarkReportSent(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id incident_id, ReportStage stage) {
	auto incident = MAMORI_TRY(OpenIncidentForWork(ctx, actor, access, incident_id));
	const auto duty = IncidentReportDuty(ctx.catalog.incident.report, incident);
	if (!duty || !duty->required) {
		return Error::Invalid("stage", "app_incidents.report_not_required");
	}
	const std::string now = ctx.clock.NowIso();
	const bool preliminary = stage == ReportStage::kPreliminary;
	auto &done = preliminary ? incident.preliminary_reported_at : incident.final_reported_at;
	if (done) {
		return OkStatus();
	}
	done = now;
	return Commit(ctx, actor, access, incident,
	              Event(ctx, actor, incident_id, "report_sent", "", preliminary ? "preliminary" : "final"),
	              "incident.report_sent", {{"stage", preliminary ? "preliminary" : "final"}, {"at", now}});
}

Status CloseIncident(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id incident_id,
                     const IncidentClosing &closing) {
	auto incident = MAMORI_TRY(OpenIncidentForWork(ctx, actor, access, incident_id));
	const TextRule texts[] = {
	    {"cause", &closing.cause, kMaxClosingText, "app_incidents.cause_required", "app_incidents.cause_too_long"},
	    {"prevention", &closing.prevention, kMaxClosingText, "app_incidents.prevention_required",
	     "app_incidents.prevention_too_long"},
	    {"public_statement", &closing.public_statement, kMaxStatement, nullptr, "app_incidents.statement_too_long"},
	};
	MAMORI_TRY(register_text::CheckTexts(texts));
	auto event = Event(ctx, actor, incident_id, "closed", "", closing.cause);
	incident.closed = true;
	incident.closed_at = event.at;
	incident.cause = closing.cause;
	incident.prevention = closing.prevention;
	incident.public_statement = closing.public_statement;
	return Commit(ctx, actor, access, incident, event, "incident.close",
	              {{"cause", closing.cause},
	               {"prevention", closing.prevention},
	               {"public_statement", closing.public_statement},
	               {"level", OptionalJson(incident.level)},
	               {"kind", OptionalJson(incident.kind)}});
}

std::string DraftPublicStatement(const incident::IncidentProcedures &rules, const std::string &company,
                                 const storage::Incident &incident) {
	const std::string noticed_on = incident.noticed_at.substr(0, std::min<size_t>(10, incident.noticed_at.size()));
	std::string text = rules.public_statement;
	const std::pair<std::string, const std::string *> values[] = {
	    {"{{company}}", &company}, {"{{noticed_on}}", &noticed_on}, {"{{what}}", &incident.what}};
	for (const auto &[placeholder, value] : values) {
		for (size_t at = text.find(placeholder); at != std::string::npos;
		     at = text.find(placeholder, at + value->size())) {
			text.replace(at, placeholder.size(), *value);
		}
	}
	return text;
}

std::optional<incident::DamageAssessment> AssessIncident(const incident::DamageLevels &rules,
                                                         const storage::Incident &incident) {
	if (!incident.level) {
		return std::nullopt;
	}
	incident::DamageFacts facts;
	facts.external_impact = incident.external_impact;
	facts.personal_data_leak = incident.personal_data_leak;
	facts.business_impact = incident.business_impact;
	facts.work_impact = incident.work_impact;
	return incident::AssessDamage(rules, facts);
}

std::optional<incident::ReportDuty> IncidentReportDuty(const incident::PersonalDataReportRules &rules,
                                                       const storage::Incident &incident) {
	if (!incident.personal_data || !incident.aware_on) {
		return std::nullopt;
	}
	auto aware_on = ParseIsoDate(*incident.aware_on);
	if (!aware_on) {
		return std::nullopt;
	}
	incident::LeakFacts facts;
	facts.aware_on = *aware_on;
	facts.personal_data = *incident.personal_data;
	facts.sensitive = incident.sensitive.value_or(false);
	facts.financial_harm = incident.financial_harm.value_or(false);
	facts.malicious = incident.malicious.value_or(false);
	facts.affected_people = incident.affected_people.value_or(0);
	facts.strongly_encrypted = incident.strongly_encrypted.value_or(false);
	return incident::AssessReportDuty(rules, facts);
}

std::vector<IncidentStepView> IncidentSteps(const incident::IncidentRules &rules, const storage::Incident &incident,
                                            const std::vector<storage::IncidentEvent> &events) {
	std::vector<IncidentStepView> steps;
	const incident::Procedure *procedure = ProcedureOf(rules, incident);
	if (procedure == nullptr) {
		return steps;
	}
	for (const auto &step : procedure->steps) {
		IncidentStepView view;
		view.step = &step;
		view.actor = rules.procedures.FindActor(step.actor);
		for (const auto &event : events) {
			if (event.type == "step_done" && event.step_id == step.id) {
				view.done = event;
				break;
			}
		}
		steps.push_back(std::move(view));
	}
	return steps;
}

Result<IncidentSummary> SummarizeIncidents(AppContext &ctx, const Actor &actor, const OrgAccess &access) {
	IncidentSummary summary;
	for (auto &incident : MAMORI_TRY(ListIncidents(ctx, actor, access))) {
		if (incident.closed) {
			continue;
		}
		if (auto duty = IncidentReportDuty(ctx.catalog.incident.report, incident); duty && duty->required) {
			if (duty->preliminary_due && !incident.preliminary_reported_at) {
				summary.due.push_back({incident, ReportStage::kPreliminary, *duty->preliminary_due});
			}
			if (duty->final_due && !incident.final_reported_at) {
				summary.due.push_back({incident, ReportStage::kFinal, *duty->final_due});
			}
		}
		summary.open.push_back(std::move(incident));
	}
	std::stable_sort(summary.due.begin(), summary.due.end(),
	                 [](const DueReport &a, const DueReport &b) { return a.due < b.due; });
	return summary;
}

} // namespace mamori::app
