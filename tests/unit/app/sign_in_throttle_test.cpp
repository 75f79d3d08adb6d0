// mamori/tests/unit/app/sign_in_throttle_test.cpp
//
// Throttling instead of lockout (issue 10), under a fixed clock: a stranger's
// wrong guesses make the address wait a capped, growing time, never lock its
// owner out; each client address waits for its own failures; the owner is told
// at the next sign-in how many failures there were, once; audit rows stay few.
#include "app/accounts.hpp"
#include "app/sessions.hpp"
#include "app/sign_in_throttle.hpp"
#include "core/security/sign_in_throttle.hpp"
#include "support/catalog.hpp"
#include "support/fake_random.hpp"
#include "support/temp_store.hpp"

#include <gtest/gtest.h>

namespace mamori::app {
namespace {

constexpr const char *kThrottlePassword = "correct horse battery";
constexpr const char *kStranger = "198.51.100.7";
constexpr const char *kOwnerClient = "192.0.2.10";

class SignInThrottleTest : public ::testing::Test {
protected:
	void SetUp() override {
		store_ = testing_support::OpenTempStore(dir_);
		ASSERT_TRUE(store_);
		auto context = ctx();
		auto id = CreateAccount(context, NewAccount{"owner@example.jp", kThrottlePassword, "Owner", false}, std::nullopt);
		ASSERT_TRUE(id.ok()) << id.error().Describe();
		owner_id_ = *id;
	}

	AppContext ctx() {
		return AppContext{.catalog = testing_support::ShippedCatalog(), .store = *store_, .clock = clock_, .random = random_};
	}

	Result<storage::User> SignIn(const std::string &password, const std::string &client,
	                             const std::string &email = "owner@example.jp") {
		auto context = ctx();
		return Authenticate(context, email, password, client);
	}

	std::string ParamOf(const Error &error, const std::string &name) {
		for (const auto &[key, value] : error.params) {
			if (key == name) return value;
		}
		return "";
	}

	int AuditCount(const std::string &action) {
		auto entries = store_->ListAuditChain();
		int count = 0;
		for (const auto &entry : *entries) {
			count += entry.action == action ? 1 : 0;
		}
		return count;
	}

	testing_support::TempDir dir_{"app_throttle"};
	std::unique_ptr<storage::Store> store_;
	platform::FixedClock clock_ = platform::FixedClock::AtIso("2025-04-01T09:00:00Z");
	testing_support::SequenceRandom random_;
	Id owner_id_ = 0;
};

TEST_F(SignInThrottleTest, FiveWrongGuessesMakeTheOwnerWaitSecondsNotMinutes) {
	for (int attempt = 1; attempt <= 3; ++attempt) {
		auto wrong = SignIn("wrong password " + std::to_string(attempt), kStranger);
		ASSERT_FALSE(wrong.ok());
		EXPECT_EQ(wrong.error().code, ErrorCode::kUnauthenticated) << "free failure " << attempt;
	}
	auto fourth = SignIn("wrong password 4", kStranger);
	ASSERT_FALSE(fourth.ok());
	EXPECT_EQ(fourth.error().code, ErrorCode::kRateLimited);
	EXPECT_EQ(ParamOf(fourth.error(), "seconds"), "2");
	EXPECT_EQ(ParamOf(fourth.error(), "time"), "18:00:02") << "the time in Japan";
	clock_.Advance(2);
	auto fifth = SignIn("wrong password 5", kStranger);
	ASSERT_FALSE(fifth.ok());
	EXPECT_EQ(ParamOf(fifth.error(), "seconds"), "4");

	// While the address waits, even the right password is refused (from any client)…
	auto early = SignIn(kThrottlePassword, kOwnerClient);
	ASSERT_FALSE(early.ok());
	EXPECT_EQ(early.error().code, ErrorCode::kRateLimited);
	EXPECT_EQ(early.error().message, "app_accounts.login.wait");
	// …but only for the capped delay: no lockout.
	clock_.Advance(4);
	auto owner = SignIn(kThrottlePassword, kOwnerClient);
	ASSERT_TRUE(owner.ok()) << owner.error().Describe();
	EXPECT_EQ(owner->id, owner_id_);
}

TEST_F(SignInThrottleTest, TheWaitNeverExceedsTheCap) {
	for (int attempt = 0; attempt < 40; ++attempt) {
		auto context = ctx();
		auto wait = SignInWaitSeconds(context, "owner@example.jp", kStranger);
		ASSERT_TRUE(wait.ok());
		EXPECT_LE(*wait, kAccountThrottle.cap_seconds);
		clock_.Advance(*wait);
		(void)SignIn("wrong password " + std::to_string(attempt), kStranger);
	}
	auto context = ctx();
	EXPECT_LE(*SignInWaitSeconds(context, "owner@example.jp", kOwnerClient), kAccountThrottle.cap_seconds);
	clock_.Advance(kAccountThrottle.cap_seconds);
	EXPECT_TRUE(SignIn(kThrottlePassword, kOwnerClient).ok()) << "the owner gets in once the capped wait is over";
}

TEST_F(SignInThrottleTest, EachClientAddressWaitsForItsOwnFailures) {
	auto context = ctx();
	ASSERT_TRUE(CreateAccount(context, NewAccount{"colleague@example.jp", kThrottlePassword, "", false}, std::nullopt).ok());
	// A stranger tries many addresses from one client: each address stays under its own limit…
	for (int attempt = 0; attempt <= kClientThrottle.free_failures; ++attempt) {
		(void)SignIn("guess", kStranger, "user" + std::to_string(attempt) + "@example.jp");
	}
	// …but the stranger's client now waits, even for a real account's right password.
	auto from_stranger = SignIn(kThrottlePassword, kStranger, "colleague@example.jp");
	ASSERT_FALSE(from_stranger.ok());
	EXPECT_EQ(from_stranger.error().code, ErrorCode::kRateLimited);
	// Someone else, from another address, is not held up by it.
	EXPECT_TRUE(SignIn(kThrottlePassword, kOwnerClient, "colleague@example.jp").ok());
	EXPECT_TRUE(SignIn(kThrottlePassword, kOwnerClient).ok());
}

TEST_F(SignInThrottleTest, UnknownAddressesAreThrottledAlikeAndAuditedBoundedly) {
	const int before = AuditCount("account.login_failed");
	for (int attempt = 0; attempt < 6; ++attempt) {
		clock_.Advance(60);
		auto result = SignIn("guess " + std::to_string(attempt), kStranger, "nobody@example.jp");
		ASSERT_FALSE(result.ok());
		EXPECT_EQ(result.error().code, attempt < 3 ? ErrorCode::kUnauthenticated : ErrorCode::kRateLimited)
		    << "an unknown address waits like a real one, so waiting tells nothing";
	}
	EXPECT_EQ(AuditCount("account.login_failed") - before, 1) << "only the first failure of the address in the window";
	EXPECT_EQ(AuditCount("account.throttled"), 1) << "once, when the address starts to wait";
}

TEST_F(SignInThrottleTest, TheOwnerIsToldOnceHowManyFailuresThereWere) {
	for (int attempt = 0; attempt < 3; ++attempt) {
		(void)SignIn("wrong " + std::to_string(attempt), kStranger);
	}
	ASSERT_TRUE(SignIn(kThrottlePassword, kOwnerClient).ok());
	auto context = ctx();
	auto issued = StartSession(context, owner_id_, kOwnerClient, "Firefox/140");
	ASSERT_TRUE(issued.ok());
	auto session = ResolveSession(context, issued->token);
	ASSERT_TRUE(session.ok() && session->has_value());
	EXPECT_EQ((*session)->failed_sign_ins, 3);
	ASSERT_TRUE(AcknowledgeFailedSignIns(context, **session).ok());
	EXPECT_EQ((*ResolveSession(context, issued->token))->failed_sign_ins, 0) << "shown once";

	auto next = StartSession(context, owner_id_, kOwnerClient, "Firefox/140");
	ASSERT_TRUE(next.ok());
	EXPECT_EQ((*ResolveSession(context, next->token))->failed_sign_ins, 0) << "counted from the last sign-in";
}

TEST_F(SignInThrottleTest, TheAdministratorsUnlockClearsTheWait) {
	for (int attempt = 0; attempt < 6; ++attempt) {
		(void)SignIn("wrong " + std::to_string(attempt), kStranger);
	}
	auto context = ctx();
	auto throttled = ThrottledEmails(context);
	ASSERT_TRUE(throttled.ok());
	EXPECT_EQ(throttled->count("owner@example.jp"), 1u);
	EXPECT_EQ(UnlockAccount(context, Actor{owner_id_, "owner@example.jp", false}, owner_id_).error().code,
	          ErrorCode::kNotFound)
	    << "administrators only";
	auto admin_id = CreateAccount(context, NewAccount{"admin@example.jp", kThrottlePassword, "", true}, std::nullopt);
	ASSERT_TRUE(admin_id.ok());
	auto unlocked = UnlockAccount(context, Actor{*admin_id, "admin@example.jp", true}, owner_id_);
	ASSERT_TRUE(unlocked.ok()) << unlocked.error().Describe();
	EXPECT_TRUE(ThrottledEmails(context)->empty());
	EXPECT_TRUE(SignIn(kThrottlePassword, kOwnerClient).ok());
}

} // namespace
} // namespace mamori::app
