// mamori/web/routes_audit.cpp
//
// 変更履歴: the organisation's audit log, newest first, 50 entries a page.
// The log stores machine codes and JSON; this page translates both into
// something a 責任者 can read, and escapes everything (the detail holds
// values people typed).
#include "app/audit.hpp"
#include "app/organizations.hpp"
#include "web/form_dates.hpp"
#include "web/route_table.hpp"

#include <map>

namespace mamori::web {
namespace {

constexpr int kPageSize = 50;
constexpr int kMaxPage = 100000;      // 5 million entries; beyond that the number is nonsense
constexpr size_t kMaxValueChars = 80; // characters of one detail value before it is cut

using Names = std::map<std::string, std::string>;

//! Action codes written by the app layer (app/*.cpp, Audit(...)) as Japanese labels.
const std::map<std::string, std::string> &ActionLabels() {
	static const std::map<std::string, std::string> labels = {
	    {"org.create", "組織を登録"},
	    {"org.update", "組織情報を変更"},
	    {"department.create", "部署を追加"},
	    {"department.delete", "部署を削除"},
	    {"member.add", "メンバーを追加"},
	    {"member.remove", "メンバーを削除"},
	    {"member.accept_invitation", "招待を受けてパスワードを設定"},
	    {"five_articles.update", "5か条を更新"},
	    {"selfcheck.round_start", "自社診断を開始"},
	    {"selfcheck.round_close", "自社診断を締め切り"},
	    {"selfcheck.answer", "自社診断に回答"},
	    {"selfcheck.submit", "自社診断の回答を送信"},
	    {"policy.save_draft", "基本方針の下書きを保存"},
	    {"policy.publish", "基本方針を公開"},
	    {"account.create", "アカウントを作成"},
	    {"account.password_change", "パスワードを変更"},
	    {"account.login_failed", "ログインに失敗"},
	    {"account.locked", "アカウントをロック"},
	    {"session.start", "ログイン"},
	};
	return labels;
}

//! Names of detail keys, so the 内容 column reads as Japanese; unknown keys stay as they are.
const std::map<std::string, std::string> &DetailLabels() {
	static const std::map<std::string, std::string> labels = {
	    {"name", "名前"},
	    {"industry", "業種"},
	    {"capital_yen", "資本金（円）"},
	    {"employees", "従業員数"},
	    {"edition", "版"},
	    {"email", "メールアドレス"},
	    {"display_name", "氏名"},
	    {"role", "役割"},
	    {"department", "部署"},
	    {"department_id", "部署番号"},
	    {"done", "実施"},
	    {"state", "状況"},
	    {"omission_reasons", "外した項目の理由"},
	    {"done_on", "実施した日"},
	    {"responsible", "担当者"},
	    {"company_name", "会社名"},
	    {"scope", "対象範囲"},
	    {"clause_ids", "項目"},
	    {"established_on", "制定日"},
	    {"revised_on", "改訂日"},
	    {"representative_title", "代表者の役職"},
	    {"representative_name", "代表者の氏名"},
	    {"respondent", "回答者"},
	    {"title", "名称"},
	    {"item", "項目"},
	    {"answer", "回答"},
	    {"answers", "回答"},
	    {"number", "回"},
	    {"is_admin", "mamori運用管理者"},
	    {"failures", "失敗した回数"},
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

//! Words for machine values in the detail: clause ids become their titles, ISO dates 2025年4月1日.
std::string ValueText(const std::string &key, const Json &value, const Names &clause_titles, const Names &role_names) {
	switch (value.type()) {
	case Json::value_t::string: {
		const std::string text = value.get<std::string>();
		if (IsRealIsoDate(text)) {
			return JapaneseDate(text, false);
		}
		if (key == "role") {
			if (auto role = role_names.find(text); role != role_names.end()) {
				return role->second;
			}
		}
		if (key == "state") {
			// 5か条 states as the page words them.
			static const Names kStates = {{"not_started", "未着手"}, {"in_progress", "実施中"}, {"done", "実施済み"}};
			if (auto state = kStates.find(text); state != kStates.end()) {
				return state->second;
			}
		}
		return text.empty() ? "（なし）" : text;
	}
	case Json::value_t::boolean:
		return value.get<bool>() ? "はい" : "いいえ";
	case Json::value_t::null:
		return "（なし）";
	case Json::value_t::array: {
		if (value.empty()) {
			return "（なし）";
		}
		std::string joined;
		for (const auto &element : value) {
			if (!joined.empty()) {
				joined += "、";
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
			return std::to_string(value.size()) + "問";
		}
		if (key == "omission_reasons") {
			// {"clause id": "reason"} as 「title」：reason.
			if (value.empty()) {
				return "（なし）";
			}
			std::string joined;
			for (const auto &[id, reason] : value.items()) {
				auto title = clause_titles.find(id);
				joined += (joined.empty() ? "" : "、") + std::string("「") +
				          (title != clause_titles.end() ? title->second : id) + "」：" +
				          (reason.is_string() ? reason.get<std::string>() : reason.dump());
			}
			return joined;
		}
		return value.dump();
	default:
		return value.dump();
	}
}

std::string KeyLabel(const std::string &key) {
	auto label = DetailLabels().find(key);
	return label != DetailLabels().end() ? label->second : key;
}

//! The detail JSON as a few "key: value" lines; text that is not a JSON object is shown as it is.
Json DetailLines(const std::string &detail, const Names &clause_titles, const Names &role_names) {
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
				lines.push_back({{"key", KeyLabel(key)},
				                 {"value", Shorten(ValueText(key, before, clause_titles, role_names), kMaxValueChars) + " → " +
				                               Shorten(ValueText(key, after, clause_titles, role_names), kMaxValueChars)}});
			}
		}
		if (lines.empty()) {
			lines.push_back({{"key", false}, {"value", "変更なし"}});
		}
		return lines;
	}
	for (const auto &[key, value] : parsed.items()) {
		lines.push_back(
		    {{"key", KeyLabel(key)}, {"value", Shorten(ValueText(key, value, clause_titles, role_names), kMaxValueChars)}});
	}
	return lines;
}

//! The target code ("article:3", "policy:v2", "user:5", "round:3/営業部") in words where we know the kind.
std::string TargetText(const std::string &target, const Names &member_emails) {
	const size_t colon = target.find(':');
	if (colon == std::string::npos) {
		return target;
	}
	const std::string kind = target.substr(0, colon);
	const std::string rest = target.substr(colon + 1);
	if (kind == "article") {
		return "5か条 その" + rest;
	}
	if (kind == "policy" && rest.size() > 1 && rest[0] == 'v') {
		return "基本方針 第" + rest.substr(1) + "版";
	}
	if (kind == "round") {
		// round:<id>/<respondent>; the id is the record number, not the round's 第N回.
		const size_t slash = rest.find('/');
		return "自社診断（記録番号 " + rest.substr(0, slash) + "）" +
		       (slash != std::string::npos ? "・" + rest.substr(slash + 1) : std::string());
	}
	if (kind == "user") {
		auto email = member_emails.find(rest);
		return email != member_emails.end() ? email->second : "ユーザー（番号 " + rest + "）";
	}
	if (kind == "org") {
		return "組織情報";
	}
	if (kind == "department") {
		return "部署 " + rest;
	}
	return target;
}

void ShowAudit(WebApp &web, Request &request, const app::OrgAccess &access) {
	int page = 1;
	if (request.HasParam("page")) {
		auto parsed = WebApp::ParseId(request.Param("page"));
		if (!parsed || *parsed > kMaxPage) {
			return web.SendErrorPage(
			    request, Error::Make(ErrorCode::kNotFound, "そのページはありません。ページ番号を確かめてください。"));
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
		    request, Error::Make(ErrorCode::kNotFound, "そのページはありません。ページ番号を確かめてください。"));
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
	for (const auto &clause : access.EditionOf(web.ctx().catalog).policy_template.clauses) {
		clause_titles[clause.id] = clause.title;
	}
	Names role_names;  // "manager" → 情報セキュリティ責任者, in the reader's language
	for (auto role : {app::Role::kAdmin, app::Role::kManager, app::Role::kExecutive, app::Role::kRespondent,
	                  app::Role::kViewer}) {
		role_names[std::string(app::RoleName(role))] = web.Text(request, RoleKey(role));
	}
	Json rows = Json::array();
	for (const auto &entry : *entries) {
		auto label = ActionLabels().find(entry.action);
		const auto jst = ToJst(entry.at);
		const Json lines = DetailLines(entry.detail, clause_titles, role_names);
		rows.push_back({
		    {"at", JapaneseDateTime(entry.at)},
		    {"at_iso", jst ? jst->date + "T" + jst->time + "+09:00" : entry.at},
		    {"user", entry.user_email.empty() ? Json(false) : Json(entry.user_email)},
		    {"action", label != ActionLabels().end() ? label->second : entry.action},
		    {"target", TargetText(entry.target, member_emails)},
		    {"detail", lines},
		    {"has_detail", !lines.empty()},
		});
	}
	const std::string base = "/orgs/" + std::to_string(access.org.id);
	const int first = (page - 1) * kPageSize + 1;
	Json model = {
	    {"entries", rows},
	    {"has_entries", !rows.empty()},
	    {"page", page},
	    {"range", rows.empty() ? Json(false)
	                           : Json(std::to_string(first) + "〜" +
	                                  std::to_string(first + static_cast<int>(rows.size()) - 1) + "件目")},
	    {"prev_url", page > 1
	                     ? Json(base + "/audit" + (page == 2 ? std::string() : "?page=" + std::to_string(page - 1)))
	                     : Json(false)},
	    {"next_url", has_next ? Json(base + "/audit?page=" + std::to_string(page + 1)) : Json(false)},
	    {"paged", page > 1 || has_next},
	};
	const std::string title = page > 1 ? "変更履歴（" + std::to_string(page) + "ページ目）" : "変更履歴";
	web.SendHtml(request, 200, web.RenderPage(request, "audit", model, title, access));
}

} // namespace

RouteTable AuditRoutes() {
	return {
	    {Method::kGet, R"(/orgs/(\d+)/audit)",
	     OrgStaff("変更履歴は、情報セキュリティ責任者・組織管理者・経営者・閲覧者が見られます。"), ShowAudit},
	};
}

} // namespace mamori::web
