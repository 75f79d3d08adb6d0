// mamori/tests/unit/storage/store_contract_accounts_test.cpp
//
// Store contract: Accounts, sessions and invitations.
// Runs for every backend through the Store interface (store_contract.hpp).
#include "storage/store_contract.hpp"

namespace mamori::storage {
namespace {

TEST_P(StoreContract, DuplicateEmailIsConflict) {
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

TEST_P(StoreContract, FailedLoginsAndLock) {
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

TEST_P(StoreContract, UserLanguageStartsUnchosenAndIsRemembered) {
	const Id id = MakeUser("lang@example.jp");
	EXPECT_EQ((*store_->FindUserById(id))->locale, "");
	ASSERT_TRUE(store_->UpdateUserLocale(id, "en").ok());
	EXPECT_EQ((*store_->FindUserById(id))->locale, "en");
	EXPECT_EQ((*store_->FindUserByEmail("lang@example.jp"))->locale, "en");
	EXPECT_EQ(store_->UpdateUserLocale(id + 100, "ja").error().code, ErrorCode::kNotFound);
}

TEST_P(StoreContract, DocumentLanguageIsJapaneseUntilChanged) {
	const Id org_id = MakeOrg("文書言語株式会社");
	auto org = store_->FindOrganization(org_id);
	ASSERT_TRUE(org.ok() && org->has_value());
	EXPECT_EQ((*org)->document_locale, "ja");
	Organization changed = **org;
	changed.document_locale = "en";
	ASSERT_TRUE(store_->UpdateOrganization(changed).ok());
	EXPECT_EQ((*store_->FindOrganization(org_id))->document_locale, "en");
	EXPECT_EQ((*store_->FindOrganization(org_id))->name, "文書言語株式会社");
}

TEST_P(StoreContract, SessionsExpire) {
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

TEST_P(StoreContract, InvitationIsUsedOnce) {
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

TEST_P(StoreContract, ANewLinkDeletesOnlyTheAccountsPendingInvitations) {
	const Id org_id = MakeOrg("A社");
	const Id user_id = MakeUser("new@example.jp");
	const Id other_id = MakeUser("other@example.jp");
	ASSERT_TRUE(store_->CreateInvitation({"used", org_id, user_id, "2025-04-08T00:00:00Z", ""}).ok());
	ASSERT_TRUE(store_->MarkInvitationAccepted("used", "2025-04-02T00:00:00Z").ok());
	ASSERT_TRUE(store_->CreateInvitation({"pending-1", org_id, user_id, "2025-04-08T00:00:00Z", ""}).ok());
	ASSERT_TRUE(store_->CreateInvitation({"pending-2", org_id, user_id, "2025-04-09T00:00:00Z", ""}).ok());
	ASSERT_TRUE(store_->CreateInvitation({"others", org_id, other_id, "2025-04-08T00:00:00Z", ""}).ok());
	EXPECT_EQ(store_->DeletePendingInvitationsOfUser(user_id).value(), 2);
	EXPECT_FALSE(store_->FindInvitation("pending-1", "2025-04-02T00:00:00Z")->has_value());
	EXPECT_FALSE(store_->FindInvitation("pending-2", "2025-04-02T00:00:00Z")->has_value());
	EXPECT_TRUE(store_->FindInvitation("others", "2025-04-02T00:00:00Z")->has_value());
	EXPECT_EQ(store_->MarkInvitationAccepted("used", "2025-04-02T00:00:01Z").error().code, ErrorCode::kConflict)
	    << "an accepted invitation stays on record";
	EXPECT_EQ(store_->DeletePendingInvitationsOfUser(user_id).value(), 0);
}

} // namespace
} // namespace mamori::storage
