// mamori/storage/sqlite/sqlite_support.cpp
// The query helpers and row readers shared by the SqliteStore areas.
#include "storage/sqlite/sqlite_support.hpp"

#include <limits>

namespace mamori::storage::sqlite_detail {

// --- small query helpers --------------------------------------------------

Status ExecuteSimple(Connection *db, std::string_view sql) {
	Result<int> done = Execute(db, sql, [](Statement &) {});
	if (!done) {
		return done.error();
	}
	return OkStatus();
}

Result<int> QueryInt(Connection *db, std::string_view sql) {
	Result<std::optional<int>> value =
	    QueryOne<int>(db, sql, [](Statement &) {}, [](const Statement &s) -> Result<int> { return s.ColumnInt(0); });
	if (!value) {
		return value.error();
	}
	return value->value_or(0);
}

Error OnConflict(Error error, std::string message) {
	if (error.code == ErrorCode::kConflict) {
		error.message = std::move(message);
	}
	return error;
}

Status ExpectChanged(Result<int> changes, const std::string &not_found) {
	if (!changes) {
		return changes.error();
	}
	if (*changes == 0) {
		return Error::Make(ErrorCode::kNotFound, not_found);
	}
	return OkStatus();
}

Result<Id> Inserted(Connection *db, Result<int> changes) {
	if (!changes) {
		return changes.error();
	}
	Result<std::int64_t> id = db->LastInsertId();
	if (!id) {
		return id.error();
	}
	return static_cast<Id>(*id);
}

std::int64_t NoLimitIfNegative(int limit) {
	return limit < 0 ? std::numeric_limits<std::int64_t>::max() : limit;
}

std::string AsciiLower(std::string text) {
	for (char &c : text) {
		if (c >= 'A' && c <= 'Z') {
			c = static_cast<char>(c - 'A' + 'a');
		}
	}
	return text;
}

Error Corrupt(const std::string &what) {
	return Error::Make(ErrorCode::kStorage, "the database holds an invalid value: " + what);
}

// --- row readers ------------------------------------------------------------

const std::string kUserColumns =
    "SELECT id, email, display_name, password_hash, is_admin, failed_logins, locked_until, created_at, locale "
    "FROM users ";

Result<User> ReadUserAt(const Statement &s, int first) {
	User user;
	user.id = s.ColumnInt64(first + 0);
	user.email = s.ColumnText(first + 1);
	user.display_name = s.ColumnText(first + 2);
	user.password_hash = s.ColumnText(first + 3);
	user.is_admin = s.ColumnBool(first + 4);
	user.failed_logins = s.ColumnInt(first + 5);
	user.locked_until = s.ColumnText(first + 6);
	user.created_at = s.ColumnText(first + 7);
	user.locale = s.ColumnText(first + 8);
	return user;
}

Result<User> ReadUser(const Statement &s) { return ReadUserAt(s, 0); }

const std::string kOrgColumns =
    "SELECT id, name, industry, capital_yen, employees, edition, created_at, document_locale, profile_flags "
    "FROM organizations ";

Result<Organization> ReadOrganizationAt(const Statement &s, int first) {
	Organization org;
	org.id = s.ColumnInt64(first + 0);
	org.name = s.ColumnText(first + 1);
	org.industry = s.ColumnText(first + 2);
	org.capital_yen = s.ColumnInt64(first + 3);
	org.employees = s.ColumnInt(first + 4);
	org.edition = s.ColumnText(first + 5);
	org.created_at = s.ColumnText(first + 6);
	org.document_locale = s.ColumnText(first + 7);
	org.profile_flags = SplitFlags(s.ColumnText(first + 8));
	return org;
}

Result<Organization> ReadOrganization(const Statement &s) { return ReadOrganizationAt(s, 0); }

const std::string kMembershipColumns =
    "SELECT m.org_id, m.user_id, m.role, m.department_id, u.email, u.display_name, o.name "
    "FROM memberships m JOIN users u ON u.id = m.user_id JOIN organizations o ON o.id = m.org_id ";

Result<Membership> ReadMembership(const Statement &s) { return ReadMembershipAt(s, 0); }

Result<Membership> ReadMembershipAt(const Statement &s, int first) {
	Membership membership;
	membership.org_id = s.ColumnInt64(first + 0);
	membership.user_id = s.ColumnInt64(first + 1);
	const std::string role = s.ColumnText(first + 2);
	const std::optional<Role> parsed = ParseRoleName(role);
	if (!parsed) {
		return Corrupt("role '" + role + "'");
	}
	membership.role = *parsed;
	membership.department_id = s.ColumnOptionalInt64(first + 3);
	membership.email = s.ColumnText(first + 4);
	membership.display_name = s.ColumnText(first + 5);
	membership.org_name = s.ColumnText(first + 6);
	return membership;
}

Result<Department> ReadDepartment(const Statement &s) {
	return Department{s.ColumnInt64(0), s.ColumnInt64(1), s.ColumnText(2)};
}

const std::string kSessionColumns =
    "SELECT token_hash, user_id, csrf_token, created_at, expires_at, last_seen_at, client, user_agent, "
    "failed_sign_ins, password_at FROM sessions ";

Result<Session> ReadSession(const Statement &s) {
	return Session{s.ColumnText(0), s.ColumnInt64(1), s.ColumnText(2), s.ColumnText(3), s.ColumnText(4),
	               s.ColumnText(5), s.ColumnText(6), s.ColumnText(7), static_cast<int>(s.ColumnInt64(8)),
	               s.ColumnText(9)};
}

// The columns of kSessionColumns and kUserColumns in one row (FindSessionUser).
const std::string kSessionUserColumnList =
    "s.token_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at, s.last_seen_at, s.client, "
    "s.user_agent, s.failed_sign_ins, s.password_at, "
    "u.id, u.email, u.display_name, u.password_hash, u.is_admin, u.failed_logins, u.locked_until, u.created_at, u.locale ";
const std::string kSessionUserColumns =
    "SELECT " + kSessionUserColumnList + "FROM sessions s JOIN users u ON u.id = s.user_id ";

Result<SessionWithUser> ReadSessionUser(const Statement &s) {
	SessionWithUser row;
	row.session = MAMORI_TRY(ReadSession(s));
	row.user = MAMORI_TRY(ReadUserAt(s, 10));
	return row;
}

// kMembershipColumns' seven, kOrgColumns' nine (o.), the two-step flags, then the revision
// (OrgRevision's query: one reverse step on the audit_log_org index), so a kept page or view
// needs no round trip of its own.
const std::string kOrgAccessColumns =
    "m.org_id, m.user_id, m.role, m.department_id, u.email, u.display_name, o.name, "
    "o.id, o.name, o.industry, o.capital_yen, o.employees, o.edition, o.created_at, o.document_locale, "
    "o.profile_flags, o.require_two_step, (SELECT value FROM settings WHERE key = ?), "
    "(SELECT a.id FROM audit_log a WHERE a.org_id = m.org_id ORDER BY a.id DESC LIMIT 1) ";

Result<std::optional<OrgAccessRow>> ReadOrgAccessAt(const Statement &s, int first) {
	if (s.ColumnIsNull(first + 7)) {
		return std::optional<OrgAccessRow>();
	}
	OrgAccessRow row;
	row.membership = MAMORI_TRY(ReadMembershipAt(s, first));
	row.org = MAMORI_TRY(ReadOrganizationAt(s, first + 7));
	row.org_requires_two_step = s.ColumnBool(first + 16);
	if (!s.ColumnIsNull(first + 17)) {
		row.installation_setting = s.ColumnText(first + 17);
	}
	row.revision = s.ColumnInt64(first + 18);  // NULL (no entries yet) reads as 0, as OrgRevision says
	return std::optional<OrgAccessRow>(std::move(row));
}

Result<Invitation> ReadInvitation(const Statement &s) {
	return Invitation{s.ColumnText(0), s.ColumnInt64(1), s.ColumnInt64(2), s.ColumnText(3), s.ColumnText(4)};
}

Result<FiveArticleStatus> ReadFiveArticle(const Statement &s) {
	auto state = ParseArticleStateName(s.ColumnText(2));
	if (!state) {
		return Error::Make(ErrorCode::kInternal, "unknown five-articles state '" + s.ColumnText(2) + "' in the database");
	}
	return FiveArticleStatus{s.ColumnInt64(0), s.ColumnInt(1),  *state,
	                         s.ColumnText(3),  s.ColumnText(4), s.ColumnText(5)};
}

const std::string kRoundColumns =
    "SELECT id, org_id, number, title, started_at, closed_at, edition FROM selfcheck_rounds ";

Result<SelfcheckRound> ReadRound(const Statement &s) {
	return SelfcheckRound{s.ColumnInt64(0), s.ColumnInt64(1), s.ColumnInt(2), s.ColumnText(3),
	                      s.ColumnText(4),  s.ColumnText(5),  s.ColumnText(6)};
}

const std::string kResponseColumns =
    "SELECT r.id, r.round_id, r.respondent, r.user_id, r.submitted_at, r.updated_at "
    "FROM selfcheck_responses r JOIN selfcheck_rounds d ON d.id = r.round_id ";

Result<SelfcheckResponse> ReadResponse(const Statement &s) {
	SelfcheckResponse response;
	response.id = s.ColumnInt64(0);
	response.round_id = s.ColumnInt64(1);
	response.respondent = s.ColumnText(2);
	response.user_id = s.ColumnOptionalInt64(3);
	response.submitted_at = s.ColumnText(4);
	response.updated_at = s.ColumnText(5);
	return response;
}

Result<AnswerRow> ReadAnswer(const Statement &s) {
	const std::string name = s.ColumnText(2);
	const std::optional<Answer> answer = ParseAnswerName(name);
	if (!answer) {
		return Corrupt("answer '" + name + "'");
	}
	return AnswerRow{s.ColumnInt64(0), s.ColumnInt(1), *answer};
}

const std::string kRoundScoreColumns =
    "SELECT s.org_id, s.round_id, d.number, d.started_at, s.edition, s.respondents, s.total, s.max_total, s.complete, "
    "s.answers FROM selfcheck_round_scores s JOIN selfcheck_rounds d ON d.id = s.round_id ";

Result<RoundScore> ReadRoundScore(const Statement &s) {
	RoundScore score;
	score.org_id = s.ColumnInt64(0);
	score.round_id = s.ColumnInt64(1);
	score.round_number = s.ColumnInt(2);
	score.started_at = s.ColumnText(3);
	score.edition = s.ColumnText(4);
	score.respondents = s.ColumnInt(5);
	score.total = s.ColumnInt(6);
	score.max = s.ColumnInt(7);
	score.complete = s.ColumnInt(8) != 0;
	score.answers = s.ColumnText(9);
	return score;
}

std::string JoinFlags(const std::vector<std::string> &flags) {
	std::string text;
	for (const auto &flag : flags) {
		text += (text.empty() ? "" : ",") + flag;
	}
	return text;
}

std::vector<std::string> SplitFlags(const std::string &text) {
	std::vector<std::string> flags;
	size_t start = 0;
	while (start < text.size()) {
		size_t comma = text.find(',', start);
		if (comma == std::string::npos) {
			comma = text.size();
		}
		if (comma > start) {
			flags.push_back(text.substr(start, comma - start));
		}
		start = comma + 1;
	}
	return flags;
}

Result<AuditEntry> ReadAudit(const Statement &s) {
	AuditEntry entry;
	entry.id = s.ColumnInt64(0);
	entry.org_id = s.ColumnOptionalInt64(1);
	entry.user_id = s.ColumnOptionalInt64(2);
	entry.user_email = s.ColumnText(3);
	entry.at = s.ColumnText(4);
	entry.action = s.ColumnText(5);
	entry.target = s.ColumnText(6);
	entry.detail = s.ColumnText(7);
	entry.hash = s.ColumnText(8);
	return entry;
}

// --- 詳細リスク分析 rows ---------------------------------------------------------

const std::string kAssetColumns =
    "SELECT id, org_id, business_category, name, note, users, department, medium, personal_info, "
    "sensitive_personal_info, my_number, confidentiality, integrity, availability, business_critical, "
    "retention, registered_on, risk_owner, updated_at FROM assets ";

Result<Asset> ReadAsset(const Statement &s) {
	Asset asset;
	asset.id = s.ColumnInt64(0);
	asset.org_id = s.ColumnInt64(1);
	asset.business_category = s.ColumnText(2);
	asset.name = s.ColumnText(3);
	asset.note = s.ColumnText(4);
	asset.users = s.ColumnText(5);
	asset.department = s.ColumnText(6);
	asset.medium = s.ColumnText(7);
	asset.personal_info = s.ColumnBool(8);
	asset.sensitive_personal_info = s.ColumnBool(9);
	asset.my_number = s.ColumnBool(10);
	asset.confidentiality = s.ColumnInt(11);
	asset.integrity = s.ColumnInt(12);
	asset.availability = s.ColumnInt(13);
	asset.business_critical = s.ColumnBool(14);
	asset.retention = s.ColumnText(15);
	asset.registered_on = s.ColumnText(16);
	asset.risk_owner = s.ColumnText(17);
	asset.updated_at = s.ColumnText(18);
	return asset;
}

Result<ThreatFrequency> ReadThreatFrequency(const Statement &s) {
	return ThreatFrequency{s.ColumnInt64(0), s.ColumnText(1), s.ColumnInt(2)};
}

Result<ControlAnswer> ReadControlAnswer(const Statement &s) {
	return ControlAnswer{s.ColumnInt64(0), s.ColumnText(1), s.ColumnInt(2), s.ColumnText(3)};
}

Result<AnswerReview> ReadAnswerReview(const Statement &s) {
	return AnswerReview{s.ColumnInt64(0), s.ColumnText(1), s.ColumnText(2), s.ColumnInt(3),
	                    s.ColumnText(4),  s.ColumnText(5), s.ColumnText(6)};
}

const std::string kTreatmentColumns =
    "SELECT id, org_id, asset_id, threat_id, decision, measure, owner, due_on, residual_risk, reason, "
    "approved_by, approved_at, completed, updated_at FROM risk_treatments ";

Result<RiskTreatment> ReadTreatment(const Statement &s) {
	RiskTreatment treatment;
	treatment.id = s.ColumnInt64(0);
	treatment.org_id = s.ColumnInt64(1);
	treatment.asset_id = s.ColumnInt64(2);
	treatment.threat_id = s.ColumnText(3);
	treatment.decision = s.ColumnText(4);
	treatment.measure = s.ColumnText(5);
	treatment.owner = s.ColumnText(6);
	treatment.due_on = s.ColumnText(7);
	treatment.residual_risk = s.ColumnInt(8);
	treatment.reason = s.ColumnText(9);
	treatment.approved_by = s.ColumnOptionalInt64(10);
	treatment.approved_at = s.ColumnText(11);
	treatment.completed = s.ColumnBool(12);
	treatment.updated_at = s.ColumnText(13);
	return treatment;
}

} // namespace mamori::storage::sqlite_detail
