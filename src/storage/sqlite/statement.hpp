// mamori/storage/sqlite/statement.hpp
//
// The SQLite driver of the SQL store's driver layer (storage/sql/connection.hpp):
// a Connection over one sqlite3 handle, and its statements over sqlite3_stmt.
#pragma once

#include "storage/sql/connection.hpp"

#include <memory>
#include <string>
#include <string_view>

struct sqlite3;

namespace mamori::storage::sqlite {

using sql::Connection;
using sql::Statement;

//! Translates a failed SQLite call into mamori's error model. UNIQUE and
//! PRIMARY KEY violations become kConflict and FOREIGN KEY violations
//! kNotFound (the caller referred to a row that does not exist); everything
//! else is kStorage with sqlite3_errmsg. `what` says which operation failed.
Error SqliteError(sqlite3 *db, int rc, std::string_view what);

class StatementCache;

//! Prepare() keeps compiled statements: a statement goes back to the connection's cache
//! (reset, bindings cleared) when the Statement using it ends, and the next Prepare of the
//! same text takes it instead of compiling again. Compiling was about a third of the CPU of
//! a dashboard request (issue 11); the store's statements are a fixed set of texts.
class SqliteConnection final : public Connection {
public:
	//! Takes ownership of an open handle; closes it when destroyed.
	explicit SqliteConnection(sqlite3 *db);
	~SqliteConnection() override;
	SqliteConnection(const SqliteConnection &) = delete;
	SqliteConnection &operator=(const SqliteConnection &) = delete;

	Dialect dialect() const override { return Dialect::kSqlite; }
	Result<Statement> Prepare(std::string_view sql) override;
	int Changes() override;
	Result<std::int64_t> LastInsertId() override;
	Status ExecuteScript(std::string_view sql) override;
	//! BEGIN IMMEDIATE: see SqliteStore::InTransaction.
	Status Begin() override;
	bool InTransaction() override;

	//! For what only SQLite has: the online backup and the migration runner.
	sqlite3 *handle() const { return db_; }

private:
	sqlite3 *db_ = nullptr;
	std::shared_ptr<StatementCache> cache_;
};

} // namespace mamori::storage::sqlite
