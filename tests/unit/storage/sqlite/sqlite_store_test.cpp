// mamori/tests/unit/storage/sqlite/sqlite_store_test.cpp
//
// What only the SQLite backend has: migrations, the schema's own
// constraints (checked with a raw connection, past the store), foreign-key
// actions the Store interface cannot trigger, and the database file itself.
// Everything a backend must do through the Store interface is in the contract
// (tests/unit/storage/store_contract_*_test.cpp), which runs for SQLite too.
#include "storage/open_store.hpp"
#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/catalog.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <future>
#include <thread>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace mamori::storage {
namespace {

namespace fs = std::filesystem;

const std::string kMigrationsRoot = testing_support::SourcePath("migrations");

class SqliteStoreTest : public ::testing::Test {
protected:
	void SetUp() override {
		db_path_ = dir_.File("mamori.db");
		store_ = OpenStore(db_path_);
		ASSERT_TRUE(store_);
	}

	//! Through the factory, as the server opens it.
	static std::unique_ptr<Store> OpenStore(const std::string &path) {
		auto opened = storage::OpenStore("sqlite://" + path, kMigrationsRoot);
		EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().Describe());
		return opened.ok() ? std::move(opened).value() : nullptr;
	}

	//! With another set of migrations (a copy, an older release's).
	static std::unique_ptr<Store> OpenStore(const std::string &path, const std::string &migrations) {
		auto opened = SqliteStore::Open(path, migrations);
		EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().Describe());
		return opened.ok() ? std::move(opened).value() : nullptr;
	}

	//! A raw connection for checks that go around the Store: the first
	//! column of the first row, or -1.
	static int QueryInt(const std::string &path, const std::string &sql) {
		sqlite3 *db = nullptr;
		EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
		sqlite3_stmt *stmt = nullptr;
		EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
		int value = -1;
		if (sqlite3_step(stmt) == SQLITE_ROW) {
			value = sqlite3_column_int(stmt, 0);
		}
		sqlite3_finalize(stmt);
		sqlite3_close(db);
		return value;
	}

	//! Runs one statement on a raw connection with foreign keys on; the SQLite result code.
	static int RawExec(const std::string &path, const std::string &sql) {
		sqlite3 *db = nullptr;
		EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
		EXPECT_EQ(sqlite3_exec(db, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr), SQLITE_OK);
		const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
		sqlite3_close(db);
		return rc;
	}

	Id MakeOrg(const std::string &name) {
		Organization org;
		org.name = name;
		org.edition = "3.0";
		auto id = store_->CreateOrganization(org);
		EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().Describe());
		return id.ok() ? *id : 0;
	}

	Id MakeUser(const std::string &email) {
		User user;
		user.email = email;
		user.created_at = "2025-04-01T09:00:00Z";
		auto id = store_->CreateUser(user);
		EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().Describe());
		return id.ok() ? *id : 0;
	}

	Id MakeRound(Id org_id) {
		SelfcheckRound round;
		round.org_id = org_id;
		round.started_at = "2025-04-01T09:00:00Z";
		round.edition = "3.0";
		auto id = store_->CreateRound(round);
		EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().Describe());
		return id.ok() ? *id : 0;
	}

	static Asset SampleAsset(Id org_id, const std::string &name) {
		Asset asset;
		asset.org_id = org_id;
		asset.name = name;
		asset.medium = "paper";
		asset.confidentiality = 2;
		asset.integrity = 1;
		asset.availability = 1;
		return asset;
	}

	Id MakeAsset(Id org_id, const std::string &name) {
		auto id = store_->CreateAsset(SampleAsset(org_id, name));
		EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().Describe());
		return id.ok() ? *id : 0;
	}

	static RiskTreatment SampleTreatment(Id org_id, Id asset_id, const std::string &threat_id) {
		RiskTreatment treatment;
		treatment.org_id = org_id;
		treatment.asset_id = asset_id;
		treatment.threat_id = threat_id;
		treatment.decision = "reduce";
		return treatment;
	}

	void WriteMigration(const fs::path &dir, const std::string &name, const std::string &sql) {
		std::ofstream(dir / name) << sql;
	}

	fs::path MigrationsCopy() {
		const fs::path copy = dir_.path() / "migrations";
		fs::remove_all(copy);
		fs::create_directories(copy);
		for (const auto &entry : fs::directory_iterator(testing_support::SqliteMigrationsDir())) {
			fs::copy_file(entry.path(), copy / entry.path().filename());
		}
		return copy;
	}

	testing_support::TempDir dir_{"sqlite_store"};
	std::string db_path_;
	std::unique_ptr<Store> store_;
};

//! Number of shipped migration files: the schema version a fresh database reaches.
int ShippedMigrations() {
	int count = 0;
	for (const auto &entry : fs::directory_iterator(testing_support::SqliteMigrationsDir())) {
		count += entry.path().extension() == ".sql" ? 1 : 0;
	}
	return count;
}

//! "0004" for 4: the file-name prefix of a migration version.
std::string VersionPrefix(int version) {
	char buffer[8];
	std::snprintf(buffer, sizeof(buffer), "%04d", version);
	return buffer;
}

// --- the database file ------------------------------------------------------------

TEST_F(SqliteStoreTest, OpenStoreCreatesTheFolderAndTheFile) {
	const std::string nested = (dir_.path() / "new" / "sub" / "mamori.db").string();
	ASSERT_FALSE(fs::exists(nested));
	auto store = OpenStore(nested);
	ASSERT_TRUE(store);
	EXPECT_TRUE(fs::exists(nested));
	EXPECT_EQ(QueryInt(nested, "SELECT MAX(version) FROM schema_migrations"), ShippedMigrations());
	// A plain path and the sqlite: forms name the same file.
	ASSERT_TRUE(store->CreateOrganization(Organization{}).ok());
	store.reset();
	for (const std::string &url : {nested, "sqlite:" + nested, "sqlite://" + nested}) {
		auto again = storage::OpenStore(url, kMigrationsRoot);
		ASSERT_TRUE(again.ok()) << url << ": " << again.error().Describe();
		EXPECT_EQ(*(*again)->CountOrganizations(), 1) << url;
	}
}

// --- migrations ----------------------------------------------------------------

TEST_F(SqliteStoreTest, MigrationsAreIdempotent) {
	ASSERT_TRUE(store_);
	MakeOrg("A社");
	store_.reset();
	store_ = OpenStore(db_path_);
	ASSERT_TRUE(store_);
	// A second connection while the first is open, as the CLI does next to the server.
	auto second = OpenStore(db_path_);
	ASSERT_TRUE(second);
	EXPECT_EQ(*second->CountOrganizations(), 1);
	EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM schema_migrations"), ShippedMigrations());
	EXPECT_EQ(QueryInt(db_path_, "SELECT MAX(version) FROM schema_migrations"), ShippedMigrations());
}

TEST_F(SqliteStoreTest, RefusesDatabaseNewerThanMigrations) {
	store_.reset();
	sqlite3 *db = nullptr;
	ASSERT_EQ(sqlite3_open(db_path_.c_str(), &db), SQLITE_OK);
	// One version past the newest shipped migration.
	const std::string newer = std::to_string(ShippedMigrations() + 1);
	ASSERT_EQ(sqlite3_exec(db, ("INSERT INTO schema_migrations(version, applied_at) VALUES (" + newer + ", 'x')").c_str(),
	                       nullptr, nullptr, nullptr),
	          SQLITE_OK);
	sqlite3_close(db);
	auto opened = SqliteStore::Open(db_path_, testing_support::SqliteMigrationsDir());
	ASSERT_FALSE(opened.ok());
	EXPECT_EQ(opened.error().code, ErrorCode::kStorage);
	EXPECT_NE(opened.error().message.find("version " + newer), std::string::npos) << opened.error().message;
}

TEST_F(SqliteStoreTest, RefusesMalformedMigrationFiles) {
	struct Case {
		std::string name;
		std::string sql;
	};
	const std::vector<Case> cases = {
	    {VersionPrefix(ShippedMigrations() + 1) + "-dash.sql", "CREATE TABLE t(a);"},
	    {VersionPrefix(ShippedMigrations() + 1) + "_truncated.sql", "CREATE TABLE t(a"},
	    {VersionPrefix(ShippedMigrations() + 1) + "_empty.sql", "  \n"},
	    {VersionPrefix(ShippedMigrations() + 2) + "_gap.sql", "CREATE TABLE t(a);"},
	};
	for (const Case &c : cases) {
		const fs::path migrations = MigrationsCopy();
		WriteMigration(migrations, c.name, c.sql);
		auto opened = SqliteStore::Open(dir_.File("m_" + c.name + ".db"), migrations.string());
		ASSERT_FALSE(opened.ok()) << c.name;
		EXPECT_EQ(opened.error().code, ErrorCode::kStorage);
		EXPECT_NE(opened.error().message.find(c.name), std::string::npos) << opened.error().message;
		fs::remove_all(migrations);
	}
}

TEST_F(SqliteStoreTest, FailingMigrationIsRolledBackAndNamed) {
	const int shipped = ShippedMigrations();
	const std::string broken = VersionPrefix(shipped + 1) + "_broken.sql";
	const fs::path migrations = MigrationsCopy();
	WriteMigration(migrations, broken, "CREATE TABLE extra(a);\nINSERT INTO no_such_table VALUES (1);\n");
	auto opened = SqliteStore::Open(db_path_, migrations.string());
	ASSERT_FALSE(opened.ok());
	EXPECT_NE(opened.error().message.find(broken), std::string::npos) << opened.error().message;
	EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'extra'"), 0);
	EXPECT_EQ(QueryInt(db_path_, "SELECT MAX(version) FROM schema_migrations"), shipped);

	// Fixed file: applies on the next start.
	WriteMigration(migrations, broken, "CREATE TABLE extra(a);\n");
	auto fixed = SqliteStore::Open(db_path_, migrations.string());
	ASSERT_TRUE(fixed.ok()) << fixed.error().Describe();
	EXPECT_EQ(QueryInt(db_path_, "SELECT MAX(version) FROM schema_migrations"), shipped + 1);
}

TEST_F(SqliteStoreTest, MigratesAnExisting0001Database) {
	store_.reset();
	fs::remove(db_path_);
	const fs::path only_first = dir_.path() / "migrations_0001";
	fs::create_directories(only_first);
	fs::copy_file(fs::path(testing_support::SqliteMigrationsDir()) / "0001_initial.sql", only_first / "0001_initial.sql");

	// A database as the previous release left it, with data in it.
	auto old_store = OpenStore(db_path_, only_first.string());
	ASSERT_TRUE(old_store);
	old_store.reset();
	// Rows written as that release wrote them: today's store code knows
	// columns that 0001 does not have yet.
	const std::optional<Id> org_id = QueryInt(
	    db_path_, "INSERT INTO organizations(name, created_at) VALUES ('既存の会社', '2025-04-01T09:00:00Z') RETURNING id");
	ASSERT_GT(*org_id, 0);
	EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM schema_migrations"), 1);
	EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'assets'"), 0);

	// Later migrations may exist beside 0002; all of them apply, 0002 among them.
	auto files = sqlite::LoadMigrations(testing_support::SqliteMigrationsDir());
	ASSERT_TRUE(files.ok()) << files.error().Describe();
	const int shipped = static_cast<int>(files->size());
	ASSERT_GE(shipped, 2);
	store_ = OpenStore(db_path_, testing_support::SqliteMigrationsDir());
	ASSERT_TRUE(store_);
	EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM schema_migrations"), shipped);
	EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM schema_migrations WHERE version = 2"), 1);
	EXPECT_EQ(QueryInt(db_path_,
	                   "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('assets', "
	                   "'threat_frequencies', 'control_answers', 'planned_control_answers', 'risk_treatments')"),
	          5);
	EXPECT_EQ((*store_->FindOrganization(*org_id))->name, "既存の会社");
	const Id asset = MakeAsset(*org_id, "移行後の資産");
	EXPECT_TRUE(store_->UpsertTreatment(SampleTreatment(*org_id, asset, "T01")).ok());

	// Opening again applies nothing more.
	store_.reset();
	store_ = OpenStore(db_path_, testing_support::SqliteMigrationsDir());
	ASSERT_TRUE(store_);
	EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM schema_migrations"), shipped);
	EXPECT_EQ(store_->ListAssets(*org_id)->size(), 1u);
}

// --- the schema under the store ---------------------------------------------------

TEST_F(SqliteStoreTest, ReplacedAnswersLeaveNoRowsBehind) {
	const Id org_id = MakeOrg("A社");
	const Id round_id = MakeRound(org_id);
	SelfcheckResponse response;
	response.round_id = round_id;
	response.respondent = "営業部";
	response.answers = {{1, Answer::kImplemented}, {2, Answer::kPartial}, {3, Answer::kUnknown}};
	ASSERT_TRUE(store_->UpsertResponse(org_id, response).ok());
	response.answers = {{2, Answer::kNotImplemented}, {4, Answer::kImplemented}};
	ASSERT_TRUE(store_->UpsertResponse(org_id, response).ok());
	SelfcheckResponse second;
	second.round_id = round_id;
	second.respondent = "総務部";
	second.answers = {{1, Answer::kPartial}};
	ASSERT_TRUE(store_->UpsertResponse(org_id, second).ok());
	EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM selfcheck_answers"), 3);
}

TEST_F(SqliteStoreTest, SchemaRefusesOutOfRangeValues) {
	const Id org = MakeOrg("A社");
	MakeAsset(org, "台帳");
	ASSERT_TRUE(store_->UpsertThreatFrequency({org, "T01", 2}).ok());
	ASSERT_TRUE(store_->UpsertControlAnswer({org, "C-01", 2, ""}, false).ok());
	// What gets past the store's own checks is refused by the schema, too.
	EXPECT_NE(RawExec(db_path_, "UPDATE assets SET integrity = 4"), SQLITE_OK);
	EXPECT_NE(RawExec(db_path_, "UPDATE assets SET personal_info = 2"), SQLITE_OK);
	EXPECT_EQ(RawExec(db_path_, "UPDATE assets SET integrity = 0"), SQLITE_OK);
	EXPECT_NE(RawExec(db_path_, "UPDATE threat_frequencies SET frequency = 4"), SQLITE_OK);
	EXPECT_NE(RawExec(db_path_, "UPDATE threat_frequencies SET frequency = 0"), SQLITE_OK);
	EXPECT_NE(RawExec(db_path_, "UPDATE control_answers SET answer = 5"), SQLITE_OK);
	EXPECT_NE(RawExec(db_path_, "INSERT INTO planned_control_answers(org_id, item_id, answer) VALUES (" +
	                                std::to_string(org) + ", 'C-09', 0)"),
	          SQLITE_OK);
}

TEST_F(SqliteStoreTest, SchemaRefusesATreatmentOfAnotherOrganisationsAsset) {
	const Id org_a = MakeOrg("A社");
	const Id org_b = MakeOrg("B社");
	const Id asset_a = MakeAsset(org_a, "顧客名簿");
	EXPECT_NE(RawExec(db_path_, "INSERT INTO risk_treatments(org_id, asset_id, threat_id, decision) VALUES (" +
	                                std::to_string(org_b) + ", " + std::to_string(asset_a) + ", 'T02', 'reduce')"),
	          SQLITE_OK);
	EXPECT_EQ(RawExec(db_path_, "INSERT INTO risk_treatments(org_id, asset_id, threat_id, decision) VALUES (" +
	                                std::to_string(org_a) + ", " + std::to_string(asset_a) + ", 'T02', 'reduce')"),
	          SQLITE_OK);
}

TEST_F(SqliteStoreTest, ReplaceAssetsSurvivesARefusalByTheDatabase) {
	const Id org_a = MakeOrg("A社");
	const Id old_a = MakeAsset(org_a, "旧台帳1");
	MakeAsset(org_a, "旧台帳2");
	ASSERT_TRUE(store_->UpsertTreatment(SampleTreatment(org_a, old_a, "T01")).ok());

	// The database refuses a row the store accepted (a trigger stands in for
	// any constraint), inside an enclosing transaction whose own work
	// survives the failed replacement.
	ASSERT_EQ(RawExec(db_path_, "CREATE TRIGGER refuse_boom BEFORE INSERT ON assets WHEN NEW.name = 'boom' "
	                            "BEGIN SELECT RAISE(ABORT, 'boom refused'); END"),
	          SQLITE_OK);
	auto outer = store_->InTransaction([&]() -> Status {
		EXPECT_TRUE(store_->UpsertThreatFrequency({org_a, "T01", 3}).ok());
		std::vector<Asset> rows = {SampleAsset(0, "新1"), SampleAsset(0, "boom")};
		auto refused = store_->ReplaceAssets(org_a, rows);
		EXPECT_FALSE(refused.ok());
		if (!refused.ok()) {
			EXPECT_EQ(refused.error().field, "assets.1");
		}
		return OkStatus();
	});
	ASSERT_TRUE(outer.ok());
	ASSERT_EQ(RawExec(db_path_, "DROP TRIGGER refuse_boom"), SQLITE_OK);
	EXPECT_EQ(store_->ListThreatFrequencies(org_a)->size(), 1u);
	auto kept = store_->ListAssets(org_a);
	ASSERT_EQ(kept->size(), 2u);
	EXPECT_EQ((*kept)[0].id, old_a);
	EXPECT_EQ(store_->ListTreatments(org_a)->size(), 1u);

	// A successful replacement leaves no treatment row of the old assets anywhere.
	ASSERT_TRUE(store_->ReplaceAssets(org_a, {SampleAsset(0, "新1")}).ok());
	EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM risk_treatments"), 0);
}

TEST_F(SqliteStoreTest, DeletingTheApproverKeepsTheTreatment) {
	const Id org = MakeOrg("A社");
	const Id approver = MakeUser("boss@example.jp");
	const Id asset = MakeAsset(org, "顧客名簿");
	RiskTreatment treatment = SampleTreatment(org, asset, "T01");
	treatment.decision = "accept";
	treatment.approved_by = approver;
	ASSERT_TRUE(store_->UpsertTreatment(treatment).ok());
	ASSERT_EQ(RawExec(db_path_, "DELETE FROM users WHERE id = " + std::to_string(approver)), SQLITE_OK);
	auto found = store_->FindTreatment(org, asset, "T01");
	ASSERT_TRUE(found.ok() && found->has_value());
	EXPECT_FALSE((*found)->approved_by.has_value());
}

// The pool (storage/sql/connection_pool.hpp) opens a connection when a thread needs one and
// none is idle, so a store used by one thread at a time keeps one.
TEST_F(SqliteStoreTest, OpensAnotherConnectionOnlyWhenTwoThreadsNeedOne) {
	store_.reset();
	auto opened = SqliteStore::Open(db_path_, testing_support::SqliteMigrationsDir());
	ASSERT_TRUE(opened.ok()) << opened.error().Describe();
	SqliteStore &store = **opened;
	for (int i = 0; i < 3; ++i) {
		Organization org;
		org.name = "順番に " + std::to_string(i);
		ASSERT_TRUE(store.CreateOrganization(org).ok());
	}
	EXPECT_EQ(store.OpenConnections(), 1U);
	std::future<Result<int>> counted;
	ASSERT_TRUE(store.InTransaction([&]() -> Status {
		counted = std::async(std::launch::async, [&] { return store.CountOrganizations(); });
		return counted.wait_for(std::chrono::seconds(30)) == std::future_status::ready
		           ? OkStatus()
		           : Status(Error::Make(ErrorCode::kInternal, "reader blocked"));
	}).ok());
	EXPECT_EQ(*counted.get(), 3);
	EXPECT_EQ(store.OpenConnections(), 2U);
}

// An in-memory database exists once per connection, so its store never opens a second.
TEST_F(SqliteStoreTest, AnInMemoryDatabaseKeepsOneConnection) {
	auto opened = SqliteStore::Open(":memory:", testing_support::SqliteMigrationsDir());
	ASSERT_TRUE(opened.ok()) << opened.error().Describe();
	SqliteStore &store = **opened;
	std::vector<std::thread> threads;
	for (int t = 0; t < 4; ++t) {
		threads.emplace_back([&, t] {
			for (int i = 0; i < 10; ++i) {
				Organization org;
				org.name = "メモリ " + std::to_string(t) + "-" + std::to_string(i);
				EXPECT_TRUE(store.CreateOrganization(org).ok());
				EXPECT_TRUE(store.CountOrganizations().ok());
			}
		});
	}
	for (std::thread &thread : threads) {
		thread.join();
	}
	EXPECT_EQ(*store.CountOrganizations(), 40);
	EXPECT_EQ(store.OpenConnections(), 1U);
}

} // namespace
} // namespace mamori::storage
