// mamori/tests/unit/storage/postgres/postgres_driver_test.cpp
//
// What only the PostgreSQL driver does: placeholder rewriting, the schema
// runner when two instances start at once, and the SQLite-compatible values
// (strftime, case-insensitive e-mail, booleans read as 0/1).
#include "storage/open_store.hpp"
#include "storage/postgres/pg_test_schema.hpp"
#include "storage/postgres/postgres_connection.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include <regex>
#include <thread>

namespace mamori::storage::postgres {
namespace {

TEST(PostgresPlaceholders, NumberedAsSqliteDoesOutsideQuotesAndComments) {
	int parameters = 0;
	EXPECT_EQ(RewritePlaceholders("SELECT ? , ?, ?", &parameters), "SELECT $1 , $2, $3");
	EXPECT_EQ(parameters, 3);
	EXPECT_EQ(RewritePlaceholders("WHERE a = ?2 AND b = ?1 OR c = ?", &parameters),
	          "WHERE a = $2 AND b = $1 OR c = $3");
	EXPECT_EQ(parameters, 3);
	EXPECT_EQ(RewritePlaceholders("SELECT '?', \"a?\", 'it''s ?' -- why?\n, ? /* ? */", &parameters),
	          "SELECT '?', \"a?\", 'it''s ?' -- why?\n, $1 /* ? */");
	EXPECT_EQ(parameters, 1);
	EXPECT_EQ(RewritePlaceholders("SELECT 1", &parameters), "SELECT 1");
	EXPECT_EQ(parameters, 0);
}

class PostgresServer : public ::testing::Test {
  protected:
	void SetUp() override {
		if (testing_support::PostgresTestUrl().empty()) {
			GTEST_SKIP() << "MAMORI_TEST_PG_URL is not set (scripts/pg-test-cluster.sh start)";
		}
		auto url = testing_support::FreshPostgresSchema();
		ASSERT_TRUE(url.ok()) << url.error().Describe();
		url_ = *url;
	}
	std::string url_;
};

TEST_F(PostgresServer, TwoInstancesStartingAtOnceMigrateOnce) {
	const std::string migrations = testing_support::SourcePath("migrations");
	Result<std::unique_ptr<Store>> first = Error::Make(ErrorCode::kInternal, "not run");
	Result<std::unique_ptr<Store>> second = Error::Make(ErrorCode::kInternal, "not run");
	std::thread a([&] { first = OpenStore(url_, migrations); });
	std::thread b([&] { second = OpenStore(url_, migrations); });
	a.join();
	b.join();
	ASSERT_TRUE(first.ok()) << first.error().Describe();
	ASSERT_TRUE(second.ok()) << second.error().Describe();
	// Both see one schema: what one writes, the other reads.
	Organization org;
	org.name = "A社";
	auto id = (*first)->CreateOrganization(org);
	ASSERT_TRUE(id.ok()) << id.error().Describe();
	EXPECT_EQ((*second)->FindOrganization(*id)->value().name, "A社");

	auto connection = PostgresConnection::Connect(url_);
	ASSERT_TRUE(connection.ok());
	auto count = (*connection)->Prepare("SELECT COUNT(*), MAX(version) FROM schema_migrations");
	ASSERT_TRUE(count.ok());
	ASSERT_TRUE(*count->Step());
	// Each shipped file recorded once (the baseline and every later migration), up to the newest.
	int files = 0;
	int newest = 0;
	for (const auto &entry : std::filesystem::directory_iterator(migrations + "/postgresql")) {
		const std::string name = entry.path().filename().string();
		if (entry.path().extension() == ".sql") {
			++files;
			newest = std::max(newest, std::stoi(name.substr(0, 4)));
		}
	}
	EXPECT_EQ(count->ColumnInt(0), files);
	EXPECT_EQ(count->ColumnInt(1), newest);
	EXPECT_GE(newest, 21);
}

TEST_F(PostgresServer, SqliteFormsGiveSqliteValues) {
	ASSERT_TRUE(OpenStore(url_, testing_support::SourcePath("migrations")).ok());
	auto connection = PostgresConnection::Connect(url_);
	ASSERT_TRUE(connection.ok()) << connection.error().Describe();
	auto stmt =
	    (*connection)
	        ->Prepare("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%d', 'now'), ? = ?, ?2 + 1");
	ASSERT_TRUE(stmt.ok()) << stmt.error().Describe();
	stmt->Bind(1, 5).Bind(2, 5);
	auto row = stmt->Step();
	ASSERT_TRUE(row.ok()) << row.error().Describe();
	ASSERT_TRUE(*row);
	EXPECT_TRUE(std::regex_match(stmt->ColumnText(0), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")))
	    << stmt->ColumnText(0);
	EXPECT_TRUE(std::regex_match(stmt->ColumnText(1), std::regex(R"(\d{4}-\d\d-\d\d)"))) << stmt->ColumnText(1);
	EXPECT_EQ(stmt->ColumnInt(2), 1);
	EXPECT_EQ(stmt->ColumnInt64(3), 6);
	EXPECT_FALSE(*stmt->Step());
}

TEST_F(PostgresServer, BrokenConnectionReconnectsOnTheNextStatement) {
	auto connection = PostgresConnection::Connect(url_);
	ASSERT_TRUE(connection.ok()) << connection.error().Describe();
	auto killer = PostgresConnection::Connect(url_);
	ASSERT_TRUE(killer.ok());
	auto pid = (*connection)->Prepare("SELECT pg_backend_pid()");
	ASSERT_TRUE(pid.ok() && *pid->Step());
	const std::int64_t backend = pid->ColumnInt64(0);
	auto kill = (*killer)->Prepare("SELECT pg_terminate_backend(CAST(? AS INTEGER))");
	ASSERT_TRUE(kill.ok());
	kill->Bind(1, backend);
	auto killed = kill->Run();
	ASSERT_TRUE(killed.ok()) << killed.error().Describe();
	// The statement that meets the dropped connection fails; the next one reconnects.
	auto again = (*connection)->Prepare("SELECT 1");
	ASSERT_TRUE(again.ok());
	(void)again->Step();
	auto after = (*connection)->Prepare("SELECT 2");
	ASSERT_TRUE(after.ok());
	auto row = after->Step();
	ASSERT_TRUE(row.ok()) << row.error().Describe();
	EXPECT_EQ(after->ColumnInt(0), 2);
}

TEST_F(PostgresServer, AConnectionLostInATransactionFailsUntilRolledBack) {
	auto connection = PostgresConnection::Connect(url_);
	ASSERT_TRUE(connection.ok()) << connection.error().Describe();
	auto killer = PostgresConnection::Connect(url_);
	ASSERT_TRUE(killer.ok());
	auto pid = (*connection)->Prepare("SELECT pg_backend_pid()");
	ASSERT_TRUE(pid.ok() && *pid->Step());
	const std::int64_t backend = pid->ColumnInt64(0);
	ASSERT_TRUE((*connection)->Begin().ok());
	auto kill = (*killer)->Prepare("SELECT pg_terminate_backend(CAST(? AS INTEGER))");
	ASSERT_TRUE(kill.ok());
	kill->Bind(1, backend);
	ASSERT_TRUE(kill->Run().ok());

	auto first = (*connection)->Prepare("SELECT 1");
	ASSERT_TRUE(first.ok());
	EXPECT_FALSE(first->Step().ok());
	// The rest of the transaction must not run on its own on a new connection.
	auto second = (*connection)->Prepare("SELECT 2");
	ASSERT_TRUE(second.ok());
	EXPECT_FALSE(second->Step().ok());
	EXPECT_TRUE((*connection)->InTransaction());
	auto rollback = (*connection)->Prepare("ROLLBACK");
	ASSERT_TRUE(rollback.ok());
	EXPECT_TRUE(rollback->Run().ok());
	EXPECT_FALSE((*connection)->InTransaction());
	auto after = (*connection)->Prepare("SELECT 3");
	ASSERT_TRUE(after.ok());
	auto row = after->Step();
	ASSERT_TRUE(row.ok()) << row.error().Describe();
	EXPECT_EQ(after->ColumnInt(0), 3);
}

} // namespace
} // namespace mamori::storage::postgres
