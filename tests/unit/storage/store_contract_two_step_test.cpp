// mamori/tests/unit/storage/store_contract_two_step_test.cpp
//
// Store contract: two-step login. An active secret is never replaced, a step is used once,
// recovery codes are single use, pending sign-ins expire, and the organisation's requirement.
// Runs for every backend through the Store interface (store_contract.hpp).
#include "storage/store_contract.hpp"

namespace mamori::storage {
namespace {

const std::string kHashA(64, 'a');
const std::string kHashB(64, 'b');

TEST_P(StoreContract, TwoStepEnrolmentIsReplacedUntilConfirmedThenKept) {
	const Id id = MakeUser("totp@example.jp");
	EXPECT_FALSE(store_->FindTwoStep(id)->has_value());
	ASSERT_TRUE(store_->BeginTwoStep(id, "SECRETONE", "2026-12-05T01:00:00Z").ok());
	ASSERT_TRUE(store_->BeginTwoStep(id, "SECRETTWO", "2026-12-05T01:01:00Z").ok());
	auto row = store_->FindTwoStep(id);
	ASSERT_TRUE(row.ok() && row->has_value());
	EXPECT_EQ((*row)->secret, "SECRETTWO");
	EXPECT_FALSE((*row)->active());
	EXPECT_FALSE((*row)->last_used_step.has_value());

	ASSERT_TRUE(store_->ConfirmTwoStep(id, "2026-12-05T01:02:00Z", 100).ok());
	row = store_->FindTwoStep(id);
	EXPECT_TRUE((*row)->active());
	EXPECT_EQ((*row)->last_used_step, 100);
	EXPECT_EQ(store_->ConfirmTwoStep(id, "2026-12-05T01:03:00Z", 101).error().code, ErrorCode::kNotFound);
	EXPECT_EQ(store_->BeginTwoStep(id, "SECRETTHREE", "2026-12-05T01:04:00Z").error().code, ErrorCode::kConflict);
	EXPECT_EQ((*store_->FindTwoStep(id))->secret, "SECRETTWO");
}

TEST_P(StoreContract, TwoStepStepIsUsedOnlyWhenNewer) {
	const Id id = MakeUser("step@example.jp");
	ASSERT_TRUE(store_->BeginTwoStep(id, "SECRET", "2026-12-05T01:00:00Z").ok());
	ASSERT_TRUE(store_->ConfirmTwoStep(id, "2026-12-05T01:00:10Z", 100).ok());
	ASSERT_TRUE(store_->RecordTwoStepFailures(id, 3, "2026-12-05T01:10:00Z").ok());
	EXPECT_EQ((*store_->FindTwoStep(id))->failed_codes, 3);
	EXPECT_FALSE(*store_->UseTwoStepStep(id, 100));
	EXPECT_FALSE(*store_->UseTwoStepStep(id, 99));
	EXPECT_TRUE(*store_->UseTwoStepStep(id, 101));
	auto row = store_->FindTwoStep(id);
	EXPECT_EQ((*row)->last_used_step, 101);
	EXPECT_EQ((*row)->failed_codes, 0) << "a right code clears the wrong ones before it";
	EXPECT_EQ((*row)->blocked_until, "");
}

TEST_P(StoreContract, RecoveryCodesAreSingleUseAndReplacedTogether) {
	const Id id = MakeUser("recovery@example.jp");
	const Id other = MakeUser("other@example.jp");
	ASSERT_TRUE(store_->ReplaceRecoveryCodes(id, {kHashA, kHashB}).ok());
	EXPECT_EQ(*store_->CountUnusedRecoveryCodes(id), 2);
	EXPECT_FALSE(*store_->UseRecoveryCode(other, kHashA, "2026-12-05T02:00:00Z")) << "another account's code";
	EXPECT_TRUE(*store_->UseRecoveryCode(id, kHashA, "2026-12-05T02:00:00Z"));
	EXPECT_FALSE(*store_->UseRecoveryCode(id, kHashA, "2026-12-05T02:00:01Z")) << "used once already";
	EXPECT_EQ(*store_->CountUnusedRecoveryCodes(id), 1);
	ASSERT_TRUE(store_->ReplaceRecoveryCodes(id, {kHashA}).ok());
	EXPECT_EQ(*store_->CountUnusedRecoveryCodes(id), 1);
	EXPECT_TRUE(*store_->UseRecoveryCode(id, kHashA, "2026-12-05T02:00:02Z")) << "a new set starts unused";
	EXPECT_FALSE(*store_->UseRecoveryCode(id, kHashB, "2026-12-05T02:00:03Z")) << "the old set is gone";

	ASSERT_TRUE(store_->BeginTwoStep(id, "SECRET", "2026-12-05T01:00:00Z").ok());
	ASSERT_TRUE(store_->ReplaceRecoveryCodes(id, {kHashB}).ok());
	ASSERT_TRUE(store_->DeleteTwoStep(id).ok());
	EXPECT_FALSE(store_->FindTwoStep(id)->has_value());
	EXPECT_EQ(*store_->CountUnusedRecoveryCodes(id), 0);
}

TEST_P(StoreContract, PendingSignInExpiresAndCountsAttempts) {
	const Id id = MakeUser("pending@example.jp");
	PendingSignIn pending;
	pending.token_hash = kHashA;
	pending.user_id = id;
	pending.created_at = "2026-12-05T03:00:00Z";
	pending.expires_at = "2026-12-05T03:05:00Z";
	ASSERT_TRUE(store_->CreatePendingSignIn(pending).ok());
	auto found = store_->FindPendingSignIn(kHashA, "2026-12-05T03:04:59Z");
	ASSERT_TRUE(found.ok() && found->has_value());
	EXPECT_EQ((*found)->user_id, id);
	EXPECT_EQ((*found)->attempts, 0);
	EXPECT_FALSE(store_->FindPendingSignIn(kHashA, "2026-12-05T03:05:00Z")->has_value());
	EXPECT_EQ(*store_->CountPendingSignInAttempt(kHashA), 1);
	EXPECT_EQ(*store_->CountPendingSignInAttempt(kHashA), 2);
	ASSERT_TRUE(store_->DeletePendingSignIn(kHashA).ok());
	EXPECT_FALSE(store_->FindPendingSignIn(kHashA, "2026-12-05T03:00:01Z")->has_value());
	EXPECT_EQ(store_->CountPendingSignInAttempt(kHashA).error().code, ErrorCode::kNotFound);
}

TEST_P(StoreContract, OrganizationTwoStepRequirementIsOffUntilSet) {
	const Id org = MakeOrg("二段階株式会社");
	const Id other = MakeOrg("別会社");
	EXPECT_FALSE(*store_->OrganizationRequiresTwoStep(org));
	ASSERT_TRUE(store_->SetOrganizationRequiresTwoStep(org, true).ok());
	EXPECT_TRUE(*store_->OrganizationRequiresTwoStep(org));
	EXPECT_FALSE(*store_->OrganizationRequiresTwoStep(other));
	EXPECT_EQ(store_->OrganizationRequiresTwoStep(org + 100).error().code, ErrorCode::kNotFound);
	EXPECT_EQ(store_->SetOrganizationRequiresTwoStep(org + 100, true).error().code, ErrorCode::kNotFound);
}

} // namespace
} // namespace mamori::storage
