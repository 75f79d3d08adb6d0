// mamori/storage/postgres/postgres_connection.hpp
//
// The PostgreSQL driver of the SQL store's driver layer
// (storage/sql/connection.hpp), over libpq. The store's SQL is written once
// with SQLite's `?` and `?N` placeholders; this driver rewrites them to `$N`
// and keeps each statement prepared on the server for the connection's life.
#pragma once

#include "storage/sql/connection.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct pg_conn;
struct pg_result;

namespace mamori::storage::postgres {

//! `?` -> `$n` (the next number after the highest so far, as SQLite counts)
//! and `?N` -> `$N`, outside quoted text, quoted names and comments.
//! `parameters` receives the highest number used.
std::string RewritePlaceholders(std::string_view sql, int *parameters);

//! Frees a PGresult when it goes out of scope.
struct ResultDeleter {
	void operator()(pg_result *result) const;
};
using ResultPtr = std::unique_ptr<pg_result, ResultDeleter>;

class PostgresConnection final : public sql::Connection {
  public:
	//! Connects to the database a libpq connection URI (postgresql://...) or
	//! key=value string names. kStorage when the server cannot be reached.
	static Result<std::unique_ptr<PostgresConnection>> Connect(const std::string &url);

	~PostgresConnection() override;
	PostgresConnection(const PostgresConnection &) = delete;
	PostgresConnection &operator=(const PostgresConnection &) = delete;

	Dialect dialect() const override { return Dialect::kPostgres; }
	Result<sql::Statement> Prepare(std::string_view sql) override;
	int Changes() override { return changes_; }
	//! lastval(): the identity value the last INSERT drew in this session.
	Result<std::int64_t> LastInsertId() override;
	Status ExecuteScript(std::string_view sql) override;
	//! BEGIN, then the writers' advisory lock: see kWriterLock.
	Status Begin() override;
	bool InTransaction() override;

	//! Runs a prepared statement (preparing it on first use) with text
	//! parameters; `types` holds 0 (let the server infer) or an int8 OID.
	//! Used by the statements this driver hands out.
	Result<ResultPtr> ExecutePrepared(const std::string &sql, const std::vector<unsigned> &types,
	                                  const std::vector<std::optional<std::string>> &values);

  private:
	explicit PostgresConnection(pg_conn *conn) : conn_(conn) {}

	//! Reconnects when the server dropped the connection (restart, failover,
	//! idle timeout). A transaction that was open is lost: every statement
	//! fails until the store rolls it back, so no half of it runs outside.
	Status EnsureConnected();
	//! Checks a finished command; records its changed-row count.
	Result<ResultPtr> Checked(pg_result *raw, std::string_view what);
	Status Simple(const char *sql);

	pg_conn *conn_ = nullptr;
	//! Server-side prepared statements by SQL and parameter types.
	std::unordered_map<std::string, std::string> prepared_;
	int next_statement_ = 0;
	int changes_ = 0;
	//! Set when the connection broke inside a transaction; cleared by ROLLBACK.
	bool lost_transaction_ = false;
	//! Whether a transaction was open when the current command was sent.
	bool in_transaction_before_ = false;
};

} // namespace mamori::storage::postgres
