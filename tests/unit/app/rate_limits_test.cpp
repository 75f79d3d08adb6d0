// mamori/tests/unit/app/rate_limits_test.cpp
//
// Rate limits and burst alerts (issue 10) under a fixed clock: the call over the limit is
// refused with the seconds left in the window, a new window starts afresh, subjects count
// apart, and an alert is raised once per window and kind, through the counters in the database.
#include "app/alerts.hpp"
#include "app/rate_limits.hpp"
#include "core/security/rate_limit.hpp"
#include "support/catalog.hpp"
#include "support/fake_random.hpp"
#include "support/temp_store.hpp"

#include <gtest/gtest.h>

namespace mamori::app {
namespace {

class RateLimitMailer final : public platform::Mailer {
public:
	Status Send(const platform::MailMessage &message) override {
		sent.push_back(message);
		return OkStatus();
	}
	std::vector<platform::MailMessage> sent;
};

class RateLimitsTest : public ::testing::Test {
protected:
	void SetUp() override {
		store_ = testing_support::OpenTempStore(dir_);
		ASSERT_TRUE(store_);
		alerts_.mail_to = "security@example.jp";
		alerts_.messages = &testing_support::ShippedMessages();
		alerts_.thresholds.exports_per_account = 3;
	}

	AppContext ctx() {
		return AppContext{.catalog = testing_support::ShippedCatalog(),
		                  .store = *store_,
		                  .clock = clock_,
		                  .random = random_,
		                  .mailer = &mailer_,
		                  .alerts = &alerts_};
	}

	std::string ParamOf(const Error &error, const std::string &name) {
		for (const auto &[key, value] : error.params) {
			if (key == name) return value;
		}
		return "";
	}

	testing_support::TempDir dir_{"app_rate_limits"};
	std::unique_ptr<storage::Store> store_;
	// 09:00:20: twenty seconds into a minute window, so forty are left.
	platform::FixedClock clock_ = platform::FixedClock::AtIso("2025-04-01T09:00:20Z");
	testing_support::SequenceRandom random_;
	RateLimitMailer mailer_;
	AlertSettings alerts_;
};

TEST(RateLimitRule, WindowsAreFixedAndTheWaitIsWhatIsLeftOfOne) {
	EXPECT_EQ(FixedWindowStart(1000, 60), 960);
	EXPECT_EQ(SecondsLeftInWindow(1000, 60), 20);
	EXPECT_EQ(SecondsLeftInWindow(960, 60), 60);
	EXPECT_FALSE(OverLimit(kApiRequestLimit.max_hits, kApiRequestLimit));
	EXPECT_TRUE(OverLimit(kApiRequestLimit.max_hits + 1, kApiRequestLimit));
}

TEST_F(RateLimitsTest, TheCallOverTheLimitIsRefusedUntilTheWindowEnds) {
	auto context = ctx();
	for (int call = 1; call <= kApiRequestLimit.max_hits; ++call) {
		ASSERT_TRUE(TakeRate(context, RateKind::kApi, "user:7").ok()) << "call " << call;
	}
	Status refused = TakeRate(context, RateKind::kApi, "user:7");
	ASSERT_FALSE(refused.ok());
	EXPECT_EQ(refused.error().code, ErrorCode::kRateLimited);
	EXPECT_EQ(refused.error().message, "rate_limit.api");
	EXPECT_EQ(ParamOf(refused.error(), "seconds"), "40");
	EXPECT_EQ(ParamOf(refused.error(), "limit"), "300");
	EXPECT_TRUE(TakeRate(context, RateKind::kApi, "user:8").ok()) << "another account counts apart";
	EXPECT_TRUE(TakeRate(context, RateKind::kExport, "user:7").ok()) << "another kind counts apart";
	clock_.Advance(40);
	EXPECT_TRUE(TakeRate(context, RateKind::kApi, "user:7").ok()) << "a new window starts afresh";
}

TEST_F(RateLimitsTest, TheOperatorsApiLimitReplacesTheDefault) {
	const ApiRateSetting five_a_minute{.counted = true, .limit = RateLimit{5, 60}};
	auto context = ctx();
	context.api_rate = &five_a_minute;
	for (int call = 1; call <= 5; ++call) {
		ASSERT_TRUE(TakeRate(context, RateKind::kApi, "user:7").ok()) << "call " << call;
	}
	Status refused = TakeRate(context, RateKind::kApi, "user:7");
	ASSERT_FALSE(refused.ok());
	EXPECT_EQ(ParamOf(refused.error(), "limit"), "5");
	for (int i = 0; i < kExportLimit.max_hits; ++i) {
		ASSERT_TRUE(TakeRate(context, RateKind::kExport, "user:7").ok()) << "exports keep their own limit";
	}
	EXPECT_FALSE(TakeRate(context, RateKind::kExport, "user:7").ok());
}

TEST_F(RateLimitsTest, AnApiLimitTurnedOffCountsNothing) {
	const ApiRateSetting off{.counted = false};
	auto context = ctx();
	context.api_rate = &off;
	for (int call = 1; call <= kApiRequestLimit.max_hits + 10; ++call) {
		ASSERT_TRUE(TakeRate(context, RateKind::kApi, "user:7").ok()) << "call " << call;
	}
	context.api_rate = nullptr;  // nothing was counted while it was off
	for (int call = 1; call <= kApiRequestLimit.max_hits; ++call) {
		ASSERT_TRUE(TakeRate(context, RateKind::kApi, "user:7").ok()) << "call " << call;
	}
	EXPECT_FALSE(TakeRate(context, RateKind::kApi, "user:7").ok());
	for (int i = 0; i < kImportLimit.max_hits; ++i) {
		ASSERT_TRUE(TakeRate(context, RateKind::kImport, "user:7").ok());
	}
}

TEST_F(RateLimitsTest, ExportsAndImportsHaveTheirOwnLimits) {
	auto context = ctx();
	for (int i = 0; i < kImportLimit.max_hits; ++i) {
		ASSERT_TRUE(TakeRate(context, RateKind::kImport, "client:192.0.2.1").ok());
	}
	Status refused = TakeRate(context, RateKind::kImport, "client:192.0.2.1");
	ASSERT_FALSE(refused.ok());
	EXPECT_EQ(refused.error().message, "rate_limit.import");
	EXPECT_EQ(ParamOf(refused.error(), "minutes"), "10");
	EXPECT_NE(testing_support::Describe(refused.error()).find("10分間に20回まで"), std::string::npos);
}

TEST_F(RateLimitsTest, AnAlertIsRaisedOncePerWindowAndKind) {
	auto context = ctx();
	for (int i = 0; i < 10; ++i) {
		NoteForAlert(context, AlertKind::kExports, "user:7");
	}
	ASSERT_EQ(mailer_.sent.size(), 1u) << "the third export raises it; the others are the same burst";
	EXPECT_EQ(mailer_.sent[0].to, std::vector<std::string>{"security@example.jp"});
	EXPECT_NE(mailer_.sent[0].body.find("user:7"), std::string::npos);
	for (int i = 0; i < 3; ++i) {
		NoteForAlert(context, AlertKind::kExports, "user:8");
	}
	EXPECT_EQ(mailer_.sent.size(), 1u) << "at most once per window and kind";
	clock_.Advance(kAlertWindowSeconds);
	for (int i = 0; i < 3; ++i) {
		NoteForAlert(context, AlertKind::kExports, "user:8");
	}
	EXPECT_EQ(mailer_.sent.size(), 2u) << "the next window may alert again";
}

TEST_F(RateLimitsTest, NoSettingsNoCountingAndZeroTurnsAKindOff) {
	alerts_.thresholds.failed_sign_ins = 0;
	auto context = ctx();
	for (int i = 0; i < 100; ++i) {
		NoteForAlert(context, AlertKind::kFailedSignIns, "all");
	}
	EXPECT_TRUE(mailer_.sent.empty());
	AppContext unwatched{.catalog = testing_support::ShippedCatalog(), .store = *store_, .clock = clock_, .random = random_, .mailer = &mailer_};
	for (int i = 0; i < 100; ++i) {
		NoteForAlert(unwatched, AlertKind::kExports, "user:1");
	}
	EXPECT_TRUE(mailer_.sent.empty());
}

} // namespace
} // namespace mamori::app
