// mamori/tests/unit/app/app_context_clock_test.cpp
//
// The clock and the random source an AppContext carries are the ones app/
// uses: a session started under a fixed clock carries the tokens the source
// drew and expires exactly kSessionSeconds later by that clock, and a
// recorded change is stamped with its time.
#include "app/accounts.hpp"
#include "app/organizations.hpp"
#include "support/catalog.hpp"
#include "support/fake_random.hpp"
#include "support/temp_store.hpp"

#include <gtest/gtest.h>

namespace mamori::app {
namespace {

using testing_support::SequenceRandom;

class AppContextClockTest : public ::testing::Test {
protected:
	void SetUp() override {
		store_ = testing_support::OpenTempStore(dir_);
		ASSERT_TRUE(store_);
	}

	testing_support::TempDir dir_{"app_clock"};
	std::unique_ptr<storage::Store> store_;
	platform::FixedClock clock_ = platform::FixedClock::AtIso("2025-04-01T09:00:00Z");
	SequenceRandom random_;
};

TEST_F(AppContextClockTest, SessionUsesTheInjectedClockAndRandomness) {
	AppContext ctx{.catalog = testing_support::ShippedCatalog(), .store = *store_, .clock = clock_, .random = random_};
	storage::User user;
	user.email = "clock@example.jp";
	user.created_at = "2025-04-01T08:00:00Z";
	auto user_id = store_->CreateUser(user);
	ASSERT_TRUE(user_id.ok()) << user_id.error().Describe();

	auto issued = StartSession(ctx, *user_id);
	ASSERT_TRUE(issued.ok()) << issued.error().Describe();
	EXPECT_EQ(issued->token, "token-1");
	EXPECT_EQ(issued->csrf_token, "token-2");
	EXPECT_EQ(issued->expires_at, "2025-04-01T17:00:00Z");  // 09:00 + kSessionSeconds (8 h)

	// A request every 20 minutes keeps the idle timeout (app/accounts.hpp) away.
	for (long long elapsed = 20 * 60; elapsed < kSessionSeconds - 1; elapsed += 20 * 60) {
		clock_.Advance(20 * 60);
		ASSERT_TRUE(ResolveSession(ctx, "token-1").ok());
	}
	clock_.Advance(kSessionSeconds - 1 - (kSessionSeconds - 1) / (20 * 60) * (20 * 60));
	auto resolved = ResolveSession(ctx, "token-1");
	ASSERT_TRUE(resolved.ok()) << resolved.error().Describe();
	ASSERT_TRUE(resolved->has_value()) << "still valid one second before expiry";
	EXPECT_EQ((*resolved)->csrf_token, "token-2");

	clock_.Advance(1);
	resolved = ResolveSession(ctx, "token-1");
	ASSERT_TRUE(resolved.ok());
	EXPECT_FALSE(resolved->has_value()) << "expired at 17:00:00 by the injected clock";
}

TEST_F(AppContextClockTest, ACreatedOrganisationAndItsAuditEntryCarryTheInjectedTime) {
	AppContext ctx{.catalog = testing_support::ShippedCatalog(), .store = *store_, .clock = clock_, .random = random_};
	storage::User user;
	user.email = "founder@example.jp";
	auto user_id = store_->CreateUser(user);
	ASSERT_TRUE(user_id.ok());
	const Actor actor{*user_id, user.email, false};

	clock_.Advance(3600);
	auto org_id = CreateOrganization(ctx, actor, {"時計テスト株式会社", "manufacturing", 10'000'000, 20});
	ASSERT_TRUE(org_id.ok()) << org_id.error().Describe();
	auto org = store_->FindOrganization(*org_id);
	ASSERT_TRUE(org.ok() && org->has_value());
	EXPECT_EQ((*org)->created_at, "2025-04-01T10:00:00Z");
	auto audit = store_->ListAudit(*org_id, 10, 0);
	ASSERT_TRUE(audit.ok());
	ASSERT_FALSE(audit->empty());
	for (const auto &entry : *audit) {
		EXPECT_EQ(entry.at, "2025-04-01T10:00:00Z") << entry.action;
	}
}

} // namespace
} // namespace mamori::app
