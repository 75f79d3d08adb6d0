// mamori/storage/postgres/postgres_connection.cpp
#include "storage/postgres/postgres_connection.hpp"

#include "storage/postgres/libpq_functions.hpp"

#include <charconv>
#include <utility>

namespace mamori::storage::postgres {
namespace {

// INT8OID from PostgreSQL's catalog: integers are sent as bigint, so they
// compare with INTEGER and BIGINT columns alike. Text and NULL go untyped
// (0) and take the type the SQL gives them, as SQLite's values do.
constexpr unsigned kInt8Oid = 20;

// The advisory lock every write transaction takes right after BEGIN. It makes
// PostgreSQL serialise writers the way SQLite's BEGIN IMMEDIATE does, across
// all mamori processes on the database, so the store's read-then-write steps
// (the audit chain's previous hash, the next round number, check-then-insert)
// stay correct with several instances. Readers are not blocked. A finer lock
// is possible once a measurement asks for it.
constexpr const char *kWriterLock = "SELECT pg_advisory_xact_lock(7236837311582470001)";

// More distinct statements than the store has means dynamic SQL (IN lists of
// varying length); the cache starts again rather than growing without end.
constexpr std::size_t kMaxPrepared = 2000;

Error PostgresError(const pg_result *result, pg_conn *conn, std::string_view what) {
	const char *state = result != nullptr ? Libpq().PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
	std::string detail = result != nullptr ? Libpq().PQresultErrorMessage(result) : "";
	if (detail.empty()) {
		detail = Libpq().PQerrorMessage(conn);
	}
	while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) {
		detail.pop_back();
	}
	const std::string prefix = what.empty() ? std::string() : std::string(what) + ": ";
	const std::string_view code = state != nullptr ? state : "";
	// The same mapping as SqliteError: duplicate key -> kConflict, a
	// reference to a missing row -> kNotFound, anything else kStorage.
	if (code == "23505") {
		return Error::Make(ErrorCode::kConflict, prefix + "a record with the same key already exists (" + detail + ")");
	}
	if (code == "23503") {
		return Error::Make(ErrorCode::kNotFound, prefix + "refers to a record that does not exist (" + detail + ")");
	}
	return Error::Make(ErrorCode::kStorage, prefix + "database error: " + detail);
}

class PostgresStatement final : public sql::StatementDriver {
  public:
	PostgresStatement(PostgresConnection *connection, std::string sql, int parameters)
	    : connection_(connection), sql_(std::move(sql)), types_(static_cast<std::size_t>(parameters), 0),
	      values_(static_cast<std::size_t>(parameters)) {}

	Status BindInt64(int idx, std::int64_t value) override {
		MAMORI_TRY(Slot(idx));
		types_[static_cast<std::size_t>(idx - 1)] = kInt8Oid;
		values_[static_cast<std::size_t>(idx - 1)] = std::to_string(value);
		return OkStatus();
	}
	Status BindText(int idx, std::string_view value) override {
		MAMORI_TRY(Slot(idx));
		types_[static_cast<std::size_t>(idx - 1)] = 0;
		values_[static_cast<std::size_t>(idx - 1)] = std::string(value);
		return OkStatus();
	}
	Status BindNull(int idx) override {
		MAMORI_TRY(Slot(idx));
		types_[static_cast<std::size_t>(idx - 1)] = 0;
		values_[static_cast<std::size_t>(idx - 1)].reset();
		return OkStatus();
	}

	Result<bool> Step() override {
		if (!result_) {
			Result<ResultPtr> ran = connection_->ExecutePrepared(sql_, types_, values_);
			if (!ran) {
				return ran.error();
			}
			result_ = std::move(ran).value();
			rows_ = Libpq().PQntuples(result_.get());
			row_ = -1;
		}
		if (row_ < rows_) {
			++row_;
		}
		return row_ < rows_;
	}

	std::int64_t ColumnInt64(int col) const override {
		if (ColumnIsNull(col)) {
			return 0;
		}
		const char *text = Libpq().PQgetvalue(result_.get(), row_, col);
		// Boolean expressions come back as t/f; SQLite gives 1/0 for them.
		if (text[0] == 't' && text[1] == '\0') {
			return 1;
		}
		if (text[0] == 'f' && text[1] == '\0') {
			return 0;
		}
		std::int64_t value = 0;
		const char *end = text + Libpq().PQgetlength(result_.get(), row_, col);
		std::from_chars(text, end, value);
		return value;
	}

	std::string ColumnText(int col) const override {
		if (ColumnIsNull(col)) {
			return std::string();
		}
		return std::string(Libpq().PQgetvalue(result_.get(), row_, col),
		                   static_cast<std::size_t>(Libpq().PQgetlength(result_.get(), row_, col)));
	}

	bool ColumnIsNull(int col) const override {
		return !result_ || row_ < 0 || row_ >= rows_ || col >= Libpq().PQnfields(result_.get()) ||
		       Libpq().PQgetisnull(result_.get(), row_, col) != 0;
	}

	void Reset() override {
		result_.reset();
		std::fill(types_.begin(), types_.end(), 0);
		std::fill(values_.begin(), values_.end(), std::nullopt);
	}

  private:
	Status Slot(int idx) const {
		if (idx < 1 || static_cast<std::size_t>(idx) > values_.size()) {
			return Error::Make(ErrorCode::kStorage, "bind parameter " + std::to_string(idx) + ": out of range");
		}
		return OkStatus();
	}

	PostgresConnection *connection_;
	std::string sql_;
	std::vector<unsigned> types_;
	std::vector<std::optional<std::string>> values_;
	ResultPtr result_;
	int rows_ = 0;
	int row_ = -1;
};

} // namespace

void ResultDeleter::operator()(pg_result *result) const {
	Libpq().PQclear(result);
}

std::string RewritePlaceholders(std::string_view sql, int *parameters) {
	std::string out;
	out.reserve(sql.size() + 16);
	int highest = 0;
	std::size_t i = 0;
	auto copy_until = [&](char close) {
		// Copies a quoted run including both quotes; a doubled quote stays inside.
		out += sql[i++];
		while (i < sql.size()) {
			out += sql[i];
			if (sql[i++] == close) {
				if (i < sql.size() && sql[i] == close) {
					out += sql[i++];
					continue;
				}
				return;
			}
		}
	};
	while (i < sql.size()) {
		const char c = sql[i];
		if (c == '\'' || c == '"') {
			copy_until(c);
		} else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
			const std::size_t end = sql.find('\n', i);
			const std::size_t stop = end == std::string_view::npos ? sql.size() : end;
			out.append(sql.substr(i, stop - i));
			i = stop;
		} else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
			const std::size_t end = sql.find("*/", i + 2);
			const std::size_t stop = end == std::string_view::npos ? sql.size() : end + 2;
			out.append(sql.substr(i, stop - i));
			i = stop;
		} else if (c == '?') {
			++i;
			int number = 0;
			bool explicit_number = false;
			while (i < sql.size() && sql[i] >= '0' && sql[i] <= '9') {
				number = number * 10 + (sql[i++] - '0');
				explicit_number = true;
			}
			if (!explicit_number) {
				number = highest + 1;
			}
			highest = std::max(highest, number);
			out += '$';
			out += std::to_string(number);
		} else {
			out += sql[i++];
		}
	}
	if (parameters != nullptr) {
		*parameters = highest;
	}
	return out;
}

Result<std::unique_ptr<PostgresConnection>> PostgresConnection::Connect(const std::string &url) {
	MAMORI_TRY(LoadLibpq());  // every other libpq call follows a connection's opening
	pg_conn *conn = Libpq().PQconnectdb(url.c_str());
	if (conn == nullptr || Libpq().PQstatus(conn) != CONNECTION_OK) {
		std::string detail = conn != nullptr ? Libpq().PQerrorMessage(conn) : "out of memory";
		while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) {
			detail.pop_back();
		}
		Libpq().PQfinish(conn);
		return Error::Make(ErrorCode::kStorage, "cannot connect to PostgreSQL: " + detail);
	}
	std::unique_ptr<PostgresConnection> connection(new PostgresConnection(conn));
	// Server notices ("relation already exists, skipping") are not errors and
	// would otherwise land on the CLI's standard error.
	Libpq().PQsetNoticeProcessor(
	    conn, [](void *, const char *) {}, nullptr);
	if (Libpq().PQsetClientEncoding(conn, "UTF8") != 0) {
		return Error::Make(ErrorCode::kStorage, "cannot connect to PostgreSQL: the server does not speak UTF-8");
	}
	return connection;
}

PostgresConnection::~PostgresConnection() {
	Libpq().PQfinish(conn_);
}

Status PostgresConnection::EnsureConnected() {
	// First, whatever the connection's state: after a reset, statements of the
	// lost transaction must not run on their own.
	if (lost_transaction_) {
		return Error::Make(ErrorCode::kStorage,
		                   "the connection to PostgreSQL broke during a transaction; it was rolled back");
	}
	if (Libpq().PQstatus(conn_) == CONNECTION_OK) {
		return OkStatus();
	}
	Libpq().PQreset(conn_);
	prepared_.clear();
	if (Libpq().PQstatus(conn_) != CONNECTION_OK) {
		return PostgresError(nullptr, conn_, "reconnect to PostgreSQL");
	}
	Libpq().PQsetClientEncoding(conn_, "UTF8");
	return OkStatus();
}

Result<ResultPtr> PostgresConnection::Checked(pg_result *raw, std::string_view what) {
	ResultPtr result(raw);
	const ExecStatusType status = result ? Libpq().PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
	if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
		if (Libpq().PQstatus(conn_) != CONNECTION_OK && (in_transaction_before_ || lost_transaction_)) {
			lost_transaction_ = true;
		}
		return PostgresError(result.get(), conn_, what);
	}
	const char *count = Libpq().PQcmdTuples(result.get());
	changes_ = 0;
	std::from_chars(count, count + std::char_traits<char>::length(count), changes_);
	return result;
}

Status PostgresConnection::Simple(const char *sql) {
	const std::string_view text(sql);
	if (text == "ROLLBACK" && lost_transaction_) {
		// The server rolled it back when the connection broke.
		lost_transaction_ = false;
		return EnsureConnected();
	}
	MAMORI_TRY(EnsureConnected());
	in_transaction_before_ = InTransaction();
	MAMORI_TRY(Checked(Libpq().PQexec(conn_, sql), ""));
	return OkStatus();
}

Result<ResultPtr> PostgresConnection::ExecutePrepared(const std::string &sql, const std::vector<unsigned> &types,
                                                      const std::vector<std::optional<std::string>> &values) {
	MAMORI_TRY(EnsureConnected());
	in_transaction_before_ = InTransaction();
	std::string key = sql;
	key += '\x01';
	for (unsigned type : types) {
		key += type == kInt8Oid ? 'i' : 't';
	}
	auto found = prepared_.find(key);
	if (found == prepared_.end()) {
		if (prepared_.size() >= kMaxPrepared) {
			MAMORI_TRY(Checked(Libpq().PQexec(conn_, "DEALLOCATE ALL"), "prepare"));
			prepared_.clear();
		}
		std::string name = "mamori_" + std::to_string(++next_statement_);
		std::vector<Oid> oids(types.begin(), types.end());
		MAMORI_TRY(Checked(Libpq().PQprepare(conn_, name.c_str(), sql.c_str(), static_cast<int>(oids.size()), oids.data()),
		                   "prepare"));
		found = prepared_.emplace(std::move(key), std::move(name)).first;
	}
	std::vector<const char *> pointers;
	pointers.reserve(values.size());
	for (const auto &value : values) {
		pointers.push_back(value ? value->c_str() : nullptr);
	}
	return Checked(Libpq().PQexecPrepared(conn_, found->second.c_str(), static_cast<int>(pointers.size()), pointers.data(),
	                              nullptr, nullptr, 0),
	               "");
}

Result<sql::Statement> PostgresConnection::Prepare(std::string_view sql) {
	int parameters = 0;
	std::string rewritten = RewritePlaceholders(sql, &parameters);
	// Transaction control runs as a simple command: it takes no parameters,
	// and ROLLBACK must reach Simple's handling of a lost transaction.
	for (const char *command : {"BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT ", "RELEASE ", "ROLLBACK TO "}) {
		if (rewritten.rfind(command, 0) == 0) {
			class Command final : public sql::StatementDriver {
			  public:
				Command(PostgresConnection *connection, std::string text)
				    : connection_(connection), text_(std::move(text)) {}
				Status BindInt64(int, std::int64_t) override { return Unbindable(); }
				Status BindText(int, std::string_view) override { return Unbindable(); }
				Status BindNull(int) override { return Unbindable(); }
				Result<bool> Step() override {
					MAMORI_TRY(connection_->ExecuteScript(text_));
					return false;
				}
				std::int64_t ColumnInt64(int) const override { return 0; }
				std::string ColumnText(int) const override { return std::string(); }
				bool ColumnIsNull(int) const override { return true; }
				void Reset() override {}

			  private:
				static Status Unbindable() {
					return Error::Make(ErrorCode::kInternal, "a transaction command takes no parameters");
				}
				PostgresConnection *connection_;
				std::string text_;
			};
			return sql::Statement(std::make_unique<Command>(this, std::move(rewritten)));
		}
	}
	return sql::Statement(std::make_unique<PostgresStatement>(this, std::move(rewritten), parameters));
}

Result<std::int64_t> PostgresConnection::LastInsertId() {
	Result<ResultPtr> result = ExecutePrepared("SELECT lastval()", {}, {});
	if (!result) {
		return result.error();
	}
	std::int64_t id = 0;
	const char *text = Libpq().PQgetvalue(result->get(), 0, 0);
	std::from_chars(text, text + std::char_traits<char>::length(text), id);
	return id;
}

Status PostgresConnection::ExecuteScript(std::string_view sql) {
	const std::string text(sql);
	return Simple(text.c_str());
}

Status PostgresConnection::Begin() {
	// READ COMMITTED whatever the server's default: each statement after the
	// lock then sees every write committed before it was granted.
	MAMORI_TRY(Simple("BEGIN ISOLATION LEVEL READ COMMITTED"));
	if (Status locked = Simple(kWriterLock); !locked) {
		(void)Simple("ROLLBACK");
		return locked;
	}
	return OkStatus();
}

bool PostgresConnection::InTransaction() {
	if (lost_transaction_) {
		return true;
	}
	const PGTransactionStatusType status = Libpq().PQtransactionStatus(conn_);
	return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

} // namespace mamori::storage::postgres
