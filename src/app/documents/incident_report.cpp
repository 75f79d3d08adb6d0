// mamori/app/documents/incident_report.cpp
//
// インシデント報告書 (issue 9, "Closing"): one incident as a record — what
// happened, when and on which device; its kind and damage level with the
// level's lead; the timeline; the procedure's steps and when each was done;
// the evidence and isolation records; the personal-data assessment with the
// 速報/確報 dates and when they were made; and the cause, recurrence
// prevention and public statement entered on closing. Written in the
// organisation's document language from the same rules the incident page uses.
//
// With no closed incident the report prints as a sample whose fields are
// blanks (【原因】), so `document render --kind incident_report` always works.
#include "app/documents/document_builders.hpp"
#include "app/incident_procedures.hpp"
#include "app/documents/document_kinds.hpp"
#include "app/incidents.hpp"

#include <cstdio>

namespace mamori::app {
namespace {

using document::Block;
using document::BlockType;
using document::Line;
using document::TextLine;

Block Heading(std::string text) {
	return Block{.type = BlockType::kHeading, .level = 1, .line = TextLine(std::move(text))};
}

//! The firm's value, or the blank 【label】 while there is none.
Line ValueOr(const DocumentWords &words, const std::string &value, const std::string &label) {
	return value.empty() ? TextLine(words("documents.frame.blank", {{"label", label}}), document::SpanKind::kBlank)
	                     : TextLine(value, document::SpanKind::kValue);
}

//! A stored UTC timestamp in Japan time, 「2026年12月4日 09:30」; "" when unreadable.
std::string JapanTime(const DocumentWords &words, const std::string &utc) {
	int year = 0, month = 0, day = 0, hour = 0, minute = 0;
	if (utc.size() < 16 || std::sscanf(utc.c_str(), "%4d-%2d-%2dT%2d:%2d", &year, &month, &day, &hour, &minute) != 5) {
		return "";
	}
	CivilDate date{year, month, day};
	hour += 9;  // JST is UTC+9 all year
	if (hour >= 24) {
		hour -= 24;
		date = AddDays(date, 1);
	}
	char clock[6];
	std::snprintf(clock, sizeof clock, "%02d:%02d", hour, minute);
	return words("incident_report_document.date_time", {{"date", words.Date(IsoDate(date))}, {"time", clock}});
}

//! The reporter's "YYYY-MM-DDTHH:MM" (already Japan time) in the document's words.
std::string LocalMinute(const DocumentWords &words, const std::string &minute) {
	if (minute.size() != 16) {
		return minute;
	}
	return words("incident_report_document.date_time", {{"date", words.Date(minute.substr(0, 10))},
	                                                     {"time", minute.substr(11)}});
}

const char *EventKey(const std::string &type) {
	if (type == "reported") {
		return "incident_report_document.event.reported";
	}
	if (type == "classified") {
		return "incident_report_document.event.classified";
	}
	if (type == "step_done") {
		return "incident_report_document.event.step_done";
	}
	if (type == "evidence_preserved") {
		return "incident_report_document.event.evidence_preserved";
	}
	if (type == "device_isolated") {
		return "incident_report_document.event.device_isolated";
	}
	if (type == "leak_assessed") {
		return "incident_report_document.event.leak_assessed";
	}
	if (type == "report_sent") {
		return "incident_report_document.event.report_sent";
	}
	if (type == "closed") {
		return "incident_report_document.event.closed";
	}
	if (type == "mail_sent") {
		return "incident_report_document.event.mail_sent";
	}
	if (type == "mail_failed") {
		return "incident_report_document.event.mail_failed";
	}
	return "incident_report_document.event.note";
}

Block TermTable(const DocumentWords &words, std::vector<std::pair<std::string, Line>> rows) {
	Block table{.type = BlockType::kTable};
	table.columns = {{words("incident_report_document.term"), 2}, {words("incident_report_document.value"), 5}};
	for (auto &[term, value] : rows) {
		table.rows.push_back({TextLine(term), std::move(value)});
	}
	return table;
}

struct ReportInput {
	const storage::Incident *incident = nullptr;  // nullptr: the sample
	std::vector<storage::IncidentEvent> events;
};

void AddOverview(const DocumentWords &words, const ReportInput &in, std::vector<Block> &blocks) {
	const storage::Incident empty;
	const storage::Incident &incident = in.incident != nullptr ? *in.incident : empty;
	blocks.push_back(Heading(words("incident_report_document.overview_heading")));
	blocks.push_back(TermTable(
	    words, {{words("incident_report_document.what"),
	             ValueOr(words, incident.what, words("incident_report_document.what"))},
	            {words("incident_report_document.noticed_at"),
	             ValueOr(words, LocalMinute(words, incident.noticed_at), words("incident_report_document.noticed_at"))},
	            {words("incident_report_document.device"),
	             ValueOr(words, incident.device, words("incident_report_document.device"))},
	            {words("incident_report_document.reported_by"),
	             ValueOr(words, incident.reported_by_name, words("incident_report_document.reported_by"))},
	            {words("incident_report_document.reported_at"),
	             ValueOr(words, JapanTime(words, incident.reported_at), words("incident_report_document.reported_at"))},
	            {words("incident_report_document.closed_at"),
	             ValueOr(words, JapanTime(words, incident.closed_at.value_or("")),
	                     words("incident_report_document.closed_at"))}}));
}

void AddClassification(const DocumentWords &words, const incident::IncidentRules &rules, const ReportInput &in,
                       std::vector<Block> &blocks) {
	std::string kind;
	std::string level;
	std::string lead;
	if (in.incident != nullptr) {
		if (in.incident->kind) {
			const incident::IncidentKind *found = rules.procedures.FindKind(*in.incident->kind);
			kind = found != nullptr ? found->label : *in.incident->kind;
		}
		if (auto assessment = AssessIncident(rules.damage, *in.incident)) {
			level = words("incident_documents.level_number", {{"level", std::to_string(assessment->level)}});
			for (const auto &rule : rules.damage.levels) {
				if (rule.level == assessment->level) {
					level += words("incident_documents.title_separator") + rule.scope;
				}
			}
			lead = assessment->lead != nullptr ? assessment->lead->label : "";
		}
	}
	blocks.push_back(Heading(words("incident_report_document.classification_heading")));
	blocks.push_back(TermTable(words, {{words("incident_report_document.kind"),
	                                    ValueOr(words, kind, words("incident_report_document.kind"))},
	                                   {words("incident_documents.level"),
	                                    ValueOr(words, level, words("incident_documents.level"))},
	                                   {words("incident_documents.lead"),
	                                    ValueOr(words, lead, words("incident_documents.lead"))}}));
}

void AddTimeline(const DocumentWords &words, const incident::IncidentRules &rules, const ReportInput &in,
                 std::vector<Block> &blocks) {
	blocks.push_back(Heading(words("incident_report_document.timeline_heading")));
	Block table{.type = BlockType::kTable};
	table.columns = {{words("incident_report_document.at"), 3},
	                 {words("incident_report_document.event_column"), 3},
	                 {words("incident_report_document.detail"), 5},
	                 {words("incident_report_document.by"), 2}};
	for (const auto &event : in.events) {
		std::string detail = event.text;
		if (event.type == "step_done" && in.incident != nullptr && in.incident->kind) {
			const incident::IncidentKind *kind = rules.procedures.FindKind(*in.incident->kind);
			const incident::ProcedureStep *step = kind != nullptr ? kind->FindStep(event.step_id) : nullptr;
			detail = step != nullptr ? step->title : event.step_id;
		} else if (event.type == "report_sent") {
			detail = words(event.text == "final" ? "incident_report_document.final" : "incident_report_document.preliminary");
		} else if (event.type == "classified" || event.type == "leak_assessed" || event.type == "reported") {
			detail = "";
		}
		table.rows.push_back({TextLine(JapanTime(words, event.at)), TextLine(words(EventKey(event.type))),
		                      TextLine(detail, document::SpanKind::kValue), TextLine(event.user_name)});
	}
	if (table.rows.empty()) {
		const std::string blank = words("documents.frame.blank", {{"label", words("incident_report_document.at")}});
		table.rows.push_back({TextLine(blank, document::SpanKind::kBlank), TextLine(""), TextLine(""), TextLine("")});
	}
	blocks.push_back(std::move(table));
}

void AddSteps(const DocumentWords &words, const incident::IncidentRules &rules, const ReportInput &in,
              std::vector<Block> &blocks) {
	blocks.push_back(Heading(words("incident_report_document.steps_heading")));
	const auto steps = in.incident != nullptr ? IncidentSteps(rules, *in.incident, in.events)
	                                          : std::vector<IncidentStepView>{};
	if (steps.empty()) {
		blocks.push_back(Block{.type = BlockType::kParagraph, .line = TextLine(words("incident_report_document.no_steps"))});
		return;
	}
	Block table{.type = BlockType::kTable};
	table.columns = {{words("incident_documents.step"), 5},
	                 {words("incident_report_document.actor"), 2},
	                 {words("incident_report_document.done_at"), 3}};
	for (const auto &view : steps) {
		table.rows.push_back({TextLine(view.step->title), TextLine(view.actor != nullptr ? view.actor->label : ""),
		                      view.done ? TextLine(JapanTime(words, view.done->at), document::SpanKind::kValue)
		                                : TextLine(words("incident_report_document.not_done"))});
	}
	blocks.push_back(std::move(table));
}

void AddRecords(const DocumentWords &words, const ReportInput &in, std::vector<Block> &blocks) {
	blocks.push_back(Heading(words("incident_report_document.records_heading")));
	Block list{.type = BlockType::kList};
	for (const auto &event : in.events) {
		if (event.type != "evidence_preserved" && event.type != "device_isolated") {
			continue;
		}
		std::string text = JapanTime(words, event.at) + words("incident_documents.title_separator") + words(EventKey(event.type));
		if (!event.text.empty()) {
			text += words("incident_documents.title_separator") + event.text;
		}
		list.items.push_back({words("incident_report_document.bullet"), TextLine(text, document::SpanKind::kValue)});
	}
	if (list.items.empty()) {
		blocks.push_back(Block{.type = BlockType::kParagraph, .line = TextLine(words("incident_report_document.no_records"))});
		return;
	}
	blocks.push_back(std::move(list));
}

std::string YesNo(const DocumentWords &words, const std::optional<bool> &answer) {
	if (!answer) {
		return "";
	}
	return words(*answer ? "incident_report_document.yes" : "incident_report_document.no");
}

void AddPersonalData(const DocumentWords &words, const incident::IncidentRules &rules, const ReportInput &in,
                     std::vector<Block> &blocks) {
	blocks.push_back(Heading(words("incident_report_document.personal_data_heading")));
	const storage::Incident empty;
	const storage::Incident &incident = in.incident != nullptr ? *in.incident : empty;
	const auto duty = in.incident != nullptr ? IncidentReportDuty(rules.report, incident) : std::nullopt;
	const auto ground_label = [&](std::string_view id) {
		const auto *ground = rules.report.FindGround(id);
		return ground == nullptr ? std::string(id) : ground->label;
	};
	std::string grounds;
	std::string required;
	std::string preliminary;
	std::string final_report;
	if (duty) {
		required = words(duty->required ? "incident_report_document.required" : "incident_report_document.not_required");
		for (const auto *ground : duty->grounds) {
			grounds += (grounds.empty() ? "" : words("incident_report_document.list_separator")) + ground->label;
		}
		const auto stage = [&](const std::optional<CivilDate> &due, const std::optional<std::string> &done) {
			if (!due) {
				return std::string();
			}
			return words(done ? "incident_report_document.stage_done" : "incident_report_document.stage_open",
			             {{"due", words.Date(IsoDate(*due))}, {"done", done ? JapanTime(words, *done) : ""}});
		};
		preliminary = stage(duty->preliminary_due, incident.preliminary_reported_at);
		final_report = stage(duty->final_due, incident.final_reported_at);
	}
	const std::string people = incident.affected_people ? std::to_string(*incident.affected_people) : "";
	blocks.push_back(TermTable(
	    words,
	    {{words("incident_report_document.personal_data"),
	      ValueOr(words, YesNo(words, incident.personal_data), words("incident_report_document.personal_data"))},
	     {ground_label("sensitive"), ValueOr(words, YesNo(words, incident.sensitive), ground_label("sensitive"))},
	     {ground_label("financial_harm"),
	      ValueOr(words, YesNo(words, incident.financial_harm), ground_label("financial_harm"))},
	     {ground_label("malicious"), ValueOr(words, YesNo(words, incident.malicious), ground_label("malicious"))},
	     {words("incident_report_document.affected_people"),
	      ValueOr(words, people, words("incident_report_document.affected_people"))},
	     {words("incident_report_document.strongly_encrypted"),
	      ValueOr(words, YesNo(words, incident.strongly_encrypted), words("incident_report_document.strongly_encrypted"))},
	     {words("incident_report_document.aware_on"),
	      ValueOr(words, words.Date(incident.aware_on.value_or("")), words("incident_report_document.aware_on"))},
	     {words("incident_report_document.duty"), ValueOr(words, required, words("incident_report_document.duty"))},
	     {words("incident_report_document.grounds"), TextLine(grounds, document::SpanKind::kValue)},
	     {words("incident_report_document.preliminary"), TextLine(preliminary, document::SpanKind::kValue)},
	     {words("incident_report_document.final"), TextLine(final_report, document::SpanKind::kValue)}}));
}

void AddClosingText(const DocumentWords &words, const char *heading_key, const char *label_key,
                    const std::string &text, std::vector<Block> &blocks) {
	blocks.push_back(Heading(words(heading_key)));
	if (text.empty()) {
		blocks.push_back(Block{.type = BlockType::kParagraph, .line = ValueOr(words, "", words(label_key))});
		return;
	}
	// One paragraph per line the responder wrote, so line breaks survive every format.
	size_t from = 0;
	while (from <= text.size()) {
		const size_t end = text.find('\n', from);
		std::string line = text.substr(from, end == std::string::npos ? std::string::npos : end - from);
		if (!line.empty() && line.back() == '\r') {
			line.pop_back();
		}
		if (!line.empty()) {
			blocks.push_back(Block{.type = BlockType::kParagraph, .line = TextLine(line, document::SpanKind::kValue)});
		}
		if (end == std::string::npos) {
			break;
		}
		from = end + 1;
	}
}

document::RenderedDocument Compose(const DocumentWords &words, const OrgAccess &access,
                                   const incident::IncidentRules &rules, const ReportInput &in) {
	document::RenderedDocument doc;
	doc.kind = "incident_report";
	doc.locale = words.locale;
	doc.title = in.incident != nullptr
	                ? words("incident_report_document.title_numbered", {{"number", std::to_string(in.incident->id)}})
	                : words("incident_report_document.title");
	const std::string closed_on = in.incident != nullptr && in.incident->closed_at ? in.incident->closed_at->substr(0, 10) : "";
	doc.revised_on = closed_on;
	doc.frame = FrameFor(words, access, doc.title, closed_on, false);
	doc.metadata.push_back({words("documents.metadata.state"),
	                        TextLine(words(in.incident == nullptr ? "documents.state.sample"
	                                       : in.incident->closed ? "incident_report_document.state_closed"
	                                                             : "incident_report_document.state_open"))});
	AddOverview(words, in, doc.blocks);
	AddClassification(words, rules, in, doc.blocks);
	AddTimeline(words, rules, in, doc.blocks);
	AddSteps(words, rules, in, doc.blocks);
	AddRecords(words, in, doc.blocks);
	AddPersonalData(words, rules, in, doc.blocks);
	const storage::Incident empty;
	const storage::Incident &incident = in.incident != nullptr ? *in.incident : empty;
	AddClosingText(words, "incident_report_document.cause_heading", "incident_report_document.cause", incident.cause,
	               doc.blocks);
	AddClosingText(words, "incident_report_document.prevention_heading", "incident_report_document.prevention",
	               incident.prevention, doc.blocks);
	AddClosingText(words, "incident_report_document.public_statement_heading",
	               "incident_report_document.public_statement", incident.public_statement, doc.blocks);
	return doc;
}

} // namespace

document::RenderedDocument ComposeIncidentReport(const DocumentWords &words, const OrgAccess &access,
                                                 const incident::IncidentRules &rules,
                                                 const storage::Incident *incident,
                                                 const std::vector<storage::IncidentEvent> &events) {
	return Compose(words, access, rules, ReportInput{incident, events});
}

Result<document::RenderedDocument> BuildIncidentReport(AppContext &ctx, const DocumentWords &words,
                                                       const OrgAccess &access, std::optional<Id> incident_id) {
	if (!SeesAllIncidents(access)) {
		return Error::Make(ErrorCode::kForbidden, "incident_report_document.forbidden");
	}
	// The firm's adapted procedures, in the document language.
	const incident::IncidentRules rules =
	    MAMORI_TRY(FirmIncidentRules(ctx, access, DocumentContentOf(ctx, access.org)));
	std::optional<storage::Incident> chosen;
	if (incident_id) {
		chosen = MAMORI_TRY(ctx.store.FindIncident(access.org.id, *incident_id));
		if (!chosen) {
			return Error::Make(ErrorCode::kNotFound, "app_incidents.not_found");
		}
		if (!chosen->closed) {
			return Error::Make(ErrorCode::kConflict, "incident_report_document.not_closed");
		}
	} else {
		// The most recently closed one; closed_at is an ISO timestamp, so text order is time order.
		auto incidents = MAMORI_TRY(ctx.store.ListIncidents(access.org.id, std::nullopt));
		for (auto &incident : incidents) {
			if (incident.closed && (!chosen || incident.closed_at.value_or("") > chosen->closed_at.value_or(""))) {
				chosen = std::move(incident);
			}
		}
	}
	std::vector<storage::IncidentEvent> events;
	if (chosen) {
		events = MAMORI_TRY(ctx.store.ListIncidentEvents(access.org.id, chosen->id));
	}
	return Compose(words, access, rules, ReportInput{chosen ? &*chosen : nullptr, std::move(events)});
}

Result<document::RenderedDocument> BuildIncidentReportDocument(AppContext &ctx, const MessageCatalog &messages,
                                                               const OrgAccess &access, std::optional<Id> incident_id) {
	return BuildIncidentReport(ctx, DocumentWordsOf(messages, access), access, incident_id);
}

} // namespace mamori::app
