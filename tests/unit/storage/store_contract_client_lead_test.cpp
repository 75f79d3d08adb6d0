// mamori/tests/unit/storage/store_contract_client_lead_test.cpp
//
// Store contract: a firm's own lead (issue 12). ClientsWithoutLead lists the consultant's clients
// whose firm has no 組織管理者 or 責任者 who has signed up, telling an invited one apart, and only
// the consultant's own clients. OrganizationsLedOnlyBy counts the consultant of such a client as
// its last lead, and only leads who have signed up as others who could take over.
// Runs for every backend through the Store interface (store_contract.hpp).
#include "storage/store_contract.hpp"

namespace mamori::storage {
namespace {

void Join(Store &store, Id org_id, Id user_id, Role role) {
	EXPECT_TRUE(store.AddMembership(Membership{.org_id = org_id, .user_id = user_id, .role = role}).ok());
}

//! Sets a password, as accepting an invitation does; returns the id.
Id SignUp(Store &store, Id user_id) {
	EXPECT_TRUE(store.UpdatePasswordHash(user_id, "$argon2id$v=19$stand-in").ok());
	return user_id;
}

std::vector<Id> Ids(const std::vector<Organization> &orgs) {
	std::vector<Id> ids;
	for (const auto &org : orgs) ids.push_back(org.id);
	return ids;
}

TEST_P(StoreContract, ClientsWithoutLeadAreTheConsultantsOwnWithNoSignedUpAdministrator) {
	auto signed_up = [&](const std::string &email) { return SignUp(*store_, MakeUser(email)); };
	const Id expert = signed_up("expert@example.jp");
	const Id other_expert = signed_up("other@example.jp");
	const Id bare = MakeOrg("甲製作所");      // the consultant alone
	const Id invited = MakeOrg("乙商事");     // an 組織管理者 invited, not signed up
	const Id owned = MakeOrg("丙サービス");   // a 責任者 who has signed up
	const Id viewers = MakeOrg("丁工業");     // a viewer does not lead
	const Id foreign = MakeOrg("戊電機");     // another consultant's client
	for (Id org : {bare, invited, owned, viewers}) Join(*store_, org, expert, Role::kConsultant);
	Join(*store_, foreign, other_expert, Role::kConsultant);
	Join(*store_, invited, MakeUser("admin@otsu.example.jp"), Role::kAdmin);
	Join(*store_, owned, signed_up("boss@hei.example.jp"), Role::kManager);
	Join(*store_, viewers, signed_up("viewer@tei.example.jp"), Role::kViewer);

	auto listed = store_->ClientsWithoutLead(expert);
	ASSERT_TRUE(listed.ok()) << listed.error().Describe();
	ASSERT_EQ(listed->size(), 3u);
	EXPECT_EQ((*listed)[0].org_id, bare);
	EXPECT_FALSE((*listed)[0].invited);
	EXPECT_EQ((*listed)[1].org_id, invited);
	EXPECT_TRUE((*listed)[1].invited);
	EXPECT_EQ((*listed)[2].org_id, viewers);
	EXPECT_FALSE((*listed)[2].invited);
	auto theirs = store_->ClientsWithoutLead(other_expert);
	ASSERT_TRUE(theirs.ok());
	ASSERT_EQ(theirs->size(), 1u);
	EXPECT_EQ((*theirs)[0].org_id, foreign);
	EXPECT_TRUE(store_->ClientsWithoutLead(signed_up("nobody@example.jp"))->empty());
}

TEST_P(StoreContract, TheConsultantOfAClientWithoutLeadIsItsLastLead) {
	auto signed_up = [&](const std::string &email) { return SignUp(*store_, MakeUser(email)); };
	const Id expert = signed_up("expert@example.jp");
	const Id bare = MakeOrg("甲製作所");
	const Id invited = MakeOrg("乙商事");
	const Id owned = MakeOrg("丙サービス");
	for (Id org : {bare, invited, owned}) Join(*store_, org, expert, Role::kConsultant);
	Join(*store_, invited, MakeUser("admin@otsu.example.jp"), Role::kAdmin);
	Join(*store_, owned, signed_up("admin@hei.example.jp"), Role::kAdmin);
	// A second consultant does not take the firm over.
	Join(*store_, bare, signed_up("colleague@example.jp"), Role::kConsultant);

	auto led = store_->OrganizationsLedOnlyBy(expert);
	ASSERT_TRUE(led.ok()) << led.error().Describe();
	EXPECT_EQ(Ids(*led), (std::vector<Id>{bare, invited})) << "an invitation not yet accepted may expire unused";

	// The same holds for the firm's own lead: an invited successor is not one yet.
	const Id boss = signed_up("boss@example.jp");
	const Id firm = MakeOrg("己建設");
	Join(*store_, firm, boss, Role::kManager);
	const Id successor = MakeUser("next@example.jp");
	Join(*store_, firm, successor, Role::kAdmin);
	EXPECT_EQ(Ids(*store_->OrganizationsLedOnlyBy(boss)), std::vector<Id>{firm});
	SignUp(*store_, successor);
	EXPECT_TRUE(store_->OrganizationsLedOnlyBy(boss)->empty());
}

} // namespace
} // namespace mamori::storage
