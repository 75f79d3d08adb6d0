// mamori/tests/unit/app/two_step_test.cpp
//
// Two-step login as the app layer runs it, under a fixed clock: enrolment is confirmed only by
// a right code, codes are single use (a replay and an older step are refused), recovery codes
// work once each, turning it off needs the password and a code, wrong codes pause checking,
// a waiting sign-in ends after five wrong codes, and the requirements keep accounts without
// two-step login out of an organisation.
#include "app/accounts.hpp"
#include "app/organizations.hpp"
#include "app/two_step.hpp"
#include "core/security/totp.hpp"
#include "platform/crypto.hpp"
#include "platform/hmac.hpp"
#include "support/catalog.hpp"
#include "support/fake_random.hpp"
#include "support/temp_store.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace mamori::app {
namespace {

using testing_support::SequenceRandom;

const std::string kTwoStepPassword = "correct-horse-battery-staple-42";

class TwoStepTest : public ::testing::Test {
protected:
	void SetUp() override {
		store_ = testing_support::OpenTempStore(dir_);
		ASSERT_TRUE(store_);
		auto context = ctx();
		auto id = CreateAccount(context, NewAccount{"two@example.jp", kTwoStepPassword, "", false}, std::nullopt);
		ASSERT_TRUE(id.ok()) << id.error().Describe();
		actor_ = Actor{*id, "two@example.jp", false};
	}

	AppContext ctx() {
		return AppContext{.catalog = testing_support::ShippedCatalog(), .store = *store_, .clock = clock_, .random = random_};
	}

	//! The code an authenticator app would show now (offset in seconds).
	std::string CodeNow(const std::string &secret, long long offset = 0) {
		return totp::CodeAt(*totp::Base32Decode(secret), totp::StepAt(clock_.Now() + offset), totp::kDigits,
		                    platform::HmacSha1);
	}

	//! Enrols and confirms; returns the secret and fills the recovery codes.
	std::string Enrol(std::vector<std::string> *recovery = nullptr) {
		auto context = ctx();
		auto enrolment = BeginEnrolment(context, actor_);
		EXPECT_TRUE(enrolment.ok());
		auto codes = ConfirmEnrolment(context, actor_, CodeNow(enrolment->secret));
		EXPECT_TRUE(codes.ok()) << (codes.ok() ? "" : codes.error().Describe());
		if (recovery && codes.ok()) {
			*recovery = *codes;
		}
		clock_.Advance(totp::kStepSeconds);  // the next code belongs to a new step
		return enrolment->secret;
	}

	int AuditCount(const std::string &action) {
		auto entries = store_->ListAuditChain();
		int count = 0;
		for (const auto &entry : *entries) {
			count += entry.action == action ? 1 : 0;
		}
		return count;
	}

	testing_support::TempDir dir_{"app_two_step"};
	std::unique_ptr<storage::Store> store_;
	platform::FixedClock clock_ = platform::FixedClock::AtIso("2026-12-05T09:00:00Z");
	SequenceRandom random_;
	Actor actor_;
};

TEST_F(TwoStepTest, EnrolmentGivesASecretAndUriAndIsActiveOnlyAfterARightCode) {
	auto context = ctx();
	auto enrolment = BeginEnrolment(context, actor_);
	ASSERT_TRUE(enrolment.ok()) << enrolment.error().Describe();
	EXPECT_TRUE(std::regex_match(enrolment->secret, std::regex("[A-Z2-7]{32}")));
	EXPECT_EQ(enrolment->uri.rfind("otpauth://totp/mamori:two@example.jp?secret=" + enrolment->secret + "&issuer=mamori", 0),
	          0u)
	    << enrolment->uri;
	EXPECT_FALSE(*NeedsSecondStep(context, actor_.user_id)) << "not active before confirmation";

	auto wrong = ConfirmEnrolment(context, actor_, "000000" == CodeNow(enrolment->secret) ? "111111" : "000000");
	ASSERT_FALSE(wrong.ok());
	EXPECT_EQ(wrong.error().code, ErrorCode::kInvalidInput);
	EXPECT_EQ(wrong.error().field, "code");
	EXPECT_FALSE(*NeedsSecondStep(context, actor_.user_id));

	auto codes = ConfirmEnrolment(context, actor_, CodeNow(enrolment->secret));
	ASSERT_TRUE(codes.ok()) << codes.error().Describe();
	EXPECT_EQ(codes->size(), 10u);
	for (const auto &code : *codes) {
		// 28 hex digits: 112 bits (ASVS 2.6.2), in four groups of seven.
		EXPECT_TRUE(std::regex_match(code, std::regex("[0-9a-f]{7}-[0-9a-f]{7}-[0-9a-f]{7}-[0-9a-f]{7}"))) << code;
	}
	EXPECT_TRUE(*NeedsSecondStep(context, actor_.user_id));
	EXPECT_EQ(TwoStepStateOf(context, actor_.user_id)->recovery_codes_left, 10);
	EXPECT_EQ(AuditCount("account.two_step_enabled"), 1);
	EXPECT_EQ(BeginEnrolment(context, actor_).error().code, ErrorCode::kConflict) << "an active secret stays";
}

TEST_F(TwoStepTest, ACodeWorksOnceAndAnOlderStepIsRefusedAfterANewerOne) {
	const std::string secret = Enrol();
	auto context = ctx();
	const std::string code = CodeNow(secret);
	EXPECT_TRUE(VerifySecondStep(context, actor_.user_id, code).ok());
	auto replay = VerifySecondStep(context, actor_.user_id, code);
	ASSERT_FALSE(replay.ok());
	EXPECT_EQ(replay.error().code, ErrorCode::kUnauthenticated);
	EXPECT_TRUE(IsReusedCode(replay.error())) << replay.error().message;
	EXPECT_EQ(AuditCount("account.two_step_reused"), 1);
	EXPECT_EQ(AuditCount("account.two_step_failed"), 0);
	auto wrong = VerifySecondStep(context, actor_.user_id, code == "000000" ? "111111" : "000000");
	ASSERT_FALSE(wrong.ok());
	EXPECT_FALSE(IsReusedCode(wrong.error())) << "a wrong code is not a reused one";
	EXPECT_EQ(AuditCount("account.two_step_failed"), 1);

	// One step of drift either way is accepted, but never a step older than the one used.
	EXPECT_FALSE(VerifySecondStep(context, actor_.user_id, CodeNow(secret, -totp::kStepSeconds)).ok());
	EXPECT_TRUE(VerifySecondStep(context, actor_.user_id, CodeNow(secret, totp::kStepSeconds)).ok());
	clock_.Advance(5 * totp::kStepSeconds);
	EXPECT_FALSE(VerifySecondStep(context, actor_.user_id, CodeNow(secret, -3 * totp::kStepSeconds)).ok());
}

TEST_F(TwoStepTest, RecoveryCodesWorkOnceEach) {
	std::vector<std::string> recovery;
	Enrol(&recovery);
	auto context = ctx();
	EXPECT_TRUE(VerifySecondStep(context, actor_.user_id, recovery[0]).ok());
	EXPECT_FALSE(VerifySecondStep(context, actor_.user_id, recovery[0]).ok()) << "spent";
	// Typed in capitals and without hyphens it is the same code.
	std::string typed = recovery[1];
	typed.erase(std::remove(typed.begin(), typed.end(), '-'), typed.end());
	std::transform(typed.begin(), typed.end(), typed.begin(), [](unsigned char c) { return std::toupper(c); });
	EXPECT_TRUE(VerifySecondStep(context, actor_.user_id, typed).ok());
	EXPECT_EQ(TwoStepStateOf(context, actor_.user_id)->recovery_codes_left, 8);
	EXPECT_EQ(AuditCount("account.recovery_code_used"), 2);
}

TEST_F(TwoStepTest, SixteenDigitCodesIssuedBeforeStillWorkOnce) {
	Enrol();
	auto context = ctx();
	const auto row = store_->FindTwoStep(actor_.user_id);
	ASSERT_TRUE(row.ok() && row->has_value());
	// What the earlier release stored: SHA-256 over the account's secret and the 16-digit code.
	const std::string old_code = "1a2b3c4d5e6f7a8b";
	ASSERT_TRUE(store_->ReplaceRecoveryCodes(actor_.user_id, {platform::Sha256Hex((*row)->secret + ":" + old_code)}).ok());
	EXPECT_FALSE(VerifySecondStep(context, actor_.user_id, "1a2b3c4d5e6f7a8c").ok()) << "a near miss";
	EXPECT_TRUE(VerifySecondStep(context, actor_.user_id, "1A2B-3C4D-5E6F-7A8B").ok());
	EXPECT_FALSE(VerifySecondStep(context, actor_.user_id, old_code).ok()) << "spent";
}

TEST_F(TwoStepTest, TurningOffNeedsThePasswordAndACode) {
	const std::string secret = Enrol();
	auto context = ctx();
	auto no_code = DisableTwoStep(context, actor_, kTwoStepPassword, "");
	ASSERT_FALSE(no_code.ok());
	EXPECT_EQ(no_code.error().field, "code");
	auto wrong_password = DisableTwoStep(context, actor_, "not-the-password", CodeNow(secret));
	ASSERT_FALSE(wrong_password.ok());
	EXPECT_EQ(wrong_password.error().field, "password");
	EXPECT_TRUE(*NeedsSecondStep(context, actor_.user_id));

	ASSERT_TRUE(DisableTwoStep(context, actor_, kTwoStepPassword, CodeNow(secret)).ok());
	EXPECT_FALSE(*NeedsSecondStep(context, actor_.user_id));
	EXPECT_EQ(TwoStepStateOf(context, actor_.user_id)->recovery_codes_left, 0);
	EXPECT_EQ(AuditCount("account.two_step_disabled"), 1);
}

TEST_F(TwoStepTest, WrongCodesPauseCheckingForAWhile) {
	const std::string secret = Enrol();
	auto context = ctx();
	const std::string wrong = CodeNow(secret) == "000000" ? "111111" : "000000";
	for (int i = 0; i < kFreeCodeFailures; ++i) {
		EXPECT_EQ(VerifySecondStep(context, actor_.user_id, wrong).error().code, ErrorCode::kUnauthenticated);
	}
	EXPECT_EQ(VerifySecondStep(context, actor_.user_id, CodeNow(secret)).error().code, ErrorCode::kRateLimited)
	    << "even the right code waits";
	clock_.Advance(31);
	EXPECT_TRUE(VerifySecondStep(context, actor_.user_id, CodeNow(secret)).ok());
}

TEST_F(TwoStepTest, AWaitingSignInEndsAfterFiveWrongCodesOrFiveMinutes) {
	const std::string secret = Enrol();
	auto context = ctx();
	auto ticket = StartPendingSignIn(context, actor_.user_id);
	ASSERT_TRUE(ticket.ok());
	EXPECT_EQ(*PendingSignInUser(context, ticket->token), actor_.user_id);
	const std::string wrong = CodeNow(secret) == "000000" ? "111111" : "000000";
	for (int i = 1; i < kPendingSignInAttempts; ++i) {
		EXPECT_EQ(CompletePendingSignIn(context, ticket->token, wrong).error().code, ErrorCode::kUnauthenticated);
	}
	auto last = CompletePendingSignIn(context, ticket->token, wrong);
	EXPECT_EQ(last.error().message, "app_two_step.sign_in_again");
	EXPECT_FALSE(PendingSignInUser(context, ticket->token)->has_value());

	clock_.Advance(10 * 60);  // past the pause the wrong codes earned
	auto second = StartPendingSignIn(context, actor_.user_id);
	auto done = CompletePendingSignIn(context, second->token, CodeNow(secret));
	ASSERT_TRUE(done.ok()) << done.error().Describe();
	EXPECT_EQ(*done, actor_.user_id);
	EXPECT_FALSE(PendingSignInUser(context, second->token)->has_value()) << "spent";

	auto third = StartPendingSignIn(context, actor_.user_id);
	clock_.Advance(kPendingSignInSeconds);
	EXPECT_EQ(CompletePendingSignIn(context, third->token, CodeNow(secret)).error().message,
	          "app_two_step.sign_in_expired");
}

TEST_F(TwoStepTest, RequirementsKeepAccountsWithoutTwoStepOut) {
	auto context = ctx();
	OrganizationInput input{"二段階株式会社", "retail", 10'000'000, 12};
	auto org_id = CreateOrganization(context, actor_, input);
	ASSERT_TRUE(org_id.ok()) << org_id.error().Describe();
	auto access = AccessOrganization(context, actor_.user_id, *org_id);
	ASSERT_TRUE(access.ok());
	// The requirements as the gate reads them for each request (with the organisation access).
	const auto demand_for = [&](Id user_id) {
		auto fresh = AccessOrganization(context, actor_.user_id, *org_id);
		EXPECT_TRUE(fresh.ok());
		return *TwoStepDemandFor(context, user_id, *fresh);
	};
	EXPECT_EQ(demand_for(actor_.user_id), TwoStepDemand::kNone);

	auto refused = SetOrganizationRequiresTwoStep(context, actor_, *access, true);
	ASSERT_FALSE(refused.ok()) << "the 責任者 would lock themselves out";
	EXPECT_EQ(refused.error().message, "app_two_step.enable_own_first");

	Enrol();
	ASSERT_TRUE(SetOrganizationRequiresTwoStep(context, actor_, *access, true).ok());
	EXPECT_EQ(demand_for(actor_.user_id), TwoStepDemand::kNone) << "has two-step login";
	auto member = CreateAccount(context, NewAccount{"member@example.jp", kTwoStepPassword, "", false}, std::nullopt);
	EXPECT_EQ(demand_for(*member), TwoStepDemand::kOrganization);
	EXPECT_EQ(AuditCount("org.two_step_required"), 1);

	ASSERT_TRUE(SetOrganizationRequiresTwoStep(context, actor_, *access, false).ok());
	EXPECT_EQ(demand_for(*member), TwoStepDemand::kNone);
	EXPECT_EQ(SetInstallationRequiresTwoStep(context, actor_, true).error().code, ErrorCode::kNotFound)
	    << "not an installation administrator";
	Actor admin = actor_;
	admin.is_admin = true;
	ASSERT_TRUE(SetInstallationRequiresTwoStep(context, admin, true).ok());
	EXPECT_EQ(demand_for(*member), TwoStepDemand::kInstallation);
}

} // namespace
} // namespace mamori::app
