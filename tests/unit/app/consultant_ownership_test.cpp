// mamori/tests/unit/app/consultant_ownership_test.cpp
//
// A firm coached by a 外部専門家 owns its organisation (issue 12). A consultant registers a client
// and names the firm's 組織管理者 in the same step (one transaction, an invitation like any
// other); a consultant invites only roles below the firm's leads, except the first lead
// (組織管理者 or 責任者) while the firm has none; a consultant cannot take out a firm's lead who
// has signed up (which would reopen that exception), only correct an invitation not yet accepted.
#include "app/audit.hpp"
#include "app/coaching.hpp"
#include "app/member_rules.hpp"
#include "support/catalog.hpp"
#include "support/fake_random.hpp"
#include "support/temp_store.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace mamori::app {
namespace {

TEST(ConsultantRoleRule, InvitesBelowTheFirmsLeadsAndOnlyTheFirstLead) {
	for (Role role : {Role::kConsultant, Role::kRespondent, Role::kViewer}) {
		EXPECT_TRUE(ConsultantMayInvite(role, false)) << RoleName(role);
		EXPECT_TRUE(ConsultantMayInvite(role, true)) << RoleName(role);
	}
	for (Role role : {Role::kAdmin, Role::kManager}) {
		EXPECT_TRUE(ConsultantMayInvite(role, false)) << "the firm's first lead: " << RoleName(role);
		EXPECT_FALSE(ConsultantMayInvite(role, true)) << "the firm names its further leads: " << RoleName(role);
	}
	EXPECT_FALSE(ConsultantMayInvite(Role::kExecutive, false)) << "the 経営者 approves risks: above a consultant";
	EXPECT_FALSE(ConsultantMayInvite(Role::kExecutive, true));
	EXPECT_STREQ(ConsultantInviteRefusal(Role::kAdmin), "app_orgs.member.consultant_lead_taken");
	EXPECT_STREQ(ConsultantInviteRefusal(Role::kManager), "app_orgs.member.consultant_lead_taken");
	EXPECT_STREQ(ConsultantInviteRefusal(Role::kExecutive), "app_orgs.member.consultant_role_forbidden");
}

TEST(ConsultantRoleRule, RemovesNoSignedUpLeadNorTheExecutive) {
	for (Role role : {Role::kConsultant, Role::kRespondent, Role::kViewer}) {
		EXPECT_TRUE(ConsultantMayRemove(role, true)) << RoleName(role);
	}
	for (Role role : {Role::kAdmin, Role::kManager}) {
		EXPECT_FALSE(ConsultantMayRemove(role, true)) << RoleName(role);
		EXPECT_TRUE(ConsultantMayRemove(role, false)) << "a mistyped or expired invitation: " << RoleName(role);
	}
	EXPECT_FALSE(ConsultantMayRemove(Role::kExecutive, true));
	EXPECT_FALSE(ConsultantMayRemove(Role::kExecutive, false));
	EXPECT_TRUE(IsFirmLead(Role::kAdmin) && IsFirmLead(Role::kManager));
	EXPECT_FALSE(IsFirmLead(Role::kConsultant) || IsFirmLead(Role::kExecutive));
}

constexpr const char *kStrongPassword = "Kawa-no-nagare-wa-taezu-2026";

class ConsultantOwnershipTest : public ::testing::Test {
protected:
	void SetUp() override {
		store_ = testing_support::OpenTempStore(dir_);
		ASSERT_TRUE(store_);
		expert_ = MakeUser("expert@consult.example.jp", true);
	}

	Actor MakeUser(const std::string &email, bool signed_up) {
		storage::User user;
		user.email = email;
		user.password_hash = signed_up ? "$argon2id$v=19$stand-in" : "";
		Actor actor;
		actor.user_id = store_->CreateUser(user).value();
		actor.email = email;
		return actor;
	}

	AppContext Ctx() {
		return AppContext{.catalog = testing_support::ShippedCatalog(), .store = *store_, .clock = clock_, .random = random_};
	}

	OrgAccess Access(const Actor &actor, Id org_id) {
		auto ctx = Ctx();
		return AccessOrganization(ctx, actor.user_id, org_id).value();
	}

	Id Client(const std::string &name) {
		auto ctx = Ctx();
		return CreateClient(ctx, expert_, {name, "manufacturing", 10'000'000, 12}).value();
	}

	Result<Invitation> Invite(const Actor &actor, Id org_id, const std::string &email, Role role) {
		auto ctx = Ctx();
		return InviteMember(ctx, actor, Access(actor, org_id), {email, "", role, std::nullopt});
	}

	FirmLead LeadOf(Id org_id) {
		auto ctx = Ctx();
		return FirmLeadOf(ctx, org_id).value();
	}

	testing_support::TempDir dir_{"consultant_ownership"};
	std::unique_ptr<storage::Store> store_;
	platform::FixedClock clock_ = platform::FixedClock::AtIso("2026-12-01T01:00:00Z");
	testing_support::SequenceRandom random_;
	Actor expert_;
};

TEST_F(ConsultantOwnershipTest, AClientRegisteredWithItsAdministratorInvitesThemInTheSameStep) {
	auto ctx = Ctx();
	auto created = CreateClient(ctx, expert_, {"甲製作所", "manufacturing", 10'000'000, 12},
	                            {"Shacho@Kou.example.jp", "甲野 太郎"});
	ASSERT_TRUE(created.ok()) << created.error().Describe();
	ASSERT_TRUE(created->admin_invitation.has_value());
	EXPECT_FALSE(created->admin_invitation->token.empty()) << "a new address gets a one-time link";
	auto members = store_->ListMembers(created->org_id).value();
	ASSERT_EQ(members.size(), 2u);
	const auto admin = std::find_if(members.begin(), members.end(), [](const auto &m) { return m.role == Role::kAdmin; });
	ASSERT_NE(admin, members.end());
	EXPECT_EQ(admin->email, "shacho@kou.example.jp");
	EXPECT_EQ(admin->display_name, "甲野 太郎");
	EXPECT_EQ(LeadOf(created->org_id), FirmLead::kInvited);
	auto audit = ListAuditEntries(ctx, Access(expert_, created->org_id), 10, 0).value();
	ASSERT_EQ(audit.size(), 2u);
	EXPECT_EQ(audit[0].action, "member.add");
	EXPECT_NE(audit[0].detail.find("\"admin\""), std::string::npos);
	EXPECT_EQ(audit[1].action, "org.create");
}

TEST_F(ConsultantOwnershipTest, ABadAdministratorAddressNamesItsFieldAndRegistersNothing) {
	auto ctx = Ctx();
	const struct {
		std::string email;
		const char *key;
	} cases[] = {{"not-an-address", "app_accounts.email.format"},
	             {"Expert@consult.example.jp", "errors.coaching.admin_is_you"}};
	for (const auto &c : cases) {
		auto refused = CreateClient(ctx, expert_, {"乙商事", "wholesale", 10'000'000, 5}, {c.email, ""});
		ASSERT_FALSE(refused.ok()) << c.email;
		EXPECT_EQ(refused.error().field, "admin_email") << c.email;
		EXPECT_EQ(refused.error().message, c.key);
	}
	auto too_long = CreateClient(ctx, expert_, {"乙商事", "wholesale", 10'000'000, 5}, {"a@otsu.example.jp", std::string(101, 'x')});
	ASSERT_FALSE(too_long.ok());
	EXPECT_EQ(too_long.error().field, "admin_name");
	EXPECT_EQ(store_->CountOrganizations().value(), 0) << "all or nothing";
	auto without = CreateClient(ctx, expert_, {"乙商事", "wholesale", 10'000'000, 5}, {" ", ""});
	ASSERT_TRUE(without.ok());
	EXPECT_FALSE(without->admin_invitation.has_value());
	EXPECT_EQ(LeadOf(without->org_id), FirmLead::kNone);
}

TEST_F(ConsultantOwnershipTest, AConsultantInvitesTheFirstAdministratorOnceAndNoExecutive) {
	const Id org_id = Client("丙サービス");
	auto executive = Invite(expert_, org_id, "keiei@hei.example.jp", Role::kExecutive);
	ASSERT_FALSE(executive.ok());
	EXPECT_EQ(executive.error().code, ErrorCode::kForbidden);
	EXPECT_EQ(executive.error().field, "role");
	EXPECT_EQ(executive.error().message, "app_orgs.member.consultant_role_forbidden");
	EXPECT_EQ(Invite(expert_, org_id, "staff@hei.example.jp", Role::kRespondent).error().field, "department_id")
	    << "allowed, but a 回答者 still needs a department";
	ASSERT_TRUE(Invite(expert_, org_id, "colleague@consult.example.jp", Role::kConsultant).ok());
	ASSERT_TRUE(Invite(expert_, org_id, "viewer@hei.example.jp", Role::kViewer).ok());
	EXPECT_EQ(LeadOf(org_id), FirmLead::kNone);
	ASSERT_TRUE(Invite(expert_, org_id, "admin@hei.example.jp", Role::kAdmin).ok()) << "the first 組織管理者";
	auto second = Invite(expert_, org_id, "admin2@hei.example.jp", Role::kAdmin);
	ASSERT_FALSE(second.ok());
	EXPECT_EQ(second.error().field, "role");
	EXPECT_EQ(second.error().message, "app_orgs.member.consultant_lead_taken");
	auto manager = Invite(expert_, org_id, "sekinin@hei.example.jp", Role::kManager);
	ASSERT_FALSE(manager.ok()) << "a 責任者 gives every role: the firm names its own";
	EXPECT_EQ(manager.error().message, "app_orgs.member.consultant_lead_taken");
}

TEST_F(ConsultantOwnershipTest, AFirmWithItsOwnLeadGetsNoLeadFromItsConsultant) {
	const Actor boss = MakeUser("boss@tei.example.jp", true);
	auto ctx = Ctx();
	const Id org_id = CreateOrganization(ctx, boss, {"丁工業", "manufacturing", 10'000'000, 30}).value();
	ASSERT_TRUE(Invite(boss, org_id, "expert@consult.example.jp", Role::kConsultant).ok());
	for (Role role : {Role::kAdmin, Role::kManager}) {
		auto refused = Invite(expert_, org_id, "lead@tei.example.jp", role);
		ASSERT_FALSE(refused.ok()) << RoleName(role);
		EXPECT_EQ(refused.error().field, "role");
		EXPECT_EQ(refused.error().message, "app_orgs.member.consultant_lead_taken");
	}
	EXPECT_TRUE(Invite(boss, org_id, "admin@tei.example.jp", Role::kAdmin).ok()) << "the firm's own lead may";
}

TEST_F(ConsultantOwnershipTest, AConsultantCorrectsAPendingAdministratorButCannotRemoveASignedUpOne) {
	const Id org_id = Client("戊電機");
	ASSERT_TRUE(Invite(expert_, org_id, "mistyped@bo.example.jp", Role::kAdmin).ok());
	const Id pending = store_->FindUserByEmail("mistyped@bo.example.jp").value()->id;
	auto ctx = Ctx();
	ASSERT_TRUE(RemoveMember(ctx, expert_, Access(expert_, org_id), pending).ok());
	EXPECT_EQ(LeadOf(org_id), FirmLead::kNone);

	// Invited again, the unclaimed account gets a new link (the first may have expired).
	auto again = Invite(expert_, org_id, "mistyped@bo.example.jp", Role::kAdmin);
	ASSERT_TRUE(again.ok());
	EXPECT_FALSE(again->token.empty());
	ASSERT_TRUE(store_->UpdatePasswordHash(pending, "$argon2id$v=19$stand-in").ok());
	EXPECT_EQ(LeadOf(org_id), FirmLead::kSignedUp);
	auto refused = RemoveMember(ctx, expert_, Access(expert_, org_id), pending);
	ASSERT_FALSE(refused.ok());
	EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
	EXPECT_EQ(refused.error().message, "app_orgs.member.consultant_remove_forbidden");
	const Actor admin{pending, "mistyped@bo.example.jp", false};
	EXPECT_TRUE(RemoveMember(ctx, admin, Access(admin, org_id), expert_.user_id).ok()) << "the firm may end the engagement";
}

TEST_F(ConsultantOwnershipTest, AnAccountThatBelongsSomewhereGetsNoNewLink) {
	const Id first = Client("己建設");
	const Id second = Client("庚運輸");
	auto invited = Invite(expert_, first, "shared@example.jp", Role::kViewer);
	ASSERT_TRUE(invited.ok());
	EXPECT_FALSE(invited->token.empty());
	auto elsewhere = Invite(expert_, second, "shared@example.jp", Role::kViewer);
	ASSERT_TRUE(elsewhere.ok());
	EXPECT_TRUE(elsewhere->token.empty()) << "the link of the first invitation is the only one";
}

// An invitation link sets an account's first password. Issue 11's notes left three holes open:
// an earlier link still worked after a new one was sent, a link worked after its placeholder was
// removed from every organisation, and a link could replace the password of an account already
// claimed (an account takeover for whoever kept an old link).
TEST_F(ConsultantOwnershipTest, OnlyTheNewestLinkOfAStillInvitedAccountSetsItsFirstPassword) {
	const Id org_id = Client("辛食品");
	auto first = Invite(expert_, org_id, "lead@shin.example.jp", Role::kAdmin);
	ASSERT_TRUE(first.ok());
	const Id pending = first->user_id;
	auto ctx = Ctx();
	ASSERT_TRUE(FindPendingInvitation(ctx, first->token).ok());

	ASSERT_TRUE(RemoveMember(ctx, expert_, Access(expert_, org_id), pending).ok());
	auto removed = FindPendingInvitation(ctx, first->token);
	ASSERT_FALSE(removed.ok()) << "the placeholder belongs nowhere now";
	EXPECT_EQ(removed.error().code, ErrorCode::kNotFound);
	EXPECT_EQ(removed.error().message, "app_orgs.invitation_invalid");
	EXPECT_EQ(AcceptInvitation(ctx, first->token, kStrongPassword).error().code, ErrorCode::kNotFound);

	auto again = Invite(expert_, org_id, "lead@shin.example.jp", Role::kAdmin);
	ASSERT_TRUE(again.ok());
	ASSERT_FALSE(again->token.empty());
	EXPECT_EQ(FindPendingInvitation(ctx, first->token).error().code, ErrorCode::kNotFound)
	    << "the new link replaced the first, though the account belongs to the firm again";
	EXPECT_EQ(AcceptInvitation(ctx, first->token, kStrongPassword).error().code, ErrorCode::kNotFound);
	auto accepted = AcceptInvitation(ctx, again->token, kStrongPassword);
	ASSERT_TRUE(accepted.ok()) << accepted.error().Describe();
	EXPECT_EQ(*accepted, pending);
	EXPECT_EQ(LeadOf(org_id), FirmLead::kSignedUp);
}

TEST_F(ConsultantOwnershipTest, AMemberWhoHasNotSignedUpGetsANewLinkThatEndsTheFirst) {
	const Id org_id = Client("癸工務店");
	auto first = Invite(expert_, org_id, "kanri@ki.example.jp", Role::kAdmin);
	ASSERT_TRUE(first.ok());
	EXPECT_EQ(first->email, "kanri@ki.example.jp");
	auto ctx = Ctx();
	const auto members = store_->ListMembers(org_id).value();
	EXPECT_EQ(MembersNotSignedUp(ctx, members).value(), std::set<Id>{first->user_id}) << "the consultant has a password";

	auto renewed = IssueNewInvitationLink(ctx, expert_, Access(expert_, org_id), first->user_id);
	ASSERT_TRUE(renewed.ok()) << renewed.error().Describe();
	EXPECT_EQ(renewed->email, "kanri@ki.example.jp");
	EXPECT_NE(renewed->token, first->token);
	EXPECT_EQ(FindPendingInvitation(ctx, first->token).error().code, ErrorCode::kNotFound);
	ASSERT_TRUE(FindPendingInvitation(ctx, renewed->token).ok());
	auto audit = ListAuditEntries(ctx, Access(expert_, org_id), 1, 0).value();
	ASSERT_EQ(audit.size(), 1u);
	EXPECT_EQ(audit[0].action, "member.new_link");

	ASSERT_TRUE(AcceptInvitation(ctx, renewed->token, kStrongPassword).ok());
	EXPECT_TRUE(MembersNotSignedUp(ctx, members).value().empty());
	auto signed_up = IssueNewInvitationLink(ctx, expert_, Access(expert_, org_id), first->user_id);
	ASSERT_FALSE(signed_up.ok());
	EXPECT_EQ(signed_up.error().code, ErrorCode::kConflict);
	EXPECT_EQ(signed_up.error().message, "app_orgs.member.signed_up_already");
	auto stranger = IssueNewInvitationLink(ctx, expert_, Access(expert_, org_id), MakeUser("x@example.jp", false).user_id);
	ASSERT_FALSE(stranger.ok());
	EXPECT_EQ(stranger.error().code, ErrorCode::kNotFound) << "no member of this organisation";
}

TEST_F(ConsultantOwnershipTest, ALinkNeverReplacesThePasswordOfAClaimedAccount) {
	const Id org_id = Client("壬物産");
	auto invited = Invite(expert_, org_id, "staff@jin.example.jp", Role::kViewer);
	ASSERT_TRUE(invited.ok());
	// Claimed some other way while the link was still out (here: the store directly).
	ASSERT_TRUE(store_->UpdatePasswordHash(invited->user_id, "$argon2id$v=19$owner-chose-this").ok());
	auto ctx = Ctx();
	EXPECT_EQ(FindPendingInvitation(ctx, invited->token).error().code, ErrorCode::kNotFound);
	auto refused = AcceptInvitation(ctx, invited->token, kStrongPassword);
	ASSERT_FALSE(refused.ok());
	EXPECT_EQ(refused.error().message, "app_orgs.invitation_invalid");
	EXPECT_EQ(store_->FindUserById(invited->user_id).value()->password_hash, "$argon2id$v=19$owner-chose-this");
}

} // namespace
} // namespace mamori::app
