// mamori/storage/sqlite/sqlite_support.hpp
//
// Internal to src/storage/sqlite: the query helpers,
// row readers and column lists shared by the sqlite_store*.cpp files, each of
// which implements one area of SqliteStore. Not part of the storage
// interface; nothing outside this folder includes it.
//
// The helpers run on a sql::Connection, so the same store code serves SQLite
// and PostgreSQL (storage/sql/connection.hpp). Write portable SQL here:
// ON CONFLICT ... DO NOTHING / DO UPDATE, `?` or `?N` placeholders, 0/1 for
// flags, timestamps as ISO text bound from C++ or MAMORI_SQL_NOW, and never a
// sqlite3_* call (docs/architecture.md, "Storage").
#pragma once

#include "storage/sqlite/statement.hpp"
#include "storage/store.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// SQL for "now" in the same format the records use, for timestamps the
// caller left empty. PostgreSQL has no strftime; its schema defines one that
// answers these two forms (migrations/postgresql/0021_baseline.sql).
#define MAMORI_SQL_NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
// The same for dates ("YYYY-MM-DD", UTC).
#define MAMORI_SQL_TODAY "strftime('%Y-%m-%d', 'now')"

namespace mamori::storage::sqlite_detail {

using sqlite::SqliteError;
using sql::Connection;
using sql::Statement;
//! Transitional (issue 11): store code written on other branches before the
//! driver layer names the connection `Connection *db`; this keeps it compiling
//! after the merge. New code says Connection. Remove once no file uses it.
using sqlite3 = sql::Connection;

// --- small query helpers --------------------------------------------------

//! Runs a statement that returns no rows; yields the number of rows changed.
template <typename Binder>
Result<int> Execute(Connection *db, std::string_view sql, Binder &&bind) {
	Result<Statement> stmt = Statement::Prepare(db, sql);
	if (!stmt) {
		return stmt.error();
	}
	bind(*stmt);
	if (Status s = stmt->Run(); !s) {
		return s.error();
	}
	return db->Changes();
}

Status ExecuteSimple(Connection *db, std::string_view sql);

//! Reader: Result<T>(const Statement &) turning the current row into a record.
template <typename T, typename Binder, typename Reader>
Result<std::optional<T>> QueryOne(Connection *db, std::string_view sql, Binder &&bind, Reader &&read) {
	Result<Statement> stmt = Statement::Prepare(db, sql);
	if (!stmt) {
		return stmt.error();
	}
	bind(*stmt);
	Result<bool> row = stmt->Step();
	if (!row) {
		return row.error();
	}
	if (!*row) {
		return std::optional<T>();
	}
	Result<T> value = read(*stmt);
	if (!value) {
		return value.error();
	}
	return std::optional<T>(std::move(value).value());
}

template <typename T, typename Binder, typename Reader>
Result<std::vector<T>> QueryAll(Connection *db, std::string_view sql, Binder &&bind, Reader &&read) {
	Result<Statement> stmt = Statement::Prepare(db, sql);
	if (!stmt) {
		return stmt.error();
	}
	bind(*stmt);
	std::vector<T> rows;
	while (true) {
		Result<bool> row = stmt->Step();
		if (!row) {
			return row.error();
		}
		if (!*row) {
			return rows;
		}
		Result<T> value = read(*stmt);
		if (!value) {
			return value.error();
		}
		rows.push_back(std::move(value).value());
	}
}

//! A COUNT(*) style query.
Result<int> QueryInt(Connection *db, std::string_view sql);

//! True when the query yields at least one row.
template <typename Binder>
Result<bool> Exists(Connection *db, std::string_view sql, Binder &&bind) {
	Result<std::optional<int>> row =
	    QueryOne<int>(db, sql, std::forward<Binder>(bind), [](const Statement &) -> Result<int> { return 1; });
	if (!row) {
		return row.error();
	}
	return row->has_value();
}

//! Replaces the generic duplicate-key message with one the user can act on.
Error OnConflict(Error error, std::string message);

//! For UPDATE/DELETE of one addressed row: no row changed means it is not
//! there (or belongs to another organisation, which must look the same).
Status ExpectChanged(Result<int> changes, const std::string &not_found);

Result<Id> Inserted(Connection *db, Result<int> changes);

std::string AsciiLower(std::string text);

//! A LIMIT to bind: a negative limit means "all", which SQLite spells -1 and
//! PostgreSQL refuses; the largest count means the same on both.
std::int64_t NoLimitIfNegative(int limit);

Error Corrupt(const std::string &what);

// --- row readers ------------------------------------------------------------

extern const std::string kUserColumns;
Result<User> ReadUser(const Statement &s);
//! The same columns starting at column `first` of a joined row.
Result<User> ReadUserAt(const Statement &s, int first);

extern const std::string kOrgColumns;
Result<Organization> ReadOrganization(const Statement &s);
Result<Organization> ReadOrganizationAt(const Statement &s, int first);

extern const std::string kMembershipColumns;
Result<Membership> ReadMembership(const Statement &s);
Result<Membership> ReadMembershipAt(const Statement &s, int first);

Result<Department> ReadDepartment(const Statement &s);

extern const std::string kSessionColumns;
Result<Session> ReadSession(const Statement &s);
//! The nineteen columns of a session (s) and its user (u), without SELECT and FROM.
extern const std::string kSessionUserColumnList;
extern const std::string kSessionUserColumns;
Result<SessionWithUser> ReadSessionUser(const Statement &s);

//! The columns of an OrgAccessRow over memberships m, their users u and organizations o: one
//! parameter, the setting key (FindOrgAccess, FindSessionUserWithAccess).
extern const std::string kOrgAccessColumns;
//! The row starting at column `first`; nothing when the organisation's columns are NULL (a
//! LEFT JOIN found no role, or the organisation is gone).
Result<std::optional<OrgAccessRow>> ReadOrgAccessAt(const Statement &s, int first);

Result<Invitation> ReadInvitation(const Statement &s);

Result<FiveArticleStatus> ReadFiveArticle(const Statement &s);

extern const std::string kRoundColumns;
Result<SelfcheckRound> ReadRound(const Statement &s);

// Responses are always reached through their round so that the org_id
// filter is part of the same query.
extern const std::string kResponseColumns;
Result<SelfcheckResponse> ReadResponse(const Statement &s);

struct AnswerRow {
	Id response_id = 0;
	int item = 0;
	Answer answer = Answer::kUnknown;
};

Result<AnswerRow> ReadAnswer(const Statement &s);

//! A round's kept score with its round's number and start (alias s for the scores, d for the round).
extern const std::string kRoundScoreColumns;
Result<RoundScore> ReadRoundScore(const Statement &s);

//! The organisation's profile flags as stored: comma-separated ids, '' for none.
std::string JoinFlags(const std::vector<std::string> &flags);
std::vector<std::string> SplitFlags(const std::string &text);

Result<AuditEntry> ReadAudit(const Statement &s);

// --- 詳細リスク分析 rows ---------------------------------------------------------

extern const std::string kAssetColumns;
Result<Asset> ReadAsset(const Statement &s);

Result<ThreatFrequency> ReadThreatFrequency(const Statement &s);

Result<ControlAnswer> ReadControlAnswer(const Statement &s);
Result<AnswerReview> ReadAnswerReview(const Statement &s);

extern const std::string kTreatmentColumns;
Result<RiskTreatment> ReadTreatment(const Statement &s);

} // namespace mamori::storage::sqlite_detail
