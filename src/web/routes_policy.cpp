// mamori/web/routes_policy.cpp
//
// The 情報セキュリティ基本方針 (付録2): editor with preview, publishing, the
// confirmation page, the print view, the PDF and the list of versions.
// Versioning rules (a published version is frozen; editing starts the next
// draft) live in app/policy_service; this file only translates HTTP.
#include "app/languages.hpp"
#include "app/policy_service.hpp"
#include "app/progress_service.hpp"
#include "export/document_pdf.hpp"
#include "web/form_dates.hpp"
#include "web/form_fields.hpp"
#include "web/http_errors.hpp"
#include "web/audited_download.hpp"
#include "web/http_headers.hpp"
#include "web/route_table.hpp"

#include <algorithm>
#include <limits>
#include <map>

namespace mamori::web {
namespace {

std::string Base(const app::OrgAccess &access) {
	return "/orgs/" + std::to_string(access.org.id);
}

//! Text in the organisation's document language (the documents.policy.*
//! messages), which may differ from the page's: the document shows as it prints.
struct DocumentText {
	const MessageCatalog &messages;
	Locale locale;
	std::string operator()(std::string_view key, const MessageParams &params = {}) const {
		return messages.Text(locale, key, params);
	}
};

DocumentText DocumentTextOf(const WebApp &web, const app::OrgAccess &access) {
	return DocumentText{web.messages(), app::DocumentLocaleOf(access.org)};
}

//! A 「制定日：{{date}}」 line as the words before and after the date, so the
//! date can sit in a <time> element that the editor's preview rewrites.
Json AroundDate(const DocumentText &text, std::string_view key) {
	const std::string marker = "\x1f"; // never in a message
	const std::string line = text(key, {{"date", marker}});
	const size_t at = line.find(marker);
	if (at == std::string::npos) {
		return {{"before", line}, {"after", ""}};
	}
	return {{"before", line.substr(0, at)}, {"after", line.substr(at + marker.size())}};
}

//! The document's own words, for the page and for the preview script.
Json DocumentLabels(const DocumentText &text) {
	return {{"date", text("documents.policy.date")},
	        {"name_gap", text("documents.policy.name_gap")},
	        {"footer_established", text("documents.policy.footer_established")},
	        {"footer_separator", text("documents.policy.footer_separator")},
	        {"established", AroundDate(text, "documents.policy.established")},
	        {"revised", AroundDate(text, "documents.policy.revised")}};
}

//! The date part of a UTC timestamp, in Japan time ("2025-04-01"), or "".
std::string JstDate(const std::string &utc_timestamp) {
	auto jst = ToJst(utc_timestamp);
	return jst ? jst->date : std::string();
}

// --- the form ---------------------------------------------------------------------------------

//! The editor's fields as typed; dates stay as three boxes until parsed.
struct PolicyForm {
	PolicyInput input; // established_on / revised_on unused here
	DateFields established_on;
	DateFields revised_on;
};

PolicyForm FormFromInput(const PolicyInput &input) {
	return PolicyForm{input, SplitIsoDate(input.established_on), SplitIsoDate(input.revised_on)};
}

PolicyForm ReadPolicyForm(const Request &request, const PolicyTemplate &tmpl) {
	PolicyForm form;
	form.input.company_name = request.Param("company_name");
	form.input.scope = request.Param("scope");
	form.input.clause_ids = request.Values("clause_ids");
	form.input.representative_title = request.Param("representative_title");
	form.input.representative_name = request.Param("representative_name");
	// Kept as typed, also for ticked clauses, so the boxes come back unchanged
	// after an error; the app layer keeps only those of omitted clauses.
	for (const auto &clause : tmpl.clauses) {
		if (clause.sample && request.HasParam(OmissionReasonField(clause.id))) {
			form.input.omission_reasons[clause.id] = request.Param(OmissionReasonField(clause.id));
		}
	}
	form.established_on = ReadDateFields(request, "established_on");
	form.revised_on = ReadDateFields(request, "revised_on");
	return form;
}

Result<PolicyInput> ParsePolicyForm(const PageText &words, const PolicyForm &form) {
	PolicyInput input = form.input;
	// 制定日 may stay blank while drafting; publishing insists on it.
	auto established = ParseDateFields(form.established_on, "established_on", words("web_dates.label.established_on"), false);
	if (!established) {
		return established.error();
	}
	input.established_on = *established;
	auto revised = ParseDateFields(form.revised_on, "revised_on", words("web_dates.label.revised_on"), false);
	if (!revised) {
		return revised.error();
	}
	input.revised_on = *revised;
	return input;
}

std::string ClauseElementId(const std::string &clause_id) {
	return "clause-" + clause_id;
}

//! The element id an error summary link should focus for an app-layer error field.
std::string FieldElementId(const Error &error, const PolicyTemplate &tmpl, const PolicyInput &input) {
	const std::string &field = error.field;
	if (field.ends_with("-year") || field.ends_with("-month") || field.ends_with("-day")) {
		return field;
	}
	if (field == "publish") {
		return "publish";
	}
	if (field == "established_on" || field == "revised_on") {
		return field + "-year";
	}
	if (field == "scope") {
		return "scope-0";
	}
	if (field == "clause_ids") {
		// Point at the required clause that was left out, else at the first box.
		for (const auto &clause : tmpl.clauses) {
			if (clause.required &&
			    std::find(input.clause_ids.begin(), input.clause_ids.end(), clause.id) == input.clause_ids.end()) {
				return ClauseElementId(clause.id);
			}
		}
		return tmpl.clauses.empty() ? "company_name" : ClauseElementId(tmpl.clauses.front().id);
	}
	if (field == "company_name" || field == "representative_title" || field == "representative_name") {
		return field;
	}
	// A reason box's element id is its field name.
	if (field.starts_with(OmissionReasonField(""))) {
		return field;
	}
	return "company_name";
}

//! The error's field as the key of model["errors"] for the plain inputs.
std::string ErrorKey(const Error &error) {
	if (error.field == "scope" || error.field == "clause_ids" || error.field == "company_name" ||
	    error.field == "representative_title" || error.field == "representative_name") {
		return error.field;
	}
	return "";
}

Json FormModel(const PageText &words, const PolicyTemplate &tmpl, const PolicyForm &form, const Error *error) {
	const std::string error_text = error != nullptr ? words.Describe(*error) : std::string();
	Json scopes = Json::array();
	std::vector<std::string> options = tmpl.scope_options;
	// A scope set through the API may not be one of the offered choices; keep it selectable.
	if (!form.input.scope.empty() && std::find(options.begin(), options.end(), form.input.scope) == options.end()) {
		options.push_back(form.input.scope);
	}
	for (size_t i = 0; i < options.size(); ++i) {
		scopes.push_back(
		    {{"id", "scope-" + std::to_string(i)}, {"value", options[i]}, {"checked", options[i] == form.input.scope}});
	}
	Json clauses = Json::array();
	for (const auto &clause : tmpl.clauses) {
		const bool checked = std::find(form.input.clause_ids.begin(), form.input.clause_ids.end(), clause.id) !=
		                     form.input.clause_ids.end();
		const std::string reason_field = OmissionReasonField(clause.id);
		const auto reason = form.input.omission_reasons.find(clause.id);
		const bool reason_error = error != nullptr && error->field == reason_field;
		clauses.push_back({{"value", clause.id},
		                   {"id", ClauseElementId(clause.id)},
		                   {"title", clause.title},
		                   {"text", clause.text},
		                   {"checked", checked},
		                   {"required", clause.required},
		                   {"source", clause.source.location.empty() ? Json(false) : Json(clause.source.location)},
		                   // Only 付録2's sample clauses ask why they were left out.
		                   {"sample", clause.sample},
		                   {"reason_id", reason_field},
		                   {"reason", reason == form.input.omission_reasons.end() ? "" : reason->second},
		                   {"reason_hidden", checked && !reason_error},
		                   {"reason_error", reason_error ? Json(error_text) : Json(false)}});
	}
	return {
	    {"company_name", form.input.company_name},
	    {"scope_options", scopes},
	    {"clauses", clauses},
	    {"established",
	     DateFieldsModel(DateFieldsView{
	         "established_on", "established_on", words("policy_page.established_on"),
	         words("web_dates.hint.established_on"), false, form.established_on, error, error_text})},
	    {"revised", DateFieldsModel(DateFieldsView{"revised_on", "revised_on", words("policy_page.revised_on"),
	                                               words("web_dates.hint.revised_on"), true, form.revised_on, error,
	                                               error_text})},
	    {"representative_title", form.input.representative_title},
	    {"representative_name", form.input.representative_name},
	};
}

// --- the document -----------------------------------------------------------------------------

struct DocumentOptions {
	bool draft = false;
	bool as_page = false;                 // the page's own <h1>, as in the print view
	const PolicyTemplate *live = nullptr; // editor preview: every clause, with templates for policy_editor.mjs
	const PolicyInput *input = nullptr;   // with `live`: which clauses are chosen
};

std::string Representative(const DocumentText &text, const PolicyDocument &doc) {
	std::string line = doc.representative_title;
	if (!line.empty() && !doc.representative_name.empty()) {
		line += text("documents.policy.name_gap"); // as in the PDF and on a printed letterhead
	}
	return line + doc.representative_name;
}

std::string FooterText(const DocumentText &text, const PolicyDocument &doc) {
	const std::string separator = text("documents.policy.footer_separator");
	std::string footer = text("documents.policy.footer_version", {{"version", std::to_string(doc.version)}});
	if (!doc.established_on_display.empty()) {
		footer += separator + text("documents.policy.footer_established", {{"date", doc.established_on_display}});
	}
	if (!doc.company_name.empty()) {
		footer += separator + doc.company_name;
	}
	return footer;
}

Json DocumentModel(const DocumentText &text, const PolicyDocument &doc, const DocumentOptions &options) {
	Json sections = Json::array();
	if (options.live != nullptr && options.input != nullptr) {
		// Every clause is present, the unchosen ones hidden, so the preview
		// script can show them as boxes are ticked without a round trip.
		size_t next = 0;
		for (const auto &clause : options.live->clauses) {
			const bool chosen = std::find(options.input->clause_ids.begin(), options.input->clause_ids.end(),
			                              clause.id) != options.input->clause_ids.end();
			Json section = {{"clause_id", clause.id}, {"template", clause.text},
			                {"selected", chosen},     {"title", clause.title},
			                {"number", ""},           {"text", ""}};
			if (chosen && next < doc.sections.size()) {
				section["number"] = std::to_string(doc.sections[next].number);
				section["text"] = doc.sections[next].text;
				++next;
			}
			sections.push_back(section);
		}
	} else {
		for (const auto &section : doc.sections) {
			sections.push_back({{"clause_id", false},
			                    {"template", false},
			                    {"selected", true},
			                    {"title", section.title},
			                    {"number", std::to_string(section.number)},
			                    {"text", section.text}});
		}
	}
	const std::string representative = Representative(text, doc);
	return {
	    {"draft", options.draft},
	    {"as_page", options.as_page},
	    {"live", options.live != nullptr},
	    {"preamble_template", options.live != nullptr ? options.live->preamble : ""},
	    {"title", doc.title},
	    {"preamble", doc.preamble},
	    {"sections", sections},
	    {"established_on", doc.established_on},
	    {"established_on_display", doc.established_on_display.empty() ? Json(false) : Json(doc.established_on_display)},
	    {"revised_on", doc.revised_on},
	    {"revised_on_display", doc.revised_on_display.empty() ? Json(false) : Json(doc.revised_on_display)},
	    {"company_name", doc.company_name},
	    {"representative", representative.empty() ? Json(false) : Json(representative)},
	    {"version", doc.version},
	    {"version_label", text("documents.policy.footer_version", {{"version", std::to_string(doc.version)}})},
	    {"lang", std::string(LocaleCode(text.locale))},
	    {"labels", DocumentLabels(text)},
	    {"footer", FooterText(text, doc)},
	};
}

// --- choosing a version -----------------------------------------------------------------------

//! The version a print view or PDF shows (?version=N, else app::ChoosePolicyVersion's choice).
Result<std::optional<app::PolicyVersion>> ChooseVersion(app::AppContext &ctx, const Request &request,
                                                            const app::OrgAccess &access) {
	std::optional<int> number;
	if (request.HasParam("version")) {
		auto parsed = WebApp::ParseId(request.Param("version"));
		if (!parsed || *parsed > std::numeric_limits<int>::max()) {
			return Error::Make(ErrorCode::kNotFound, "policy_page.version_not_found");
		}
		number = static_cast<int>(*parsed);
	}
	return app::ChoosePolicyVersion(ctx, access, number);
}

// --- the editor -------------------------------------------------------------------------------

//! Where things stand: the state tag and the rows of dates under it.
void AddEditorState(const PageText &words, Json &model, const app::PolicyState &state, const PolicyInput &saved_input) {
	const std::optional<app::PolicyVersion> &latest = state.latest;
	const std::optional<app::PolicyVersion> &published = state.published;
	const bool latest_is_draft = latest && latest->status == app::PolicyStatus::kDraft;
	Json rows = Json::array();
	if (!latest) {
		model["state_label"] = words("policy_page.state.unsaved");
		model["state_class"] = "tag--todo";
	} else if (latest_is_draft) {
		model["state_label"] = words("policy_page.state.draft", {{"version", std::to_string(latest->version)}});
		model["state_class"] = "tag--progress";
		rows.push_back({{"term", words("policy_page.state.last_saved")}, {"value", FormatDateTime(words.web.messages(), words.request.locale, latest->updated_at)}});
	} else {
		model["state_label"] = words("policy_page.state.published", {{"version", std::to_string(latest->version)}});
		model["state_class"] = "tag--done";
	}
	if (published) {
		const std::string published_on = JstDate(published->published_at);
		rows.push_back(
		    {{"term", words(latest_is_draft ? "policy_page.state.published_version" : "policy_page.state.published_on")},
		     {"value", latest_is_draft ? words("policy_page.state.version_published_on",
		                                       {{"version", std::to_string(published->version)},
		                                        {"date", FormatDate(words.web.messages(), words.request.locale, published_on)}})
		                               : FormatDate(words.web.messages(), words.request.locale, published_on)}});
	}
	const PolicyInput &state_input = latest ? latest->input : saved_input;
	if (latest) {
		rows.push_back({{"term", words("policy_page.established_on")},
		                {"value", state_input.established_on.empty() ? words("policy_page.state.not_entered")
		                                                             : FormatDate(words.web.messages(), words.request.locale, state_input.established_on)}});
		if (!state_input.revised_on.empty()) {
			rows.push_back({{"term", words("policy_page.revised_on")}, {"value", FormatDate(words.web.messages(), words.request.locale, state_input.revised_on)}});
		}
	}
	model["has_state_rows"] = !rows.empty();
	model["state_rows"] = rows;
	model["next_version_note"] =
	    latest && !latest_is_draft
	        ? Json(words("policy_page.next_version_note", {{"next", std::to_string(latest->version + 1)},
	                                                         {"version", std::to_string(latest->version)}}))
	        : Json(false);
}

//! The form, for those who may edit, and the error summary. Date errors from
//! the app layer name the date ("established_on"); the boxes want the element id.
void AddEditorForm(const PageText &words, Json &model, const app::OrgAccess &access, const PolicyTemplate &tmpl, const PolicyForm &form,
                   const std::optional<Error> &error) {
	std::optional<Error> located = error;
	if (located) {
		located->field = FieldElementId(*error, tmpl, form.input);
	}
	model["form"] = access.CanEdit() ? FormModel(words, tmpl, form, located ? &*located : nullptr) : Json(false);
	if (error) {
		model["error_summary"] = ErrorSummary(*error, located->field);
		if (const std::string key = ErrorKey(*error); !key.empty()) {
			model["errors"] = {{key, error->message}};
		}
	}
}

//! The preview: what was typed if it makes a valid document, else what is saved.
void AddPreview(const PageText &words, const DocumentText &text, Json &model, const app::OrgAccess &access, const PolicyTemplate &tmpl, const app::PolicyState &state,
                const PolicyInput &saved_input, const PolicyForm &form, bool edited) {
	const auto &latest = state.latest;
	const bool latest_is_draft = latest && latest->status == app::PolicyStatus::kDraft;
	int preview_version = 1;
	if (latest) {
		preview_version = latest_is_draft || !edited ? latest->version : latest->version + 1;
	}
	PolicyInput preview_input = saved_input;
	if (edited) {
		if (auto parsed = ParsePolicyForm(words, form); parsed && ValidatePolicyInput(tmpl, *parsed)) {
			preview_input = *parsed;
		}
	}
	auto doc = BuildPolicyDocument(text.messages, text.locale, tmpl, preview_input, preview_version);
	if (!doc) {
		model["preview"] = false;
		return;
	}
	const bool preview_draft = edited || !latest || latest_is_draft;
	DocumentOptions options{preview_draft, false, access.CanEdit() ? &tmpl : nullptr, &preview_input};
	model["preview"] = DocumentModel(text, *doc, options);
	model["preview_state"] = words(preview_draft ? "policy_page.preview.draft" : "policy_page.preview.published");
}

//! Publishing: the button, or the reason it is not offered yet.
Json PublishModel(const PageText &words, const app::PolicyState &state) {
	const auto &latest = state.latest;
	Json publish = {{"ready", false}, {"reason", false}, {"done", false}};
	if (!latest) {
		publish["reason"] = words("policy_page.publish.save_first");
	} else if (latest->status != app::PolicyStatus::kDraft) {
		publish["done"] = words("policy_page.publish.done", {{"version", std::to_string(latest->version)}});
	} else if (latest->input.established_on.empty()) {
		publish["reason"] = words("policy_page.publish.needs_established_on");
	} else {
		publish["ready"] = true;
		publish["version_label"] = words("policy_page.version", {{"version", std::to_string(latest->version)}});
	}
	return publish;
}

//! The print view and PDF without ?version= show the published version when
//! there is one (ChooseVersion); the links say which that is.
Json LinksModel(const PageText &words, const std::string &base, const app::PolicyState &state) {
	if (!state.latest) {
		return false;
	}
	return Json{{"print", base + "/policy/print"},
	            {"pdf", base + "/policy.pdf"},
	            {"versions", base + "/policy/versions"},
	            {"target", state.published
	                           ? words("policy_page.links.published", {{"version", std::to_string(state.published->version)}})
	                           : words("policy_page.links.draft", {{"version", std::to_string(state.latest->version)}})}};
}

//! The editor page. `submitted` is the form as typed when it came back with
//! an error (from saving or publishing); `saved` shows the saved notice.
void RenderEditor(WebApp &web, Request &request, const app::OrgAccess &access, const PolicyForm *submitted,
                  const std::optional<Error> &error, bool saved) {
	// The editor writes the document, so it shows the document's language.
	const Edition &edition = access.EditionOf(app::DocumentContentOf(web.ctx(), access.org));
	const PolicyTemplate &tmpl = edition.policy_template;
	auto state = app::LoadPolicyState(web.ctx(), access);
	if (!state) {
		return web.SendErrorPage(request, state.error());
	}
	const std::string base = Base(access);
	const PolicyInput saved_input = state->latest ? state->latest->input : app::DefaultPolicyInput(edition, access.org);
	const PolicyForm form = submitted != nullptr ? *submitted : FormFromInput(saved_input);

	const PageText words{web, request};
	Json model = {{"base", base},
	              {"can_edit", access.CanEdit()},
	              {"has_policy", state->latest.has_value()},
	              {"revision", state->latest ? state->latest->revision : 0}};
	AddEditorState(words, model, *state, saved_input);
	model["saved"] =
	    saved && state->latest
	        ? Json(words("policy_page.saved", {{"version", std::to_string(state->latest->version)}}))
	        : Json(false);
	AddEditorForm(words, model, access, tmpl, form, error);
	const DocumentText document_text = DocumentTextOf(web, access);
	// The choices on the form are the document's own words, in its language.
	model["document_lang"] = std::string(LocaleCode(document_text.locale));
	model["document_language_note"] =
	    document_text.locale == request.locale
	        ? Json(false)
	        : Json(words("policy_page.document_language_note",
	                     {{"language", words(document_text.locale == Locale::kJa ? "layout.language.ja_native"
	                                                                              : "layout.language.en_native")}}));
	AddPreview(words, document_text, model, access, tmpl, *state, saved_input, form, submitted != nullptr);
	model["publish"] = PublishModel(words, *state);
	model["links"] = LinksModel(words, base, *state);
	model["has_published"] = state->published.has_value();

	const int status = error ? HttpStatusFor(error->code) : 200;
	web.SendHtml(request, status, web.RenderPage(request, "policy", model, "pages.policy", access));
}

void ShowEditor(WebApp &web, Request &request, const app::OrgAccess &access) {
	RenderEditor(web, request, access, nullptr, std::nullopt, request.Param("saved") == "1");
}

void Publish(WebApp &web, Request &request, const app::OrgAccess &access);

void SaveDraft(WebApp &web, Request &request, const app::OrgAccess &access) {
	const PolicyForm form = ReadPolicyForm(request, app::PolicyTemplateOf(web.ctx(), access));
	auto input = ParsePolicyForm(PageText{web, request}, form);
	if (!input) {
		return RenderEditor(web, request, access, &form, input.error(), false);
	}
	// The revision the editor was opened at, so a save over someone else's
	// newer one is refused rather than silently overwriting it.
	std::optional<int> expected_revision;
	if (request.HasParam("revision")) {
		expected_revision = ParseRevisionField(request.Param("revision"));
		if (!expected_revision) {
			return web.SendErrorPage(request, Error::Invalid("revision", "errors.document.saved_meanwhile"));
		}
	}
	auto saved = app::SavePolicyDraft(web.ctx(), request.actor(), access, *input, expected_revision);
	if (!saved) {
		if (saved.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, saved.error());
		}
		return RenderEditor(web, request, access, &form, saved.error(), false);
	}
	// 「保存して公開する」: one step for the person who writes and publishes it themselves
	// (issue 13); publishing checks the saved draft as the separate button does.
	if (request.Param("then") == "publish") {
		return Publish(web, request, access);
	}
	web.Redirect(request, Base(access) + "/policy?saved=1");
}

void Publish(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto published = app::PublishPolicy(web.ctx(), request.actor(), access);
	if (!published) {
		const Error &error = published.error();
		if (error.code != ErrorCode::kInvalidInput && error.code != ErrorCode::kConflict) {
			return web.SendErrorPage(request, error);
		}
		// Shown on the editor, whose form holds the saved values.
		Error shown = error;
		if (shown.field == "policy" || shown.field.empty()) {
			shown.field = "publish";
		}
		return RenderEditor(web, request, access, nullptr, shown, false);
	}
	web.Redirect(request, Base(access) + "/policy/published");
}

void ShowPublished(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto state = app::LoadPolicyState(web.ctx(), access);
	if (!state) {
		return web.SendErrorPage(request, state.error());
	}
	const std::string base = Base(access);
	if (!state->published) {
		return web.Redirect(request, base + "/policy");
	}
	const app::PolicyVersion &policy = *state->published;
	const std::string published_on = JstDate(policy.published_at);
	Json model = {
	    {"base", base},
	    {"version_label", web.Text(request, "policy_page.version", {{"version", std::to_string(policy.version)}})},
	    {"published_on", published_on},
	    {"published_on_display", FormatDate(web.messages(), request.locale, published_on, false)},
	    {"established_on", policy.input.established_on},
	    {"established_on_display", FormatDate(web.messages(), request.locale, policy.input.established_on, false)},
	    {"print_url", base + "/policy/print?version=" + std::to_string(policy.version)},
	    {"pdf_url", base + "/policy.pdf?version=" + std::to_string(policy.version)},
	    {"selfcheck_url", base + "/selfcheck"},
	    {"two_star_ready", false},
	    {"selfcheck_missing", false},
	};
	// ★★ needs a completed 自社診断 as well; say what mamori's records show.
	if (auto progress = app::ComputeProgress(web.ctx(), access)) {
		model["two_star_ready"] = progress->two_star.ready;
		model["selfcheck_missing"] = std::find(progress->two_star.missing.begin(), progress->two_star.missing.end(),
		                                       "selfcheck") != progress->two_star.missing.end();
	}
	web.SendHtml(request, 200,
	             web.RenderPage(request, "policy_published", model, "pages.policy_published", access));
}

void ShowPrint(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto chosen = ChooseVersion(web.ctx(), request, access);
	if (!chosen) {
		return web.SendErrorPage(request, chosen.error());
	}
	if (!chosen->has_value()) {
		if (access.IsRespondent()) {
			return web.SendErrorPage(request,
			                         Error::Make(ErrorCode::kNotFound, "policy_page.none_published"));
		}
		return web.Redirect(request, Base(access) + "/policy");
	}
	const app::PolicyVersion &policy = **chosen;
	auto doc = app::RenderPolicy(web.ctx(), web.messages(), access, policy);
	if (!doc) {
		return web.SendErrorPage(request, doc.error());
	}
	const bool draft = policy.status == app::PolicyStatus::kDraft;
	const std::string base = Base(access);
	Json model = {
	    {"document", DocumentModel(DocumentTextOf(web, access), *doc, DocumentOptions{draft, true, nullptr, nullptr})},
	    {"back_url", access.IsRespondent() ? base + "/selfcheck/answer" : base + "/policy"},
	    {"pdf_url", base + "/policy.pdf?version=" + std::to_string(policy.version)},
	};
	const std::string title = web.Text(request, draft ? "policy_page.print_title_draft" : "policy_page.print_title",
	                                   {{"version", std::to_string(policy.version)}});
	web.SendHtml(request, 200, web.RenderPage(request, "policy_print", model, title, access));
}

void DownloadPdf(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto chosen = ChooseVersion(web.ctx(), request, access);
	if (!chosen) {
		return web.SendErrorPage(request, chosen.error());
	}
	if (!chosen->has_value()) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "policy_page.none_saved"));
	}
	const app::PolicyVersion &policy = **chosen;
	// The same document the documents page offers, through the one PDF renderer.
	auto doc = app::RenderPolicyDocument(web.ctx(), web.messages(), access, policy);
	if (!doc) {
		return web.SendErrorPage(request, doc.error());
	}
	const bool draft = policy.status == app::PolicyStatus::kDraft;
	const DocumentText text = DocumentTextOf(web, access);
	if (draft) {
		// Every page carries the frame's draft mark; the title (the PDF's
		// metadata, what a file list shows) says so too.
		doc->title += text("documents.policy.draft_mark");
	}
	auto pdf = exporting::RenderDocumentPdf(*doc);
	if (!pdf) {
		return web.SendErrorPage(request, pdf.error());
	}
	const std::string version = std::to_string(policy.version);
	const std::string ascii_name = "policy-v" + version + (draft ? "-draft" : "") + ".pdf";
	const std::string document_name =
	    text(draft ? "documents.policy.file_name_draft" : "documents.policy.file_name", {{"version", version}});
	SendAuditedDownload(web, request, access, {ascii_name, document_name, "application/pdf", std::move(*pdf)});
}

void ShowVersions(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto versions = app::ListPolicyVersions(web.ctx(), access);
	if (!versions) {
		return web.SendErrorPage(request, versions.error());
	}
	const std::string base = Base(access);
	const PolicyTemplate &tmpl = app::PolicyTemplateOf(web.ctx(), access);
	// Newest first; the newest published version is the one in force.
	const std::vector<app::PolicyVersion> &sorted = *versions;
	Json rows = Json::array();
	bool current_seen = false;
	for (const auto &policy : sorted) {
		const bool published = policy.status == app::PolicyStatus::kPublished;
		std::string label = "policy_page.preview.draft";
		std::string tag = "tag--progress";
		if (published && !current_seen) {
			label = "policy_page.preview.published";
			tag = "tag--done";
			current_seen = true;
		} else if (published) {
			label = "policy_page.versions.earlier";
			tag = "tag--todo";
		}
		const std::string published_on = published ? JstDate(policy.published_at) : "";
		auto date_or_dash = [&](const std::string &iso) {
			return iso.empty() ? std::string("—") : FormatDate(web.messages(), request.locale, iso, false);
		};
		Json omitted = Json::array();
		for (const auto &clause : OmittedSampleClauses(tmpl, policy.input)) {
			omitted.push_back(
			    {{"title", clause.title}, {"reason", clause.reason.empty() ? Json(false) : Json(clause.reason)}});
		}
		rows.push_back({{"version_label", web.Text(request, "policy_page.version", {{"version", std::to_string(policy.version)}})},
		                {"omitted", omitted},
		                {"has_omitted", !omitted.empty()},
		                {"status_label", web.Text(request, label)},
		                {"status_class", tag},
		                {"established_on", date_or_dash(policy.input.established_on)},
		                {"revised_on", date_or_dash(policy.input.revised_on)},
		                {"published_on", date_or_dash(published_on)},
		                {"updated", FormatDateTime(web.messages(), request.locale, policy.updated_at)},
		                {"print_url", base + "/policy/print?version=" + std::to_string(policy.version)},
		                {"pdf_url", base + "/policy.pdf?version=" + std::to_string(policy.version)}});
	}
	auto revisions = app::PolicyHistory(web.ctx(), access);
	if (!revisions) {
		return web.SendErrorPage(request, revisions.error());
	}
	// The document model's record of every save and publication, newest first.
	Json history = Json::array();
	for (auto it = revisions->rbegin(); it != revisions->rend(); ++it) {
		history.push_back(
		    {{"revision", it->revision.revision},
		     {"version_label", web.Text(request, "policy_page.version", {{"version", std::to_string(it->version)}})},
		     {"change", web.Text(request, it->published ? "policy.versions.history_published"
		                                                : "policy.versions.history_saved")},
		     {"by", it->revision.changed_by_email.empty() ? web.Text(request, "policy.versions.history_unknown_person")
		                                                  : it->revision.changed_by_email},
		     {"at", FormatDateTime(web.messages(), request.locale, it->revision.changed_at)}});
	}
	Json model = {{"base", base},
	              {"versions", rows},
	              {"has_versions", !rows.empty()},
	              {"history", history},
	              {"has_history", !history.empty()},
	              {"document_lang", std::string(LocaleCode(app::DocumentLocaleOf(access.org)))}};
	web.SendHtml(request, 200, web.RenderPage(request, "policy_versions", model, "pages.policy_versions", access));
}

} // namespace

RouteTable PolicyRoutes() {
	return {
	    {Method::kGet, R"(/orgs/(\d+)/policy)",
	     OrgStaff("gates.policy_editor_staff"), ShowEditor},
	    {Method::kPost, R"(/orgs/(\d+)/policy)",
	     OrgEditor("gates.policy_edit"), SaveDraft},
	    {Method::kPost, R"(/orgs/(\d+)/policy/publish)",
	     OrgEditor("gates.policy_publish"), Publish},
	    {Method::kGet, R"(/orgs/(\d+)/policy/published)",
	     OrgStaff("gates.staff_page"), ShowPublished},
	    {Method::kGet, R"(/orgs/(\d+)/policy/print)", OrgMember(), ShowPrint},
	    {Method::kGet, R"(/orgs/(\d+)/policy\.pdf)", OrgMember(), DownloadPdf},
	    {Method::kGet, R"(/orgs/(\d+)/policy/versions)",
	     OrgStaff("gates.policy_versions"), ShowVersions},
	};
}

} // namespace mamori::web
