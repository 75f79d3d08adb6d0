// mamori/storage/transfer/package_schema.cpp
#include "storage/transfer/package_schema.hpp"

#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/statement.hpp"
#include "storage/transfer/organization_rows.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <memory>

namespace mamori::storage::transfer {
namespace {

using mamori::transfer::OrganizationData;
using mamori::transfer::TableRows;

Result<std::unique_ptr<sqlite::SqliteConnection>> OpenInMemory() {
	::sqlite3 *db = nullptr;
	if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
		sqlite3_close(db);
		return Error::Make(ErrorCode::kStorage, "cannot open a database in memory");
	}
	return std::make_unique<sqlite::SqliteConnection>(db);
}

//! A database in memory at the schema of the first `count` migration files.
Result<std::unique_ptr<sqlite::SqliteConnection>> DatabaseAt(const std::vector<sqlite::MigrationFile> &files,
                                                             size_t count) {
	std::unique_ptr<sqlite::SqliteConnection> db = MAMORI_TRY(OpenInMemory());
	const std::vector<sqlite::MigrationFile> prefix(files.begin(), files.begin() + static_cast<std::ptrdiff_t>(count));
	MAMORI_TRY(sqlite::ApplyMigrationFiles(*db, prefix));
	return db;
}

//! The package's rows as they are, ids included, into the old schema. The
//! keys are checked once the later migrations have run (each migration runs
//! foreign_key_check), so a package naming rows it lacks stops there.
Status LoadRows(sql::Connection &db, const SchemaModel &model, const OrganizationData &data) {
	for (size_t t = 0; t < data.tables.size(); ++t) {
		const TableRows &rows = data.tables[t];
		const TableModel *table = model.Find(rows.name);
		if (table == nullptr || table->scope == TableScope::kInstallation) {
			return Error::Invalid("tables[" + std::to_string(t) + "].name", "errors.transfer.table_unknown",
			                      {{"name", rows.name}});
		}
		std::string names;
		std::string marks;
		// A package carries only who a person is; the old schema wants the
		// account's creation time too, which the receiving database sets anew.
		const bool person_needs_time = rows.name == "users" && table->HasColumn("created_at") &&
		                               std::find(rows.columns.begin(), rows.columns.end(), "created_at") == rows.columns.end();
		for (const std::string &column : rows.columns) {
			if (!table->HasColumn(column)) {
				return Error::Invalid("tables[" + std::to_string(t) + "].columns", "errors.transfer.column_unknown",
				                      {{"table", rows.name}, {"name", column}});
			}
			names += (names.empty() ? "" : ", ") + column;
			marks += marks.empty() ? "?" : ", ?";
		}
		if (person_needs_time) {
			names += ", created_at";
			marks += ", ''";
		}
		sql::Statement insert = MAMORI_TRY(db.Prepare("INSERT INTO " + rows.name + "(" + names + ") VALUES (" + marks + ")"));
		for (size_t r = 0; r < rows.rows.size(); ++r) {
			insert.Reset();
			for (size_t c = 0; c < rows.columns.size(); ++c) {
				insert.Bind(static_cast<int>(c) + 1, rows.rows[r][c]);
			}
			if (Status ran = insert.Run(); !ran) {
				return Error::Invalid("tables." + rows.name + ".rows[" + std::to_string(r) + "]",
				                      "errors.transfer.row_refused", {{"table", rows.name}, {"reason", ran.error().message}});
			}
		}
	}
	return OkStatus();
}

} // namespace

Result<SchemaModel> CurrentSchemaModel(const std::string &sqlite_migrations_dir) {
	const std::vector<sqlite::MigrationFile> files = MAMORI_TRY(sqlite::LoadMigrations(sqlite_migrations_dir));
	std::unique_ptr<sqlite::SqliteConnection> db = MAMORI_TRY(DatabaseAt(files, files.size()));
	return ReadSchemaModel(*db, files.back().version);
}

Result<OrganizationData> UpgradeOrganizationData(OrganizationData data, const std::string &sqlite_migrations_dir) {
	const std::vector<sqlite::MigrationFile> files = MAMORI_TRY(sqlite::LoadMigrations(sqlite_migrations_dir));
	const int newest = files.back().version;
	if (data.schema_version > newest) {
		return Error::Invalid("schema_version", "errors.transfer.schema_newer",
		                      {{"version", std::to_string(data.schema_version)}, {"supported", std::to_string(newest)}});
	}
	if (data.schema_version == newest) {
		return data;
	}
	// Migration numbers run 1, 2, 3, … without gaps (LoadMigrations checks).
	const size_t old_count = static_cast<size_t>(data.schema_version);
	std::unique_ptr<sqlite::SqliteConnection> db = MAMORI_TRY(DatabaseAt(files, old_count));
	const SchemaModel old_model = MAMORI_TRY(ReadSchemaModel(*db, data.schema_version));
	MAMORI_TRY(db->ExecuteScript("PRAGMA foreign_keys = OFF"));
	MAMORI_TRY(db->ExecuteScript("BEGIN"));
	if (Status loaded = LoadRows(*db, old_model, data); !loaded) {
		(void)db->ExecuteScript("ROLLBACK");
		return loaded.error();
	}
	MAMORI_TRY(db->ExecuteScript("COMMIT"));
	if (Result<int> upgraded = sqlite::ApplyMigrationFiles(*db, files); !upgraded) {
		return Error::Invalid("schema_version", "errors.transfer.upgrade_failed",
		                      {{"version", std::to_string(data.schema_version)}, {"reason", upgraded.error().message}});
	}
	const SchemaModel model = MAMORI_TRY(ReadSchemaModel(*db, newest));
	const TableRows *organization = data.Find("organizations");
	const TableRows *first = organization != nullptr && !organization->rows.empty() ? organization : nullptr;
	if (first == nullptr || first->columns.empty()) {
		return Error::Invalid("tables", "errors.transfer.organization_row");
	}
	std::int64_t org_id = 0;
	for (size_t c = 0; c < first->columns.size(); ++c) {
		if (first->columns[c] == "id" && first->rows.front()[c]) {
			org_id = ParseRowId(*first->rows.front()[c]).value_or(0);
		}
	}
	OrganizationData upgraded = MAMORI_TRY(ReadOrganizationRows(*db, model, org_id));
	upgraded.exported_at = data.exported_at;
	upgraded.origin = data.origin;
	upgraded.based_on = data.based_on;
	return upgraded;
}

} // namespace mamori::storage::transfer
