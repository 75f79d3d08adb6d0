// mamori/tests/unit/app/org_view_cache_test.cpp
//
// The server's cache of derived views (app/org_view_cache.hpp, issue 11): a
// change to organisation A retires A's kept analysis and not B's; a change
// made through another store on the same database (another server process)
// retires it too; the least recently used organisations go once the budget
// is reached.
#include "app/org_view_cache.hpp"
#include "app/organizations.hpp"
#include "app/risk_service.hpp"
#include "support/catalog.hpp"
#include "support/temp_store.hpp"

#include <gtest/gtest.h>

namespace mamori::app {
namespace {

class OrgViewCacheTest : public ::testing::Test {
protected:
	void SetUp() override {
		store_ = testing_support::OpenTempStore(dir_);
		ASSERT_TRUE(store_);
		storage::User user;
		user.email = "editor@example.jp";
		actor_.user_id = store_->CreateUser(user).value();
		auto ctx = Ctx(*store_);
		org_a_ = CreateOrganization(ctx, actor_, {"甲野製作所株式会社", "manufacturing", 10'000'000, 20}).value();
		org_b_ = CreateOrganization(ctx, actor_, {"乙川商店", "manufacturing", 5'000'000, 8}).value();
	}

	AppContext Ctx(storage::Store &store) { return AppContext{.catalog = testing_support::ShippedCatalog(), .store = store}; }

	OrgAccess Access(AppContext &ctx, Id org_id) { return AccessOrganization(ctx, actor_.user_id, org_id).value(); }

	static storage::Asset Asset(const std::string &name) {
		storage::Asset asset;
		asset.business_category = "総務";
		asset.name = name;
		asset.medium = "office_pc";
		asset.confidentiality = asset.integrity = asset.availability = 1;
		return asset;
	}

	std::shared_ptr<const RegisterAnalysis> Analysis(AppContext &ctx, Id org_id) {
		auto analysis = AnalyzeOrganization(ctx, Access(ctx, org_id), false);
		EXPECT_TRUE(analysis.ok()) << (analysis.ok() ? "" : analysis.error().Describe());
		return analysis.ok() ? *analysis : nullptr;
	}

	testing_support::TempDir dir_{"app_org_view_cache"};
	std::unique_ptr<storage::Store> store_;
	Actor actor_;
	Id org_a_ = 0;
	Id org_b_ = 0;
};

TEST_F(OrgViewCacheTest, AChangeToOneOrganisationRetiresOnlyItsViews) {
	OrgViewCache views(1 << 20);
	const ViewCacheAttachment attached(*store_, views);
	auto ctx = Ctx(*store_);
	const auto a = Analysis(ctx, org_a_);
	const auto b = Analysis(ctx, org_b_);
	EXPECT_EQ(Analysis(ctx, org_a_), a) << "unchanged data: the kept analysis";
	EXPECT_EQ(Analysis(ctx, org_b_), b);

	ASSERT_TRUE(CreateAsset(ctx, actor_, Access(ctx, org_a_), Asset("顧客名簿")).ok());
	const auto a_after = Analysis(ctx, org_a_);
	ASSERT_NE(a_after, a);
	EXPECT_EQ(a_after->assets.size(), a->assets.size() + 1);
	EXPECT_EQ(Analysis(ctx, org_b_), b) << "B's data did not change";
}

TEST_F(OrgViewCacheTest, AChangeThroughAnotherStoreOnTheDatabaseIsSeen) {
	// Two server processes on one database, each with its own cache.
	auto second_store = testing_support::OpenTempStore(dir_);
	ASSERT_TRUE(second_store);
	OrgViewCache first_views(1 << 20);
	OrgViewCache second_views(1 << 20);
	const ViewCacheAttachment first_attached(*store_, first_views);
	const ViewCacheAttachment second_attached(*second_store, second_views);
	auto first = Ctx(*store_);
	auto second = Ctx(*second_store);
	const auto kept = Analysis(first, org_a_);
	ASSERT_EQ(Analysis(first, org_a_), kept);

	ASSERT_TRUE(CreateAsset(second, actor_, Access(second, org_a_), Asset("顧客名簿")).ok());
	const auto seen = Analysis(first, org_a_);
	ASSERT_NE(seen, kept);
	ASSERT_EQ(seen->assets.size(), 1u);
	EXPECT_EQ(seen->assets[0].name, "顧客名簿");
}

TEST(OrgViewCacheBudget, DropsTheLeastRecentlyUsedOrganisations) {
	OrgViewCache views(3000);
	auto value = std::make_shared<const int>(7);
	views.Keep<int>(1, 10, "v", value, 1000);
	views.Keep<int>(2, 10, "v", value, 1000);
	views.Keep<int>(3, 10, "v", value, 1000);
	ASSERT_TRUE(views.Find<int>(1, 10, "v"));  // 1 is now the most recently used; 2 the least
	views.Keep<int>(4, 10, "v", value, 1000);
	EXPECT_EQ(views.OrganizationsKept(), 3u);
	EXPECT_LE(views.BytesKept(), 3000u);
	EXPECT_FALSE(views.Find<int>(2, 10, "v"));
	EXPECT_TRUE(views.Find<int>(1, 10, "v"));
	EXPECT_TRUE(views.Find<int>(4, 10, "v"));
}

TEST(OrgViewCacheBudget, AnEntryOfAnotherRevisionIsNotUsed) {
	OrgViewCache views(3000);
	views.Keep<int>(1, 10, "v", std::make_shared<const int>(1), 100);
	EXPECT_FALSE(views.Find<int>(1, 11, "v"));
	views.Keep<int>(1, 11, "v", std::make_shared<const int>(2), 100);
	EXPECT_EQ(*views.Find<int>(1, 11, "v"), 2);
	EXPECT_FALSE(views.Find<int>(1, 10, "v"));
	// A view made from older data than the kept one does not replace it.
	views.Keep<int>(1, 10, "v", std::make_shared<const int>(3), 100);
	EXPECT_EQ(*views.Find<int>(1, 11, "v"), 2);
	EXPECT_EQ(views.BytesKept(), 100u);
}

} // namespace
} // namespace mamori::app
