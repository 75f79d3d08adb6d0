// mamori/tests/unit/app/sessions_test.cpp
//
// A user's own sessions (issue 10), under a fixed clock: the idle timeout
// besides the absolute one, last_seen_at written at most once a minute,
// rotation that retires the old token, the list with sign-out per session and
// everywhere else, and the password change that ends every other session.
#include "app/accounts.hpp"
#include "app/sessions.hpp"
#include "platform/crypto.hpp"
#include "support/catalog.hpp"
#include "support/fake_random.hpp"
#include "support/temp_store.hpp"

#include <gtest/gtest.h>

namespace mamori::app {
namespace {

constexpr const char *kSessionsPassword = "correct horse battery";

class SessionsTest : public ::testing::Test {
protected:
	void SetUp() override {
		store_ = testing_support::OpenTempStore(dir_);
		ASSERT_TRUE(store_);
		context_.emplace(AppContext{
		    .catalog = testing_support::ShippedCatalog(), .store = *store_, .clock = clock_, .random = random_});
		auto id = CreateAccount(ctx(), NewAccount{"owner@example.jp", kSessionsPassword, "Owner", false}, std::nullopt);
		ASSERT_TRUE(id.ok()) << id.error().Describe();
		owner_id_ = *id;
	}

	AppContext &ctx() { return *context_; }

	std::string Start(const std::string &client = "192.0.2.10") {
		auto issued = StartSession(ctx(), owner_id_, client, "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
		EXPECT_TRUE(issued.ok());
		return issued.ok() ? issued->token : "";
	}

	std::optional<SessionUser> Resolve(const std::string &token) {
		auto resolved = ResolveSession(ctx(), token);
		EXPECT_TRUE(resolved.ok());
		return resolved.ok() ? *resolved : std::nullopt;
	}

	std::string LastSeen(const std::string &token) {
		auto session = store_->FindSession(platform::Sha256Hex(token), "2000-01-01T00:00:00Z");
		return session.ok() && session->has_value() ? (*session)->last_seen_at : "";
	}

	testing_support::TempDir dir_{"app_sessions"};
	std::unique_ptr<storage::Store> store_;
	platform::FixedClock clock_ = platform::FixedClock::AtIso("2025-04-01T09:00:00Z");
	testing_support::SequenceRandom random_;
	std::optional<AppContext> context_;
	Id owner_id_ = 0;
};

TEST_F(SessionsTest, ASessionEndsAfterThirtyIdleMinutes) {
	const std::string token = Start();
	clock_.Advance(kSessionIdleSeconds - 1);
	ASSERT_TRUE(Resolve(token).has_value()) << "29:59 idle is still fine";
	clock_.Advance(kSessionIdleSeconds - 1);
	ASSERT_TRUE(Resolve(token).has_value()) << "the last request counts, not the sign-in";
	clock_.Advance(kSessionIdleSeconds);
	EXPECT_FALSE(Resolve(token).has_value()) << "30 minutes without a request";
	clock_.Advance(-kSessionIdleSeconds);
	EXPECT_FALSE(Resolve(token).has_value()) << "and it stays ended";
}

TEST_F(SessionsTest, TheLastRequestIsWrittenAtMostOnceAMinute) {
	const std::string token = Start();
	EXPECT_EQ(LastSeen(token), "2025-04-01T09:00:00Z");
	clock_.Advance(30);
	ASSERT_TRUE(Resolve(token).has_value());
	EXPECT_EQ(LastSeen(token), "2025-04-01T09:00:00Z") << "not written within the minute";
	clock_.Advance(30);
	ASSERT_TRUE(Resolve(token).has_value());
	EXPECT_EQ(LastSeen(token), "2025-04-01T09:01:00Z");
}

TEST_F(SessionsTest, TheAbsoluteLimitHoldsForABusySession) {
	const std::string token = Start();
	for (long long elapsed = 0; elapsed + 20 * 60 < kSessionSeconds; elapsed += 20 * 60) {
		clock_.Advance(20 * 60);
		ASSERT_TRUE(Resolve(token).has_value()) << elapsed;
	}
	clock_.Advance(20 * 60);
	EXPECT_FALSE(Resolve(token).has_value()) << "8 hours after sign-in, however busy";
}

TEST_F(SessionsTest, RotationRetiresTheOldTokenAndKeepsTheExpiry) {
	const std::string token = Start();
	auto session = Resolve(token);
	ASSERT_TRUE(session);
	const std::string old_csrf = session->csrf_token;
	auto rotated = RotateSession(ctx(), *session);
	ASSERT_TRUE(rotated.ok()) << rotated.error().Describe();
	EXPECT_NE(rotated->token, token);
	EXPECT_NE(rotated->csrf_token, old_csrf);
	EXPECT_EQ(session->csrf_token, rotated->csrf_token) << "the request's session is the new one";
	EXPECT_EQ(rotated->expires_at, "2025-04-01T17:00:00Z") << "rotation does not lengthen the session";
	EXPECT_FALSE(Resolve(token).has_value()) << "the old cookie no longer works";
	auto fresh = Resolve(rotated->token);
	ASSERT_TRUE(fresh);
	EXPECT_EQ(fresh->user.id, owner_id_);
	auto listed = ListMySessions(ctx(), *fresh);
	ASSERT_TRUE(listed.ok());
	ASSERT_EQ(listed->size(), 1u);
	EXPECT_EQ((*listed)[0].client, "192.0.2.10") << "the origin is kept";
}

TEST_F(SessionsTest, TheOwnerListsAndEndsTheirSessions) {
	const std::string laptop = Start("192.0.2.10");
	clock_.Advance(60);
	const std::string phone = Start("192.0.2.20");
	clock_.Advance(60);
	const std::string tablet = Start("192.0.2.30");
	auto me = Resolve(laptop);
	ASSERT_TRUE(me);
	auto listed = ListMySessions(ctx(), *me);
	ASSERT_TRUE(listed.ok());
	ASSERT_EQ(listed->size(), 3u);
	EXPECT_EQ((*listed)[0].client, "192.0.2.30") << "newest first";
	EXPECT_TRUE((*listed)[2].current);
	EXPECT_FALSE((*listed)[0].current);
	EXPECT_EQ((*listed)[0].user_agent, "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");

	EXPECT_EQ(EndMySession(ctx(), *me, "0123456789abcdef").error().code, ErrorCode::kNotFound);
	ASSERT_TRUE(EndMySession(ctx(), *me, (*listed)[1].handle).ok());
	EXPECT_FALSE(Resolve(phone).has_value());

	auto ended = EndMyOtherSessions(ctx(), *me);
	ASSERT_TRUE(ended.ok());
	EXPECT_EQ(*ended, 1);
	EXPECT_FALSE(Resolve(tablet).has_value());
	EXPECT_TRUE(Resolve(laptop).has_value()) << "this device stays signed in";
}

TEST_F(SessionsTest, AnotherUsersSessionCannotBeEnded) {
	auto other_id = CreateAccount(ctx(), NewAccount{"other@example.jp", kSessionsPassword, "", false}, std::nullopt);
	ASSERT_TRUE(other_id.ok());
	auto theirs = StartSession(ctx(), *other_id, "198.51.100.1");
	ASSERT_TRUE(theirs.ok());
	auto them = Resolve(theirs->token);
	auto their_list = ListMySessions(ctx(), *them);
	auto me = Resolve(Start());
	ASSERT_TRUE(me);
	EXPECT_EQ(EndMySession(ctx(), *me, (*their_list)[0].handle).error().code, ErrorCode::kNotFound);
	EXPECT_TRUE(Resolve(theirs->token).has_value());
	ASSERT_TRUE(EndMyOtherSessions(ctx(), *me).ok());
	EXPECT_TRUE(Resolve(theirs->token).has_value()) << "sign out everywhere is the owner's own sessions only";
}

TEST_F(SessionsTest, APasswordChangeEndsOtherSessionsAndRotatesThisOne) {
	const std::string here = Start();
	const std::string elsewhere = Start("192.0.2.99");
	auto me = Resolve(here);
	ASSERT_TRUE(me);

	auto wrong = ChangeMyPassword(ctx(), *me, {"not my password", "another long passphrase", "another long passphrase", ""});
	ASSERT_FALSE(wrong.ok());
	EXPECT_EQ(wrong.error().field, "current_password");
	auto weak = ChangeMyPassword(ctx(), *me, {kSessionsPassword, "short", "short", ""});
	ASSERT_FALSE(weak.ok());
	EXPECT_EQ(weak.error().field, "new_password");
	auto mismatch = ChangeMyPassword(ctx(), *me, {kSessionsPassword, "another long passphrase", "another long passphrase!", ""});
	ASSERT_FALSE(mismatch.ok());
	EXPECT_EQ(mismatch.error().field, "new_password_confirm");
	EXPECT_TRUE(Resolve(elsewhere).has_value()) << "a refused change ends nothing";

	auto changed = ChangeMyPassword(ctx(), *me, {kSessionsPassword, "another long passphrase", "another long passphrase", ""});
	ASSERT_TRUE(changed.ok()) << changed.error().Describe();
	EXPECT_FALSE(Resolve(elsewhere).has_value()) << "every other session ends";
	EXPECT_FALSE(Resolve(here).has_value()) << "this one was rotated";
	EXPECT_TRUE(Resolve(changed->token).has_value());
	EXPECT_FALSE(Authenticate(ctx(), "owner@example.jp", kSessionsPassword).ok());
	EXPECT_TRUE(Authenticate(ctx(), "owner@example.jp", "another long passphrase").ok());
}

} // namespace
} // namespace mamori::app
