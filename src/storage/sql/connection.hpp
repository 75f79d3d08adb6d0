// mamori/storage/sql/connection.hpp
//
// The small driver layer under the SQL store: a Connection prepares
// Statements; a Statement binds by 1-based index, steps and reads columns.
// Two drivers implement it, SQLite (sqlite_connection.cpp) and PostgreSQL
// through libpq (postgres_connection.cpp), so the store's SQL and its row
// readers are written once. Values only ever reach SQL through Bind; there is
// deliberately no way to splice text in.
#pragma once

#include "core/common/result.hpp"

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace mamori::storage::sql {

//! What one driver does for one prepared statement. Statement wraps it.
class StatementDriver {
  public:
	virtual ~StatementDriver() = default;
	virtual Status BindInt64(int idx, std::int64_t value) = 0;
	virtual Status BindText(int idx, std::string_view value) = 0;
	virtual Status BindNull(int idx) = 0;
	virtual Result<bool> Step() = 0;
	virtual std::int64_t ColumnInt64(int col) const = 0;
	virtual std::string ColumnText(int col) const = 0;
	virtual bool ColumnIsNull(int col) const = 0;
	virtual void Reset() = 0;
};

class Connection;

class Statement {
  public:
	//! Compiles one SQL statement on db (Connection::Prepare).
	static Result<Statement> Prepare(Connection *db, std::string_view sql);

	explicit Statement(std::unique_ptr<StatementDriver> driver) : driver_(std::move(driver)) {}
	Statement(Statement &&other) noexcept = default;
	Statement &operator=(Statement &&other) noexcept = default;
	Statement(const Statement &) = delete;
	Statement &operator=(const Statement &) = delete;
	~Statement() = default;

	// Parameters are 1-based, as in SQLite; the PostgreSQL driver turns `?`
	// and `?N` into `$N`. A failed bind is remembered and reported by the next
	// Step/Run, so binds can be chained.
	template <std::integral T>
	Statement &Bind(int idx, T value) {
		return Note(driver_->BindInt64(idx, static_cast<std::int64_t>(value)));
	}
	Statement &Bind(int idx, std::string_view value) { return Note(driver_->BindText(idx, value)); }
	Statement &Bind(int idx, const char *value) { return Bind(idx, std::string_view(value)); }
	Statement &Bind(int idx, const std::string &value) { return Bind(idx, std::string_view(value)); }
	Statement &Bind(int idx, std::nullptr_t) { return Note(driver_->BindNull(idx)); }
	template <typename T>
	Statement &Bind(int idx, const std::optional<T> &value) {
		if (value) {
			return Bind(idx, *value);
		}
		return Bind(idx, nullptr);
	}

	//! Advances: true when a row is available, false when the statement is done.
	Result<bool> Step();
	//! Steps until done, for statements that return no rows (or whose rows
	//! do not matter, like PRAGMA assignments).
	Status Run();

	//! Column getters for the current row (0-based, as in SQLite). NULL reads
	//! as 0 / empty text; ColumnOptionalInt64 keeps NULL distinct.
	std::int64_t ColumnInt64(int col) const { return driver_->ColumnInt64(col); }
	int ColumnInt(int col) const { return static_cast<int>(driver_->ColumnInt64(col)); }
	bool ColumnBool(int col) const { return ColumnInt64(col) != 0; }
	std::string ColumnText(int col) const { return driver_->ColumnText(col); }
	std::optional<std::int64_t> ColumnOptionalInt64(int col) const;
	bool ColumnIsNull(int col) const { return driver_->ColumnIsNull(col); }

	//! Makes the statement runnable again and clears all bindings.
	void Reset();

  private:
	Statement &Note(Status bound) {
		if (!bound && !bind_error_) {
			bind_error_ = bound.error();
		}
		return *this;
	}

	std::unique_ptr<StatementDriver> driver_;
	//! First bind failure, surfaced by Step so that a bad bind never runs
	//! the statement with a missing value.
	std::optional<Error> bind_error_;
};

//! One database connection. Not thread-safe: the store serialises its use.
class Connection {
  public:
	enum class Dialect { kSqlite, kPostgres };

	virtual ~Connection() = default;
	virtual Dialect dialect() const = 0;
	virtual Result<Statement> Prepare(std::string_view sql) = 0;
	//! Rows inserted, updated or deleted by the last statement that ran.
	virtual int Changes() = 0;
	//! The id of the row the last INSERT created in this connection.
	virtual Result<std::int64_t> LastInsertId() = 0;
	//! Runs a text of several statements (migrations); no parameters.
	virtual Status ExecuteScript(std::string_view sql) = 0;
	//! Opens the outermost transaction so that it holds the write lock from
	//! the start: writers are serialised, as the store's read-then-write
	//! steps (the audit chain, the next round number) expect.
	virtual Status Begin() = 0;
	//! False when no transaction is open, including when the database rolled
	//! one back by itself after an error.
	virtual bool InTransaction() = 0;
};

} // namespace mamori::storage::sql
