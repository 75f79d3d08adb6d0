// mamori/storage/sqlite/statement.cpp
#include "storage/sqlite/statement.hpp"

#include <sqlite3.h>

#include <utility>

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

Result<Statement> Statement::Prepare(sqlite3 *db, std::string_view sql) {
	sqlite3_stmt *stmt = nullptr;
	const char *tail = nullptr;
	const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt, &tail);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(stmt);
		return SqliteError(db, rc, "prepare");
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
	return Statement(db, stmt);
}

Statement::Statement(Statement &&other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)), bind_error_(std::move(other.bind_error_)) {}

Statement &Statement::operator=(Statement &&other) noexcept {
	if (this != &other) {
		sqlite3_finalize(stmt_);
		db_ = other.db_;
		stmt_ = std::exchange(other.stmt_, nullptr);
		bind_error_ = std::move(other.bind_error_);
	}
	return *this;
}

Statement::~Statement() {
	sqlite3_finalize(stmt_);
}

void Statement::NoteBind(int rc, int idx) {
	if (rc != SQLITE_OK && !bind_error_) {
		bind_error_ = SqliteError(db_, rc, "bind parameter " + std::to_string(idx));
	}
}

Statement &Statement::BindInt64(int idx, std::int64_t value) {
	NoteBind(sqlite3_bind_int64(stmt_, idx, value), idx);
	return *this;
}

Statement &Statement::Bind(int idx, std::string_view value) {
	// SQLITE_TRANSIENT: SQLite copies the text, so temporaries are safe to bind.
	NoteBind(sqlite3_bind_text64(stmt_, idx, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8), idx);
	return *this;
}

Statement &Statement::Bind(int idx, std::nullptr_t) {
	NoteBind(sqlite3_bind_null(stmt_, idx), idx);
	return *this;
}

Result<bool> Statement::Step() {
	if (bind_error_) {
		return *bind_error_;
	}
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

Status Statement::Run() {
	while (true) {
		Result<bool> row = Step();
		if (!row) {
			return row.error();
		}
		if (!*row) {
			return OkStatus();
		}
	}
}

std::int64_t Statement::ColumnInt64(int col) const {
	return sqlite3_column_int64(stmt_, col);
}

int Statement::ColumnInt(int col) const {
	return sqlite3_column_int(stmt_, col);
}

std::string Statement::ColumnText(int col) const {
	const unsigned char *text = sqlite3_column_text(stmt_, col);
	if (text == nullptr) {
		return std::string();
	}
	// Length after the text conversion above, so embedded NULs survive.
	const int size = sqlite3_column_bytes(stmt_, col);
	return std::string(reinterpret_cast<const char *>(text), static_cast<std::size_t>(size));
}

std::optional<std::int64_t> Statement::ColumnOptionalInt64(int col) const {
	if (ColumnIsNull(col)) {
		return std::nullopt;
	}
	return ColumnInt64(col);
}

bool Statement::ColumnIsNull(int col) const {
	return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

void Statement::Reset() {
	sqlite3_reset(stmt_);
	sqlite3_clear_bindings(stmt_);
	bind_error_.reset();
}

} // namespace mamori::storage::sqlite
