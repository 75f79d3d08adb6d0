// mamori/tests/unit/app/policy_migration_test.cpp
//
// Migration 0010 (the 基本方針 moves onto the document model): a database
// left at migration 0009, with a published version and a newer draft in the
// old `policies` table, is opened by this release. The policy service must
// show the same texts, versions and states, and the document history one
// revision per old version.
#include "app/documents/document_editing.hpp"
#include "app/policy_service.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/catalog.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>

namespace mamori::app {
namespace {

namespace fs = std::filesystem;

class PolicyMigrationTest : public ::testing::Test {
protected:
	void SetUp() override {
		fs::create_directories(dir_ / "before_0010");
		for (const auto &entry : fs::directory_iterator(testing_support::SqliteMigrationsDir())) {
			const std::string name = entry.path().filename().string();
			if (name < "0010") {
				fs::copy_file(entry.path(), dir_ / "before_0010" / name);
			}
		}
		db_path_ = (dir_ / "mamori.db").string();
	}

	std::unique_ptr<storage::SqliteStore> Open(const fs::path &migrations) {
		auto opened = storage::SqliteStore::Open(db_path_, migrations.string());
		EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().Describe());
		return opened.ok() ? std::move(opened).value() : nullptr;
	}

	//! A row of the old table, as the previous release wrote it.
	void InsertOldVersion(Id org_id, int version, const std::string &input_json, const std::string &status,
	                      const std::string &published_at, const std::string &updated_at) {
		sqlite3 *db = nullptr;
		ASSERT_EQ(sqlite3_open(db_path_.c_str(), &db), SQLITE_OK);
		sqlite3_stmt *stmt = nullptr;
		ASSERT_EQ(sqlite3_prepare_v2(db,
		                             "INSERT INTO policies(org_id, version, input_json, status, published_at, updated_at) "
		                             "VALUES (?, ?, ?, ?, ?, ?)",
		                             -1, &stmt, nullptr),
		          SQLITE_OK);
		sqlite3_bind_int64(stmt, 1, org_id);
		sqlite3_bind_int(stmt, 2, version);
		sqlite3_bind_text(stmt, 3, input_json.c_str(), -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(stmt, 4, status.c_str(), -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(stmt, 5, published_at.c_str(), -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(stmt, 6, updated_at.c_str(), -1, SQLITE_TRANSIENT);
		EXPECT_EQ(sqlite3_step(stmt), SQLITE_DONE) << sqlite3_errmsg(db);
		sqlite3_finalize(stmt);
		sqlite3_close(db);
	}

	bool PoliciesTableExists() {
		sqlite3 *db = nullptr;
		EXPECT_EQ(sqlite3_open(db_path_.c_str(), &db), SQLITE_OK);
		sqlite3_stmt *stmt = nullptr;
		sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE name = 'policies'", -1, &stmt, nullptr);
		const bool exists = sqlite3_step(stmt) == SQLITE_ROW;
		sqlite3_finalize(stmt);
		sqlite3_close(db);
		return exists;
	}

	testing_support::TempDir temp_{"policy_migration"};
	const fs::path dir_ = temp_.path();
	std::string db_path_;
};

TEST_F(PolicyMigrationTest, VersionsBecomeRevisionsWithTheSameTextsAndStates) {
	Id firm = 0;
	Id other = 0;
	{
		auto old_release = Open(dir_ / "before_0010");
		ASSERT_TRUE(old_release);
		storage::Organization org;
		org.name = "移行株式会社";
		org.industry = "manufacturing";
		org.edition = "3.0";
		org.created_at = "2025-04-01T09:00:00Z";
		firm = *old_release->CreateOrganization(org);
		org.name = "別会社";
		other = *old_release->CreateOrganization(org);
	}
	InsertOldVersion(firm, 1,
	                 R"({"company_name":"移行株式会社","scope":"全社","clause_ids":["a","b"],"established_on":"2025-04-01",)"
	                 R"("revised_on":"","representative_title":"代表取締役","representative_name":"山田 太郎"})",
	                 "published", "2025-04-02T01:00:00Z", "2025-04-02T01:00:00Z");
	InsertOldVersion(firm, 2,
	                 R"({"company_name":"移行株式会社","scope":"本社","clause_ids":["a"],"established_on":"2025-04-01",)"
	                 R"("revised_on":"2025-10-01","representative_title":"代表取締役","representative_name":"山田 太郎",)"
	                 R"("omission_reasons":{"b":"該当しない"}})",
	                 "draft", "", "2025-09-30T05:00:00Z");
	ASSERT_TRUE(PoliciesTableExists());

	auto store = Open(testing_support::SqliteMigrationsDir());
	ASSERT_TRUE(store);
	EXPECT_FALSE(PoliciesTableExists());
	AppContext ctx{.catalog = testing_support::ShippedCatalog(), .store = *store};
	OrgAccess access;
	access.org = store->FindOrganization(firm)->value();
	access.membership = {firm, 0, storage::Role::kAdmin};

	auto versions = ListPolicyVersions(ctx, access);
	ASSERT_TRUE(versions.ok()) << versions.error().Describe();
	ASSERT_EQ(versions->size(), 2u);
	const PolicyVersion &draft = (*versions)[0];
	const PolicyVersion &published = (*versions)[1];
	EXPECT_EQ(draft.version, 2);
	EXPECT_EQ(draft.status, PolicyStatus::kDraft);
	EXPECT_EQ(draft.input.scope, "本社");
	EXPECT_EQ(draft.input.clause_ids, std::vector<std::string>{"a"});
	EXPECT_EQ(draft.input.revised_on, "2025-10-01");
	EXPECT_EQ(draft.input.omission_reasons.at("b"), "該当しない");
	EXPECT_EQ(draft.updated_at, "2025-09-30T05:00:00Z");
	EXPECT_EQ(published.version, 1);
	EXPECT_EQ(published.status, PolicyStatus::kPublished);
	EXPECT_EQ(published.input.scope, "全社");
	EXPECT_EQ(published.input.clause_ids, (std::vector<std::string>{"a", "b"}));
	EXPECT_EQ(published.input.representative_name, "山田 太郎");
	EXPECT_EQ(published.published_at, "2025-04-02T01:00:00Z");

	auto state = LoadPolicyState(ctx, access);
	ASSERT_TRUE(state.ok());
	ASSERT_TRUE(state->latest && state->published);
	EXPECT_EQ(state->latest->version, 2);
	EXPECT_EQ(state->published->version, 1);

	// 回答者 still see only the published version.
	OrgAccess respondent = access;
	respondent.membership.role = storage::Role::kRespondent;
	auto shown = ChoosePolicyVersion(ctx, respondent, std::nullopt);
	ASSERT_TRUE(shown.ok() && shown->has_value());
	EXPECT_EQ((*shown)->version, 1);
	EXPECT_EQ(ChoosePolicyVersion(ctx, respondent, 2).error().code, ErrorCode::kNotFound);

	// The document row holds the latest version; the history one revision per old version.
	auto record = PolicyDocumentRecord(ctx, access);
	ASSERT_TRUE(record.ok() && record->has_value());
	EXPECT_EQ((*record)->state, storage::DocumentState::kDraft);
	EXPECT_EQ((*record)->revision, 2);
	EXPECT_EQ((*record)->scope, "本社");
	EXPECT_EQ((*record)->revised_on, "2025-10-01");
	auto history = DocumentHistory(ctx, access, **record);
	ASSERT_TRUE(history.ok());
	ASSERT_EQ(history->size(), 2u);
	EXPECT_EQ((*history)[0].state, storage::DocumentState::kPublished);
	EXPECT_EQ((*history)[0].changed_at, "2025-04-02T01:00:00Z");
	EXPECT_EQ((*history)[1].state, storage::DocumentState::kDraft);

	// Work goes on from there: saving keeps version 2, publishing it makes it the one in force.
	storage::User user;
	user.email = "editor@example.jp";
	user.created_at = "2025-10-01T00:00:00Z";
	const Actor actor{*store->CreateUser(user), user.email, false};
	PolicyInput input = draft.input;
	input.clause_ids = DefaultPolicyInput(access.EditionOf(ctx.catalog), access.org).clause_ids;
	input.omission_reasons.clear();
	auto saved = SavePolicyDraft(ctx, actor, access, input, 2);
	ASSERT_TRUE(saved.ok()) << saved.error().Describe();
	EXPECT_EQ(saved->version, 2);
	EXPECT_EQ(saved->revision, 3);

	auto other_access = access;
	other_access.org = store->FindOrganization(other)->value();
	auto none = LoadPolicyState(ctx, other_access);
	ASSERT_TRUE(none.ok());
	EXPECT_FALSE(none->latest.has_value()) << "an organisation without a policy gets no document";
}

} // namespace
} // namespace mamori::app
