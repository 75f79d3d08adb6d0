// mamori/tests/unit/sqlite_store_test.cpp
//
// Runs the SQLite store against real files (WAL needs a file, not :memory:)
// and the real migrations, so the schema is exercised exactly as shipped.
#include "storage/sqlite/sqlite_store.hpp"

#include "storage/sqlite/migrations.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>

namespace mamori::storage {
namespace {

namespace fs = std::filesystem;

const std::string kMigrationsDir = std::string(MAMORI_SOURCE_DIR) + "/migrations/sqlite";

class SqliteStoreTest : public ::testing::Test {
protected:
	void SetUp() override {
		static std::atomic<int> counter{0};
		const auto *info = ::testing::UnitTest::GetInstance()->current_test_info();
		dir_ = fs::temp_directory_path() / ("mamori_sqlite_test_" + std::to_string(::getpid()) + "_" +
		                                    std::to_string(counter++) + "_" + info->name());
		fs::remove_all(dir_);
		fs::create_directories(dir_);
		db_path_ = (dir_ / "mamori.db").string();
		store_ = OpenStore(db_path_);
	}

	void TearDown() override {
		store_.reset();
		fs::remove_all(dir_);
	}

	static std::unique_ptr<SqliteStore> OpenStore(const std::string &path) {
		auto opened = SqliteStore::Open(path, kMigrationsDir);
		EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().Describe());
		return opened.ok() ? std::move(opened).value() : nullptr;
	}

	//! A raw connection for checks that go around the Store.
	static int CountRows(const std::string &path, const std::string &sql) {
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

	Id MakeOrg(const std::string &name) {
		Organization org;
		org.name = name;
		org.industry = "manufacturing";
		org.capital_yen = 10'000'000;
		org.employees = 25;
		org.edition = "3.0";
		auto id = store_->CreateOrganization(org);
		EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().Describe());
		return id.ok() ? *id : 0;
	}

	Id MakeUser(const std::string &email) {
		User user;
		user.email = email;
		user.display_name = "担当 " + email;
		user.created_at = "2025-04-01T09:00:00Z";
		auto id = store_->CreateUser(user);
		EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().Describe());
		return id.ok() ? *id : 0;
	}

	Id MakeRound(Id org_id) {
		SelfcheckRound round;
		round.org_id = org_id;
		round.title = "2025年度";
		round.started_at = "2025-04-01T09:00:00Z";
		round.edition = "3.0";
		auto id = store_->CreateRound(round);
		EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().Describe());
		return id.ok() ? *id : 0;
	}

	void WriteMigration(const fs::path &dir, const std::string &name, const std::string &sql) {
		std::ofstream(dir / name) << sql;
	}

	fs::path MigrationsCopy() {
		const fs::path copy = dir_ / "migrations";
		fs::create_directories(copy);
		fs::remove_all(copy);
		fs::create_directories(copy);
		for (const auto &entry : fs::directory_iterator(kMigrationsDir)) {
			fs::copy_file(entry.path(), copy / entry.path().filename());
		}
		return copy;
	}

	fs::path dir_;
	std::string db_path_;
	std::unique_ptr<SqliteStore> store_;
};

// --- migrations ----------------------------------------------------------------

//! Number of shipped migration files: the schema version a fresh database reaches.
int ShippedMigrations() {
	int count = 0;
	for (const auto &entry : fs::directory_iterator(kMigrationsDir)) {
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
	EXPECT_EQ(CountRows(db_path_, "SELECT COUNT(*) FROM schema_migrations"), ShippedMigrations());
	EXPECT_EQ(CountRows(db_path_, "SELECT MAX(version) FROM schema_migrations"), ShippedMigrations());
}

TEST_F(SqliteStoreTest, RefusesDatabaseNewerThanMigrations) {
	store_.reset();
	sqlite3 *db = nullptr;
	ASSERT_EQ(sqlite3_open(db_path_.c_str(), &db), SQLITE_OK);
	ASSERT_EQ(sqlite3_exec(db, "INSERT INTO schema_migrations(version, applied_at) VALUES (7, 'x')", nullptr, nullptr,
	                       nullptr),
	          SQLITE_OK);
	sqlite3_close(db);
	auto opened = SqliteStore::Open(db_path_, kMigrationsDir);
	ASSERT_FALSE(opened.ok());
	EXPECT_EQ(opened.error().code, ErrorCode::kStorage);
	EXPECT_NE(opened.error().message.find("version 7"), std::string::npos) << opened.error().message;
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
		auto opened = SqliteStore::Open((dir_ / ("m_" + c.name + ".db")).string(), migrations.string());
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
	EXPECT_EQ(CountRows(db_path_, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'extra'"), 0);
	EXPECT_EQ(CountRows(db_path_, "SELECT MAX(version) FROM schema_migrations"), shipped);

	// Fixed file: applies on the next start.
	WriteMigration(migrations, broken, "CREATE TABLE extra(a);\n");
	auto fixed = SqliteStore::Open(db_path_, migrations.string());
	ASSERT_TRUE(fixed.ok()) << fixed.error().Describe();
	EXPECT_EQ(CountRows(db_path_, "SELECT MAX(version) FROM schema_migrations"), shipped + 1);
}

// --- accounts -------------------------------------------------------------------

TEST_F(SqliteStoreTest, DuplicateEmailIsConflict) {
	const Id id = MakeUser("Sato@Example.jp");
	User again;
	again.email = "sato@example.JP";
	auto second = store_->CreateUser(again);
	ASSERT_FALSE(second.ok());
	EXPECT_EQ(second.error().code, ErrorCode::kConflict);
	EXPECT_NE(second.error().message.find("already registered"), std::string::npos);

	auto found = store_->FindUserByEmail("SATO@example.jp");
	ASSERT_TRUE(found.ok());
	ASSERT_TRUE(found->has_value());
	EXPECT_EQ((*found)->id, id);
	EXPECT_EQ((*found)->email, "sato@example.jp");
	EXPECT_EQ(*store_->CountUsers(), 1);
}

TEST_F(SqliteStoreTest, FailedLoginsAndLock) {
	const Id id = MakeUser("a@example.jp");
	ASSERT_TRUE(store_->RecordFailedLogin(id, 5, "2025-04-01T10:15:00Z").ok());
	ASSERT_TRUE(store_->RecordFailedLogin(id, 6, "").ok());
	auto user = store_->FindUserById(id);
	EXPECT_EQ((*user)->failed_logins, 6);
	EXPECT_EQ((*user)->locked_until, "2025-04-01T10:15:00Z");
	ASSERT_TRUE(store_->ResetFailedLogins(id).ok());
	user = store_->FindUserById(id);
	EXPECT_EQ((*user)->failed_logins, 0);
	EXPECT_EQ((*user)->locked_until, "");
	EXPECT_EQ(store_->UpdatePasswordHash(id + 100, "x").error().code, ErrorCode::kNotFound);
}

TEST_F(SqliteStoreTest, SessionsExpire) {
	const Id user_id = MakeUser("a@example.jp");
	Session session{"hash-1", user_id, "csrf", "2025-04-01T09:00:00Z", "2025-04-01T10:00:00Z"};
	ASSERT_TRUE(store_->CreateSession(session).ok());
	EXPECT_TRUE(store_->FindSession("hash-1", "2025-04-01T09:59:59Z")->has_value());
	EXPECT_FALSE(store_->FindSession("hash-1", "2025-04-01T10:00:00Z")->has_value());
	EXPECT_FALSE(store_->FindSession("hash-1", "2025-04-02T00:00:00Z")->has_value());
	EXPECT_FALSE(store_->FindSession("other", "2025-04-01T09:00:00Z")->has_value());
	EXPECT_EQ(store_->CreateSession(session).error().code, ErrorCode::kConflict);
	ASSERT_TRUE(store_->DeleteSessionsOfUser(user_id).ok());
	EXPECT_FALSE(store_->FindSession("hash-1", "2025-04-01T09:00:00Z")->has_value());
}

TEST_F(SqliteStoreTest, InvitationIsUsedOnce) {
	const Id org_id = MakeOrg("A社");
	const Id user_id = MakeUser("new@example.jp");
	ASSERT_TRUE(store_->CreateInvitation({"inv", org_id, user_id, "2025-04-08T00:00:00Z", ""}).ok());
	EXPECT_FALSE(store_->FindInvitation("inv", "2025-04-09T00:00:00Z")->has_value());
	ASSERT_TRUE(store_->FindInvitation("inv", "2025-04-02T00:00:00Z")->has_value());
	EXPECT_EQ(store_->MarkInvitationAccepted("inv", "2025-04-09T00:00:00Z").error().code, ErrorCode::kNotFound);
	ASSERT_TRUE(store_->MarkInvitationAccepted("inv", "2025-04-02T00:00:00Z").ok());
	EXPECT_EQ(store_->MarkInvitationAccepted("inv", "2025-04-02T00:00:01Z").error().code, ErrorCode::kConflict);
	EXPECT_FALSE(store_->FindInvitation("inv", "2025-04-02T00:00:00Z")->has_value());
	EXPECT_EQ(store_->MarkInvitationAccepted("missing", "2025-04-02T00:00:00Z").error().code, ErrorCode::kNotFound);
}

// --- organisations ---------------------------------------------------------------

TEST_F(SqliteStoreTest, MembershipsJoinNames) {
	const Id org_id = MakeOrg("A社");
	const Id user_id = MakeUser("a@example.jp");
	auto dept = store_->CreateDepartment({0, org_id, "営業部"});
	ASSERT_TRUE(dept.ok());
	EXPECT_EQ(store_->CreateDepartment({0, org_id, "営業部"}).error().code, ErrorCode::kConflict);
	Membership membership;
	membership.org_id = org_id;
	membership.user_id = user_id;
	membership.role = Role::kRespondent;
	membership.department_id = *dept;
	ASSERT_TRUE(store_->AddMembership(membership).ok());
	EXPECT_EQ(store_->AddMembership(membership).error().code, ErrorCode::kConflict);

	auto members = store_->ListMembers(org_id);
	ASSERT_TRUE(members.ok());
	ASSERT_EQ(members->size(), 1u);
	EXPECT_EQ((*members)[0].email, "a@example.jp");
	EXPECT_EQ((*members)[0].display_name, "担当 a@example.jp");
	EXPECT_EQ((*members)[0].org_name, "A社");
	EXPECT_EQ((*members)[0].role, Role::kRespondent);
	EXPECT_EQ((*members)[0].department_id, *dept);
	auto mine = store_->ListMembershipsOfUser(user_id);
	ASSERT_EQ(mine->size(), 1u);
	EXPECT_EQ((*mine)[0].org_name, "A社");

	// Deleting the department keeps the member, without a department.
	ASSERT_TRUE(store_->DeleteDepartment(org_id, *dept).ok());
	auto found = store_->FindMembership(org_id, user_id);
	ASSERT_TRUE(found->has_value());
	EXPECT_FALSE((*found)->department_id.has_value());
	ASSERT_TRUE(store_->RemoveMembership(org_id, user_id).ok());
	EXPECT_EQ(store_->RemoveMembership(org_id, user_id).error().code, ErrorCode::kNotFound);
}

TEST_F(SqliteStoreTest, QueriesAreScopedToTheOrganisation) {
	const Id org_a = MakeOrg("A社");
	const Id org_b = MakeOrg("B社");
	const Id round_a = MakeRound(org_a);

	EXPECT_TRUE(store_->FindRound(org_a, round_a)->has_value());
	auto other = store_->FindRound(org_b, round_a);
	ASSERT_TRUE(other.ok());
	EXPECT_FALSE(other->has_value());

	SelfcheckResponse response;
	response.round_id = round_a;
	response.respondent = "営業部";
	response.answers = {{1, Answer::kImplemented}};
	auto wrong = store_->UpsertResponse(org_b, response);
	ASSERT_FALSE(wrong.ok());
	EXPECT_EQ(wrong.error().code, ErrorCode::kNotFound);
	ASSERT_TRUE(store_->UpsertResponse(org_a, response).ok());

	EXPECT_EQ(store_->ListResponses(org_a, round_a)->size(), 1u);
	EXPECT_TRUE(store_->ListResponses(org_b, round_a)->empty());
	EXPECT_FALSE(store_->FindResponse(org_b, round_a, "営業部")->has_value());
	EXPECT_EQ(store_->CloseRound(org_b, round_a, "").error().code, ErrorCode::kNotFound);
	EXPECT_TRUE(store_->ListRounds(org_b)->empty());

	// A department of another organisation cannot be attached to a membership.
	auto dept_a = store_->CreateDepartment({0, org_a, "総務部"});
	Membership membership;
	membership.org_id = org_b;
	membership.user_id = MakeUser("b@example.jp");
	membership.department_id = *dept_a;
	EXPECT_EQ(store_->AddMembership(membership).error().code, ErrorCode::kNotFound);
	EXPECT_EQ(store_->RenameDepartment(org_b, *dept_a, "x").error().code, ErrorCode::kNotFound);
	EXPECT_EQ(store_->DeleteDepartment(org_b, *dept_a).error().code, ErrorCode::kNotFound);

	// Referring to a missing organisation is "not found", not a storage failure.
	EXPECT_EQ(store_->CreateDepartment({0, 9999, "x"}).error().code, ErrorCode::kNotFound);
}

// --- transactions ------------------------------------------------------------------

TEST_F(SqliteStoreTest, FailedTransactionLeavesNothing) {
	auto status = store_->InTransaction([&]() -> Status {
		MakeOrg("A社");
		EXPECT_EQ(*store_->CountOrganizations(), 1);  // visible inside
		return Error::Make(ErrorCode::kConflict, "stop");
	});
	ASSERT_FALSE(status.ok());
	EXPECT_EQ(status.error().message, "stop");
	EXPECT_EQ(*store_->CountOrganizations(), 0);

	EXPECT_THROW(store_->InTransaction([&]() -> Status {
		MakeOrg("B社");
		throw std::runtime_error("boom");
	}),
	             std::runtime_error);
	EXPECT_EQ(*store_->CountOrganizations(), 0);

	// The store is usable afterwards.
	MakeOrg("C社");
	EXPECT_EQ(*store_->CountOrganizations(), 1);
}

TEST_F(SqliteStoreTest, NestedTransactions) {
	auto status = store_->InTransaction([&]() -> Status {
		MakeOrg("outer-1");
		auto inner = store_->InTransaction([&]() -> Status {
			MakeOrg("inner");
			return Error::Make(ErrorCode::kInvalidInput, "inner fails");
		});
		EXPECT_FALSE(inner.ok());
		MakeOrg("outer-2");
		return OkStatus();
	});
	ASSERT_TRUE(status.ok()) << status.error().Describe();
	EXPECT_EQ(*store_->CountOrganizations(), 2);

	// An inner success is still undone when the outer level fails.
	status = store_->InTransaction([&]() -> Status {
		EXPECT_TRUE(store_->InTransaction([&]() -> Status {
			MakeOrg("inner-ok");
			return OkStatus();
		}).ok());
		return Error::Make(ErrorCode::kInternal, "outer fails");
	});
	ASSERT_FALSE(status.ok());
	EXPECT_EQ(*store_->CountOrganizations(), 2);

	// A failing store call inside a transaction undoes only itself.
	status = store_->InTransaction([&]() -> Status {
		MakeUser("x@example.jp");
		User dup;
		dup.email = "x@example.jp";
		EXPECT_EQ(store_->CreateUser(dup).error().code, ErrorCode::kConflict);
		return OkStatus();
	});
	ASSERT_TRUE(status.ok());
	EXPECT_EQ(*store_->CountUsers(), 1);
}

TEST_F(SqliteStoreTest, ConcurrentWritersFromThreads) {
	std::vector<std::thread> threads;
	for (int t = 0; t < 4; ++t) {
		threads.emplace_back([&, t] {
			for (int i = 0; i < 25; ++i) {
				Organization org;
				org.name = "org-" + std::to_string(t) + "-" + std::to_string(i);
				EXPECT_TRUE(store_->CreateOrganization(org).ok());
			}
		});
	}
	for (std::thread &thread : threads) {
		thread.join();
	}
	EXPECT_EQ(*store_->CountOrganizations(), 100);
}

// --- self-check ----------------------------------------------------------------------

TEST_F(SqliteStoreTest, UpsertResponseReplacesAnswers) {
	const Id org_id = MakeOrg("A社");
	const Id round_id = MakeRound(org_id);
	SelfcheckResponse response;
	response.round_id = round_id;
	response.respondent = "営業部";
	response.answers = {{1, Answer::kImplemented}, {2, Answer::kPartial}, {3, Answer::kUnknown}};
	response.updated_at = "2025-04-02T09:00:00Z";
	ASSERT_TRUE(store_->UpsertResponse(org_id, response).ok());

	response.answers = {{2, Answer::kNotImplemented}, {4, Answer::kImplemented}};
	response.submitted_at = "2025-04-03T09:00:00Z";
	response.updated_at = "2025-04-03T09:00:00Z";
	ASSERT_TRUE(store_->UpsertResponse(org_id, response).ok());

	auto all = store_->ListResponses(org_id, round_id);
	ASSERT_TRUE(all.ok());
	ASSERT_EQ(all->size(), 1u);
	EXPECT_EQ((*all)[0].answers, response.answers);
	EXPECT_EQ((*all)[0].submitted_at, "2025-04-03T09:00:00Z");
	auto one = store_->FindResponse(org_id, round_id, "営業部");
	ASSERT_TRUE(one->has_value());
	EXPECT_EQ((*one)->answers, response.answers);

	SelfcheckResponse second;
	second.round_id = round_id;
	second.respondent = "総務部";
	second.answers = {{1, Answer::kPartial}};
	ASSERT_TRUE(store_->UpsertResponse(org_id, second).ok());
	all = store_->ListResponses(org_id, round_id);
	ASSERT_EQ(all->size(), 2u);
	EXPECT_EQ((*all)[0].answers.size() + (*all)[1].answers.size(), 3u);
	EXPECT_EQ(CountRows(db_path_, "SELECT COUNT(*) FROM selfcheck_answers"), 3);

	// Bad item numbers are rejected before anything is written.
	second.answers = {{0, Answer::kPartial}};
	EXPECT_EQ(store_->UpsertResponse(org_id, second).error().code, ErrorCode::kInvalidInput);
	EXPECT_EQ(store_->FindResponse(org_id, round_id, "総務部")->value().answers.size(), 1u);
}

TEST_F(SqliteStoreTest, RoundsNumberAndClose) {
	const Id org_id = MakeOrg("A社");
	const Id first = MakeRound(org_id);
	const Id second = MakeRound(org_id);
	EXPECT_EQ(store_->FindRound(org_id, first)->value().number, 1);
	EXPECT_EQ(store_->FindRound(org_id, second)->value().number, 2);
	EXPECT_EQ(store_->CurrentRound(org_id)->value().id, second);
	ASSERT_TRUE(store_->CloseRound(org_id, second, "2025-05-01T00:00:00Z").ok());
	EXPECT_EQ(store_->CloseRound(org_id, second, "2025-05-02T00:00:00Z").error().code, ErrorCode::kConflict);
	EXPECT_EQ(store_->FindRound(org_id, second)->value().closed_at, "2025-05-01T00:00:00Z");
	SelfcheckRound dup;
	dup.org_id = org_id;
	dup.number = 2;
	EXPECT_EQ(store_->CreateRound(dup).error().code, ErrorCode::kConflict);
}

TEST_F(SqliteStoreTest, FiveArticlesUpsert) {
	const Id org_id = MakeOrg("A社");
	ASSERT_TRUE(store_->UpsertFiveArticle({org_id, 3, ArticleState::kDone, "2025-04-01", "山田", ""}).ok());
	ASSERT_TRUE(store_->UpsertFiveArticle({org_id, 1, ArticleState::kNotStarted, "", "", ""}).ok());
	ASSERT_TRUE(store_->UpsertFiveArticle({org_id, 3, ArticleState::kInProgress, "", "佐藤", ""}).ok());
	EXPECT_EQ(store_->UpsertFiveArticle({org_id, 6, ArticleState::kDone, "", "", ""}).error().code, ErrorCode::kInvalidInput);
	auto list = store_->ListFiveArticles(org_id);
	ASSERT_EQ(list->size(), 2u);
	EXPECT_EQ((*list)[0].number, 1);
	EXPECT_EQ((*list)[0].state, ArticleState::kNotStarted);
	EXPECT_EQ((*list)[1].number, 3);
	EXPECT_EQ((*list)[1].state, ArticleState::kInProgress);
	EXPECT_EQ((*list)[1].responsible, "佐藤");
	EXPECT_FALSE((*list)[1].updated_at.empty());
}

// --- policy --------------------------------------------------------------------------------

TEST_F(SqliteStoreTest, PolicyVersionsAreNumberedPerOrganisation) {
	const Id org_a = MakeOrg("A社");
	const Id org_b = MakeOrg("B社");
	PolicyVersion policy;
	policy.org_id = org_a;
	policy.version = 42;  // ignored
	policy.input.company_name = "株式会社A";
	policy.input.scope = "全社";
	policy.input.clause_ids = {"law", "education", "\"quoted\""};
	policy.input.established_on = "2025-04-01";
	policy.input.representative_title = "代表取締役社長";
	policy.input.representative_name = "山田 太郎";
	auto v1 = store_->CreatePolicyVersion(policy);
	ASSERT_TRUE(v1.ok()) << v1.error().Describe();
	auto v2 = store_->CreatePolicyVersion(policy);
	ASSERT_TRUE(v2.ok());
	policy.org_id = org_b;
	ASSERT_TRUE(store_->CreatePolicyVersion(policy).ok());

	auto latest = store_->LatestPolicy(org_a);
	ASSERT_TRUE(latest.ok());
	ASSERT_TRUE(latest->has_value());
	EXPECT_EQ((*latest)->version, 2);
	EXPECT_EQ((*latest)->id, *v2);
	EXPECT_EQ((*latest)->input.clause_ids, policy.input.clause_ids);
	EXPECT_EQ((*latest)->input.representative_name, "山田 太郎");
	EXPECT_EQ(store_->LatestPolicy(org_b)->value().version, 1);
	EXPECT_FALSE(store_->LatestPublishedPolicy(org_a)->has_value());

	PolicyVersion published = store_->ListPolicyVersions(org_a)->back();
	EXPECT_EQ(published.version, 1);
	published.status = PolicyStatus::kPublished;
	published.published_at = "2025-04-01T12:00:00Z";
	ASSERT_TRUE(store_->UpdatePolicyVersion(published).ok());
	EXPECT_EQ(store_->LatestPublishedPolicy(org_a)->value().version, 1);

	published.org_id = org_b;  // another organisation's id must not reach the row
	EXPECT_EQ(store_->UpdatePolicyVersion(published).error().code, ErrorCode::kNotFound);
}

// --- audit and backup -------------------------------------------------------------------------

TEST_F(SqliteStoreTest, AuditIsNewestFirstWithEmail) {
	const Id org_a = MakeOrg("A社");
	const Id org_b = MakeOrg("B社");
	const Id user_id = MakeUser("auditor@example.jp");
	for (int i = 1; i <= 3; ++i) {
		AuditEntry entry;
		entry.org_id = org_a;
		entry.user_id = user_id;
		entry.at = "2025-04-01T09:00:0" + std::to_string(i) + "Z";
		entry.action = "action." + std::to_string(i);
		entry.detail = "{}";
		ASSERT_TRUE(store_->AppendAudit(entry).ok());
	}
	AuditEntry other;
	other.org_id = org_b;
	other.action = "other";
	ASSERT_TRUE(store_->AppendAudit(other).ok());

	auto entries = store_->ListAudit(org_a, 10, 0);
	ASSERT_TRUE(entries.ok());
	ASSERT_EQ(entries->size(), 3u);
	EXPECT_EQ((*entries)[0].action, "action.3");
	EXPECT_EQ((*entries)[2].action, "action.1");
	EXPECT_GT((*entries)[0].id, (*entries)[1].id);
	EXPECT_EQ((*entries)[0].user_email, "auditor@example.jp");
	auto page = store_->ListAudit(org_a, 1, 1);
	ASSERT_EQ(page->size(), 1u);
	EXPECT_EQ((*page)[0].action, "action.2");
}

TEST_F(SqliteStoreTest, BackupIsAReadableCopy) {
	const Id org_id = MakeOrg("A社");
	MakeUser("a@example.jp");
	const Id round_id = MakeRound(org_id);
	SelfcheckResponse response;
	response.round_id = round_id;
	response.respondent = "本社";
	response.answers = {{1, Answer::kImplemented}, {25, Answer::kUnknown}};
	ASSERT_TRUE(store_->UpsertResponse(org_id, response).ok());

	const std::string backup_path = (dir_ / "backup.db").string();
	auto status = store_->BackupTo(backup_path);
	ASSERT_TRUE(status.ok()) << status.error().Describe();
	EXPECT_EQ(store_->BackupTo(backup_path).error().code, ErrorCode::kInvalidInput);

	auto copy = OpenStore(backup_path);
	ASSERT_TRUE(copy);
	EXPECT_EQ(*copy->CountOrganizations(), 1);
	EXPECT_EQ(*copy->CountUsers(), 1);
	EXPECT_EQ(copy->FindOrganization(org_id)->value().name, "A社");
	EXPECT_EQ(copy->FindResponse(org_id, round_id, "本社")->value().answers, response.answers);

	// A target that cannot be created fails cleanly and leaves nothing.
	const std::string bad = (dir_ / "missing-dir" / "backup.db").string();
	EXPECT_EQ(store_->BackupTo(bad).error().code, ErrorCode::kStorage);
	EXPECT_FALSE(fs::exists(bad));
}

TEST(NamesTest, RolesAndAnswersRoundTrip) {
	for (Role role : {Role::kAdmin, Role::kManager, Role::kExecutive, Role::kRespondent, Role::kViewer}) {
		EXPECT_EQ(ParseRoleName(RoleName(role)), role);
	}
	// 表5 names the role 情報セキュリティ責任者; no label may be the bare 管理者,
	// which readers would take for 表5's システム管理者.
	EXPECT_EQ(RoleLabel(Role::kManager), "情報セキュリティ責任者");
	EXPECT_EQ(RoleLabel(Role::kAdmin), "組織管理者");
	for (Role role : {Role::kAdmin, Role::kManager, Role::kExecutive, Role::kRespondent, Role::kViewer}) {
		EXPECT_NE(RoleLabel(role), "管理者");
		EXPECT_NE(RoleLabel(role), "責任者");
	}
	EXPECT_FALSE(ParseRoleName("owner").has_value());
	for (Answer answer : {Answer::kImplemented, Answer::kPartial, Answer::kNotImplemented, Answer::kUnknown}) {
		EXPECT_EQ(ParseAnswerName(AnswerName(answer)), answer);
	}
	EXPECT_EQ(AnswerName(Answer::kNotImplemented), "not_implemented");
	EXPECT_EQ(AnswerLabel(Answer::kPartial), "一部実施している");
	EXPECT_FALSE(ParseAnswerName("yes").has_value());
}

} // namespace
} // namespace mamori::storage
