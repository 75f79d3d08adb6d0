// mamori/tests/unit/storage/postgres/schema_parity_test.cpp
//
// The two dialects' schemas must hold the same tables, columns and indexes:
// every migration from 0022 on is written twice (migrations/postgresql/README.md),
// and this is where a forgotten half shows.
#include "storage/open_store.hpp"
#include "storage/postgres/pg_test_schema.hpp"
#include "storage/postgres/postgres_connection.hpp"
#include "storage/sqlite/statement.hpp"
#include "support/catalog.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <set>
#include <string>

namespace mamori::storage {
namespace {

std::set<std::string> Rows(sql::Connection &db, const std::string &query) {
	std::set<std::string> rows;
	auto stmt = db.Prepare(query);
	EXPECT_TRUE(stmt.ok()) << (stmt.ok() ? "" : stmt.error().Describe());
	if (!stmt.ok()) {
		return rows;
	}
	while (true) {
		auto row = stmt->Step();
		EXPECT_TRUE(row.ok()) << (row.ok() ? "" : row.error().Describe());
		if (!row.ok() || !*row) {
			return rows;
		}
		rows.insert(stmt->ColumnText(0));
	}
}

TEST(SchemaParity, PostgresHasSqlitesTablesColumnsAndIndexes) {
	if (testing_support::PostgresTestUrl().empty()) {
		GTEST_SKIP() << "MAMORI_TEST_PG_URL is not set (scripts/pg-test-cluster.sh start)";
	}
	const std::string migrations = testing_support::SourcePath("migrations");
	testing_support::TempDir dir("parity");
	const std::string file = dir.File("mamori.db");
	ASSERT_TRUE(OpenStore(file, migrations).ok());
	auto url = testing_support::FreshPostgresSchema();
	ASSERT_TRUE(url.ok()) << url.error().Describe();
	ASSERT_TRUE(OpenStore(*url, migrations).ok());

	::sqlite3 *handle = nullptr;
	ASSERT_EQ(sqlite3_open(file.c_str(), &handle), SQLITE_OK);
	sqlite::SqliteConnection lite(handle);
	auto pg = postgres::PostgresConnection::Connect(*url);
	ASSERT_TRUE(pg.ok()) << pg.error().Describe();

	// "table.column" for every column; the settings the stores keep are data, not schema.
	const auto lite_columns =
	    Rows(lite, "SELECT m.name || '.' || p.name FROM sqlite_master m, pragma_table_info(m.name) p "
	               "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'");
	const auto pg_columns = Rows(**pg, "SELECT table_name || '.' || column_name FROM information_schema.columns "
	                                   "WHERE table_schema = current_schema()");
	EXPECT_EQ(pg_columns, lite_columns);
	EXPECT_GT(lite_columns.size(), 300u);

	// Named indexes (those a migration created), not the ones constraints make.
	const auto lite_indexes = Rows(lite, "SELECT tbl_name || '.' || name FROM sqlite_master "
	                                     "WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%'");
	const auto pg_indexes = Rows(**pg, "SELECT i.tablename || '.' || i.indexname FROM pg_indexes i "
	                                   "WHERE i.schemaname = current_schema() AND NOT EXISTS (SELECT 1 FROM "
	                                   "pg_constraint c WHERE c.conname = i.indexname)");
	EXPECT_EQ(pg_indexes, lite_indexes);
	EXPECT_GT(lite_indexes.size(), 20u);
}

} // namespace
} // namespace mamori::storage
