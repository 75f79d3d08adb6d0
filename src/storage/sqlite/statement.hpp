// mamori/storage/sqlite/statement.hpp
//
// A thin RAII wrapper over sqlite3_stmt so that the store reads as
// "prepare, bind, step" without repeating error plumbing. Values only ever
// reach SQL through Bind; there is deliberately no way to splice text in.
#pragma once

#include "core/common/result.hpp"

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace mamori::storage::sqlite {

//! Translates a failed SQLite call into mamori's error model. UNIQUE and
//! PRIMARY KEY violations become kConflict and FOREIGN KEY violations
//! kNotFound (the caller referred to a row that does not exist); everything
//! else is kStorage with sqlite3_errmsg. `what` says which operation failed.
Error SqliteError(sqlite3 *db, int rc, std::string_view what);

class Statement {
public:
	//! Compiles one SQL statement with sqlite3_prepare_v2.
	static Result<Statement> Prepare(sqlite3 *db, std::string_view sql);

	Statement(Statement &&other) noexcept;
	Statement &operator=(Statement &&other) noexcept;
	Statement(const Statement &) = delete;
	Statement &operator=(const Statement &) = delete;
	~Statement();

	// Parameters are 1-based, as in SQLite. A failed bind is remembered and
	// reported by the next Step/Run, so binds can be chained.
	template <std::integral T>
	Statement &Bind(int idx, T value) {
		return BindInt64(idx, static_cast<std::int64_t>(value));
	}
	Statement &Bind(int idx, std::string_view value);
	Statement &Bind(int idx, const char *value) { return Bind(idx, std::string_view(value)); }
	Statement &Bind(int idx, std::nullptr_t);
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
	std::int64_t ColumnInt64(int col) const;
	int ColumnInt(int col) const;
	bool ColumnBool(int col) const { return ColumnInt64(col) != 0; }
	std::string ColumnText(int col) const;
	std::optional<std::int64_t> ColumnOptionalInt64(int col) const;
	bool ColumnIsNull(int col) const;

	//! Makes the statement runnable again and clears all bindings.
	void Reset();

	sqlite3_stmt *get() const { return stmt_; }

private:
	Statement(sqlite3 *db, sqlite3_stmt *stmt) : db_(db), stmt_(stmt) {}
	Statement &BindInt64(int idx, std::int64_t value);
	void NoteBind(int rc, int idx);

	sqlite3 *db_ = nullptr;
	sqlite3_stmt *stmt_ = nullptr;
	//! First bind failure, surfaced by Step so that a bad bind never runs
	//! the statement with a missing value.
	std::optional<Error> bind_error_;
};

} // namespace mamori::storage::sqlite
