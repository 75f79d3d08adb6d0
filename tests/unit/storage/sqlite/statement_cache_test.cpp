// mamori/tests/unit/storage/sqlite/statement_cache_test.cpp
//
// SqliteConnection keeps compiled statements for the next Prepare of the same text
// (storage/sqlite/statement.hpp). A kept statement must behave as a freshly compiled one.
#include "storage/sqlite/statement.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <memory>
#include <optional>
#include <vector>

namespace mamori::storage::sqlite {
namespace {

std::unique_ptr<SqliteConnection> InMemoryConnection() {
	sqlite3 *db = nullptr;
	EXPECT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
	auto connection = std::make_unique<SqliteConnection>(db);
	EXPECT_TRUE(connection->ExecuteScript("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);"
	                                      "INSERT INTO t VALUES (1, 'one'), (2, 'two'), (3, 'three');"));
	return connection;
}

std::vector<std::string> NamesAbove(SqliteConnection &db, std::optional<int> above) {
	auto stmt = db.Prepare("SELECT name FROM t WHERE id > ? ORDER BY id");
	EXPECT_TRUE(stmt);
	stmt->Bind(1, above);
	std::vector<std::string> names;
	while (true) {
		auto row = stmt->Step();
		EXPECT_TRUE(row);
		if (!row || !*row) {
			break;
		}
		names.push_back(stmt->ColumnText(0));
	}
	return names;
}

TEST(SqliteStatementCacheTest, AKeptStatementStartsAgainWithNoBindings) {
	auto db = InMemoryConnection();
	EXPECT_EQ(NamesAbove(*db, 1), (std::vector<std::string>{"two", "three"}));
	EXPECT_EQ(NamesAbove(*db, 2), (std::vector<std::string>{"three"}));
	// Unbound this time: a binding left from the last use would still match rows.
	EXPECT_EQ(NamesAbove(*db, std::nullopt), (std::vector<std::string>{}));
}

TEST(SqliteStatementCacheTest, AStatementLeftMidwayIsResetBeforeItsNextUse) {
	auto db = InMemoryConnection();
	{
		auto stmt = db->Prepare("SELECT name FROM t WHERE id > ? ORDER BY id");
		ASSERT_TRUE(stmt);
		stmt->Bind(1, 0);
		ASSERT_TRUE(stmt->Step().value());
		EXPECT_EQ(stmt->ColumnText(0), "one");
	}  // given back after one of three rows
	EXPECT_EQ(NamesAbove(*db, 0), (std::vector<std::string>{"one", "two", "three"}));
	// And nothing is left holding the database: a write goes through.
	EXPECT_TRUE(db->ExecuteScript("INSERT INTO t VALUES (4, 'four');"));
}

TEST(SqliteStatementCacheTest, TheSameTextMayBeInUseTwiceAtOnce) {
	auto db = InMemoryConnection();
	auto outer = db->Prepare("SELECT name FROM t WHERE id > ? ORDER BY id");
	auto inner = db->Prepare("SELECT name FROM t WHERE id > ? ORDER BY id");
	ASSERT_TRUE(outer);
	ASSERT_TRUE(inner);
	outer->Bind(1, 2);
	inner->Bind(1, 0);
	ASSERT_TRUE(outer->Step().value());
	ASSERT_TRUE(inner->Step().value());
	EXPECT_EQ(outer->ColumnText(0), "three");
	EXPECT_EQ(inner->ColumnText(0), "one");
}

TEST(SqliteStatementCacheTest, AStatementMayOutliveItsConnection) {
	auto db = InMemoryConnection();
	auto prepared = db->Prepare("SELECT name FROM t WHERE id = 1");
	ASSERT_TRUE(prepared);
	std::optional<Statement> stmt(std::move(*prepared));
	db.reset();  // closing waits for the statement (sqlite3_close_v2)
	ASSERT_TRUE(stmt->Step().value());
	EXPECT_EQ(stmt->ColumnText(0), "one");
	// Ending the statement now finalizes it and the handle, instead of keeping it (ASan would
	// see a leak or a use after free otherwise).
	stmt.reset();
}

TEST(SqliteStatementCacheTest, ASchemaChangeIsSeenByAKeptStatement) {
	auto db = InMemoryConnection();
	EXPECT_EQ(NamesAbove(*db, 2), (std::vector<std::string>{"three"}));
	ASSERT_TRUE(db->ExecuteScript("ALTER TABLE t ADD COLUMN extra TEXT; INSERT INTO t (id, name) VALUES (5, 'five');"));
	EXPECT_EQ(NamesAbove(*db, 2), (std::vector<std::string>{"three", "five"}));
}

} // namespace
} // namespace mamori::storage::sqlite
