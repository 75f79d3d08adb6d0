// mamori/web/routes_audit.cpp
//
// 変更履歴: the organisation's audit log, newest first, 50 entries a page.
// The log stores machine codes and JSON; this page translates both into
// something a 責任者 can read, and escapes everything (the detail holds
// values people typed).
#include "app/audit.hpp"
#include "app/organizations.hpp"
#include "interchange/audit_csv.hpp"
#include "platform/clock.hpp"
#include "web/form_dates.hpp"
#include "web/http_headers.hpp"
#include "web/route_table.hpp"
#include "web/rate_limit_gate.hpp"

#include <map>

namespace mamori::web {
namespace {

constexpr int kPageSize = 50;
constexpr int kMaxPage = 100000;      // 5 million entries; beyond that the number is nonsense
constexpr size_t kMaxValueChars = 80; // characters of one detail value before it is cut

using Names = std::map<std::string, std::string>;

//! Action codes written by the app layer (its Audit(...) calls) and their message keys.
const std::map<std::string, std::string> &ActionLabels() {
	static const std::map<std::string, std::string> labels = {
	    {"org.create", "audit_log.action.org_create"},
	    {"org.update", "audit_log.action.org_update"},
	    {"department.create", "audit_log.action.department_create"},
	    {"department.delete", "audit_log.action.department_delete"},
	    {"member.add", "audit_log.action.member_add"},
	    {"member.new_link", "audit_log.action.member_new_link"},
	    {"member.remove", "audit_log.action.member_remove"},
	    {"member.accept_invitation", "audit_log.action.member_accept_invitation"},
	    {"five_articles.update", "audit_log.action.five_articles_update"},
	    {"selfcheck.round_start", "audit_log.action.selfcheck_round_start"},
	    {"selfcheck.round_close", "audit_log.action.selfcheck_round_close"},
	    {"selfcheck.answer", "audit_log.action.selfcheck_answer"},
	    {"selfcheck.submit", "audit_log.action.selfcheck_submit"},
	    {"policy.save_draft", "audit_log.action.policy_save_draft"},
	    {"policy.publish", "audit_log.action.policy_publish"},
	    {"account.create", "audit_log.action.account_create"},
	    {"account.password_change", "audit_log.action.account_password_change"},
	    {"account.notice_failed", "audit_log.action.account_notice_failed"},
	    {"account.login_failed", "audit_log.action.account_login_failed"},
	    {"account.locked", "audit_log.action.account_locked"},
	    {"session.start", "audit_log.action.session_start"},
	    {"account.throttled", "audit_log.action.account_throttled"},
	    {"session.end", "audit_log.action.session_end"},
	    {"session.end_all", "audit_log.action.session_end_all"},
	    {"account.two_step_reused", "audit_log.action.account_two_step_reused"},
	    {"account.reauth", "audit_log.action.account_reauth"},
	    {"account.reauth_failed", "audit_log.action.account_reauth_failed"},
	    {"audit.export", "audit_log.action.audit_export"},
	    {"data.export", "audit_log.action.data_export"},
	    {"account.unlock", "audit_log.action.account_unlock"},
	    {"account.delete", "audit_log.action.account_delete"},
	    {"member.account_deleted", "audit_log.action.member_account_deleted"},
	    {"org.delete", "audit_log.action.org_delete"},
	    {"retention.run", "audit_log.action.retention_run"},
	    {"asset.create", "audit_log.action.asset_create"},
	    {"asset.update", "audit_log.action.asset_update"},
	    {"asset.delete", "audit_log.action.asset_delete"},
	    {"asset.import", "audit_log.action.asset_import"},
	    {"asset.template", "audit_log.action.asset_template"},
	    {"threat.frequency", "audit_log.action.threat_frequency"},
	    {"control.answer", "audit_log.action.control_answer"},
	    {"control.plan", "audit_log.action.control_plan"},
	    {"control.plan_clear", "audit_log.action.control_plan_clear"},
	    {"control.review_confirm", "audit_log.action.control_review_confirm"},
	    {"control.review_dismiss", "audit_log.action.control_review_dismiss"},
	    {"risk.treatment", "audit_log.action.risk_treatment"},
	    {"risk.accept_approve", "audit_log.action.risk_accept_approve"},
	    {"document.save", "audit_log.action.document_save"},
	    {"document.read", "audit_log.action.document_read"},
	    {"org.document_language", "audit_log.action.org_document_language"},
	    {"org.profile_flags", "audit_log.action.org_profile_flags"},
	    {"partner.create", "audit_log.action.partner_create"},
	    // consultant workspace (issue 12)
	    {"coaching.start", "audit_log.action.coaching_start"},
	    {"coaching.visit", "audit_log.action.coaching_visit"},
	    {"coaching.request_done", "audit_log.action.coaching_request_done"},
	    {"coaching.request_reopen", "audit_log.action.coaching_request_reopen"},
	    {"partner.update", "audit_log.action.partner_update"},
	    {"partner.delete", "audit_log.action.partner_delete"},
	    {"cloud_service.create", "audit_log.action.cloud_service_create"},
	    {"cloud_service.update", "audit_log.action.cloud_service_update"},
	    {"cloud_service.delete", "audit_log.action.cloud_service_delete"},
	    {"continuity_system.create", "audit_log.action.continuity_system_create"},
	    {"continuity_system.update", "audit_log.action.continuity_system_update"},
	    {"continuity_system.delete", "audit_log.action.continuity_system_delete"},
	    {"it_environment.update", "audit_log.action.it_environment_update"},
	    {"incident.report", "audit_log.action.incident_report"},
	    {"incident.classify", "audit_log.action.incident_classify"},
	    {"incident.step_done", "audit_log.action.incident_step_done"},
	    {"incident.note", "audit_log.action.incident_note"},
	    {"incident.evidence_preserved", "audit_log.action.incident_evidence_preserved"},
	    {"incident.device_isolated", "audit_log.action.incident_device_isolated"},
	    {"incident.leak_questions", "audit_log.action.incident_leak_questions"},
	    {"incident.report_sent", "audit_log.action.incident_report_sent"},
	    {"incident.close", "audit_log.action.incident_close"},
	    {"incident.help_sheet", "audit_log.action.incident_help_sheet"},
	    {"incident.lessons_applied", "audit_log.action.incident_lessons_applied"},
	    {"incident_procedure.adapt", "audit_log.action.incident_procedure_adapt"},
	    {"incident_procedure.reset", "audit_log.action.incident_procedure_reset"},
	    {"exercise.create", "audit_log.action.exercise_create"},
	    {"exercise.choices", "audit_log.action.exercise_choices"},
	    {"exercise.finish", "audit_log.action.exercise_finish"},
	    {"exercise_scenario.copy", "audit_log.action.exercise_scenario_copy"},
	    {"exercise_scenario.update", "audit_log.action.exercise_scenario_update"},
	    {"training.create", "audit_log.action.training_create"},
	    {"training.update", "audit_log.action.training_update"},
	    {"training.held", "audit_log.action.training_held"},
	    {"training.attendance", "audit_log.action.training_attendance"},
	    {"training.quiz", "audit_log.action.training_quiz"},
	    {"training.remind", "audit_log.action.training_remind"},
	    {"account.two_step_enabled", "audit_log.action.account_two_step_enabled"},
	    {"account.two_step_disabled", "audit_log.action.account_two_step_disabled"},
	    {"account.two_step_failed", "audit_log.action.account_two_step_failed"},
	    {"account.recovery_code_used", "audit_log.action.account_recovery_code_used"},
	    {"account.recovery_codes_renewed", "audit_log.action.account_recovery_codes_renewed"},
	    {"org.two_step_required", "audit_log.action.org_two_step_required"},
	    {"installation.two_step_required", "audit_log.action.installation_two_step_required"},
	};
	return labels;
}

//! Message keys naming the detail keys, so the 内容 column reads as words; unknown keys stay as they are.
const std::map<std::string, std::string> &DetailLabels() {
	static const std::map<std::string, std::string> labels = {
	    {"name", "audit_log.detail.name"},
	    {"industry", "audit_log.detail.industry"},
	    {"capital_yen", "audit_log.detail.capital_yen"},
	    {"employees", "audit_log.detail.employees"},
	    {"edition", "audit_log.detail.edition"},
	    {"email", "audit_log.detail.email"},
	    {"display_name", "audit_log.detail.display_name"},
	    {"role", "audit_log.detail.role"},
	    {"department", "audit_log.detail.department"},
	    {"department_id", "audit_log.detail.department_id"},
	    {"done", "audit_log.detail.done"},
	    {"state", "audit_log.detail.state"},
	    {"omission_reasons", "audit_log.detail.omission_reasons"},
	    {"done_on", "audit_log.detail.done_on"},
	    {"responsible", "audit_log.detail.responsible"},
	    {"company_name", "audit_log.detail.company_name"},
	    {"scope", "audit_log.detail.scope"},
	    {"clause_ids", "audit_log.detail.clause_ids"},
	    {"established_on", "audit_log.detail.established_on"},
	    {"revised_on", "audit_log.detail.revised_on"},
	    {"representative_title", "audit_log.detail.representative_title"},
	    {"representative_name", "audit_log.detail.representative_name"},
	    {"respondent", "audit_log.detail.respondent"},
	    {"title", "audit_log.detail.title"},
	    {"item", "audit_log.detail.item"},
	    {"answer", "audit_log.detail.answer"},
	    {"answers", "audit_log.detail.answers"},
	    {"number", "audit_log.detail.number"},
	    {"is_admin", "audit_log.detail.is_admin"},
	    {"failures", "audit_log.detail.failures"},
	    {"client", "audit_log.detail.client"},
	    {"locked", "audit_log.detail.locked"},
	    {"entries", "audit_log.detail.entries"},
	    {"file", "audit_log.detail.file"},
	};
	return labels;
}

//! Cuts text to at most `limit` characters (UTF-8 code points), marking the cut.
std::string Shorten(const std::string &text, size_t limit) {
	size_t chars = 0;
	for (size_t pos = 0; pos < text.size(); ++pos) {
		if ((static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80) {
			if (chars == limit) {
				return text.substr(0, pos) + "…";
			}
			++chars;
		}
	}
	return text;
}

//! Words for machine values in the detail: clause ids become their titles, ISO dates in the reader's language (2025年4月1日, 1 April 2025).
std::string ValueText(const PageText &words, const std::string &key, const Json &value, const Names &clause_titles) {
	switch (value.type()) {
	case Json::value_t::string: {
		const std::string text = value.get<std::string>();
		if (IsRealIsoDate(text)) {
			return FormatDate(words.web.messages(), words.request.locale, text, false);
		}
		if (key == "role") {
			if (auto role = app::ParseRoleName(text)) {
				return words(RoleKey(*role));
			}
		}
		if (key == "state") {
			// 5か条 states as the page words them.
			static const Names kStates = {{"not_started", "audit_log.state.not_started"},
			                              {"in_progress", "audit_log.state.in_progress"},
			                              {"done", "audit_log.state.done"}};
			if (auto state = kStates.find(text); state != kStates.end()) {
				return words(state->second);
			}
		}
		return text.empty() ? words("audit_log.value.none") : text;
	}
	case Json::value_t::boolean:
		return words(value.get<bool>() ? "audit_log.value.yes" : "audit_log.value.no");
	case Json::value_t::null:
		return words("audit_log.value.none");
	case Json::value_t::array: {
		if (value.empty()) {
			return words("audit_log.value.none");
		}
		std::string joined;
		for (const auto &element : value) {
			if (!joined.empty()) {
				joined += words("audit_log.value.separator");
			}
			std::string text = element.is_string() ? element.get<std::string>() : element.dump();
			if (key == "clause_ids") {
				auto title = clause_titles.find(text);
				text = title != clause_titles.end() ? title->second : text;
			}
			joined += text;
		}
		return joined;
	}
	case Json::value_t::object:
		// Answer sheets ({"1": "implemented", ...}) are too long for a table cell.
		if (key == "answers") {
			return words("audit_log.value.questions", {{"count", std::to_string(value.size())}});
		}
		if (key == "omission_reasons") {
			// {"clause id": "reason"} as 「title」：reason.
			if (value.empty()) {
				return words("audit_log.value.none");
			}
			std::string joined;
			for (const auto &[id, reason] : value.items()) {
				auto title = clause_titles.find(id);
				joined += (joined.empty() ? "" : words("audit_log.value.separator")) +
				          words("audit_log.value.omission_reason",
				                {{"title", title != clause_titles.end() ? title->second : id},
				                 {"reason", reason.is_string() ? reason.get<std::string>() : reason.dump()}});
			}
			return joined;
		}
		return value.dump();
	default:
		return value.dump();
	}
}

std::string KeyLabel(const PageText &words, const std::string &key) {
	auto label = DetailLabels().find(key);
	return label != DetailLabels().end() ? words(label->second) : key;
}

//! The detail JSON as a few "key: value" lines; text that is not a JSON object is shown as it is.
Json DetailLines(const PageText &words, const std::string &detail, const Names &clause_titles) {
	Json lines = Json::array();
	if (detail.empty() || detail == "{}" || detail == "null") {
		return lines;
	}
	const Json parsed = Json::parse(detail, nullptr, false);
	if (parsed.is_discarded() || !parsed.is_object()) {
		lines.push_back({{"key", false}, {"value", Shorten(detail, kMaxValueChars)}});
		return lines;
	}
	// {"before": {...}, "after": {...}} (org.update): only what changed, as "old → new".
	if (parsed.size() == 2 && parsed.contains("before") && parsed.contains("after") && parsed["before"].is_object() &&
	    parsed["after"].is_object()) {
		for (const auto &[key, after] : parsed["after"].items()) {
			const Json before = parsed["before"].contains(key) ? parsed["before"][key] : Json();
			if (before != after) {
				lines.push_back({{"key", KeyLabel(words, key)},
				                 {"value", Shorten(ValueText(words, key, before, clause_titles), kMaxValueChars) + " → " +
				                               Shorten(ValueText(words, key, after, clause_titles), kMaxValueChars)}});
			}
		}
		if (lines.empty()) {
			lines.push_back({{"key", false}, {"value", words("audit_log.value.unchanged")}});
		}
		return lines;
	}
	for (const auto &[key, value] : parsed.items()) {
		lines.push_back(
		    {{"key", KeyLabel(words, key)}, {"value", Shorten(ValueText(words, key, value, clause_titles), kMaxValueChars)}});
	}
	return lines;
}

//! The target code ("article:3", "policy:v2", "user:5", 「round:3/営業部」) in words where we know the kind.
std::string TargetText(const PageText &words, const std::string &target, const Names &member_emails) {
	const size_t colon = target.find(':');
	if (colon == std::string::npos) {
		return target;
	}
	const std::string kind = target.substr(0, colon);
	const std::string rest = target.substr(colon + 1);
	if (kind == "article") {
		return words("audit_log.target.article", {{"number", rest}});
	}
	if (kind == "policy" && rest.size() > 1 && rest[0] == 'v') {
		return words("audit_log.target.policy", {{"version", rest.substr(1)}});
	}
	if (kind == "round") {
		// round:<id>/<respondent>; the id is the record number, not the round's 第N回.
		const size_t slash = rest.find('/');
		return slash != std::string::npos
		           ? words("audit_log.target.round_of", {{"id", rest.substr(0, slash)}, {"respondent", rest.substr(slash + 1)}})
		           : words("audit_log.target.round", {{"id", rest}});
	}
	if (kind == "user") {
		auto email = member_emails.find(rest);
		return email != member_emails.end() ? email->second : words("audit_log.target.user", {{"id", rest}});
	}
	if (kind == "org") {
		return words("audit_log.target.org");
	}
	if (kind == "department") {
		return words("audit_log.target.department", {{"id", rest}});
	}
	return target;
}

void ShowAudit(WebApp &web, Request &request, const app::OrgAccess &access) {
	const PageText words{web, request};
	int page = 1;
	if (request.HasParam("page")) {
		auto parsed = WebApp::ParseId(request.Param("page"));
		if (!parsed || *parsed > kMaxPage) {
			return web.SendErrorPage(
			    request, Error::Make(ErrorCode::kNotFound, "audit_log.no_such_page"));
		}
		page = static_cast<int>(*parsed);
	}
	// One extra row tells whether a next page exists without counting the table.
	auto entries = app::ListAuditEntries(web.ctx(), access, kPageSize + 1, (page - 1) * kPageSize);
	if (!entries) {
		return web.SendErrorPage(request, entries.error());
	}
	if (entries->empty() && page > 1) {
		return web.SendErrorPage(
		    request, Error::Make(ErrorCode::kNotFound, "audit_log.no_such_page"));
	}
	const bool has_next = static_cast<int>(entries->size()) > kPageSize;
	if (has_next) {
		entries->pop_back();
	}
	// Targets name users by id; show the e-mail of those still in the organisation.
	Names member_emails;
	if (auto members = app::ListMembers(web.ctx(), access)) {
		for (const auto &member : *members) {
			member_emails[std::to_string(member.user_id)] = member.email;
		}
	}
	Names clause_titles;
	for (const auto &clause : access.EditionOf(web.Content(request)).policy_template.clauses) {
		clause_titles[clause.id] = clause.title;
	}
	Names role_names;  // "manager" → 情報セキュリティ責任者, in the reader's language
	for (auto role : {app::Role::kAdmin, app::Role::kManager, app::Role::kExecutive, app::Role::kRespondent,
	                  app::Role::kViewer, app::Role::kConsultant}) {
		role_names[std::string(app::RoleName(role))] = web.Text(request, RoleKey(role));
	}
	Json rows = Json::array();
	for (const auto &entry : *entries) {
		auto label = ActionLabels().find(entry.action);
		const auto jst = ToJst(entry.at);
		const Json lines = DetailLines(words, entry.detail, clause_titles);
		rows.push_back({
		    {"at", FormatDateTime(web.messages(), request.locale, entry.at)},
		    {"at_iso", jst ? jst->date + "T" + jst->time + "+09:00" : entry.at},
		    {"user", entry.user_email.empty() ? Json(false) : Json(entry.user_email)},
		    {"action", label != ActionLabels().end() ? words(label->second) : entry.action},
		    {"target", TargetText(words, entry.target, member_emails)},
		    {"detail", lines},
		    {"has_detail", !lines.empty()},
		});
	}
	// The head of the whole installation's chain, not only this organisation's entries: that is
	// what `mamori audit verify` reports, so a copy written down can be compared with it.
	auto head = app::AuditHead(web.ctx());
	if (!head) {
		return web.SendErrorPage(request, head.error());
	}
	const std::string base = "/orgs/" + std::to_string(access.org.id);
	const int first = (page - 1) * kPageSize + 1;
	Json model = {
	    {"entries", rows},
	    {"has_entries", !rows.empty()},
	    {"page", page},
	    {"range", rows.empty() ? Json(false)
	                           : Json(words("audit_log.range", {{"first", std::to_string(first)},
	                                                            {"last", std::to_string(first + static_cast<int>(rows.size()) - 1)}}))},
	    {"prev_url", page > 1
	                     ? Json(base + "/audit" + (page == 2 ? std::string() : "?page=" + std::to_string(page - 1)))
	                     : Json(false)},
	    {"next_url", has_next ? Json(base + "/audit?page=" + std::to_string(page + 1)) : Json(false)},
	    {"paged", page > 1 || has_next},
	    {"head", *head},
	    {"csv_url", base + "/audit.csv"},
	};
	const std::string title = page > 1 ? words("pages.audit_page", {{"page", std::to_string(page)}}) : "pages.audit";
	web.SendHtml(request, 200, web.RenderPage(request, "audit", model, title, access));
}

//! The whole log of the organisation as CSV, oldest first; the download is itself an entry.
void DownloadAuditCsv(WebApp &web, Request &request, const app::OrgAccess &access) {
	if (!PassRateLimit(web, request, app::RateKind::kExport, false)) {
		return;
	}
	auto entries = app::ExportAuditEntries(web.ctx(), request.actor(), access);
	if (!entries) {
		return web.SendErrorPage(request, entries.error());
	}
	const std::string name = "audit-log-" + std::to_string(access.org.id) + "-" + platform::TodayInJapan() + ".csv";
	request.response.status = 200;
	request.response.set_header("Content-Disposition", AttachmentDisposition(name, name));
	request.response.set_header("Cache-Control", "no-store");
	request.response.set_content(interchange::WriteAuditCsv(*entries), "text/csv; charset=utf-8");
}

} // namespace

RouteTable AuditRoutes() {
	return {
	    {Method::kGet, R"(/orgs/(\d+)/audit)",
	     OrgStaff("gates.audit"), ShowAudit},
	    {Method::kGet, R"(/orgs/(\d+)/audit\.csv)",
	     OrgStaff("gates.audit"), DownloadAuditCsv},
	};
}

} // namespace mamori::web
