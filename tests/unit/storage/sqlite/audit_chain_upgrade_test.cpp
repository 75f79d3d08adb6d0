// mamori/tests/unit/storage/sqlite/audit_chain_upgrade_test.cpp
//
// The audit chain migration (NNNN_audit_chain.sql: the audit log becomes a hash chain): entries written by the previous release
// have no hash; opening the database with this release seals them once, in id order, so the whole
// log verifies, and entries appended afterwards continue the chain. Sealing happens only once:
// blanking a hash later is damage, not something to re-seal.
#include "app/audit.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>

namespace mamori::storage {
namespace {

namespace fs = std::filesystem;

class AuditChainUpgradeTest : public ::testing::Test {
protected:
	void SetUp() override {
		// Found by name, not number, so renumbering the migration does not break the test.
		std::string chain_migration;
		for (const auto &entry : fs::directory_iterator(testing_support::SqliteMigrationsDir())) {
			const std::string name = entry.path().filename().string();
			if (name.size() > 5 && name.substr(4) == "_audit_chain.sql") {
				chain_migration = name;
			}
		}
		ASSERT_FALSE(chain_migration.empty());
		fs::create_directories(dir_ / "before_chain");
		for (const auto &entry : fs::directory_iterator(testing_support::SqliteMigrationsDir())) {
			const std::string name = entry.path().filename().string();
			if (name < chain_migration) {
				fs::copy_file(entry.path(), dir_ / "before_chain" / name);
			}
		}
		db_path_ = (dir_ / "mamori.db").string();
	}

	std::unique_ptr<SqliteStore> Open(const fs::path &migrations) {
		auto opened = SqliteStore::Open(db_path_, migrations.string());
		EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().Describe());
		return opened.ok() ? std::move(opened).value() : nullptr;
	}

	void Sql(const std::string &sql) {
		sqlite3 *db = nullptr;
		ASSERT_EQ(sqlite3_open(db_path_.c_str(), &db), SQLITE_OK);
		char *error = nullptr;
		EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
		sqlite3_free(error);
		sqlite3_close(db);
	}

	testing_support::TempDir temp_{"audit_chain_upgrade"};
	const fs::path dir_ = temp_.path();
	std::string db_path_;
};

TEST_F(AuditChainUpgradeTest, EntriesOfThePreviousReleaseAreSealedAndTheChainContinues) {
	{
		auto old_release = Open(dir_ / "before_chain");
		ASSERT_TRUE(old_release);
	}
	// As the previous release wrote them: no hash columns at all.
	Sql("INSERT INTO audit_log(org_id, user_id, at, action, target, detail) VALUES "
	    "(NULL, NULL, '2025-04-01T09:00:00Z', 'account.create', 'user:1', '{}'), "
	    "(NULL, NULL, '2025-04-01T09:01:00Z', 'session.start', '', '{\"email\":\"a@example.jp\"}'), "
	    "(NULL, NULL, '2025-04-01T09:02:00Z', 'org.create', 'org', '{\"name\":\"A\"}')");

	auto store = Open(testing_support::SqliteMigrationsDir());
	ASSERT_TRUE(store);
	auto chain = store->ListAuditChain();
	ASSERT_TRUE(chain.ok());
	ASSERT_EQ(chain->size(), 3u);
	EXPECT_EQ((*chain)[0].prev_hash, AuditChainZeroHash());
	EXPECT_EQ((*chain)[1].prev_hash, (*chain)[0].hash);
	auto check = app::VerifyAuditLog(*store);
	ASSERT_TRUE(check.ok());
	EXPECT_TRUE(check->ok);
	EXPECT_EQ(check->entries, 3);
	EXPECT_EQ(check->head, (*chain)[2].hash);

	AuditEntry entry;
	entry.action = "member.add";
	entry.detail = "{}";
	ASSERT_TRUE(store->AppendAudit(entry).ok());
	check = app::VerifyAuditLog(*store);
	EXPECT_TRUE(check->ok);
	EXPECT_EQ(check->entries, 4);
	EXPECT_EQ(check->head, store->AuditHead().value());
	EXPECT_NE(check->head, (*chain)[2].hash);
}

TEST_F(AuditChainUpgradeTest, ABlankedHashIsNotResealedOnTheNextOpen) {
	{
		auto store = Open(testing_support::SqliteMigrationsDir());
		ASSERT_TRUE(store);
		for (const char *action : {"a", "b", "c"}) {
			AuditEntry entry;
			entry.action = action;
			ASSERT_TRUE(store->AppendAudit(entry).ok());
		}
		EXPECT_TRUE(app::VerifyAuditLog(*store)->ok);
	}
	Sql("UPDATE audit_log SET detail = 'changed', prev_hash = NULL, hash = NULL WHERE id = 2");
	auto store = Open(testing_support::SqliteMigrationsDir());
	ASSERT_TRUE(store);
	auto check = app::VerifyAuditLog(*store);
	ASSERT_TRUE(check.ok());
	EXPECT_FALSE(check->ok);
	EXPECT_EQ(check->first_bad_entry, std::optional<std::int64_t>(2));
}

} // namespace
} // namespace mamori::storage
