// mamori/tests/unit/storage/store_contract_continuity_test.cpp
//
// Store contract: the IT-BCP systems (issue 9). Rows round-trip and list in
// restoration order (priority, then name); they stay in their organisation;
// a priority below 1 or an empty name is refused naming the field.
// Runs for every backend through the Store interface (store_contract.hpp).
#include "storage/store_contract.hpp"

namespace mamori::storage {
namespace {

ContinuitySystem SampleSystem(Id org_id, const std::string &name, int priority) {
	ContinuitySystem system;
	system.org_id = org_id;
	system.name = name;
	system.business = "受注と出荷";
	system.priority = priority;
	system.target_time = "4時間以内";
	system.resources = "担当者1名\n予備のパソコン";
	system.fallback = "紙の伝票で受注する";
	system.owner = "山田 太郎";
	return system;
}

std::vector<std::string> Names(const std::vector<ContinuitySystem> &systems) {
	std::vector<std::string> names;
	for (const auto &system : systems) {
		names.push_back(system.name);
	}
	return names;
}

TEST_P(StoreContract, ContinuitySystemsRoundTripInRestorationOrder) {
	const Id org_id = MakeOrg("継続株式会社");
	auto mail = store_->CreateContinuitySystem(SampleSystem(org_id, "メール", 2));
	ASSERT_TRUE(mail.ok()) << mail.error().Describe();
	ASSERT_TRUE(store_->CreateContinuitySystem(SampleSystem(org_id, "販売管理", 1)).ok());
	ASSERT_TRUE(store_->CreateContinuitySystem(SampleSystem(org_id, "会計", 2)).ok());

	auto found = store_->FindContinuitySystem(org_id, *mail);
	ASSERT_TRUE(found.ok() && found->has_value());
	EXPECT_EQ((*found)->priority, 2);
	EXPECT_EQ((*found)->target_time, "4時間以内");
	EXPECT_EQ((*found)->resources, "担当者1名\n予備のパソコン");
	EXPECT_EQ((*found)->fallback, "紙の伝票で受注する");
	EXPECT_EQ((*found)->owner, "山田 太郎");
	EXPECT_FALSE((*found)->updated_at.empty());

	// Priority first, then name: メール (E3 83 ..) sorts before 会計 (E4 BC ..)
	// in UTF-8 bytes.
	EXPECT_EQ(Names(store_->ListContinuitySystems(org_id).value()),
	          (std::vector<std::string>{"販売管理", "メール", "会計"}));

	ContinuitySystem changed = **found;
	changed.priority = 1;
	changed.name = "Eメール";
	ASSERT_TRUE(store_->UpdateContinuitySystem(changed).ok());
	EXPECT_EQ(Names(store_->ListContinuitySystems(org_id).value()).front(), "Eメール");

	ASSERT_TRUE(store_->DeleteContinuitySystem(org_id, *mail).ok());
	EXPECT_EQ(store_->ListContinuitySystems(org_id)->size(), 2u);
	EXPECT_EQ(store_->DeleteContinuitySystem(org_id, *mail).error().code, ErrorCode::kNotFound);
}

TEST_P(StoreContract, ContinuitySystemsStayInTheirOrganisation) {
	const Id mine = MakeOrg("自社");
	const Id other = MakeOrg("他社");
	auto id = store_->CreateContinuitySystem(SampleSystem(other, "他社の販売管理", 1));
	ASSERT_TRUE(id.ok());
	EXPECT_TRUE(store_->ListContinuitySystems(mine)->empty());
	auto found = store_->FindContinuitySystem(mine, *id);
	ASSERT_TRUE(found.ok());
	EXPECT_FALSE(found->has_value());

	ContinuitySystem hijack = SampleSystem(mine, "乗っ取り", 1);
	hijack.id = *id;
	EXPECT_EQ(store_->UpdateContinuitySystem(hijack).error().code, ErrorCode::kNotFound);
	EXPECT_EQ(store_->DeleteContinuitySystem(mine, *id).error().code, ErrorCode::kNotFound);
	EXPECT_EQ(store_->FindContinuitySystem(other, *id).value()->name, "他社の販売管理");
}

TEST_P(StoreContract, ContinuitySystemRowsAreChecked) {
	const Id org_id = MakeOrg("継続株式会社");
	auto no_priority = store_->CreateContinuitySystem(SampleSystem(org_id, "販売管理", 0));
	ASSERT_FALSE(no_priority.ok());
	EXPECT_EQ(no_priority.error().code, ErrorCode::kInvalidInput);
	EXPECT_EQ(no_priority.error().field, "priority");
	auto no_name = store_->CreateContinuitySystem(SampleSystem(org_id, "", 1));
	ASSERT_FALSE(no_name.ok());
	EXPECT_EQ(no_name.error().field, "name");
	EXPECT_TRUE(store_->ListContinuitySystems(org_id)->empty());
}

} // namespace
} // namespace mamori::storage
