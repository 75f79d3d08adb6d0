// mamori/storage/sqlite/sqlite_store.cpp
#include "storage/sqlite/sqlite_store.hpp"

#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/statement.hpp"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <utility>

namespace mamori::storage {
namespace {

using sqlite::SqliteError;
using sqlite::Statement;

// SQL for "now" in the same format the records use, for timestamps the
// caller left empty.
#define MAMORI_SQL_NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
// The same for dates ("YYYY-MM-DD", UTC).
#define MAMORI_SQL_TODAY "strftime('%Y-%m-%d', 'now')"

// --- small query helpers --------------------------------------------------

//! Runs a statement that returns no rows; yields the number of rows changed.
template <typename Binder>
Result<int> Execute(sqlite3 *db, std::string_view sql, Binder &&bind) {
	Result<Statement> stmt = Statement::Prepare(db, sql);
	if (!stmt) {
		return stmt.error();
	}
	bind(*stmt);
	if (Status s = stmt->Run(); !s) {
		return s.error();
	}
	return sqlite3_changes(db);
}

Status ExecuteSimple(sqlite3 *db, std::string_view sql) {
	Result<int> done = Execute(db, sql, [](Statement &) {});
	if (!done) {
		return done.error();
	}
	return OkStatus();
}

//! Reader: Result<T>(const Statement &) turning the current row into a record.
template <typename T, typename Binder, typename Reader>
Result<std::optional<T>> QueryOne(sqlite3 *db, std::string_view sql, Binder &&bind, Reader &&read) {
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
Result<std::vector<T>> QueryAll(sqlite3 *db, std::string_view sql, Binder &&bind, Reader &&read) {
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
Result<int> QueryInt(sqlite3 *db, std::string_view sql) {
	Result<std::optional<int>> value =
	    QueryOne<int>(db, sql, [](Statement &) {}, [](const Statement &s) -> Result<int> { return s.ColumnInt(0); });
	if (!value) {
		return value.error();
	}
	return value->value_or(0);
}

//! True when the query yields at least one row.
template <typename Binder>
Result<bool> Exists(sqlite3 *db, std::string_view sql, Binder &&bind) {
	Result<std::optional<int>> row =
	    QueryOne<int>(db, sql, std::forward<Binder>(bind), [](const Statement &) -> Result<int> { return 1; });
	if (!row) {
		return row.error();
	}
	return row->has_value();
}

//! Replaces the generic duplicate-key message with one the user can act on.
Error OnConflict(Error error, std::string message) {
	if (error.code == ErrorCode::kConflict) {
		error.message = std::move(message);
	}
	return error;
}

//! For UPDATE/DELETE of one addressed row: no row changed means it is not
//! there (or belongs to another organisation, which must look the same).
Status ExpectChanged(Result<int> changes, const std::string &not_found) {
	if (!changes) {
		return changes.error();
	}
	if (*changes == 0) {
		return Error::Make(ErrorCode::kNotFound, not_found);
	}
	return OkStatus();
}

Result<Id> Inserted(sqlite3 *db, Result<int> changes) {
	if (!changes) {
		return changes.error();
	}
	return static_cast<Id>(sqlite3_last_insert_rowid(db));
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

// --- enum and JSON mapping ------------------------------------------------

std::string_view PolicyStatusName(PolicyStatus status) {
	return status == PolicyStatus::kPublished ? "published" : "draft";
}

Result<std::string> PolicyInputToJson(const PolicyInput &input) {
	const nlohmann::json json = {
	    {"company_name", input.company_name},
	    {"scope", input.scope},
	    {"clause_ids", input.clause_ids},
	    {"established_on", input.established_on},
	    {"revised_on", input.revised_on},
	    {"representative_title", input.representative_title},
	    {"representative_name", input.representative_name},
	};
	try {
		return json.dump();
	} catch (const nlohmann::json::exception &) {
		// dump() throws on text that is not UTF-8.
		return Error::Invalid("input", "the policy text is not valid UTF-8");
	}
}

Result<PolicyInput> PolicyInputFromJson(const std::string &text) {
	const nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
	if (!json.is_object()) {
		return Corrupt("policy input is not a JSON object");
	}
	try {
		// Missing keys read as empty so that later versions can add keys
		// without a data migration.
		PolicyInput input;
		input.company_name = json.value("company_name", std::string());
		input.scope = json.value("scope", std::string());
		input.clause_ids = json.value("clause_ids", std::vector<std::string>());
		input.established_on = json.value("established_on", std::string());
		input.revised_on = json.value("revised_on", std::string());
		input.representative_title = json.value("representative_title", std::string());
		input.representative_name = json.value("representative_name", std::string());
		return input;
	} catch (const nlohmann::json::exception &e) {
		return Corrupt(std::string("policy input: ") + e.what());
	}
}

// --- row readers ------------------------------------------------------------

const std::string kUserColumns =
    "SELECT id, email, display_name, password_hash, is_admin, failed_logins, locked_until, created_at FROM users ";

Result<User> ReadUser(const Statement &s) {
	User user;
	user.id = s.ColumnInt64(0);
	user.email = s.ColumnText(1);
	user.display_name = s.ColumnText(2);
	user.password_hash = s.ColumnText(3);
	user.is_admin = s.ColumnBool(4);
	user.failed_logins = s.ColumnInt(5);
	user.locked_until = s.ColumnText(6);
	user.created_at = s.ColumnText(7);
	return user;
}

const std::string kOrgColumns =
    "SELECT id, name, industry, capital_yen, employees, edition, created_at FROM organizations ";

Result<Organization> ReadOrganization(const Statement &s) {
	Organization org;
	org.id = s.ColumnInt64(0);
	org.name = s.ColumnText(1);
	org.industry = s.ColumnText(2);
	org.capital_yen = s.ColumnInt64(3);
	org.employees = s.ColumnInt(4);
	org.edition = s.ColumnText(5);
	org.created_at = s.ColumnText(6);
	return org;
}

const std::string kMembershipColumns =
    "SELECT m.org_id, m.user_id, m.role, m.department_id, u.email, u.display_name, o.name "
    "FROM memberships m JOIN users u ON u.id = m.user_id JOIN organizations o ON o.id = m.org_id ";

Result<Membership> ReadMembership(const Statement &s) {
	Membership membership;
	membership.org_id = s.ColumnInt64(0);
	membership.user_id = s.ColumnInt64(1);
	const std::string role = s.ColumnText(2);
	const std::optional<Role> parsed = ParseRoleName(role);
	if (!parsed) {
		return Corrupt("role '" + role + "'");
	}
	membership.role = *parsed;
	membership.department_id = s.ColumnOptionalInt64(3);
	membership.email = s.ColumnText(4);
	membership.display_name = s.ColumnText(5);
	membership.org_name = s.ColumnText(6);
	return membership;
}

Result<Department> ReadDepartment(const Statement &s) {
	return Department{s.ColumnInt64(0), s.ColumnInt64(1), s.ColumnText(2)};
}

const std::string kSessionColumns =
    "SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions ";

Result<Session> ReadSession(const Statement &s) {
	return Session{s.ColumnText(0), s.ColumnInt64(1), s.ColumnText(2), s.ColumnText(3), s.ColumnText(4)};
}

Result<Invitation> ReadInvitation(const Statement &s) {
	return Invitation{s.ColumnText(0), s.ColumnInt64(1), s.ColumnInt64(2), s.ColumnText(3), s.ColumnText(4)};
}

Result<FiveArticleStatus> ReadFiveArticle(const Statement &s) {
	return FiveArticleStatus{s.ColumnInt64(0), s.ColumnInt(1),  s.ColumnBool(2),
	                         s.ColumnText(3),  s.ColumnText(4), s.ColumnText(5)};
}

const std::string kRoundColumns =
    "SELECT id, org_id, number, title, started_at, closed_at, edition FROM selfcheck_rounds ";

Result<SelfcheckRound> ReadRound(const Statement &s) {
	return SelfcheckRound{s.ColumnInt64(0), s.ColumnInt64(1), s.ColumnInt(2), s.ColumnText(3),
	                      s.ColumnText(4),  s.ColumnText(5),  s.ColumnText(6)};
}

// Responses are always reached through their round so that the org_id
// filter is part of the same query.
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

struct AnswerRow {
	Id response_id = 0;
	int item = 0;
	Answer answer = Answer::kUnknown;
};

Result<AnswerRow> ReadAnswer(const Statement &s) {
	const std::string name = s.ColumnText(2);
	const std::optional<Answer> answer = ParseAnswerName(name);
	if (!answer) {
		return Corrupt("answer '" + name + "'");
	}
	return AnswerRow{s.ColumnInt64(0), s.ColumnInt(1), *answer};
}

const std::string kPolicyColumns =
    "SELECT id, org_id, version, input_json, status, published_at, updated_at FROM policies ";

Result<PolicyVersion> ReadPolicy(const Statement &s) {
	PolicyVersion policy;
	policy.id = s.ColumnInt64(0);
	policy.org_id = s.ColumnInt64(1);
	policy.version = s.ColumnInt(2);
	Result<PolicyInput> input = PolicyInputFromJson(s.ColumnText(3));
	if (!input) {
		return input.error();
	}
	policy.input = std::move(input).value();
	const std::string status = s.ColumnText(4);
	if (status == "published") {
		policy.status = PolicyStatus::kPublished;
	} else if (status == "draft") {
		policy.status = PolicyStatus::kDraft;
	} else {
		return Corrupt("policy status '" + status + "'");
	}
	policy.published_at = s.ColumnText(5);
	policy.updated_at = s.ColumnText(6);
	return policy;
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

// The schema's CHECK constraints stay as the last line of defence; checking
// here first turns a bad value into kInvalidInput naming the field instead
// of a storage failure.
Status CheckAsset(const Asset &asset) {
	const std::pair<const char *, int> ratings[] = {
	    {"confidentiality", asset.confidentiality},
	    {"integrity", asset.integrity},
	    {"availability", asset.availability},
	};
	for (const auto &[field, value] : ratings) {
		if (value < 0 || value > 3) {
			return Error::Invalid(field, "the rating must be between 0 and 3");
		}
	}
	return OkStatus();
}

//! Inserts one asset under org_id (asset.org_id and asset.id are not used).
Result<Id> InsertAsset(sqlite3 *db, Id org_id, const Asset &asset) {
	if (Status s = CheckAsset(asset); !s) {
		return s.error();
	}
	return Inserted(db, Execute(db,
	                            "INSERT INTO assets(org_id, business_category, name, note, users, department, medium, "
	                            "personal_info, sensitive_personal_info, my_number, confidentiality, integrity, "
	                            "availability, business_critical, retention, registered_on, risk_owner, updated_at) "
	                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	                            "COALESCE(NULLIF(?, ''), " MAMORI_SQL_TODAY "), ?, COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW "))",
	                            [&](Statement &s) {
		                            s.Bind(1, org_id)
		                                .Bind(2, asset.business_category)
		                                .Bind(3, asset.name)
		                                .Bind(4, asset.note)
		                                .Bind(5, asset.users)
		                                .Bind(6, asset.department)
		                                .Bind(7, asset.medium)
		                                .Bind(8, asset.personal_info)
		                                .Bind(9, asset.sensitive_personal_info)
		                                .Bind(10, asset.my_number)
		                                .Bind(11, asset.confidentiality)
		                                .Bind(12, asset.integrity)
		                                .Bind(13, asset.availability)
		                                .Bind(14, asset.business_critical)
		                                .Bind(15, asset.retention)
		                                .Bind(16, asset.registered_on)
		                                .Bind(17, asset.risk_owner)
		                                .Bind(18, asset.updated_at);
	                            }));
}

bool IsTreatmentDecision(std::string_view decision) {
	return decision == "reduce" || decision == "accept" || decision == "avoid" || decision == "transfer";
}

// The department of a membership must belong to the same organisation; the
// foreign key alone would accept another organisation's department.
Status CheckDepartment(sqlite3 *db, Id org_id, const std::optional<Id> &department_id) {
	if (!department_id) {
		return OkStatus();
	}
	Result<bool> found = Exists(db, "SELECT 1 FROM departments WHERE org_id = ? AND id = ?",
	                            [&](Statement &s) { s.Bind(1, org_id).Bind(2, *department_id); });
	if (!found) {
		return found.error();
	}
	if (!*found) {
		return Error::Make(ErrorCode::kNotFound, "the department does not exist in this organisation");
	}
	return OkStatus();
}

//! Fills in the answers of the given responses (all in one round) with one query.
Status AttachAnswers(sqlite3 *db, Id org_id, Id round_id, std::vector<SelfcheckResponse> &responses) {
	if (responses.empty()) {
		return OkStatus();
	}
	Result<std::vector<AnswerRow>> rows = QueryAll<AnswerRow>(
	    db,
	    "SELECT a.response_id, a.item, a.answer FROM selfcheck_answers a "
	    "JOIN selfcheck_responses r ON r.id = a.response_id JOIN selfcheck_rounds d ON d.id = r.round_id "
	    "WHERE d.org_id = ? AND r.round_id = ?",
	    [&](Statement &s) { s.Bind(1, org_id).Bind(2, round_id); }, ReadAnswer);
	if (!rows) {
		return rows.error();
	}
	std::map<Id, SelfcheckResponse *> by_id;
	for (SelfcheckResponse &response : responses) {
		by_id[response.id] = &response;
	}
	for (const AnswerRow &row : *rows) {
		if (auto it = by_id.find(row.response_id); it != by_id.end()) {
			it->second->answers[row.item] = row.answer;
		}
	}
	return OkStatus();
}

void RemoveBackupFiles(const std::string &path) {
	for (const char *suffix : {"", "-journal", "-wal", "-shm"}) {
		std::remove((path + suffix).c_str());
	}
}

} // namespace

// --- lifecycle ----------------------------------------------------------------

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string &db_path, const std::string &migrations_dir) {
	sqlite3 *db = nullptr;
	const int rc = sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
	if (rc != SQLITE_OK) {
		std::string message = "cannot open database " + db_path + ": " +
		                      (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		sqlite3_close(db);
		return Error::Make(ErrorCode::kStorage, message);
	}
	// From here the store owns the handle and closes it on every path.
	std::unique_ptr<SqliteStore> store(new SqliteStore(db));
	sqlite3_extended_result_codes(db, 1);

	auto fail = [&](const Error &error) {
		return Error::Make(ErrorCode::kStorage, "cannot open database " + db_path + ": " + error.message);
	};
	// busy_timeout first, so that switching to WAL waits for another process
	// instead of failing. WAL lets readers proceed while one writer commits;
	// synchronous=NORMAL is the durable-enough setting for WAL (a power cut
	// can lose the last commits but never corrupts).
	for (const char *pragma : {"PRAGMA busy_timeout = 5000", "PRAGMA journal_mode = WAL",
	                           "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON"}) {
		if (Status s = ExecuteSimple(db, pragma); !s) {
			return fail(s.error());
		}
	}
	// A build without foreign-key support would silently ignore the pragma.
	Result<int> foreign_keys = QueryInt(db, "PRAGMA foreign_keys");
	if (!foreign_keys) {
		return fail(foreign_keys.error());
	}
	if (*foreign_keys != 1) {
		return fail(Error::Make(ErrorCode::kStorage, "this SQLite does not enforce foreign keys"));
	}
	Result<int> applied = sqlite::ApplyMigrations(db, migrations_dir);
	if (!applied) {
		return fail(applied.error());
	}
	return store;
}

SqliteStore::~SqliteStore() {
	sqlite3_close_v2(db_);
}

// Transactions: the outermost level is BEGIN IMMEDIATE rather than a
// SAVEPOINT, so the write lock is taken up front; a deferred transaction
// that reads first and then writes can hit SQLITE_BUSY in WAL mode when
// another process (the CLI) committed meanwhile, which busy_timeout cannot
// resolve. Inner levels are savepoints, so a failing inner step undoes only
// its own changes. All levels share one savepoint name: RELEASE and
// ROLLBACK TO always address the innermost one, which is the one we opened.
Status SqliteStore::InTransaction(const std::function<Status()> &fn) {
	std::lock_guard lock(mutex_);
	const bool outermost = depth_ == 0;
	if (Status s = ExecuteSimple(db_, outermost ? "BEGIN IMMEDIATE" : "SAVEPOINT mamori_tx"); !s) {
		return s;
	}
	++depth_;
	auto roll_back = [&] {
		--depth_;
		// SQLite rolls the whole transaction back by itself after some errors
		// (disk full, I/O); then there is nothing left to undo here.
		if (sqlite3_get_autocommit(db_)) {
			return;
		}
		if (outermost) {
			(void)ExecuteSimple(db_, "ROLLBACK");
		} else {
			(void)ExecuteSimple(db_, "ROLLBACK TO mamori_tx");
			(void)ExecuteSimple(db_, "RELEASE mamori_tx");
		}
	};
	Status result = OkStatus();
	try {
		result = fn();
	} catch (...) {
		roll_back();
		throw;
	}
	if (!result) {
		roll_back();
		return result;
	}
	if (Status s = ExecuteSimple(db_, outermost ? "COMMIT" : "RELEASE mamori_tx"); !s) {
		roll_back();
		return s;
	}
	--depth_;
	return OkStatus();
}

// --- installation ---------------------------------------------------------------

Result<std::optional<std::string>> SqliteStore::GetSetting(const std::string &key) {
	std::lock_guard lock(mutex_);
	return QueryOne<std::string>(
	    db_, "SELECT value FROM settings WHERE key = ?", [&](Statement &s) { s.Bind(1, key); },
	    [](const Statement &s) -> Result<std::string> { return s.ColumnText(0); });
}

Status SqliteStore::PutSetting(const std::string &key, const std::string &value) {
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db_,
		                           "INSERT INTO settings(key, value) VALUES (?, ?) "
		                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
		                           [&](Statement &s) { s.Bind(1, key).Bind(2, value); });
		return done ? OkStatus() : Status(done.error());
	});
}

Result<int> SqliteStore::CountUsers() {
	std::lock_guard lock(mutex_);
	return QueryInt(db_, "SELECT COUNT(*) FROM users");
}

// --- accounts -------------------------------------------------------------------

Result<Id> SqliteStore::CreateUser(const User &user) {
	Result<Id> id = Id{0};
	Status status = InTransaction([&]() -> Status {
		id = Inserted(db_, Execute(db_,
		                           "INSERT INTO users(email, display_name, password_hash, is_admin, failed_logins, "
		                           "locked_until, created_at) VALUES (?, ?, ?, ?, ?, ?, COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW "))",
		                           [&](Statement &s) {
			                           s.Bind(1, AsciiLower(user.email))
			                               .Bind(2, user.display_name)
			                               .Bind(3, user.password_hash)
			                               .Bind(4, user.is_admin)
			                               .Bind(5, user.failed_logins)
			                               .Bind(6, user.locked_until)
			                               .Bind(7, user.created_at);
		                           }));
		return id ? OkStatus() : Status(OnConflict(id.error(), "the e-mail address " + user.email + " is already registered"));
	});
	if (!status) {
		return status.error();
	}
	return id;
}

Result<std::optional<User>> SqliteStore::FindUserByEmail(const std::string &email) {
	std::lock_guard lock(mutex_);
	// The column is COLLATE NOCASE, so the lookup ignores ASCII case too.
	return QueryOne<User>(db_, kUserColumns + "WHERE email = ?", [&](Statement &s) { s.Bind(1, email); }, ReadUser);
}

Result<std::optional<User>> SqliteStore::FindUserById(Id user_id) {
	std::lock_guard lock(mutex_);
	return QueryOne<User>(db_, kUserColumns + "WHERE id = ?", [&](Statement &s) { s.Bind(1, user_id); }, ReadUser);
}

Status SqliteStore::UpdatePasswordHash(Id user_id, const std::string &hash) {
	return InTransaction([&]() -> Status {
		return ExpectChanged(Execute(db_, "UPDATE users SET password_hash = ? WHERE id = ?",
		                             [&](Statement &s) { s.Bind(1, hash).Bind(2, user_id); }),
		                     "the user does not exist");
	});
}

Status SqliteStore::UpdateDisplayName(Id user_id, const std::string &display_name) {
	return InTransaction([&]() -> Status {
		return ExpectChanged(Execute(db_, "UPDATE users SET display_name = ? WHERE id = ?",
		                             [&](Statement &s) { s.Bind(1, display_name).Bind(2, user_id); }),
		                     "the user does not exist");
	});
}

Status SqliteStore::RecordFailedLogin(Id user_id, int failed_logins, const std::string &locked_until) {
	return InTransaction([&]() -> Status {
		// An empty locked_until keeps any lock already in place.
		return ExpectChanged(Execute(db_,
		                             "UPDATE users SET failed_logins = ?1, "
		                             "locked_until = CASE WHEN ?2 = '' THEN locked_until ELSE ?2 END WHERE id = ?3",
		                             [&](Statement &s) { s.Bind(1, failed_logins).Bind(2, locked_until).Bind(3, user_id); }),
		                     "the user does not exist");
	});
}

Status SqliteStore::ResetFailedLogins(Id user_id) {
	return InTransaction([&]() -> Status {
		return ExpectChanged(Execute(db_, "UPDATE users SET failed_logins = 0, locked_until = '' WHERE id = ?",
		                             [&](Statement &s) { s.Bind(1, user_id); }),
		                     "the user does not exist");
	});
}

Result<std::vector<User>> SqliteStore::ListUsers(int limit, int offset) {
	std::lock_guard lock(mutex_);
	return QueryAll<User>(db_, kUserColumns + "ORDER BY email LIMIT ? OFFSET ?",
	                      [&](Statement &s) { s.Bind(1, limit).Bind(2, offset); }, ReadUser);
}

// --- sessions -------------------------------------------------------------------

Status SqliteStore::CreateSession(const Session &session) {
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db_,
		                           "INSERT INTO sessions(token_hash, user_id, csrf_token, created_at, expires_at) "
		                           "VALUES (?, ?, ?, COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW "), ?)",
		                           [&](Statement &s) {
			                           s.Bind(1, session.token_hash)
			                               .Bind(2, session.user_id)
			                               .Bind(3, session.csrf_token)
			                               .Bind(4, session.created_at)
			                               .Bind(5, session.expires_at);
		                           });
		return done ? OkStatus() : Status(OnConflict(done.error(), "the session token is already in use"));
	});
}

Result<std::optional<Session>> SqliteStore::FindSession(const std::string &token_hash, const std::string &now) {
	std::lock_guard lock(mutex_);
	return QueryOne<Session>(db_, kSessionColumns + "WHERE token_hash = ? AND expires_at > ?",
	                         [&](Statement &s) { s.Bind(1, token_hash).Bind(2, now); }, ReadSession);
}

Status SqliteStore::DeleteSession(const std::string &token_hash) {
	return InTransaction([&]() -> Status {
		// Signing out twice is not an error.
		Result<int> done = Execute(db_, "DELETE FROM sessions WHERE token_hash = ?",
		                           [&](Statement &s) { s.Bind(1, token_hash); });
		return done ? OkStatus() : Status(done.error());
	});
}

Status SqliteStore::DeleteSessionsOfUser(Id user_id) {
	return InTransaction([&]() -> Status {
		Result<int> done =
		    Execute(db_, "DELETE FROM sessions WHERE user_id = ?", [&](Statement &s) { s.Bind(1, user_id); });
		return done ? OkStatus() : Status(done.error());
	});
}

// --- invitations ------------------------------------------------------------------

Status SqliteStore::CreateInvitation(const Invitation &invitation) {
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db_,
		                           "INSERT INTO invitations(token_hash, org_id, user_id, expires_at, accepted_at) "
		                           "VALUES (?, ?, ?, ?, ?)",
		                           [&](Statement &s) {
			                           s.Bind(1, invitation.token_hash)
			                               .Bind(2, invitation.org_id)
			                               .Bind(3, invitation.user_id)
			                               .Bind(4, invitation.expires_at)
			                               .Bind(5, invitation.accepted_at);
		                           });
		return done ? OkStatus() : Status(OnConflict(done.error(), "the invitation token is already in use"));
	});
}

Result<std::optional<Invitation>> SqliteStore::FindInvitation(const std::string &token_hash, const std::string &now) {
	std::lock_guard lock(mutex_);
	return QueryOne<Invitation>(db_,
	                            "SELECT token_hash, org_id, user_id, expires_at, accepted_at FROM invitations "
	                            "WHERE token_hash = ? AND expires_at > ? AND accepted_at = ''",
	                            [&](Statement &s) { s.Bind(1, token_hash).Bind(2, now); }, ReadInvitation);
}

Status SqliteStore::MarkInvitationAccepted(const std::string &token_hash, const std::string &now) {
	return InTransaction([&]() -> Status {
		// The conditions repeat FindInvitation's, so two concurrent accepts of
		// one link cannot both succeed.
		Result<int> changed = Execute(db_,
		                              "UPDATE invitations SET accepted_at = ?1 "
		                              "WHERE token_hash = ?2 AND accepted_at = '' AND expires_at > ?1",
		                              [&](Statement &s) { s.Bind(1, now).Bind(2, token_hash); });
		if (!changed) {
			return changed.error();
		}
		if (*changed == 1) {
			return OkStatus();
		}
		Result<std::optional<Invitation>> existing = QueryOne<Invitation>(
		    db_, "SELECT token_hash, org_id, user_id, expires_at, accepted_at FROM invitations WHERE token_hash = ?",
		    [&](Statement &s) { s.Bind(1, token_hash); }, ReadInvitation);
		if (!existing) {
			return existing.error();
		}
		if (!existing->has_value()) {
			return Error::Make(ErrorCode::kNotFound, "the invitation does not exist");
		}
		if (!(*existing)->accepted_at.empty()) {
			return Error::Make(ErrorCode::kConflict, "the invitation has already been used");
		}
		return Error::Make(ErrorCode::kNotFound, "the invitation has expired");
	});
}

// --- organisations and membership ---------------------------------------------------

Result<Id> SqliteStore::CreateOrganization(const Organization &org) {
	Result<Id> id = Id{0};
	Status status = InTransaction([&]() -> Status {
		id = Inserted(db_, Execute(db_,
		                           "INSERT INTO organizations(name, industry, capital_yen, employees, edition, created_at) "
		                           "VALUES (?, ?, ?, ?, ?, COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW "))",
		                           [&](Statement &s) {
			                           s.Bind(1, org.name)
			                               .Bind(2, org.industry)
			                               .Bind(3, org.capital_yen)
			                               .Bind(4, org.employees)
			                               .Bind(5, org.edition)
			                               .Bind(6, org.created_at);
		                           }));
		return id ? OkStatus() : Status(id.error());
	});
	if (!status) {
		return status.error();
	}
	return id;
}

Result<std::optional<Organization>> SqliteStore::FindOrganization(Id org_id) {
	std::lock_guard lock(mutex_);
	return QueryOne<Organization>(db_, kOrgColumns + "WHERE id = ?", [&](Statement &s) { s.Bind(1, org_id); },
	                              ReadOrganization);
}

Status SqliteStore::UpdateOrganization(const Organization &org) {
	return InTransaction([&]() -> Status {
		return ExpectChanged(Execute(db_,
		                             "UPDATE organizations SET name = ?, industry = ?, capital_yen = ?, employees = ?, "
		                             "edition = ? WHERE id = ?",
		                             [&](Statement &s) {
			                             s.Bind(1, org.name)
			                                 .Bind(2, org.industry)
			                                 .Bind(3, org.capital_yen)
			                                 .Bind(4, org.employees)
			                                 .Bind(5, org.edition)
			                                 .Bind(6, org.id);
		                             }),
		                     "the organisation does not exist");
	});
}

Result<int> SqliteStore::CountOrganizations() {
	std::lock_guard lock(mutex_);
	return QueryInt(db_, "SELECT COUNT(*) FROM organizations");
}

Status SqliteStore::AddMembership(const Membership &membership) {
	return InTransaction([&]() -> Status {
		if (Status s = CheckDepartment(db_, membership.org_id, membership.department_id); !s) {
			return s;
		}
		Result<int> done = Execute(db_,
		                           "INSERT INTO memberships(org_id, user_id, role, department_id) VALUES (?, ?, ?, ?)",
		                           [&](Statement &s) {
			                           s.Bind(1, membership.org_id)
			                               .Bind(2, membership.user_id)
			                               .Bind(3, RoleName(membership.role))
			                               .Bind(4, membership.department_id);
		                           });
		return done ? OkStatus()
		            : Status(OnConflict(done.error(), "the user already has a role in this organisation"));
	});
}

Status SqliteStore::UpdateMembership(const Membership &membership) {
	return InTransaction([&]() -> Status {
		if (Status s = CheckDepartment(db_, membership.org_id, membership.department_id); !s) {
			return s;
		}
		return ExpectChanged(Execute(db_,
		                             "UPDATE memberships SET role = ?, department_id = ? WHERE org_id = ? AND user_id = ?",
		                             [&](Statement &s) {
			                             s.Bind(1, RoleName(membership.role))
			                                 .Bind(2, membership.department_id)
			                                 .Bind(3, membership.org_id)
			                                 .Bind(4, membership.user_id);
		                             }),
		                     "the user is not a member of this organisation");
	});
}

Status SqliteStore::RemoveMembership(Id org_id, Id user_id) {
	return InTransaction([&]() -> Status {
		return ExpectChanged(Execute(db_, "DELETE FROM memberships WHERE org_id = ? AND user_id = ?",
		                             [&](Statement &s) { s.Bind(1, org_id).Bind(2, user_id); }),
		                     "the user is not a member of this organisation");
	});
}

Result<std::optional<Membership>> SqliteStore::FindMembership(Id org_id, Id user_id) {
	std::lock_guard lock(mutex_);
	return QueryOne<Membership>(db_, kMembershipColumns + "WHERE m.org_id = ? AND m.user_id = ?",
	                            [&](Statement &s) { s.Bind(1, org_id).Bind(2, user_id); }, ReadMembership);
}

Result<std::vector<Membership>> SqliteStore::ListMembershipsOfUser(Id user_id) {
	std::lock_guard lock(mutex_);
	return QueryAll<Membership>(db_, kMembershipColumns + "WHERE m.user_id = ? ORDER BY o.name, o.id",
	                            [&](Statement &s) { s.Bind(1, user_id); }, ReadMembership);
}

Result<std::vector<Membership>> SqliteStore::ListMembers(Id org_id) {
	std::lock_guard lock(mutex_);
	return QueryAll<Membership>(db_, kMembershipColumns + "WHERE m.org_id = ? ORDER BY u.display_name, u.email",
	                            [&](Statement &s) { s.Bind(1, org_id); }, ReadMembership);
}

Result<Id> SqliteStore::CreateDepartment(const Department &department) {
	Result<Id> id = Id{0};
	Status status = InTransaction([&]() -> Status {
		id = Inserted(db_, Execute(db_, "INSERT INTO departments(org_id, name) VALUES (?, ?)",
		                           [&](Statement &s) { s.Bind(1, department.org_id).Bind(2, department.name); }));
		return id ? OkStatus()
		          : Status(OnConflict(id.error(), "a department named " + department.name + " already exists"));
	});
	if (!status) {
		return status.error();
	}
	return id;
}

Status SqliteStore::RenameDepartment(Id org_id, Id department_id, const std::string &name) {
	return InTransaction([&]() -> Status {
		Result<int> changed = Execute(db_, "UPDATE departments SET name = ? WHERE org_id = ? AND id = ?",
		                              [&](Statement &s) { s.Bind(1, name).Bind(2, org_id).Bind(3, department_id); });
		if (!changed) {
			return OnConflict(changed.error(), "a department named " + name + " already exists");
		}
		return ExpectChanged(changed, "the department does not exist");
	});
}

Status SqliteStore::DeleteDepartment(Id org_id, Id department_id) {
	return InTransaction([&]() -> Status {
		// Members of the department stay, without a department (ON DELETE SET NULL).
		return ExpectChanged(Execute(db_, "DELETE FROM departments WHERE org_id = ? AND id = ?",
		                             [&](Statement &s) { s.Bind(1, org_id).Bind(2, department_id); }),
		                     "the department does not exist");
	});
}

Result<std::vector<Department>> SqliteStore::ListDepartments(Id org_id) {
	std::lock_guard lock(mutex_);
	return QueryAll<Department>(db_, "SELECT id, org_id, name FROM departments WHERE org_id = ? ORDER BY name, id",
	                            [&](Statement &s) { s.Bind(1, org_id); }, ReadDepartment);
}

// --- Step 1: 5か条 --------------------------------------------------------------------

Result<std::vector<FiveArticleStatus>> SqliteStore::ListFiveArticles(Id org_id) {
	std::lock_guard lock(mutex_);
	return QueryAll<FiveArticleStatus>(
	    db_,
	    "SELECT org_id, number, done, done_on, responsible, updated_at FROM five_articles "
	    "WHERE org_id = ? ORDER BY number",
	    [&](Statement &s) { s.Bind(1, org_id); }, ReadFiveArticle);
}

Status SqliteStore::UpsertFiveArticle(const FiveArticleStatus &status) {
	if (status.number < 1 || status.number > 5) {
		return Error::Invalid("number", "the article number must be between 1 and 5");
	}
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db_,
		                           "INSERT INTO five_articles(org_id, number, done, done_on, responsible, updated_at) "
		                           "VALUES (?, ?, ?, ?, ?, COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW ")) "
		                           "ON CONFLICT(org_id, number) DO UPDATE SET done = excluded.done, "
		                           "done_on = excluded.done_on, responsible = excluded.responsible, "
		                           "updated_at = excluded.updated_at",
		                           [&](Statement &s) {
			                           s.Bind(1, status.org_id)
			                               .Bind(2, status.number)
			                               .Bind(3, status.done)
			                               .Bind(4, status.done_on)
			                               .Bind(5, status.responsible)
			                               .Bind(6, status.updated_at);
		                           });
		return done ? OkStatus() : Status(done.error());
	});
}

// --- Step 2: 自社診断 -------------------------------------------------------------------

Result<Id> SqliteStore::CreateRound(const SelfcheckRound &round) {
	Result<Id> id = Id{0};
	Status status = InTransaction([&]() -> Status {
		// ?2 <= 0 asks for the next number; computed in the INSERT itself so
		// that it is read and used under the same write lock.
		id = Inserted(db_, Execute(db_,
		                           "INSERT INTO selfcheck_rounds(org_id, number, title, started_at, closed_at, edition) "
		                           "VALUES (?1, CASE WHEN ?2 > 0 THEN ?2 ELSE "
		                           "(SELECT COALESCE(MAX(number), 0) + 1 FROM selfcheck_rounds WHERE org_id = ?1) END, "
		                           "?3, COALESCE(NULLIF(?4, ''), " MAMORI_SQL_NOW "), ?5, ?6)",
		                           [&](Statement &s) {
			                           s.Bind(1, round.org_id)
			                               .Bind(2, round.number)
			                               .Bind(3, round.title)
			                               .Bind(4, round.started_at)
			                               .Bind(5, round.closed_at)
			                               .Bind(6, round.edition);
		                           }));
		return id ? OkStatus()
		          : Status(OnConflict(id.error(), "round " + std::to_string(round.number) + " already exists"));
	});
	if (!status) {
		return status.error();
	}
	return id;
}

Status SqliteStore::CloseRound(Id org_id, Id round_id, const std::string &closed_at) {
	return InTransaction([&]() -> Status {
		Result<int> changed = Execute(db_,
		                              "UPDATE selfcheck_rounds SET closed_at = COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW ") "
		                              "WHERE org_id = ? AND id = ? AND closed_at = ''",
		                              [&](Statement &s) { s.Bind(1, closed_at).Bind(2, org_id).Bind(3, round_id); });
		if (!changed) {
			return changed.error();
		}
		if (*changed == 1) {
			return OkStatus();
		}
		Result<std::optional<SelfcheckRound>> round = FindRound(org_id, round_id);
		if (!round) {
			return round.error();
		}
		if (!round->has_value()) {
			return Error::Make(ErrorCode::kNotFound, "the self-check round does not exist");
		}
		return Error::Make(ErrorCode::kConflict, "the self-check round is already closed");
	});
}

Result<std::optional<SelfcheckRound>> SqliteStore::CurrentRound(Id org_id) {
	std::lock_guard lock(mutex_);
	return QueryOne<SelfcheckRound>(db_, kRoundColumns + "WHERE org_id = ? ORDER BY number DESC LIMIT 1",
	                                [&](Statement &s) { s.Bind(1, org_id); }, ReadRound);
}

Result<std::optional<SelfcheckRound>> SqliteStore::FindRound(Id org_id, Id round_id) {
	std::lock_guard lock(mutex_);
	return QueryOne<SelfcheckRound>(db_, kRoundColumns + "WHERE org_id = ? AND id = ?",
	                                [&](Statement &s) { s.Bind(1, org_id).Bind(2, round_id); }, ReadRound);
}

Result<std::vector<SelfcheckRound>> SqliteStore::ListRounds(Id org_id) {
	std::lock_guard lock(mutex_);
	return QueryAll<SelfcheckRound>(db_, kRoundColumns + "WHERE org_id = ? ORDER BY number DESC",
	                                [&](Statement &s) { s.Bind(1, org_id); }, ReadRound);
}

Status SqliteStore::UpsertResponse(Id org_id, const SelfcheckResponse &response) {
	for (const auto &[item, answer] : response.answers) {
		if (item < 1) {
			return Error::Invalid("answers." + std::to_string(item), "item numbers start at 1");
		}
	}
	return InTransaction([&]() -> Status {
		Result<bool> round_found = Exists(db_, "SELECT 1 FROM selfcheck_rounds WHERE org_id = ? AND id = ?",
		                                  [&](Statement &s) { s.Bind(1, org_id).Bind(2, response.round_id); });
		if (!round_found) {
			return round_found.error();
		}
		if (!*round_found) {
			return Error::Make(ErrorCode::kNotFound, "the self-check round does not exist");
		}
		Result<int> upserted = Execute(db_,
		                               "INSERT INTO selfcheck_responses(round_id, respondent, user_id, submitted_at, "
		                               "updated_at) VALUES (?, ?, ?, ?, COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW ")) "
		                               "ON CONFLICT(round_id, respondent) DO UPDATE SET user_id = excluded.user_id, "
		                               "submitted_at = excluded.submitted_at, updated_at = excluded.updated_at",
		                               [&](Statement &s) {
			                               s.Bind(1, response.round_id)
			                                   .Bind(2, response.respondent)
			                                   .Bind(3, response.user_id)
			                                   .Bind(4, response.submitted_at)
			                                   .Bind(5, response.updated_at);
		                               });
		if (!upserted) {
			return upserted.error();
		}
		// last_insert_rowid is not set when the upsert took the UPDATE path.
		Result<std::optional<Id>> response_id = QueryOne<Id>(
		    db_, "SELECT id FROM selfcheck_responses WHERE round_id = ? AND respondent = ?",
		    [&](Statement &s) { s.Bind(1, response.round_id).Bind(2, response.respondent); },
		    [](const Statement &s) -> Result<Id> { return s.ColumnInt64(0); });
		if (!response_id) {
			return response_id.error();
		}
		if (!response_id->has_value()) {
			return Error::Make(ErrorCode::kInternal, "the response vanished while it was being saved");
		}
		const Id id = **response_id;
		Result<int> cleared = Execute(db_, "DELETE FROM selfcheck_answers WHERE response_id = ?",
		                              [&](Statement &s) { s.Bind(1, id); });
		if (!cleared) {
			return cleared.error();
		}
		Result<Statement> insert =
		    Statement::Prepare(db_, "INSERT INTO selfcheck_answers(response_id, item, answer) VALUES (?, ?, ?)");
		if (!insert) {
			return insert.error();
		}
		for (const auto &[item, answer] : response.answers) {
			insert->Reset();
			insert->Bind(1, id).Bind(2, item).Bind(3, AnswerName(answer));
			if (Status s = insert->Run(); !s) {
				return s;
			}
		}
		return OkStatus();
	});
}

Result<std::vector<SelfcheckResponse>> SqliteStore::ListResponses(Id org_id, Id round_id) {
	std::lock_guard lock(mutex_);
	Result<std::vector<SelfcheckResponse>> responses =
	    QueryAll<SelfcheckResponse>(db_, kResponseColumns + "WHERE d.org_id = ? AND r.round_id = ? ORDER BY r.respondent",
	                                [&](Statement &s) { s.Bind(1, org_id).Bind(2, round_id); }, ReadResponse);
	if (!responses) {
		return responses;
	}
	if (Status s = AttachAnswers(db_, org_id, round_id, *responses); !s) {
		return s.error();
	}
	return responses;
}

Result<std::optional<SelfcheckResponse>> SqliteStore::FindResponse(Id org_id, Id round_id,
                                                                   const std::string &respondent) {
	std::lock_guard lock(mutex_);
	Result<std::optional<SelfcheckResponse>> response = QueryOne<SelfcheckResponse>(
	    db_, kResponseColumns + "WHERE d.org_id = ? AND r.round_id = ? AND r.respondent = ?",
	    [&](Statement &s) { s.Bind(1, org_id).Bind(2, round_id).Bind(3, respondent); }, ReadResponse);
	if (!response || !response->has_value()) {
		return response;
	}
	// The row above was reached through its round's org_id, so its id is safe to use alone.
	Result<std::vector<AnswerRow>> rows = QueryAll<AnswerRow>(
	    db_, "SELECT response_id, item, answer FROM selfcheck_answers WHERE response_id = ?",
	    [&](Statement &s) { s.Bind(1, (*response)->id); }, ReadAnswer);
	if (!rows) {
		return rows.error();
	}
	for (const AnswerRow &row : *rows) {
		(*response)->answers[row.item] = row.answer;
	}
	return response;
}

// --- 基本方針 ---------------------------------------------------------------------------

Result<Id> SqliteStore::CreatePolicyVersion(const PolicyVersion &policy) {
	Result<std::string> json = PolicyInputToJson(policy.input);
	if (!json) {
		return json.error();
	}
	Result<Id> id = Id{0};
	Status status = InTransaction([&]() -> Status {
		// The version is computed inside the INSERT, under the write lock, so
		// two editors saving at once get consecutive versions.
		id = Inserted(db_, Execute(db_,
		                           "INSERT INTO policies(org_id, version, input_json, status, published_at, updated_at) "
		                           "VALUES (?1, (SELECT COALESCE(MAX(version), 0) + 1 FROM policies WHERE org_id = ?1), "
		                           "?2, ?3, ?4, COALESCE(NULLIF(?5, ''), " MAMORI_SQL_NOW "))",
		                           [&](Statement &s) {
			                           s.Bind(1, policy.org_id)
			                               .Bind(2, *json)
			                               .Bind(3, PolicyStatusName(policy.status))
			                               .Bind(4, policy.published_at)
			                               .Bind(5, policy.updated_at);
		                           }));
		return id ? OkStatus() : Status(id.error());
	});
	if (!status) {
		return status.error();
	}
	return id;
}

Status SqliteStore::UpdatePolicyVersion(const PolicyVersion &policy) {
	Result<std::string> json = PolicyInputToJson(policy.input);
	if (!json) {
		return json.error();
	}
	return InTransaction([&]() -> Status {
		return ExpectChanged(Execute(db_,
		                             "UPDATE policies SET input_json = ?, status = ?, published_at = ?, "
		                             "updated_at = COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW ") WHERE org_id = ? AND id = ?",
		                             [&](Statement &s) {
			                             s.Bind(1, *json)
			                                 .Bind(2, PolicyStatusName(policy.status))
			                                 .Bind(3, policy.published_at)
			                                 .Bind(4, policy.updated_at)
			                                 .Bind(5, policy.org_id)
			                                 .Bind(6, policy.id);
		                             }),
		                     "the policy version does not exist");
	});
}

Result<std::optional<PolicyVersion>> SqliteStore::LatestPolicy(Id org_id) {
	std::lock_guard lock(mutex_);
	return QueryOne<PolicyVersion>(db_, kPolicyColumns + "WHERE org_id = ? ORDER BY version DESC LIMIT 1",
	                               [&](Statement &s) { s.Bind(1, org_id); }, ReadPolicy);
}

Result<std::optional<PolicyVersion>> SqliteStore::LatestPublishedPolicy(Id org_id) {
	std::lock_guard lock(mutex_);
	return QueryOne<PolicyVersion>(
	    db_, kPolicyColumns + "WHERE org_id = ? AND status = 'published' ORDER BY version DESC LIMIT 1",
	    [&](Statement &s) { s.Bind(1, org_id); }, ReadPolicy);
}

Result<std::vector<PolicyVersion>> SqliteStore::ListPolicyVersions(Id org_id) {
	std::lock_guard lock(mutex_);
	return QueryAll<PolicyVersion>(db_, kPolicyColumns + "WHERE org_id = ? ORDER BY version DESC",
	                               [&](Statement &s) { s.Bind(1, org_id); }, ReadPolicy);
}

// --- 詳細リスク分析 ---------------------------------------------------------------------

Result<std::vector<Asset>> SqliteStore::ListAssets(Id org_id) {
	std::lock_guard lock(mutex_);
	return QueryAll<Asset>(db_, kAssetColumns + "WHERE org_id = ? ORDER BY business_category, department, name, id",
	                       [&](Statement &s) { s.Bind(1, org_id); }, ReadAsset);
}

Result<std::optional<Asset>> SqliteStore::FindAsset(Id org_id, Id asset_id) {
	std::lock_guard lock(mutex_);
	return QueryOne<Asset>(db_, kAssetColumns + "WHERE org_id = ? AND id = ?",
	                       [&](Statement &s) { s.Bind(1, org_id).Bind(2, asset_id); }, ReadAsset);
}

Result<Id> SqliteStore::CreateAsset(const Asset &asset) {
	Result<Id> id = Id{0};
	Status status = InTransaction([&]() -> Status {
		id = InsertAsset(db_, asset.org_id, asset);
		return id ? OkStatus() : Status(id.error());
	});
	if (!status) {
		return status.error();
	}
	return id;
}

Status SqliteStore::UpdateAsset(const Asset &asset) {
	if (Status s = CheckAsset(asset); !s) {
		return s;
	}
	return InTransaction([&]() -> Status {
		return ExpectChanged(Execute(db_,
		                             "UPDATE assets SET business_category = ?, name = ?, note = ?, users = ?, "
		                             "department = ?, medium = ?, personal_info = ?, sensitive_personal_info = ?, "
		                             "my_number = ?, confidentiality = ?, integrity = ?, availability = ?, "
		                             "business_critical = ?, retention = ?, "
		                             "registered_on = COALESCE(NULLIF(?, ''), " MAMORI_SQL_TODAY "), risk_owner = ?, "
		                             "updated_at = COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW ") "
		                             "WHERE org_id = ? AND id = ?",
		                             [&](Statement &s) {
			                             s.Bind(1, asset.business_category)
			                                 .Bind(2, asset.name)
			                                 .Bind(3, asset.note)
			                                 .Bind(4, asset.users)
			                                 .Bind(5, asset.department)
			                                 .Bind(6, asset.medium)
			                                 .Bind(7, asset.personal_info)
			                                 .Bind(8, asset.sensitive_personal_info)
			                                 .Bind(9, asset.my_number)
			                                 .Bind(10, asset.confidentiality)
			                                 .Bind(11, asset.integrity)
			                                 .Bind(12, asset.availability)
			                                 .Bind(13, asset.business_critical)
			                                 .Bind(14, asset.retention)
			                                 .Bind(15, asset.registered_on)
			                                 .Bind(16, asset.risk_owner)
			                                 .Bind(17, asset.updated_at)
			                                 .Bind(18, asset.org_id)
			                                 .Bind(19, asset.id);
		                             }),
		                     "the information asset does not exist");
	});
}

Status SqliteStore::DeleteAsset(Id org_id, Id asset_id) {
	return InTransaction([&]() -> Status {
		// Its treatments go with it (ON DELETE CASCADE).
		return ExpectChanged(Execute(db_, "DELETE FROM assets WHERE org_id = ? AND id = ?",
		                             [&](Statement &s) { s.Bind(1, org_id).Bind(2, asset_id); }),
		                     "the information asset does not exist");
	});
}

Status SqliteStore::ReplaceAssets(Id org_id, const std::vector<Asset> &assets) {
	return InTransaction([&]() -> Status {
		Result<int> cleared =
		    Execute(db_, "DELETE FROM assets WHERE org_id = ?", [&](Statement &s) { s.Bind(1, org_id); });
		if (!cleared) {
			return cleared.error();
		}
		for (std::size_t i = 0; i < assets.size(); ++i) {
			Result<Id> id = InsertAsset(db_, org_id, assets[i]);
			if (!id) {
				// Name the row, so an import can point at the offending line.
				Error error = id.error();
				const std::string row = "assets." + std::to_string(i);
				error.field = error.field.empty() ? row : row + "." + error.field;
				return error;
			}
		}
		return OkStatus();
	});
}

Result<std::vector<ThreatFrequency>> SqliteStore::ListThreatFrequencies(Id org_id) {
	std::lock_guard lock(mutex_);
	return QueryAll<ThreatFrequency>(
	    db_, "SELECT org_id, threat_id, frequency FROM threat_frequencies WHERE org_id = ? ORDER BY threat_id",
	    [&](Statement &s) { s.Bind(1, org_id); }, ReadThreatFrequency);
}

Status SqliteStore::UpsertThreatFrequency(const ThreatFrequency &frequency) {
	if (frequency.threat_id.empty()) {
		return Error::Invalid("threat_id", "the threat is missing");
	}
	if (frequency.frequency < 1 || frequency.frequency > 3) {
		return Error::Invalid("frequency", "the threat frequency must be between 1 and 3");
	}
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db_,
		                           "INSERT INTO threat_frequencies(org_id, threat_id, frequency) VALUES (?, ?, ?) "
		                           "ON CONFLICT(org_id, threat_id) DO UPDATE SET frequency = excluded.frequency",
		                           [&](Statement &s) {
			                           s.Bind(1, frequency.org_id).Bind(2, frequency.threat_id).Bind(3, frequency.frequency);
		                           });
		return done ? OkStatus() : Status(done.error());
	});
}

// The real and the planned answers have the same shape in two tables; each
// method picks between two complete SQL texts, so no table name is ever
// assembled at run time.
Result<std::vector<ControlAnswer>> SqliteStore::ListControlAnswers(Id org_id, bool planned) {
	std::lock_guard lock(mutex_);
	const char *sql = planned ? "SELECT org_id, item_id, answer, updated_at FROM planned_control_answers "
	                            "WHERE org_id = ? ORDER BY item_id"
	                          : "SELECT org_id, item_id, answer, updated_at FROM control_answers "
	                            "WHERE org_id = ? ORDER BY item_id";
	return QueryAll<ControlAnswer>(db_, sql, [&](Statement &s) { s.Bind(1, org_id); }, ReadControlAnswer);
}

Status SqliteStore::UpsertControlAnswer(const ControlAnswer &answer, bool planned) {
	if (answer.item_id.empty()) {
		return Error::Invalid("item_id", "the check item is missing");
	}
	if (answer.answer < 1 || answer.answer > 4) {
		return Error::Invalid("answer", "the answer must be between 1 and 4");
	}
	const char *sql = planned ? "INSERT INTO planned_control_answers(org_id, item_id, answer, updated_at) "
	                            "VALUES (?, ?, ?, COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW ")) "
	                            "ON CONFLICT(org_id, item_id) DO UPDATE SET answer = excluded.answer, "
	                            "updated_at = excluded.updated_at"
	                          : "INSERT INTO control_answers(org_id, item_id, answer, updated_at) "
	                            "VALUES (?, ?, ?, COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW ")) "
	                            "ON CONFLICT(org_id, item_id) DO UPDATE SET answer = excluded.answer, "
	                            "updated_at = excluded.updated_at";
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db_, sql, [&](Statement &s) {
			s.Bind(1, answer.org_id).Bind(2, answer.item_id).Bind(3, answer.answer).Bind(4, answer.updated_at);
		});
		return done ? OkStatus() : Status(done.error());
	});
}

Status SqliteStore::DeleteControlAnswer(Id org_id, const std::string &item_id, bool planned) {
	const char *sql = planned ? "DELETE FROM planned_control_answers WHERE org_id = ? AND item_id = ?"
	                          : "DELETE FROM control_answers WHERE org_id = ? AND item_id = ?";
	return InTransaction([&]() -> Status {
		// Clearing an answer that is not there leaves it unanswered, as asked.
		Result<int> done = Execute(db_, sql, [&](Statement &s) { s.Bind(1, org_id).Bind(2, item_id); });
		return done ? OkStatus() : Status(done.error());
	});
}

Status SqliteStore::ClearPlannedAnswers(Id org_id) {
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db_, "DELETE FROM planned_control_answers WHERE org_id = ?",
		                           [&](Statement &s) { s.Bind(1, org_id); });
		return done ? OkStatus() : Status(done.error());
	});
}

Result<std::vector<RiskTreatment>> SqliteStore::ListTreatments(Id org_id) {
	std::lock_guard lock(mutex_);
	return QueryAll<RiskTreatment>(db_, kTreatmentColumns + "WHERE org_id = ? ORDER BY asset_id, threat_id",
	                               [&](Statement &s) { s.Bind(1, org_id); }, ReadTreatment);
}

Result<std::optional<RiskTreatment>> SqliteStore::FindTreatment(Id org_id, Id asset_id, const std::string &threat_id) {
	std::lock_guard lock(mutex_);
	return QueryOne<RiskTreatment>(db_, kTreatmentColumns + "WHERE org_id = ? AND asset_id = ? AND threat_id = ?",
	                               [&](Statement &s) { s.Bind(1, org_id).Bind(2, asset_id).Bind(3, threat_id); },
	                               ReadTreatment);
}

Result<Id> SqliteStore::UpsertTreatment(const RiskTreatment &treatment) {
	if (treatment.threat_id.empty()) {
		return Error::Invalid("threat_id", "the threat is missing");
	}
	if (!IsTreatmentDecision(treatment.decision)) {
		return Error::Invalid("decision", "the decision must be reduce, accept, avoid or transfer");
	}
	Result<Id> id = Id{0};
	Status status = InTransaction([&]() -> Status {
		// Checked under the same write lock as the upsert; the (org_id,
		// asset_id) foreign key enforces the same in the schema.
		Result<bool> asset_found = Exists(db_, "SELECT 1 FROM assets WHERE org_id = ? AND id = ?",
		                                  [&](Statement &s) { s.Bind(1, treatment.org_id).Bind(2, treatment.asset_id); });
		if (!asset_found) {
			return asset_found.error();
		}
		if (!*asset_found) {
			return Error::Make(ErrorCode::kNotFound, "the information asset does not exist");
		}
		Result<int> upserted = Execute(db_,
		                               "INSERT INTO risk_treatments(org_id, asset_id, threat_id, decision, measure, owner, "
		                               "due_on, residual_risk, reason, approved_by, approved_at, completed, updated_at) "
		                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW ")) "
		                               "ON CONFLICT(asset_id, threat_id) DO UPDATE SET decision = excluded.decision, "
		                               "measure = excluded.measure, owner = excluded.owner, due_on = excluded.due_on, "
		                               "residual_risk = excluded.residual_risk, reason = excluded.reason, "
		                               "approved_by = excluded.approved_by, approved_at = excluded.approved_at, "
		                               "completed = excluded.completed, updated_at = excluded.updated_at",
		                               [&](Statement &s) {
			                               s.Bind(1, treatment.org_id)
			                                   .Bind(2, treatment.asset_id)
			                                   .Bind(3, treatment.threat_id)
			                                   .Bind(4, treatment.decision)
			                                   .Bind(5, treatment.measure)
			                                   .Bind(6, treatment.owner)
			                                   .Bind(7, treatment.due_on)
			                                   .Bind(8, treatment.residual_risk)
			                                   .Bind(9, treatment.reason)
			                                   .Bind(10, treatment.approved_by)
			                                   .Bind(11, treatment.approved_at)
			                                   .Bind(12, treatment.completed)
			                                   .Bind(13, treatment.updated_at);
		                               });
		if (!upserted) {
			return upserted.error();
		}
		// last_insert_rowid is not set when the upsert took the UPDATE path.
		Result<std::optional<Id>> treatment_id = QueryOne<Id>(
		    db_, "SELECT id FROM risk_treatments WHERE org_id = ? AND asset_id = ? AND threat_id = ?",
		    [&](Statement &s) { s.Bind(1, treatment.org_id).Bind(2, treatment.asset_id).Bind(3, treatment.threat_id); },
		    [](const Statement &s) -> Result<Id> { return s.ColumnInt64(0); });
		if (!treatment_id) {
			return treatment_id.error();
		}
		if (!treatment_id->has_value()) {
			return Error::Make(ErrorCode::kInternal, "the treatment vanished while it was being saved");
		}
		id = **treatment_id;
		return OkStatus();
	});
	if (!status) {
		return status.error();
	}
	return id;
}

Status SqliteStore::DeleteTreatment(Id org_id, Id treatment_id) {
	return InTransaction([&]() -> Status {
		return ExpectChanged(Execute(db_, "DELETE FROM risk_treatments WHERE org_id = ? AND id = ?",
		                             [&](Statement &s) { s.Bind(1, org_id).Bind(2, treatment_id); }),
		                     "the risk treatment does not exist");
	});
}

// --- audit --------------------------------------------------------------------------------

Status SqliteStore::AppendAudit(const AuditEntry &entry) {
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db_,
		                           "INSERT INTO audit_log(org_id, user_id, at, action, target, detail) "
		                           "VALUES (?, ?, COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW "), ?, ?, ?)",
		                           [&](Statement &s) {
			                           s.Bind(1, entry.org_id)
			                               .Bind(2, entry.user_id)
			                               .Bind(3, entry.at)
			                               .Bind(4, entry.action)
			                               .Bind(5, entry.target)
			                               .Bind(6, entry.detail);
		                           });
		return done ? OkStatus() : Status(done.error());
	});
}

Result<std::vector<AuditEntry>> SqliteStore::ListAudit(Id org_id, int limit, int offset) {
	std::lock_guard lock(mutex_);
	// A negative limit means "all" (SQLite's own convention).
	return QueryAll<AuditEntry>(db_,
	                            "SELECT a.id, a.org_id, a.user_id, COALESCE(u.email, ''), a.at, a.action, a.target, "
	                            "a.detail FROM audit_log a LEFT JOIN users u ON u.id = a.user_id "
	                            "WHERE a.org_id = ? ORDER BY a.id DESC LIMIT ? OFFSET ?",
	                            [&](Statement &s) { s.Bind(1, org_id).Bind(2, limit).Bind(3, offset < 0 ? 0 : offset); },
	                            ReadAudit);
}

// --- maintenance ----------------------------------------------------------------------------

Status SqliteStore::BackupTo(const std::string &path) {
	std::lock_guard lock(mutex_);
	if (depth_ > 0) {
		// The copy would contain this transaction's uncommitted changes.
		return Error::Make(ErrorCode::kInternal, "a backup cannot be taken inside a transaction");
	}
	// O_EXCL makes "must not exist" and "create" one step, so nothing that
	// appears at the path meanwhile can be overwritten. 0600: the backup
	// holds password hashes.
	const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EEXIST) {
			return Error::Invalid("path", "the backup file " + path + " already exists; choose a new name");
		}
		return Error::Make(ErrorCode::kStorage, "cannot create the backup file " + path + ": " + std::strerror(errno));
	}
	::close(fd);

	sqlite3 *dest = nullptr;
	auto fail = [&](const std::string &message) -> Status {
		if (dest != nullptr) {
			sqlite3_close_v2(dest);
		}
		RemoveBackupFiles(path);
		return Error::Make(ErrorCode::kStorage, "backup to " + path + " failed: " + message);
	};
	if (sqlite3_open_v2(path.c_str(), &dest, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
		return fail(dest != nullptr ? sqlite3_errmsg(dest) : "cannot open the file");
	}
	sqlite3_backup *backup = sqlite3_backup_init(dest, "main", db_, "main");
	if (backup == nullptr) {
		return fail(sqlite3_errmsg(dest));
	}
	// -1 copies every page in one step, so the copy is one consistent
	// snapshot. BUSY/LOCKED (another process writing) is retried briefly.
	int rc = SQLITE_OK;
	for (int attempt = 0; attempt < 100; ++attempt) {
		rc = sqlite3_backup_step(backup, -1);
		if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) {
			break;
		}
		sqlite3_sleep(50);
	}
	const int finished = sqlite3_backup_finish(backup);
	if (rc != SQLITE_DONE) {
		return fail(sqlite3_errstr(rc));
	}
	if (finished != SQLITE_OK) {
		return fail(sqlite3_errmsg(dest));
	}
	// The last backup step committed and synced the copy; closing cannot lose it.
	sqlite3_close_v2(dest);
	return OkStatus();
}

#undef MAMORI_SQL_TODAY
#undef MAMORI_SQL_NOW

} // namespace mamori::storage
