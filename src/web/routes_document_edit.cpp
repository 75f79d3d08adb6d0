// mamori/web/routes_document_edit.cpp
//
// Editing one document made from a template (issue 8): its typed fields,
// tables and sections, its 改訂日 / 適用範囲 / 承認者, the state buttons
// (承認を依頼 → 承認 → 公開) and the revision history. The rules live in
// app/documents/document_editing; this file only translates HTTP.
//
// A document about one partner or service (subject "partner:3") is edited
// at /documents/edit/<template>/partner-3: a path segment, so the state
// forms' "<action>/state" works for it as for the others.
#include "app/documents/document_editing.hpp"
#include "app/documents/subject_documents.hpp"
#include "app/languages.hpp"
#include "codec/document_codec.hpp"
#include "web/document_rules_form.hpp"
#include "web/document_state_key.hpp"
#include "web/form_dates.hpp"
#include "web/form_fields.hpp"
#include "web/http_errors.hpp"
#include "web/route_table.hpp"

#include <algorithm>

namespace mamori::web {
namespace {

constexpr int kBlankTableRows = 2;  // empty rows offered below a table to add to it

std::string Base(const app::OrgAccess &access, const std::string &template_id, const std::string &subject = "") {
	std::string segment = subject;
	std::replace(segment.begin(), segment.end(), ':', '-');
	return "/orgs/" + std::to_string(access.org.id) + "/documents/edit/" + template_id +
	       (segment.empty() ? "" : "/" + segment);
}

//! The subject named by the path ("partner-3" → "partner:3"), or "".
std::string SubjectOfPath(const Request &request) {
	if (request.http.matches.size() < 4) {
		return "";
	}
	std::string subject = request.http.matches[3];
	std::replace(subject.begin(), subject.end(), '-', ':');
	return subject;
}

const char *FieldTypeName(document::FieldType type) {
	switch (type) {
	case document::FieldType::kLongText:
		return "long_text";
	case document::FieldType::kDate:
		return "date";
	case document::FieldType::kChoice:
		return "choice";
	case document::FieldType::kNumber:
		return "number";
	case document::FieldType::kTable:
		return "table";
	default:
		return "text";
	}
}

//! The message key of a revision's note (the store keeps "save", "submit", …).
const char *NoteKey(const std::string &note) {
	if (note == "submit") {
		return "web_document_edit.note.submit";
	}
	if (note == "approve") {
		return "web_document_edit.note.approve";
	}
	if (note == "publish") {
		return "web_document_edit.note.publish";
	}
	return "web_document_edit.note.save";
}

std::string CellName(const std::string &field, size_t row, size_t column) {
	return "table." + field + "." + std::to_string(row) + "." + std::to_string(column);
}

//! The form as posted: values, tables (rows left wholly empty are dropped),
//! the sections kept, and the record fields.
app::DocumentEdit ReadForm(const Request &request, const document::DocumentTemplate &tmpl) {
	app::DocumentEdit edit;
	for (const auto &field : tmpl.fields) {
		if (field.type != document::FieldType::kTable) {
			const std::string value = request.Param("field." + field.id);
			if (!value.empty()) {
				edit.values.fields[field.id] = value;
			}
			continue;
		}
		document::TableRows rows;
		for (size_t row = 0; request.HasParam(CellName(field.id, row, 0)); ++row) {
			std::vector<std::string> cells;
			bool any = false;
			for (size_t column = 0; column < field.columns.size(); ++column) {
				cells.push_back(request.Param(CellName(field.id, row, column)));
				any = any || !cells.back().empty();
			}
			if (any) {
				rows.push_back(std::move(cells));
			}
		}
		if (!rows.empty()) {
			edit.values.tables[field.id] = std::move(rows);
		}
	}
	for (const auto &section : tmpl.sections) {
		if (request.Param("keep." + section.id) != "1") {
			edit.values.left_out_sections.insert(section.id);
		}
	}
	edit.scope = request.Param("scope");
	edit.approver = request.Param("approver");
	edit.revised_on = request.Param("revised_on");
	edit.expected_revision = ParseRevisionField(request.Param("revision")).value_or(-1);
	return edit;
}

Json FieldModel(const document::FieldSpec &field, const document::DocumentValues &values, const std::optional<Error> &error,
                const PageText &words) {
	const std::string id = "field." + field.id;
	Json model = {{"id", id},
	              {"label", field.label},
	              {"type", FieldTypeName(field.type)},
	              {"sample", field.sample.empty() ? Json(false) : Json(field.sample)},
	              {"person", field.type == document::FieldType::kPerson},
	              {"max_length", field.max_length},
	              {"error", false}};
	auto value = values.fields.find(field.id);
	const std::string current = value == values.fields.end() ? std::string() : value->second;
	model["value"] = current;
	model["is_" + std::string(FieldTypeName(field.type))] = true;
	if (field.type == document::FieldType::kChoice) {
		Json choices = Json::array();
		for (const auto &choice : field.choices) {
			choices.push_back({{"value", choice}, {"selected", choice == current}});
		}
		model["choices"] = choices;
	}
	if (field.type == document::FieldType::kTable) {
		Json columns = Json::array();
		for (const auto &column : field.columns) {
			columns.push_back({{"title", column.title}});
		}
		model["columns"] = columns;
		auto entered = values.tables.find(field.id);
		const document::TableRows rows = entered != values.tables.end() ? entered->second : field.sample_rows;
		Json row_models = Json::array();
		for (size_t row = 0; row < rows.size() + kBlankTableRows; ++row) {
			Json cells = Json::array();
			for (size_t column = 0; column < field.columns.size(); ++column) {
				const std::string text = row < rows.size() && column < rows[row].size() ? rows[row][column] : "";
				cells.push_back({{"name", CellName(field.id, row, column)},
				                 {"value", text},
				                 {"label", words("web_document_edit.cell_label",
				                                 {{"column", field.columns[column].title}, {"row", std::to_string(row + 1)}})}});
			}
			row_models.push_back({{"cells", cells}});
		}
		model["rows"] = row_models;
		// The guideline's example stays in view beside the firm's rows.
		Json example = Json::array();
		for (const auto &row : field.sample_rows) {
			example.push_back({{"cells", row}});
		}
		model["example"] = example;
		model["has_example"] = !example.empty();
	}
	if (error && (error->field == field.id || error->field.rfind(field.id + "[", 0) == 0)) {
		model["error"] = words.Describe(*error);
	}
	return model;
}

//! What one revision changed against the one before, as the editor names
//! it: the labels of fields and tables, the titles of sections (their rules,
//! or whether they are printed). Empty for a state change.
Json ChangedLabels(const document::DocumentTemplate &tmpl, const document::DocumentValues &before,
                   const document::DocumentValues &after) {
	Json labels = Json::array();
	for (const auto &part : document::ChangedParts(before, after)) {
		const std::string kind = part.substr(0, part.find('.'));  // fields, tables, rules, left_out_sections
		const std::string id = part.substr(part.find('.') + 1);
		std::string label = id;
		if (kind == "fields" || kind == "tables") {
			if (const document::FieldSpec *field = tmpl.FindField(id)) {
				label = field->label;
			}
		} else {
			for (const auto &section : tmpl.sections) {
				if (section.id == id && !section.title.empty()) {
					label = section.title;
				}
			}
		}
		if (std::find(labels.begin(), labels.end(), label) == labels.end()) {
			labels.push_back(label);
		}
	}
	return labels;
}

void RenderEditor(WebApp &web, Request &request, const app::OrgAccess &access, const app::EditableDocument &editable,
                  const app::DocumentEdit *submitted, const std::optional<Error> &error, int status) {
	const PageText words{web, request};
	const document::DocumentTemplate &tmpl = *editable.tmpl;
	// The register's values (a partner's name, …) show as entered; saved
	// unchanged, they are not stored, so the document keeps following the register.
	const document::DocumentValues values =
	    submitted != nullptr ? submitted->values : app::WithRegisterValues(editable.values, editable.from_register);
	Json fields = Json::array();
	for (const auto &field : tmpl.fields) {
		fields.push_back(FieldModel(field, values, error, words));
	}
	auto diagnosis = app::HandbookDiagnosisFor(web.ctx(), access);
	if (!diagnosis) {
		return web.SendErrorPage(request, diagnosis.error());
	}
	const Json rule_sections = RuleSectionsModel(tmpl, values, *diagnosis, error, words);
	Json sections = Json::array();
	for (const auto &section : tmpl.sections) {
		sections.push_back({{"id", "keep." + section.id},
		                    {"title", section.title.empty() ? section.id : section.title},
		                    {"kept", values.left_out_sections.count(section.id) == 0}});
	}
	const auto &stored = editable.stored;
	Json history = Json::array();
	if (stored) {
		auto revisions = app::DocumentHistory(web.ctx(), access, *stored);
		if (!revisions) {
			return web.SendErrorPage(request, revisions.error());
		}
		std::vector<Json> changes;  // oldest first, like the revisions
		document::DocumentValues before;
		for (const auto &revision : *revisions) {
			auto after = codec::DocumentValuesFromJson(revision.values_json);
			changes.push_back(after ? ChangedLabels(tmpl, before, *after) : Json::array());
			before = after ? *after : before;
		}
		for (auto it = revisions->rbegin(); it != revisions->rend(); ++it) {
			history.push_back({{"revision", it->revision},
			                   {"changed", changes[static_cast<size_t>(revisions->rend() - it - 1)]},
			                   {"note", words(NoteKey(it->note))},
			                   {"by", it->changed_by_email},
			                   {"at", FormatDateTime(web.messages(), request.locale, it->changed_at)}});
		}
	}
	std::string title = tmpl.title;
	std::string back = "/orgs/" + std::to_string(access.org.id) + "/documents";
	if (!editable.subject.empty()) {
		auto name = app::SubjectName(web.ctx(), access, editable.subject);
		if (!name) {
			return web.SendErrorPage(request, name.error());
		}
		title = web.messages().Text(app::DocumentLocaleOf(access.org), "documents_subjects.heading",
		                            {{"title", tmpl.title}, {"name", *name}});
		const auto parsed = app::ParseSubject(editable.subject);
		const bool service = parsed && parsed->kind == app::SubjectKind::kService;
		back = "/orgs/" + std::to_string(access.org.id) + (service ? "/cloud-services" : "/partners");
	}
	Json model = {
	    {"action", Base(access, tmpl.id, editable.subject)},
	    {"back", back},
	    {"title", title},
	    {"document_lang", std::string(LocaleCode(app::DocumentLocaleOf(access.org)))},
	    {"fields", fields},
	    {"sections", sections},
	    {"rule_sections", rule_sections},
	    {"has_rules", !rule_sections.empty()},
	    {"revision", stored ? stored->revision : 0},
	    {"scope", submitted != nullptr ? submitted->scope : (stored ? stored->scope : "")},
	    {"approver", submitted != nullptr ? submitted->approver : (stored ? stored->approver : "")},
	    {"revised_on", submitted != nullptr ? submitted->revised_on : (stored ? stored->revised_on : "")},
	    {"state_label", words(DocumentStateKey(stored))},
	    {"can_edit", access.CanEdit()},
	    {"can_submit", access.CanEdit() && stored && stored->state == storage::DocumentState::kDraft},
	    {"can_approve", (access.CanEdit() || access.membership.role == storage::Role::kExecutive) && stored &&
	                        stored->state == storage::DocumentState::kPendingApproval},
	    {"can_publish", access.CanEdit() && stored && stored->state == storage::DocumentState::kApproved},
	    {"history", history},
	    {"has_history", !history.empty()},
	    {"saved", request.Param("saved") == "1"},
	};
	if (error) {
		const bool on_a_field = std::any_of(tmpl.fields.begin(), tmpl.fields.end(), [&](const document::FieldSpec &field) {
			return error->field == field.id || error->field.rfind(field.id + "[", 0) == 0;
		});
		const auto rule_target = RuleErrorTarget(error->field);
		model["error_summary"] = ErrorSummary(
		    *error, on_a_field ? "field." + error->field.substr(0, error->field.find('[')) : rule_target.value_or(error->field));
	}
	web.SendHtml(request, status, web.RenderPage(request, "document_edit", model, "pages.document_edit", access));
}

Result<app::EditableDocument> Open(WebApp &web, Request &request, const app::OrgAccess &access) {
	return app::OpenDocument(web.ctx(), access, request.http.matches[2], SubjectOfPath(request));
}

void ShowEditor(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto editable = Open(web, request, access);
	if (!editable) {
		return web.SendErrorPage(request, editable.error());
	}
	RenderEditor(web, request, access, *editable, nullptr, std::nullopt, 200);
}

void SaveEditor(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto editable = Open(web, request, access);
	if (!editable) {
		return web.SendErrorPage(request, editable.error());
	}
	app::DocumentEdit edit = ReadForm(request, *editable->tmpl);
	edit.subject = editable->subject;
	if (edit.expected_revision < 0) {
		return web.SendErrorPage(request, Error::Invalid("revision", "errors.document.saved_meanwhile"));
	}
	auto diagnosis = app::HandbookDiagnosisFor(web.ctx(), access);
	if (!diagnosis) {
		return web.SendErrorPage(request, diagnosis.error());
	}
	auto rule_section = ReadRuleForm(request, *editable->tmpl, *diagnosis, edit.values);
	if (!rule_section) {
		return RenderEditor(web, request, access, *editable, &edit, rule_section.error(),
		                    HttpStatusFor(rule_section.error().code));
	}
	auto saved = app::SaveDocumentDraft(web.ctx(), request.actor(), access, editable->tmpl->id, edit);
	if (!saved) {
		return RenderEditor(web, request, access, *editable, &edit, saved.error(), HttpStatusFor(saved.error().code));
	}
	// After adding or restoring rules, the editor opens at that section again.
	web.Redirect(request, Base(access, editable->tmpl->id, editable->subject) + "?saved=1" +
	                          (rule_section->empty() ? "" : "#rules-" + *rule_section));
}

void ChangeState(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto editable = Open(web, request, access);
	if (!editable) {
		return web.SendErrorPage(request, editable.error());
	}
	const auto action = app::ParseDocumentAction(request.Param("action"));
	const auto revision = ParseRevisionField(request.Param("revision"));
	if (!action || !revision) {
		return web.SendErrorPage(request, Error::Invalid("action", "errors.document.wrong_state"));
	}
	auto changed = app::ChangeDocumentState(web.ctx(), request.actor(), access, editable->tmpl->id, *action, *revision,
	                                        editable->subject);
	if (!changed) {
		return RenderEditor(web, request, access, *editable, nullptr, changed.error(), HttpStatusFor(changed.error().code));
	}
	web.Redirect(request, Base(access, editable->tmpl->id, editable->subject));
}

} // namespace

RouteTable DocumentEditRoutes() {
	const std::string refusal = "web_documents.staff_only";
	return {
	    {Method::kGet, R"(/orgs/(\d+)/documents/edit/([a-z0-9_]+))", OrgStaff(refusal), ShowEditor},
	    {Method::kPost, R"(/orgs/(\d+)/documents/edit/([a-z0-9_]+))", OrgEditor(), SaveEditor},
	    // Approval is open to the 経営者 too; the use case checks who may do what.
	    {Method::kPost, R"(/orgs/(\d+)/documents/edit/([a-z0-9_]+)/state)", OrgStaff(refusal), ChangeState},
	    // One partner's or service's document (subject_documents.hpp).
	    {Method::kGet, R"(/orgs/(\d+)/documents/edit/([a-z0-9_]+)/((?:partner|service)-\d+))", OrgStaff(refusal), ShowEditor},
	    {Method::kPost, R"(/orgs/(\d+)/documents/edit/([a-z0-9_]+)/((?:partner|service)-\d+))", OrgEditor(), SaveEditor},
	    {Method::kPost, R"(/orgs/(\d+)/documents/edit/([a-z0-9_]+)/((?:partner|service)-\d+)/state)", OrgStaff(refusal),
	     ChangeState},
	};
}

} // namespace mamori::web
