// mamori/tests/unit/storage/sqlite/removal_test.cpp
//
// Removing data (issue 10, ASVS 8.3.2, 8.3.8): deleting an organisation empties every table with
// an org_id column but the audit log and leaves a tombstone, so the hash chain still verifies;
// deleting an account blanks it; the retention schedule removes training records of former
// members and unlinks people from long-closed incidents, and nothing else.
#include "app/audit.hpp"
#include "app/retention.hpp"
#include "core/retention/retention_schedule.hpp"
#include "platform/files.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/catalog.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <set>
#include <string>

namespace mamori::storage {
namespace {

namespace fs = std::filesystem;

class RemovalTest : public ::testing::Test {
protected:
	void SetUp() override {
		db_path_ = (temp_.path() / "mamori.db").string();
		auto opened = SqliteStore::Open(db_path_, testing_support::SqliteMigrationsDir());
		ASSERT_TRUE(opened.ok()) << opened.error().Describe();
		store_ = std::move(opened).value();
		owner_ = AddUser("owner@example.jp");
		former_ = AddUser("former@example.jp");
		org_ = *store_->CreateOrganization(Organization{.name = "A", .industry = "retail", .created_at = "2024-01-01T00:00:00Z"});
		other_org_ = *store_->CreateOrganization(Organization{.name = "B", .industry = "retail", .created_at = "2024-01-01T00:00:00Z"});
		ASSERT_TRUE(store_->AddMembership(Membership{.org_id = org_, .user_id = owner_, .role = Role::kAdmin}).ok());
		ASSERT_TRUE(store_->AddMembership(Membership{.org_id = other_org_, .user_id = owner_, .role = Role::kAdmin}).ok());
	}

	Id AddUser(const std::string &email) {
		auto id = store_->CreateUser(User{.email = email, .display_name = "N", .password_hash = "x", .created_at = "2024-01-01T00:00:00Z"});
		EXPECT_TRUE(id.ok());
		return id.ok() ? *id : 0;
	}

	app::AppContext Ctx() { return app::AppContext{.catalog = testing_support::ShippedCatalog(), .store = *store_, .clock = clock_}; }

	void Audit(std::optional<Id> org, const std::string &action) {
		auto ctx = Ctx();
		ASSERT_TRUE(app::Audit(ctx, org, owner_, action, "org", {}).ok());
	}

	void Sql(const std::string &sql) {
		sqlite3 *db = nullptr;
		ASSERT_EQ(sqlite3_open(db_path_.c_str(), &db), SQLITE_OK);
		char *error = nullptr;
		EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "") << "\n" << sql;
		sqlite3_free(error);
		sqlite3_close(db);
	}

	long long Count(const std::string &sql) {
		sqlite3 *db = nullptr;
		EXPECT_EQ(sqlite3_open(db_path_.c_str(), &db), SQLITE_OK);
		sqlite3_stmt *stmt = nullptr;
		EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql;
		long long value = -1;
		if (sqlite3_step(stmt) == SQLITE_ROW) value = sqlite3_column_int64(stmt, 0);
		sqlite3_finalize(stmt);
		sqlite3_close(db);
		return value;
	}

	std::set<std::string> TablesWithOrgId() {
		std::set<std::string> tables;
		sqlite3 *db = nullptr;
		EXPECT_EQ(sqlite3_open(db_path_.c_str(), &db), SQLITE_OK);
		sqlite3_stmt *stmt = nullptr;
		sqlite3_prepare_v2(db,
		                   "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) p "
		                   "WHERE m.type = 'table' AND p.name = 'org_id'",
		                   -1, &stmt, nullptr);
		while (sqlite3_step(stmt) == SQLITE_ROW) {
			tables.insert(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
		}
		sqlite3_finalize(stmt);
		sqlite3_close(db);
		return tables;
	}

	void AddTraining(Id org, Id user, const std::string &date) {
		Sql("INSERT INTO training_sessions(org_id, title, planned_on, status, held_on, created_at, updated_at) VALUES (" +
		    std::to_string(org) + ", 'T', '" + date + "', 'held', '" + date + "', '" + date + "T00:00:00Z', '" + date + "T00:00:00Z')");
		Sql("INSERT INTO training_attendance(session_id, user_id, recorded_at) VALUES ((SELECT MAX(id) FROM training_sessions), " +
		    std::to_string(user) + ", '" + date + "T00:00:00Z')");
	}

	testing_support::TempDir temp_{"removal"};
	std::string db_path_;
	std::unique_ptr<SqliteStore> store_;
	platform::FixedClock clock_ = platform::FixedClock::AtIso("2026-12-01T00:00:00Z");
	Id owner_ = 0, former_ = 0, org_ = 0, other_org_ = 0;
};

TEST_F(RemovalTest, EveryTableWithAnOrgIdButTheAuditLogIsEmptied) {
	std::set<std::string> expected = TablesWithOrgId();
	expected.erase("audit_log");
	const auto listed = OrganizationDataTables();
	EXPECT_EQ(std::set<std::string>(listed.begin(), listed.end()), expected)
	    << "a migration added a table with org_id: add it to kOrganizationTables";
}

TEST_F(RemovalTest, DeletingAnOrganizationLeavesATombstoneAndAChainThatVerifies) {
	Audit(org_, "org.create");
	Sql("INSERT INTO departments(org_id, name) VALUES (" + std::to_string(org_) + ", 'Sales')");
	AddTraining(org_, owner_, "2026-11-01");
	AddTraining(other_org_, owner_, "2026-11-01");
	ASSERT_TRUE(store_->EmptyOrganization(org_, "2026-12-01T00:00:00Z").ok());
	Audit(org_, "org.delete");
	for (const auto &table : OrganizationDataTables()) {
		EXPECT_EQ(Count("SELECT COUNT(*) FROM " + table + " WHERE org_id = " + std::to_string(org_)), 0) << table;
	}
	EXPECT_EQ(Count("SELECT COUNT(*) FROM training_attendance"), 1) << "the other organisation keeps its rows";
	EXPECT_EQ(Count("SELECT COUNT(*) FROM organizations WHERE id = " + std::to_string(org_) + " AND name = '' AND deleted_at <> ''"), 1);
	EXPECT_FALSE(store_->FindOrganization(org_)->has_value());
	EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE org_id = " + std::to_string(org_)), 2) << "audit rows stay";
	auto check = app::VerifyAuditLog(*store_);
	ASSERT_TRUE(check.ok());
	EXPECT_TRUE(check->ok);
	EXPECT_EQ(store_->EmptyOrganization(org_, "2026-12-02T00:00:00Z").error().code, ErrorCode::kNotFound);
}

TEST_F(RemovalTest, ADeletedAccountIsBlankedAndHasNoWayIn) {
	ASSERT_TRUE(store_->AddMembership(Membership{.org_id = org_, .user_id = former_, .role = Role::kViewer}).ok());
	Sql("INSERT INTO sessions(token_hash, user_id, csrf_token, created_at, expires_at) VALUES ('h', " +
	    std::to_string(former_) + ", 'c', '2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z')");
	auto led = store_->OrganizationsLedOnlyBy(owner_);
	ASSERT_TRUE(led.ok());
	EXPECT_EQ(led->size(), 2u) << "the owner is the only lead of both";
	EXPECT_TRUE(store_->OrganizationsLedOnlyBy(former_)->empty());
	ASSERT_TRUE(store_->AnonymizeUser(former_, "deleted-2@deleted.invalid", "2026-12-01T00:00:00Z").ok());
	auto user = store_->FindUserById(former_);
	ASSERT_TRUE(user.ok() && user->has_value());
	EXPECT_EQ((*user)->email, "deleted-2@deleted.invalid");
	EXPECT_EQ((*user)->display_name, "");
	EXPECT_EQ((*user)->password_hash, "");
	EXPECT_FALSE(store_->FindUserByEmail("former@example.jp")->has_value());
	EXPECT_EQ(Count("SELECT COUNT(*) FROM sessions WHERE user_id = " + std::to_string(former_)), 0);
	EXPECT_EQ(Count("SELECT COUNT(*) FROM memberships WHERE user_id = " + std::to_string(former_)), 0);
	for (const auto &listed : *store_->ListUsers(100, 0)) {
		EXPECT_NE(listed.id, former_) << "not in the administrator's list";
	}
}

TEST_F(RemovalTest, RetentionRemovesOnlyWhatIsPastItsPeriod) {
	auto text = platform::ReadWholeFile(testing_support::SourcePath("content/retention/schedule.yaml"));
	ASSERT_TRUE(text.ok());
	auto schedule = ParseRetentionSchedule(*text, "schedule.yaml");
	ASSERT_TRUE(schedule.ok()) << schedule.error().Describe();
	ASSERT_EQ(schedule->PeriodDays("training_of_former_members"), 365);
	AddTraining(org_, former_, "2025-06-01");  // former member, older than a year: goes
	AddTraining(org_, former_, "2026-06-01");  // former member, recent: stays
	AddTraining(org_, owner_, "2025-06-01");   // still a member: stays
	const std::string former = std::to_string(former_);
	Sql("INSERT INTO incidents(org_id, reported_by, reported_at, what, status, closed_at, updated_at) VALUES "
	    "(" + std::to_string(org_) + ", " + former + ", '2022-01-01T00:00:00Z', 'old', 'closed', '2022-02-01T00:00:00Z', '2022-02-01T00:00:00Z'), "
	    "(" + std::to_string(org_) + ", " + former + ", '2026-01-01T00:00:00Z', 'recent', 'closed', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z'), "
	    "(" + std::to_string(org_) + ", " + former + ", '2022-01-01T00:00:00Z', 'open', 'open', NULL, '2022-02-01T00:00:00Z')");
	Sql("INSERT INTO sign_in_failures(throttle_key, failed_at) VALUES ('email:x@example.jp', '2026-11-01T00:00:00Z'), "
	    "('email:x@example.jp', '2026-11-30T23:00:00Z')");
	auto ctx = Ctx();
	auto summary = app::RunRetention(ctx, *schedule);
	ASSERT_TRUE(summary.ok()) << summary.error().Describe();
	EXPECT_EQ(summary->removed.at("training_of_former_members"), 1);
	EXPECT_EQ(summary->removed.at("closed_incident_people"), 1);
	EXPECT_EQ(summary->removed.at("sign_in_failures"), 1);
	EXPECT_EQ(Count("SELECT COUNT(*) FROM training_attendance"), 2);
	EXPECT_EQ(Count("SELECT COUNT(*) FROM incidents WHERE reported_by IS NULL"), 1);
	EXPECT_EQ(Count("SELECT COUNT(*) FROM incidents WHERE what = 'old' AND reported_by IS NULL"), 1);
	EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'retention.run'"), 1);
	auto again = app::RunRetention(ctx, *schedule);
	ASSERT_TRUE(again.ok());
	EXPECT_EQ(again->total(), 0) << "a second run finds nothing";
	EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'retention.run'"), 1) << "a quiet run writes nothing";
	EXPECT_TRUE(app::VerifyAuditLog(*store_)->ok);
}

TEST(RetentionSchedule, UnknownOrMissingRulesAreRefused) {
	EXPECT_FALSE(ParseRetentionSchedule("rules: []\naudit_log: {ja: a, en: b}\n", "x").ok());
	EXPECT_FALSE(ParseRetentionSchedule("rules:\n  - id: nonsense\n    period_days: 1\n", "x").ok());
}

} // namespace
} // namespace mamori::storage
