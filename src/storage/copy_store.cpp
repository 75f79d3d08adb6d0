// mamori/storage/copy_store.cpp
#include "storage/copy_store.hpp"

#include "storage/open_store.hpp"
#include "storage/sql/connection.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "storage/transfer/schema_model.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <vector>

namespace mamori::storage {
namespace {

using Dialect = sql::Connection::Dialect;

Result<std::unique_ptr<SqliteStore>> Open(const std::string &url, const std::string &migrations_root) {
	StoreUrl parsed = MAMORI_TRY(ParseStoreUrl(url));
	if (parsed.backend == StoreUrl::Backend::kPostgres) {
		return SqliteStore::OpenPostgres(parsed.target, migrations_root + "/postgresql");
	}
	return SqliteStore::Open(parsed.target, migrations_root + "/sqlite");
}

Result<std::int64_t> Count(sql::Connection &db, const std::string &table) {
	sql::Statement stmt = MAMORI_TRY(db.Prepare("SELECT COUNT(*) FROM " + table));
	MAMORI_TRY(stmt.Step());
	return stmt.ColumnInt64(0);
}

Result<std::int64_t> CopyTable(sql::Connection &lite, sql::Connection &from, sql::Connection &to,
                               const std::string &table) {
	const std::vector<std::string> columns = MAMORI_TRY(transfer::ColumnsOf(lite, table));
	std::string names;
	std::string marks;
	for (const std::string &column : columns) {
		names += (names.empty() ? "" : ", ") + column;
		marks += marks.empty() ? "?" : ", ?";
	}
	sql::Statement read = MAMORI_TRY(from.Prepare("SELECT " + names + " FROM " + table));
	sql::Statement write = MAMORI_TRY(to.Prepare("INSERT INTO " + table + "(" + names + ") VALUES (" + marks + ")"));
	std::int64_t rows = 0;
	// Values travel as text (or NULL): both databases turn the text of a
	// number back into the number for an INTEGER column.
	while (MAMORI_TRY(read.Step())) {
		write.Reset();
		for (std::size_t i = 0; i < columns.size(); ++i) {
			const int col = static_cast<int>(i);
			if (read.ColumnIsNull(col)) {
				write.Bind(col + 1, nullptr);
			} else {
				write.Bind(col + 1, read.ColumnText(col));
			}
		}
		MAMORI_TRY(write.Run());
		++rows;
	}
	if (to.dialect() == Dialect::kPostgres && std::find(columns.begin(), columns.end(), "id") != columns.end()) {
		// New rows continue after the copied ids.
		MAMORI_TRY(to.ExecuteScript("SELECT setval(pg_get_serial_sequence('" + table +
		                            "', 'id'), "
		                            "COALESCE((SELECT MAX(id) FROM " +
		                            table + "), 0) + 1, false)"));
	}
	return rows;
}

Result<StoreCopy> CopyAll(sql::Connection &lite, sql::Connection &from, sql::Connection &to) {
	for (const char *table : {"users", "organizations", "audit_log"}) {
		if (MAMORI_TRY(Count(to, table)) > 0) {
			return Error::Invalid("to", "errors.store.copy_target_not_empty");
		}
	}
	// Parents first, read from the SQLite side's own schema (both schemas are
	// the same: schema_parity_test).
	const std::vector<std::string> tables = MAMORI_TRY(transfer::TablesParentsFirst(lite));
	// Opening the target wrote its own settings (the audit seal); the source's replace them.
	MAMORI_TRY(to.ExecuteScript("DELETE FROM settings"));
	StoreCopy copy;
	for (const std::string &table : tables) {
		const std::int64_t copied = MAMORI_TRY(CopyTable(lite, from, to, table));
		const std::int64_t in_source = MAMORI_TRY(Count(from, table));
		const std::int64_t in_target = MAMORI_TRY(Count(to, table));
		if (copied != in_source || in_target != in_source) {
			return Error::Make(ErrorCode::kStorage, "table " + table + ": " + std::to_string(in_source) +
			                                            " rows in the source, " + std::to_string(in_target) +
			                                            " in the copy; nothing was copied");
		}
		++copy.tables;
		copy.rows += copied;
	}
	return copy;
}

} // namespace

Result<StoreCopy> CopyStore(const std::string &from, const std::string &to, const std::string &migrations_root) {
	if (from == to) {
		return Error::Invalid("to", "errors.store.copy_same");
	}
	std::unique_ptr<SqliteStore> source = MAMORI_TRY(Open(from, migrations_root));
	std::unique_ptr<SqliteStore> target = MAMORI_TRY(Open(to, migrations_root));
	sql::ConnectionPool::Lease in_lease = source->LeaseConnection();
	sql::ConnectionPool::Lease out_lease = target->LeaseConnection();
	sql::Connection &in = *in_lease;
	sql::Connection &out = *out_lease;
	sql::Connection *lite = in.dialect() == Dialect::kSqlite ? &in : out.dialect() == Dialect::kSqlite ? &out : nullptr;
	if (lite == nullptr) {
		return Error::Invalid("to", "errors.store.copy_needs_sqlite");
	}
	// The source is read as one snapshot: SQLite's write lock keeps writers
	// out meanwhile; PostgreSQL's REPEATABLE READ sees one moment.
	if (in.dialect() == Dialect::kSqlite) {
		MAMORI_TRY(in.Begin());
	} else {
		MAMORI_TRY(in.ExecuteScript("BEGIN ISOLATION LEVEL REPEATABLE READ"));
	}
	if (Status begun = out.Begin(); !begun) {
		(void)in.ExecuteScript("ROLLBACK");
		return begun.error();
	}
	if (out.dialect() == Dialect::kSqlite) {
		// Checked at COMMIT: the copy keeps the source's rows exactly as they are.
		(void)out.ExecuteScript("PRAGMA defer_foreign_keys = ON");
	}
	Result<StoreCopy> copied = CopyAll(*lite, in, out);
	(void)in.ExecuteScript("ROLLBACK");
	if (!copied) {
		(void)out.ExecuteScript("ROLLBACK");
		return copied.error();
	}
	if (Status committed = out.ExecuteScript("COMMIT"); !committed) {
		(void)out.ExecuteScript("ROLLBACK");
		return committed.error();
	}
	return copied;
}

} // namespace mamori::storage
