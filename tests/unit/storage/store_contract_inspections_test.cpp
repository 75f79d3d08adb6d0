// mamori/tests/unit/storage/store_contract_inspections_test.cpp
//
// Store contract: 点検と改善 (issue 12, migration 0024) and the owner's
// records (migration 0025). Inspections and their findings round-trip,
// stay in their organisation (another's id is "not found", never its row),
// and an owner record is replaced when saved again. The benchmark's
// population leaves out deleted organisations.
// Runs for every backend through the Store interface (store_contract.hpp).
#include "storage/store_contract.hpp"

namespace mamori::storage {
namespace {

Inspection SampleInspection(Id org_id, const std::string &title, const std::string &planned_on) {
	Inspection inspection;
	inspection.org_id = org_id;
	inspection.title = title;
	inspection.standard = "five_articles";
	inspection.scope = "5か条 No.1";
	inspection.methods = {"question", "review"};
	inspection.planned_on = planned_on;
	inspection.inspector = "山田 太郎";
	return inspection;
}

InspectionFinding SampleFinding(Id org_id, Id inspection_id, Id owner) {
	InspectionFinding finding;
	finding.org_id = org_id;
	finding.inspection_id = inspection_id;
	finding.description = "持出し用ノートパソコンの更新が2か月前で止まっている";
	finding.severity = "high";
	finding.action = "出発前に更新する手順を決める";
	finding.action_owner = owner;
	finding.due_on = "2026-12-20";
	return finding;
}

TEST_P(StoreContract, InspectionsRoundTripNewestPlanFirst) {
	const Id org_id = MakeOrg("点検株式会社");
	auto first = store_->CreateInspection(SampleInspection(org_id, "上期の点検", "2026-04-01"));
	auto second = store_->CreateInspection(SampleInspection(org_id, "下期の点検", "2026-10-01"));
	ASSERT_TRUE(first.ok() && second.ok()) << (first.ok() ? "" : first.error().Describe());
	auto listed = store_->ListInspections(org_id);
	ASSERT_TRUE(listed.ok());
	ASSERT_EQ(listed->size(), 2u);
	EXPECT_EQ((*listed)[0].title, "下期の点検");
	EXPECT_EQ((*listed)[1].methods, (std::vector<std::string>{"question", "review"}));
	EXPECT_EQ((*listed)[1].done_on, "");
	EXPECT_FALSE((*listed)[1].created_at.empty());

	Inspection done = (*listed)[1];
	done.done_on = "2026-04-02";
	done.summary = "おおむね実施";
	done.reported_on = "2026-04-05";
	done.owner_comment = "継続してください";
	done.methods = {"checklist"};
	ASSERT_TRUE(store_->UpdateInspection(done).ok());
	auto found = store_->FindInspection(org_id, *first);
	ASSERT_TRUE(found.ok() && found->has_value());
	EXPECT_EQ((*found)->done_on, "2026-04-02");
	EXPECT_EQ((*found)->reported_on, "2026-04-05");
	EXPECT_EQ((*found)->owner_comment, "継続してください");
	EXPECT_EQ((*found)->methods, std::vector<std::string>{"checklist"});
}

TEST_P(StoreContract, FindingsKeepTheirActionUntilClosed) {
	const Id org_id = MakeOrg("是正株式会社");
	const Id owner = MakeUser("tanto@example.jp");
	const Id inspection = store_->CreateInspection(SampleInspection(org_id, "点検", "2026-11-01")).value();
	const Id other_inspection = store_->CreateInspection(SampleInspection(org_id, "別の点検", "2026-11-02")).value();
	auto id = store_->CreateFinding(SampleFinding(org_id, inspection, owner));
	ASSERT_TRUE(id.ok()) << id.error().Describe();
	ASSERT_TRUE(store_->CreateFinding(SampleFinding(org_id, other_inspection, owner)).ok());
	EXPECT_EQ(store_->ListFindings(org_id, 0)->size(), 2u);
	auto of_one = store_->ListFindings(org_id, inspection);
	ASSERT_TRUE(of_one.ok());
	ASSERT_EQ(of_one->size(), 1u);
	EXPECT_EQ((*of_one)[0].severity, "high");
	EXPECT_EQ((*of_one)[0].action_owner, owner);
	EXPECT_EQ((*of_one)[0].closed_on, "");

	InspectionFinding closed = (*of_one)[0];
	closed.closed_on = "2026-12-10";
	ASSERT_TRUE(store_->UpdateFinding(closed).ok());
	auto found = store_->FindFinding(org_id, *id);
	ASSERT_TRUE(found.ok() && found->has_value());
	EXPECT_EQ((*found)->closed_on, "2026-12-10");
}

TEST_P(StoreContract, InspectionsStayInTheirOrganisation) {
	const Id mine = MakeOrg("自社");
	const Id other = MakeOrg("他社");
	const Id owner = MakeUser("owner@example.jp");
	const Id theirs = store_->CreateInspection(SampleInspection(other, "他社の点検", "2026-11-01")).value();
	const Id their_finding = store_->CreateFinding(SampleFinding(other, theirs, owner)).value();

	EXPECT_FALSE(store_->FindInspection(mine, theirs)->has_value());
	EXPECT_TRUE(store_->ListInspections(mine)->empty());
	EXPECT_TRUE(store_->ListFindings(mine, 0)->empty());
	EXPECT_TRUE(store_->ListFindings(mine, theirs)->empty());
	EXPECT_FALSE(store_->FindFinding(mine, their_finding)->has_value());
	// A finding under another organisation's inspection is refused, and nothing is stored.
	auto refused = store_->CreateFinding(SampleFinding(mine, theirs, owner));
	ASSERT_FALSE(refused.ok());
	EXPECT_EQ(refused.error().code, ErrorCode::kNotFound);
	EXPECT_EQ(store_->ListFindings(other, 0)->size(), 1u);
	// Changing another's rows through my id is "not found" and changes nothing.
	Inspection hijack = SampleInspection(mine, "乗っ取り", "2026-11-01");
	hijack.id = theirs;
	EXPECT_EQ(store_->UpdateInspection(hijack).error().code, ErrorCode::kNotFound);
	InspectionFinding close = SampleFinding(mine, theirs, owner);
	close.id = their_finding;
	close.closed_on = "2026-12-01";
	EXPECT_EQ(store_->UpdateFinding(close).error().code, ErrorCode::kNotFound);
	EXPECT_EQ((*store_->FindInspection(other, theirs))->title, "他社の点検");
	EXPECT_EQ((*store_->FindFinding(other, their_finding))->closed_on, "");
}

TEST_P(StoreContract, OwnerRecordsAreReplacedPerTopic) {
	const Id org_id = MakeOrg("経営株式会社");
	const Id other = MakeOrg("他社");
	const Id user = MakeUser("keiei@example.jp");
	ASSERT_TRUE(store_->PutOwnerRecord({org_id, "budget", "年30万円", "2026-04-01", user, ""}).ok());
	ASSERT_TRUE(store_->PutOwnerRecord({org_id, "information_sources", "IPA、NISC", "2026-04-02", user, ""}).ok());
	ASSERT_TRUE(store_->PutOwnerRecord({org_id, "budget", "年50万円", "2026-10-01", user, ""}).ok());
	auto records = store_->ListOwnerRecords(org_id);
	ASSERT_TRUE(records.ok());
	ASSERT_EQ(records->size(), 2u);
	EXPECT_EQ((*records)[0].topic, "budget");
	EXPECT_EQ((*records)[0].note, "年50万円");
	EXPECT_EQ((*records)[0].recorded_on, "2026-10-01");
	EXPECT_EQ((*records)[1].topic, "information_sources");
	EXPECT_TRUE(store_->ListOwnerRecords(other)->empty());
}

TEST_P(StoreContract, BenchmarkPopulationLeavesOutDeletedOrganisations) {
	const Id kept = MakeOrg("残る会社");
	const Id gone = MakeOrg("消える会社");
	ASSERT_TRUE(store_->EmptyOrganization(gone, "2026-12-01T00:00:00Z").ok());
	auto orgs = store_->ListOrganizationsInUse();
	ASSERT_TRUE(orgs.ok());
	bool has_kept = false;
	for (const auto &org : *orgs) {
		EXPECT_NE(org.id, gone);
		has_kept = has_kept || org.id == kept;
	}
	EXPECT_TRUE(has_kept);
}

} // namespace
} // namespace mamori::storage
