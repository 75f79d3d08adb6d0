// mamori/storage/sqlite/statement.cpp
#include "storage/sqlite/statement.hpp"

#include <sqlite3.h>

#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace mamori::storage::sqlite {

Error SqliteError(sqlite3 *db, int rc, std::string_view what) {
	// Extended codes are enabled on the connection, but a caller may pass a
	// primary code; fall back to the connection's own extended code then.
	const int extended = (db != nullptr && (rc & 0xff) == rc) ? sqlite3_extended_errcode(db) : rc;
	const std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
	const std::string prefix = what.empty() ? std::string() : std::string(what) + ": ";
	switch (extended) {
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY:
		return Error::Make(ErrorCode::kConflict, prefix + "a record with the same key already exists (" + detail + ")");
	case SQLITE_CONSTRAINT_FOREIGNKEY:
		return Error::Make(ErrorCode::kNotFound, prefix + "refers to a record that does not exist (" + detail + ")");
	default:
		return Error::Make(ErrorCode::kStorage, prefix + "database error: " + detail);
	}
}

//! Compiled statements not in use, by SQL text. Shared with the statements handed out, so a
//! Statement that outlives its connection finalizes its handle instead of returning it.
class StatementCache {
public:
	//! A kept statement for `sql`, or nullptr.
	sqlite3_stmt *Take(const std::string &sql) {
		std::lock_guard lock(mutex_);
		auto found = idle_.find(sql);
		if (found == idle_.end() || found->second.empty()) {
			return nullptr;
		}
		sqlite3_stmt *stmt = found->second.back();
		found->second.pop_back();
		return stmt;
	}

	//! Keeps `stmt` for the next Prepare of `sql`, or finalizes it once the connection is
	//! closing or enough copies of that text are kept (nested use of one text is rare).
	void Give(std::string sql, sqlite3_stmt *stmt) {
		sqlite3_reset(stmt);
		sqlite3_clear_bindings(stmt);
		std::lock_guard lock(mutex_);
		auto found = idle_.find(sql);
		if (found == idle_.end() && idle_.size() < kTexts) {
			found = idle_.emplace(std::move(sql), std::vector<sqlite3_stmt *>()).first;
		}
		if (closed_ || found == idle_.end() || found->second.size() >= kCopiesPerText) {
			sqlite3_finalize(stmt);
			return;
		}
		found->second.push_back(stmt);
	}

	void Close() {
		std::lock_guard lock(mutex_);
		closed_ = true;
		for (auto &[sql, statements] : idle_) {
			for (sqlite3_stmt *stmt : statements) {
				sqlite3_finalize(stmt);
			}
		}
		idle_.clear();
	}

private:
	static constexpr std::size_t kCopiesPerText = 2;
	//! The store has a few hundred texts; a text built per call would stop being kept here.
	static constexpr std::size_t kTexts = 1024;
	std::mutex mutex_;
	bool closed_ = false;
	std::unordered_map<std::string, std::vector<sqlite3_stmt *>> idle_;
};

namespace {

class SqliteStatement final : public sql::StatementDriver {
public:
	SqliteStatement(sqlite3 *db, sqlite3_stmt *stmt, std::shared_ptr<StatementCache> cache, std::string sql)
	    : db_(db), stmt_(stmt), cache_(std::move(cache)), sql_(std::move(sql)) {}
	~SqliteStatement() override { cache_->Give(std::move(sql_), stmt_); }
	SqliteStatement(const SqliteStatement &) = delete;
	SqliteStatement &operator=(const SqliteStatement &) = delete;

	Status BindInt64(int idx, std::int64_t value) override {
		return Checked(sqlite3_bind_int64(stmt_, idx, value), idx);
	}
	Status BindText(int idx, std::string_view value) override {
		// SQLITE_TRANSIENT: SQLite copies the text, so temporaries are safe to bind.
		return Checked(sqlite3_bind_text64(stmt_, idx, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
		               idx);
	}
	Status BindNull(int idx) override { return Checked(sqlite3_bind_null(stmt_, idx), idx); }

	Result<bool> Step() override {
		const int rc = sqlite3_step(stmt_);
		if (rc == SQLITE_ROW) {
			return true;
		}
		if (rc == SQLITE_DONE) {
			return false;
		}
		Error error = SqliteError(db_, rc, "");
		// Reset so that the statement does not hold locks while the error travels up.
		sqlite3_reset(stmt_);
		return error;
	}

	std::int64_t ColumnInt64(int col) const override { return sqlite3_column_int64(stmt_, col); }

	std::string ColumnText(int col) const override {
		const unsigned char *text = sqlite3_column_text(stmt_, col);
		if (text == nullptr) {
			return std::string();
		}
		// Length after the text conversion above, so embedded NULs survive.
		const int size = sqlite3_column_bytes(stmt_, col);
		return std::string(reinterpret_cast<const char *>(text), static_cast<std::size_t>(size));
	}

	bool ColumnIsNull(int col) const override { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

	void Reset() override {
		sqlite3_reset(stmt_);
		sqlite3_clear_bindings(stmt_);
	}

private:
	Status Checked(int rc, int idx) {
		if (rc != SQLITE_OK) {
			return SqliteError(db_, rc, "bind parameter " + std::to_string(idx));
		}
		return OkStatus();
	}

	sqlite3 *db_;
	sqlite3_stmt *stmt_;
	std::shared_ptr<StatementCache> cache_;
	std::string sql_;
};

} // namespace

SqliteConnection::SqliteConnection(sqlite3 *db) : db_(db), cache_(std::make_shared<StatementCache>()) {}

SqliteConnection::~SqliteConnection() {
	cache_->Close();
	// close_v2: a statement still in use keeps the handle open until it is finalized.
	sqlite3_close_v2(db_);
}

Result<Statement> SqliteConnection::Prepare(std::string_view sql) {
	std::string text(sql);
	if (sqlite3_stmt *kept = cache_->Take(text)) {
		return Statement(std::make_unique<SqliteStatement>(db_, kept, cache_, std::move(text)));
	}
	sqlite3_stmt *stmt = nullptr;
	const char *tail = nullptr;
	const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, &tail);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(stmt);
		return SqliteError(db_, rc, "prepare");
	}
	if (stmt == nullptr) {
		return Error::Make(ErrorCode::kInternal, "prepare: empty SQL statement");
	}
	// Only the first statement of a multi-statement string would run; catch
	// that mistake here rather than silently skipping SQL.
	if (tail != nullptr) {
		for (const char *p = tail; p < sql.data() + sql.size(); ++p) {
			if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != ';') {
				sqlite3_finalize(stmt);
				return Error::Make(ErrorCode::kInternal, "prepare: more than one SQL statement given");
			}
		}
	}
	return Statement(std::make_unique<SqliteStatement>(db_, stmt, cache_, std::move(text)));
}

int SqliteConnection::Changes() {
	return sqlite3_changes(db_);
}

Result<std::int64_t> SqliteConnection::LastInsertId() {
	return static_cast<std::int64_t>(sqlite3_last_insert_rowid(db_));
}

Status SqliteConnection::ExecuteScript(std::string_view sql) {
	const std::string text(sql);
	char *message = nullptr;
	const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
	if (rc != SQLITE_OK) {
		const std::string detail = message != nullptr ? message : sqlite3_errstr(rc);
		sqlite3_free(message);
		return Error::Make(ErrorCode::kStorage, "database error: " + detail);
	}
	return OkStatus();
}

Status SqliteConnection::Begin() {
	Result<Statement> stmt = Prepare("BEGIN IMMEDIATE");
	if (!stmt) {
		return stmt.error();
	}
	return stmt->Run();
}

bool SqliteConnection::InTransaction() {
	return sqlite3_get_autocommit(db_) == 0;
}

} // namespace mamori::storage::sqlite
