// mamori/tests/unit/storage/store_contract_gate_test.cpp
//
// Store contract: the two queries every request's gate reads (issue 11) agree with the
// separate lookups they replace, on both backends.
#include "storage/store_contract.hpp"

namespace mamori::storage {
namespace {

constexpr const char *kSettingKey = "installation.require_two_step";

TEST_P(StoreContract, SessionUserIsTheLiveSessionWithItsUser) {
	const Id user_id = MakeUser("gate@example.jp");
	Session session = SampleSignInSession("hash-gate", user_id, "2025-04-01T09:00:00Z");
	session.last_seen_at = "2025-04-01T09:30:00Z";
	session.failed_sign_ins = 2;
	ASSERT_TRUE(store_->CreateSession(session).ok());

	auto found = store_->FindSessionUser("hash-gate", "2025-04-01T10:00:00Z");
	ASSERT_TRUE(found.ok()) << found.error().Describe();
	ASSERT_TRUE(found->has_value());
	EXPECT_EQ((*found)->session.csrf_token, "csrf-hash-gate");
	EXPECT_EQ((*found)->session.last_seen_at, "2025-04-01T09:30:00Z");
	EXPECT_EQ((*found)->session.failed_sign_ins, 2);
	EXPECT_EQ((*found)->user.id, user_id);
	EXPECT_EQ((*found)->user.email, "gate@example.jp");
	EXPECT_EQ((*found)->user.display_name, "担当 gate@example.jp");
	// The same answer as the two lookups it replaces.
	auto alone = store_->FindUserById(user_id);
	ASSERT_TRUE(alone.ok() && alone->has_value());
	EXPECT_EQ((*found)->user.created_at, (*alone)->created_at);
	EXPECT_EQ((*found)->user.is_admin, (*alone)->is_admin);

	EXPECT_FALSE(store_->FindSessionUser("hash-gate", "2025-04-01T18:00:00Z")->has_value()) << "expired";
	EXPECT_FALSE(store_->FindSessionUser("no-such-hash", "2025-04-01T10:00:00Z")->has_value());
}

TEST_P(StoreContract, OrgAccessIsTheMembershipTheOrganisationAndTheTwoStepRequirements) {
	const Id org_id = MakeOrg("ゲート社");
	const Id other_org = MakeOrg("他社");
	const Id user_id = MakeUser("member@example.jp");
	ASSERT_TRUE(store_->AddMembership(Membership{org_id, user_id, Role::kManager, std::nullopt, "", "", ""}).ok());

	auto found = store_->FindOrgAccess(org_id, user_id, kSettingKey);
	ASSERT_TRUE(found.ok()) << found.error().Describe();
	ASSERT_TRUE(found->has_value());
	EXPECT_EQ((*found)->membership.role, Role::kManager);
	EXPECT_EQ((*found)->membership.email, "member@example.jp");
	EXPECT_EQ((*found)->membership.org_name, "ゲート社");
	EXPECT_EQ((*found)->org.id, org_id);
	EXPECT_EQ((*found)->org.industry, "manufacturing");
	EXPECT_EQ((*found)->org.capital_yen, 10'000'000);
	EXPECT_FALSE((*found)->org_requires_two_step);
	EXPECT_FALSE((*found)->installation_setting.has_value()) << "never set";

	ASSERT_TRUE(store_->SetOrganizationRequiresTwoStep(org_id, true).ok());
	ASSERT_TRUE(store_->PutSetting(kSettingKey, "1").ok());
	found = store_->FindOrgAccess(org_id, user_id, kSettingKey);
	ASSERT_TRUE(found.ok() && found->has_value());
	EXPECT_TRUE((*found)->org_requires_two_step);
	EXPECT_EQ((*found)->installation_setting, std::optional<std::string>("1"));

	// Not a member, or a member of an organisation that is gone: nothing.
	EXPECT_FALSE(store_->FindOrgAccess(other_org, user_id, kSettingKey)->has_value());
	ASSERT_TRUE(store_->EmptyOrganization(org_id, "2025-05-01T09:00:00Z").ok());
	EXPECT_FALSE(store_->FindOrgAccess(org_id, user_id, kSettingKey)->has_value());
	EXPECT_FALSE(store_->FindOrganization(org_id)->has_value()) << "the lookup it replaces agrees";
}

// The access carries the organisation's revision (storage/org_revision.hpp), read in the same
// query: a kept page or view of the request needs no read of its own.
TEST_P(StoreContract, OrgAccessCarriesTheOrganisationsRevision) {
	const Id org_id = MakeOrg("版社");
	const Id other_org = MakeOrg("別版社");
	const Id user_id = MakeUser("revision@example.jp");
	ASSERT_TRUE(store_->AddMembership(Membership{org_id, user_id, Role::kViewer, std::nullopt, "", "", ""}).ok());
	auto revision_in_access = [&]() -> int64_t {
		auto found = store_->FindOrgAccess(org_id, user_id, kSettingKey);
		EXPECT_TRUE(found.ok() && found->has_value());
		return found.ok() && found->has_value() ? (*found)->revision : -1;
	};
	EXPECT_EQ(revision_in_access(), 0) << "no audit entries yet";
	EXPECT_EQ(revision_in_access(), *store_->NewestAuditId(org_id));

	AuditEntry entry;
	entry.org_id = org_id;
	entry.action = "org.change";
	entry.detail = "{}";
	ASSERT_TRUE(store_->AppendAudit(entry).ok());
	const int64_t after_change = revision_in_access();
	EXPECT_GT(after_change, 0);
	EXPECT_EQ(after_change, *store_->NewestAuditId(org_id));

	// Another organisation's change is not this one's.
	AuditEntry elsewhere = entry;
	elsewhere.org_id = other_org;
	ASSERT_TRUE(store_->AppendAudit(elsewhere).ok());
	EXPECT_EQ(revision_in_access(), after_change);
	ASSERT_TRUE(store_->AppendAudit(entry).ok());
	EXPECT_GT(revision_in_access(), after_change);
	EXPECT_EQ(revision_in_access(), *store_->NewestAuditId(org_id));
}

// The session and the access in one query (a request to an organisation's page): the same answer
// as FindSessionUser and FindOrgAccess apart.
TEST_P(StoreContract, SessionUserWithAccessIsBothLookupsInOneQuery) {
	const Id org_id = MakeOrg("同時社");
	const Id other_org = MakeOrg("無縁社");
	const Id user_id = MakeUser("both@example.jp");
	ASSERT_TRUE(store_->AddMembership(Membership{org_id, user_id, Role::kExecutive, std::nullopt, "", "", ""}).ok());
	ASSERT_TRUE(store_->CreateSession(SampleSignInSession("hash-both", user_id, "2025-04-01T09:00:00Z")).ok());
	ASSERT_TRUE(store_->SetOrganizationRequiresTwoStep(org_id, true).ok());
	ASSERT_TRUE(store_->PutSetting(kSettingKey, "1").ok());
	AuditEntry entry;
	entry.org_id = org_id;
	entry.action = "org.change";
	entry.detail = "{}";
	ASSERT_TRUE(store_->AppendAudit(entry).ok());
	const std::string now = "2025-04-01T10:00:00Z";

	auto found = store_->FindSessionUserWithAccess("hash-both", now, org_id, kSettingKey);
	ASSERT_TRUE(found.ok()) << found.error().Describe();
	ASSERT_TRUE(found->has_value());
	auto session_alone = store_->FindSessionUser("hash-both", now);
	ASSERT_TRUE(session_alone.ok() && session_alone->has_value());
	EXPECT_EQ((*found)->session_user.session.csrf_token, (*session_alone)->session.csrf_token);
	EXPECT_EQ((*found)->session_user.session.token_hash, "hash-both");
	EXPECT_EQ((*found)->session_user.user.id, user_id);
	EXPECT_EQ((*found)->session_user.user.email, (*session_alone)->user.email);
	EXPECT_EQ((*found)->session_user.user.locale, (*session_alone)->user.locale);

	auto access_alone = store_->FindOrgAccess(org_id, user_id, kSettingKey);
	ASSERT_TRUE(access_alone.ok() && access_alone->has_value());
	ASSERT_TRUE((*found)->access.has_value());
	const OrgAccessRow &access = *(*found)->access;
	EXPECT_EQ(access.membership.role, Role::kExecutive);
	EXPECT_EQ(access.membership.email, "both@example.jp");
	EXPECT_EQ(access.membership.org_name, "同時社");
	EXPECT_EQ(access.org.id, org_id);
	EXPECT_EQ(access.org.name, (*access_alone)->org.name);
	EXPECT_EQ(access.org.created_at, (*access_alone)->org.created_at);
	EXPECT_TRUE(access.org_requires_two_step);
	EXPECT_EQ(access.installation_setting, std::optional<std::string>("1"));
	EXPECT_GT(access.revision, 0);
	EXPECT_EQ(access.revision, (*access_alone)->revision);

	// No role there: the session still, without access.
	found = store_->FindSessionUserWithAccess("hash-both", now, other_org, kSettingKey);
	ASSERT_TRUE(found.ok() && found->has_value());
	EXPECT_EQ((*found)->session_user.user.id, user_id);
	EXPECT_FALSE((*found)->access.has_value());
	// Another member's session does not lend its role.
	const Id stranger = MakeUser("stranger@example.jp");
	ASSERT_TRUE(store_->CreateSession(SampleSignInSession("hash-stranger", stranger, "2025-04-01T09:00:00Z")).ok());
	found = store_->FindSessionUserWithAccess("hash-stranger", now, org_id, kSettingKey);
	ASSERT_TRUE(found.ok() && found->has_value());
	EXPECT_EQ((*found)->session_user.user.id, stranger);
	EXPECT_FALSE((*found)->access.has_value());

	// Expired or unknown session: nothing at all.
	EXPECT_FALSE(store_->FindSessionUserWithAccess("hash-both", "2025-04-01T18:00:00Z", org_id, kSettingKey)->has_value());
	EXPECT_FALSE(store_->FindSessionUserWithAccess("no-such-hash", now, org_id, kSettingKey)->has_value());

	// An organisation that is gone: the session, without access.
	ASSERT_TRUE(store_->EmptyOrganization(org_id, "2025-05-01T09:00:00Z").ok());
	found = store_->FindSessionUserWithAccess("hash-both", now, org_id, kSettingKey);
	ASSERT_TRUE(found.ok() && found->has_value());
	EXPECT_FALSE((*found)->access.has_value());
}

} // namespace
} // namespace mamori::storage
