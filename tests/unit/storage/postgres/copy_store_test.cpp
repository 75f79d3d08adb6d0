// mamori/tests/unit/storage/postgres/copy_store_test.cpp
//
// `mamori migrate-store` below the CLI: SQLite -> PostgreSQL -> SQLite keeps
// every row and id, and a target that is not empty is refused untouched.
#include "storage/copy_store.hpp"
#include "storage/open_store.hpp"
#include "storage/postgres/pg_test_schema.hpp"
#include "support/catalog.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

namespace mamori::storage {
namespace {

class CopyStoreTest : public ::testing::Test {
  protected:
	void SetUp() override {
		if (testing_support::PostgresTestUrl().empty()) {
			GTEST_SKIP() << "MAMORI_TEST_PG_URL is not set (scripts/pg-test-cluster.sh start)";
		}
	}
	std::unique_ptr<Store> Open(const std::string &url) {
		auto store = OpenStore(url, migrations_);
		EXPECT_TRUE(store.ok()) << store.error().Describe();
		return store.ok() ? std::move(store).value() : nullptr;
	}
	const std::string migrations_ = testing_support::SourcePath("migrations");
	testing_support::TempDir dir_{"copy_store"};
};

TEST_F(CopyStoreTest, SqliteToPostgresAndBackKeepsRowsAndIds) {
	const std::string original = dir_.File("original.db");
	Id org_id = 0;
	{
		auto store = Open(original);
		ASSERT_TRUE(store);
		User user;
		user.email = "owner@example.jp";
		user.created_at = "2025-04-01T09:00:00Z";
		const Id user_id = *store->CreateUser(user);
		Organization org;
		org.name = "移行テスト株式会社";
		org_id = *store->CreateOrganization(org);
		ASSERT_TRUE(store->AddMembership(Membership{org_id, user_id, Role::kAdmin}).ok());
		Asset asset;
		asset.org_id = org_id;
		asset.name = "顧客台帳";
		asset.personal_info = true;
		asset.confidentiality = 3;
		ASSERT_TRUE(store->CreateAsset(asset).ok());
		AuditEntry entry;
		entry.org_id = org_id;
		entry.user_id = user_id;
		entry.action = "org.create";
		ASSERT_TRUE(store->AppendAudit(entry).ok());
	}
	auto postgres = testing_support::FreshPostgresSchema();
	ASSERT_TRUE(postgres.ok()) << postgres.error().Describe();
	auto copied = CopyStore(original, *postgres, migrations_);
	ASSERT_TRUE(copied.ok()) << copied.error().Describe();
	EXPECT_GE(copied->rows, 5);

	{
		auto store = Open(*postgres);
		ASSERT_TRUE(store);
		EXPECT_EQ((*store->FindOrganization(org_id))->name, "移行テスト株式会社");
		auto assets = store->ListAssets(org_id);
		ASSERT_TRUE(assets.ok());
		ASSERT_EQ(assets->size(), 1u);
		EXPECT_TRUE((*assets)[0].personal_info);
		EXPECT_EQ((*assets)[0].confidentiality, 3);
		EXPECT_EQ(store->ListAuditChain()->size(), 1u);
		// New rows continue after the copied ids.
		Organization next;
		next.name = "次の会社";
		EXPECT_GT(*store->CreateOrganization(next), org_id);
	}
	// A target with data is refused and left as it was.
	auto again = CopyStore(original, *postgres, migrations_);
	ASSERT_FALSE(again.ok());
	EXPECT_EQ(again.error().code, ErrorCode::kInvalidInput);
	EXPECT_EQ(*Open(*postgres)->CountOrganizations(), 2);

	const std::string back = dir_.File("back.db");
	auto returned = CopyStore(*postgres, back, migrations_);
	ASSERT_TRUE(returned.ok()) << returned.error().Describe();
	auto store = Open(back);
	ASSERT_TRUE(store);
	EXPECT_EQ(*store->CountOrganizations(), 2);
	EXPECT_EQ((*store->FindUserByEmail("OWNER@example.jp"))->email, "owner@example.jp");
	EXPECT_EQ(store->ListAuditChain()->size(), 1u);
}

} // namespace
} // namespace mamori::storage
