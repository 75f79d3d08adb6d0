// mamori/storage/records.hpp
//
// Rows as the application sees them. Storage backends translate these to and
// from their own tables; nothing here knows about SQL.
#pragma once

#include "core/progress/readiness.hpp"
#include "core/selfcheck/answer.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mamori::storage {

using Id = std::int64_t;

//! Timestamps are UTC ISO-8601 strings ("2025-04-01T09:30:00Z"); dates are "YYYY-MM-DD".
struct User {
	Id id = 0;
	std::string email;  // stored lower-case
	std::string display_name;
	std::string password_hash;  // argon2id encoded; empty until an invitation is accepted
	bool is_admin = false;      // administers the installation, not any organisation
	int failed_logins = 0;
	std::string locked_until;  // empty when not locked
	std::string created_at;
	std::string locale;  // chosen UI language "ja" / "en"; empty until the user chooses
};

enum class Role { kAdmin, kManager, kExecutive, kRespondent, kViewer, kConsultant };  // labels: 組織管理者, 情報セキュリティ責任者, 経営者, 回答者, 閲覧者, 外部専門家

struct Organization {
	Id id = 0;
	std::string name;
	std::string industry;  // manufacturing / wholesale / retail / services / other
	long long capital_yen = 0;
	int employees = 0;
	std::string edition;  // guideline edition the organisation works under, e.g. "3.0"
	std::string created_at;
	std::string document_locale = "ja";  // language of the firm's generated documents
	std::vector<std::string> profile_flags;  // profile answers that decide which documents apply (sorted ids)
};

struct Department {
	Id id = 0;
	Id org_id = 0;
	std::string name;
};

struct Membership {
	Id org_id = 0;
	Id user_id = 0;
	Role role = Role::kViewer;
	std::optional<Id> department_id;  // set for 回答者
	// Joined for display:
	std::string email;
	std::string display_name;
	std::string org_name;
};

struct Session {
	std::string token_hash;  // SHA-256 of the cookie value; the raw token is never stored
	Id user_id = 0;
	std::string csrf_token;
	std::string created_at;
	std::string expires_at;
	std::string last_seen_at;  // of the last request, kept to the minute (the idle timeout)
	std::string client;        // the address the sign-in came from
	std::string user_agent;    // the browser's User-Agent at sign-in, shortened
	int failed_sign_ins = 0;   // wrong passwords before this sign-in, still to be told to the user
	std::string password_at;   // when the password was last entered for this session ('' = not since 0022)
};

//! A live session with its user, as every signed-in request reads them (one query).
struct SessionWithUser {
	Session session;
	User user;
};

//! What the gate of an organisation's pages reads in one query (issue 11: the gate was seven): the
//! membership, the organisation, and whether the organisation or the installation asks every member
//! for two-step login.
struct OrgAccessRow {
	Organization org;
	Membership membership;
	bool org_requires_two_step = false;
	std::optional<std::string> installation_setting;  // the value of the setting key asked for, if set
	//! The organisation's revision (storage/org_revision.hpp) as of this read.
	int64_t revision = 0;
};

//! A live session, its user, and the user's access to one organisation, read in one query for a
//! request whose path names that organisation (issue 11: one round trip to PostgreSQL, not two).
struct SessionWithAccess {
	SessionWithUser session_user;
	std::optional<OrgAccessRow> access;  // empty: the user has no role there, or it is gone
};

//! Failed sign-ins of one throttle key ("email:…" or "client:…") in a window.
struct SignInFailures {
	std::string throttle_key;
	int failures = 0;
	std::string last_failed_at;
};

struct Invitation {
	std::string token_hash;
	Id org_id = 0;
	Id user_id = 0;  // the placeholder account the invitation activates
	std::string expires_at;
	std::string accepted_at;  // empty until used
};

struct FiveArticleStatus {
	Id org_id = 0;
	int number = 0;  // 1..5
	ArticleState state = ArticleState::kNotStarted;  // 未着手 / 実施中 / 実施済み
	std::string done_on;      // date the article was put in place (shown for 実施済み)
	std::string responsible;  // person responsible (free text)
	std::string updated_at;
};

struct SelfcheckRound {
	Id id = 0;
	Id org_id = 0;
	int number = 0;  // 1, 2, ... within the organisation
	std::string title;
	std::string started_at;
	std::string closed_at;  // empty while open
	std::string edition;
};

struct SelfcheckResponse {
	Id id = 0;
	Id round_id = 0;
	std::string respondent;  // department or 事業所 name; unique within the round
	std::optional<Id> user_id;
	AnswerSheet answers;
	std::string submitted_at;  // empty while the respondent is still answering
	std::string updated_at;
};

//! Where a document stands (issue 8).
enum class DocumentState { kDraft, kPendingApproval, kApproved, kPublished };
const char *DocumentStateName(DocumentState state);  // draft / pending_approval / approved / published
std::optional<DocumentState> ParseDocumentState(std::string_view name);

struct StoredDocument {
	Id id = 0;
	Id org_id = 0;
	std::string template_id;
	std::string subject;  // '' unless the kind has one document per partner or service
	DocumentState state = DocumentState::kDraft;
	int revision = 0;     // 0 before the first save
	std::string values_json = "{}";
	std::string scope;       // 適用範囲
	std::string approver;    // 承認者
	std::string revised_on;  // 改訂日, YYYY-MM-DD or ''
	std::string updated_at;
	std::optional<Id> updated_by;
};

struct DocumentRead {
	Id user_id = 0;
	std::string read_at;
};

struct DocumentRevision {
	int revision = 0;
	DocumentState state = DocumentState::kDraft;
	std::string values_json;
	std::optional<Id> changed_by;
	std::string changed_by_email;  // joined for display
	std::string changed_at;
	std::string note;
};

struct AuditEntry {
	Id id = 0;
	std::optional<Id> org_id;
	std::optional<Id> user_id;
	std::string user_email;  // joined for display
	std::string at;
	std::string action;  // e.g. "selfcheck.answer", "policy.publish"
	std::string target;  // what was changed, e.g. 「round:3/営業部」
	std::string detail;  // JSON text with the changed values
	std::string hash;    // the entry's hash in the audit chain (read only; the store computes it)
};

// --- 詳細リスク分析 (付録7) ---------------------------------------------------

//! A row of the 情報資産管理台帳 (表12, plus リスク所有者).
struct Asset {
	Id id = 0;
	Id org_id = 0;
	std::string business_category;  // 業務分類
	std::string name;               // 情報資産名称
	std::string note;               // 備考
	std::string users;              // 利用者範囲
	std::string department;         // 管理部署
	std::string medium;             // 媒体・保存先 (catalog id)
	bool personal_info = false;           // 個人情報
	bool sensitive_personal_info = false; // 要配慮個人情報
	bool my_number = false;               // マイナンバー
	int confidentiality = 0;
	int integrity = 0;
	int availability = 0;
	bool business_critical = false;  // 事業の存続を左右する (表11 override)
	std::string retention;      // 保存期限 (free text, e.g. 「5年」「2030-03-31」)
	std::string registered_on;  // 登録日, "YYYY-MM-DD"; set on create and on every edit
	std::string risk_owner;     // リスク所有者 (optional)
	std::string updated_at;
};

//! The organisation's own 脅威の状況 value for a threat (1..3).
struct ThreatFrequency {
	Id org_id = 0;
	std::string threat_id;
	int frequency = 1;
};

//! An answer of the 対策状況チェック (1..4). Planned answers (what-if) live
//! apart from the real ones and never overwrite them.
struct ControlAnswer {
	Id org_id = 0;
	std::string item_id;
	int answer = 3;
	std::string updated_at;
};

//! A stored answer that needs someone to look at it again (要確認): the
//! answer to an item of the old 59-item catalog that was merged with another
//! item whose answer differed, or that has no successor (migration 0004).
struct AnswerReview {
	Id org_id = 0;
	std::string old_item_id;
	std::string old_text;      // the old item's wording; empty when unknown
	int answer = 3;            // the old answer, 1..4
	std::string successor_id;  // the item that took over; empty when none did
	std::string reason;        // merged / removed
	std::string updated_at;    // when the old answer was given
};

//! The decision on one (asset, threat) risk (手順3).
struct RiskTreatment {
	Id id = 0;
	Id org_id = 0;
	Id asset_id = 0;
	std::string threat_id;
	std::string decision;  // reduce / accept / avoid / transfer (低減・保有・回避・移転)
	std::string measure;
	std::string owner;
	std::string due_on;        // "YYYY-MM-DD" or empty
	int residual_risk = 0;     // expected risk value after treatment
	std::string reason;        // required to accept a 大 risk
	std::optional<Id> approved_by;  // a 経営者 or 組織管理者 who approved accepting a 大 risk
	std::string approved_at;
	bool completed = false;
	std::string updated_at;
};

} // namespace mamori::storage
