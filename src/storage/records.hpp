// mamori/storage/records.hpp
//
// Rows as the application sees them. Storage backends translate these to and
// from their own tables; nothing here knows about SQL.
#pragma once

#include "core/policy/basic_policy.hpp"
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
};

enum class Role { kAdmin, kManager, kRespondent, kViewer };  // 管理者, 責任者, 回答者, 閲覧者

struct Organization {
	Id id = 0;
	std::string name;
	std::string industry;  // manufacturing / wholesale / retail / services / other
	long long capital_yen = 0;
	int employees = 0;
	std::string edition;  // guideline edition the organisation works under, e.g. "3.0"
	std::string created_at;
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
	bool done = false;
	std::string done_on;      // date the article was put in place
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

enum class PolicyStatus { kDraft, kPublished };

struct PolicyVersion {
	Id id = 0;
	Id org_id = 0;
	int version = 1;
	PolicyInput input;
	PolicyStatus status = PolicyStatus::kDraft;
	std::string published_at;
	std::string updated_at;
};

struct AuditEntry {
	Id id = 0;
	std::optional<Id> org_id;
	std::optional<Id> user_id;
	std::string user_email;  // joined for display
	std::string at;
	std::string action;  // e.g. "selfcheck.answer", "policy.publish"
	std::string target;  // what was changed, e.g. "round:3/営業部"
	std::string detail;  // JSON text with the changed values
};

} // namespace mamori::storage
