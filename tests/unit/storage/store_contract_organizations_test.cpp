// mamori/tests/unit/storage/store_contract_organizations_test.cpp
//
// Store contract: Organisations, memberships, departments, and organisation scoping.
// Runs for every backend through the Store interface (store_contract.hpp).
#include "storage/store_contract.hpp"

namespace mamori::storage {
namespace {

TEST_P(StoreContract, MembershipsJoinNames) {
	const Id org_id = MakeOrg("A社");
	const Id user_id = MakeUser("a@example.jp");
	auto dept = store_->CreateDepartment({0, org_id, "営業部"});
	ASSERT_TRUE(dept.ok());
	EXPECT_EQ(store_->CreateDepartment({0, org_id, "営業部"}).error().code, ErrorCode::kConflict);
	Membership membership;
	membership.org_id = org_id;
	membership.user_id = user_id;
	membership.role = Role::kRespondent;
	membership.department_id = *dept;
	ASSERT_TRUE(store_->AddMembership(membership).ok());
	EXPECT_EQ(store_->AddMembership(membership).error().code, ErrorCode::kConflict);

	auto members = store_->ListMembers(org_id);
	ASSERT_TRUE(members.ok());
	ASSERT_EQ(members->size(), 1u);
	EXPECT_EQ((*members)[0].email, "a@example.jp");
	EXPECT_EQ((*members)[0].display_name, "担当 a@example.jp");
	EXPECT_EQ((*members)[0].org_name, "A社");
	EXPECT_EQ((*members)[0].role, Role::kRespondent);
	EXPECT_EQ((*members)[0].department_id, *dept);
	auto mine = store_->ListMembershipsOfUser(user_id);
	ASSERT_EQ(mine->size(), 1u);
	EXPECT_EQ((*mine)[0].org_name, "A社");

	// Deleting the department keeps the member, without a department.
	ASSERT_TRUE(store_->DeleteDepartment(org_id, *dept).ok());
	auto found = store_->FindMembership(org_id, user_id);
	ASSERT_TRUE(found->has_value());
	EXPECT_FALSE((*found)->department_id.has_value());
	ASSERT_TRUE(store_->RemoveMembership(org_id, user_id).ok());
	EXPECT_EQ(store_->RemoveMembership(org_id, user_id).error().code, ErrorCode::kNotFound);
}

TEST_P(StoreContract, QueriesAreScopedToTheOrganisation) {
	const Id org_a = MakeOrg("A社");
	const Id org_b = MakeOrg("B社");
	const Id round_a = MakeRound(org_a);

	EXPECT_TRUE(store_->FindRound(org_a, round_a)->has_value());
	auto other = store_->FindRound(org_b, round_a);
	ASSERT_TRUE(other.ok());
	EXPECT_FALSE(other->has_value());

	SelfcheckResponse response;
	response.round_id = round_a;
	response.respondent = "営業部";
	response.answers = {{1, Answer::kImplemented}};
	auto wrong = store_->UpsertResponse(org_b, response);
	ASSERT_FALSE(wrong.ok());
	EXPECT_EQ(wrong.error().code, ErrorCode::kNotFound);
	ASSERT_TRUE(store_->UpsertResponse(org_a, response).ok());

	EXPECT_EQ(store_->ListResponses(org_a, round_a)->size(), 1u);
	EXPECT_TRUE(store_->ListResponses(org_b, round_a)->empty());
	EXPECT_FALSE(store_->FindResponse(org_b, round_a, "営業部")->has_value());
	EXPECT_EQ(store_->CloseRound(org_b, round_a, "").error().code, ErrorCode::kNotFound);
	EXPECT_TRUE(store_->ListRounds(org_b)->empty());

	// A department of another organisation cannot be attached to a membership.
	auto dept_a = store_->CreateDepartment({0, org_a, "総務部"});
	Membership membership;
	membership.org_id = org_b;
	membership.user_id = MakeUser("b@example.jp");
	membership.department_id = *dept_a;
	EXPECT_EQ(store_->AddMembership(membership).error().code, ErrorCode::kNotFound);
	EXPECT_EQ(store_->RenameDepartment(org_b, *dept_a, "x").error().code, ErrorCode::kNotFound);
	EXPECT_EQ(store_->DeleteDepartment(org_b, *dept_a).error().code, ErrorCode::kNotFound);

	// Referring to a missing organisation is "not found", not a storage failure.
	EXPECT_EQ(store_->CreateDepartment({0, 9999, "x"}).error().code, ErrorCode::kNotFound);
}

} // namespace
} // namespace mamori::storage
