// mamori/tests/unit/storage/store_contract_risk_test.cpp
//
// Store contract: 詳細リスク分析: assets, threat frequencies, control answers, treatments.
// Runs for every backend through the Store interface (store_contract.hpp).
#include "storage/store_contract.hpp"

#include <string>
#include <vector>

namespace mamori::storage {
namespace {

TEST_P(StoreContract, AssetRoundTripsEveryColumn) {
	ASSERT_TRUE(store_);
	const Id org = MakeOrg("A社");
	Asset asset;
	asset.org_id = org;
	asset.business_category = "人事";
	asset.name = "従業員名簿（マイナンバー含む）";
	asset.note = "紙とExcelの両方で管理\n2行目";
	asset.users = "人事部・役員";
	asset.department = "総務部";
	asset.medium = "server";
	asset.personal_info = true;
	asset.sensitive_personal_info = true;
	asset.my_number = true;
	asset.confidentiality = 3;
	asset.integrity = 2;
	asset.availability = 0;
	asset.business_critical = true;
	asset.retention = "退職後7年";
	asset.registered_on = "2025-04-01";
	asset.risk_owner = "総務部長 佐藤";
	asset.updated_at = "2025-04-01T09:30:00Z";
	auto id = store_->CreateAsset(asset);
	ASSERT_TRUE(id.ok()) << id.error().Describe();

	auto found = store_->FindAsset(org, *id);
	ASSERT_TRUE(found.ok());
	ASSERT_TRUE(found->has_value());
	EXPECT_EQ((*found)->id, *id);
	ExpectSameAsset(**found, asset);

	// Every flag and rating flipped, every optional text emptied.
	Asset edited = **found;
	edited.business_category = "";
	edited.name = "従業員名簿";
	edited.note = "";
	edited.users = "";
	edited.department = "";
	edited.medium = "";
	edited.personal_info = false;
	edited.sensitive_personal_info = false;
	edited.my_number = false;
	edited.confidentiality = 0;
	edited.integrity = 3;
	edited.availability = 3;
	edited.business_critical = false;
	edited.retention = "";
	edited.registered_on = "2025-05-01";
	edited.risk_owner = "";
	edited.updated_at = "2025-05-01T08:00:00Z";
	ASSERT_TRUE(store_->UpdateAsset(edited).ok());
	found = store_->FindAsset(org, *id);
	ASSERT_TRUE(found.ok() && found->has_value());
	ExpectSameAsset(**found, edited);

	auto listed = store_->ListAssets(org);
	ASSERT_TRUE(listed.ok());
	ASSERT_EQ(listed->size(), 1u);
	ExpectSameAsset(listed->front(), edited);

	ASSERT_TRUE(store_->DeleteAsset(org, *id).ok());
	EXPECT_FALSE(store_->FindAsset(org, *id)->has_value());
	EXPECT_EQ(store_->DeleteAsset(org, *id).error().code, ErrorCode::kNotFound);
}

TEST_P(StoreContract, EmptyDatesAreFilledIn) {
	const Id org = MakeOrg("A社");
	Asset asset = SampleAsset(org, "見積書");
	asset.registered_on = "";
	asset.updated_at = "";
	auto id = store_->CreateAsset(asset);
	ASSERT_TRUE(id.ok());
	auto found = store_->FindAsset(org, *id);
	ASSERT_TRUE(found.ok() && found->has_value());
	EXPECT_EQ((*found)->registered_on.size(), 10u) << (*found)->registered_on;  // YYYY-MM-DD
	EXPECT_EQ((*found)->updated_at.size(), 20u) << (*found)->updated_at;        // YYYY-MM-DDTHH:MM:SSZ
	EXPECT_EQ((*found)->updated_at.substr(0, 10), (*found)->registered_on);

	Asset edited = **found;
	edited.registered_on = "";
	edited.updated_at = "";
	edited.note = "更新";
	ASSERT_TRUE(store_->UpdateAsset(edited).ok());
	found = store_->FindAsset(org, *id);
	EXPECT_EQ((*found)->registered_on.size(), 10u);
	EXPECT_EQ((*found)->updated_at.size(), 20u);
}

TEST_P(StoreContract, AssetsAreListedByCategoryDepartmentName) {
	const Id org = MakeOrg("A社");
	auto add = [&](const std::string &category, const std::string &department, const std::string &name) {
		Asset asset = SampleAsset(org, name);
		asset.business_category = category;
		asset.department = department;
		return *store_->CreateAsset(asset);
	};
	add("b", "x", "2");
	add("a", "y", "1");
	add("a", "x", "3");
	add("a", "x", "1");
	const Id duplicate = add("a", "x", "1");  // same name: by id
	auto listed = store_->ListAssets(org);
	ASSERT_TRUE(listed.ok());
	std::vector<std::string> order;
	for (const Asset &a : *listed) {
		order.push_back(a.business_category + a.department + a.name);
	}
	EXPECT_EQ(order, (std::vector<std::string>{"ax1", "ax1", "ax3", "ay1", "bx2"}));
	EXPECT_EQ((*listed)[1].id, duplicate);
}

TEST_P(StoreContract, InvalidRatingsAreRejected) {
	const Id org = MakeOrg("A社");
	Asset asset = SampleAsset(org, "台帳");
	asset.confidentiality = 9;
	auto id = store_->CreateAsset(asset);
	ASSERT_FALSE(id.ok());
	EXPECT_EQ(id.error().code, ErrorCode::kInvalidInput);
	EXPECT_EQ(id.error().field, "confidentiality");

	const Id good = MakeAsset(org, "台帳");
	Asset edited = *store_->FindAsset(org, good).value();
	edited.availability = -1;
	EXPECT_EQ(store_->UpdateAsset(edited).error().code, ErrorCode::kInvalidInput);
	EXPECT_EQ(store_->FindAsset(org, good).value()->availability, 1);

	// A missing organisation is "not found".
	EXPECT_EQ(store_->CreateAsset(SampleAsset(9999, "x")).error().code, ErrorCode::kNotFound);
}

TEST_P(StoreContract, AssetsAreScopedToTheOrganisation) {
	const Id org_a = MakeOrg("A社");
	const Id org_b = MakeOrg("B社");
	const Id asset_a = MakeAsset(org_a, "顧客名簿");

	auto other = store_->FindAsset(org_b, asset_a);
	ASSERT_TRUE(other.ok());
	EXPECT_FALSE(other->has_value());
	EXPECT_TRUE(store_->ListAssets(org_b)->empty());

	Asset hijack = SampleAsset(org_b, "乗っ取り");
	hijack.id = asset_a;
	EXPECT_EQ(store_->UpdateAsset(hijack).error().code, ErrorCode::kNotFound);
	EXPECT_EQ(store_->DeleteAsset(org_b, asset_a).error().code, ErrorCode::kNotFound);
	EXPECT_EQ(store_->UpsertTreatment(SampleTreatment(org_b, asset_a, "T01")).error().code, ErrorCode::kNotFound);
	EXPECT_EQ(store_->UpsertTreatment(SampleTreatment(org_a, 9999, "T01")).error().code, ErrorCode::kNotFound);

	// A's data is untouched.
	auto mine = store_->FindAsset(org_a, asset_a);
	ASSERT_TRUE(mine.ok() && mine->has_value());
	EXPECT_EQ((*mine)->name, "顧客名簿");
	EXPECT_EQ((*mine)->org_id, org_a);
	EXPECT_TRUE(store_->ListTreatments(org_a)->empty());
	EXPECT_TRUE(store_->ListTreatments(org_b)->empty());

	// A treatment of A is invisible to and undeletable by B.
	auto treatment = store_->UpsertTreatment(SampleTreatment(org_a, asset_a, "T01"));
	ASSERT_TRUE(treatment.ok()) << treatment.error().Describe();
	EXPECT_FALSE(store_->FindTreatment(org_b, asset_a, "T01")->has_value());
	EXPECT_TRUE(store_->ListTreatments(org_b)->empty());
	EXPECT_EQ(store_->DeleteTreatment(org_b, *treatment).error().code, ErrorCode::kNotFound);
	EXPECT_EQ(store_->ListTreatments(org_a)->size(), 1u);
}

TEST_P(StoreContract, ReplaceAssetsIsAllOrNothing) {
	const Id org_a = MakeOrg("A社");
	const Id org_b = MakeOrg("B社");
	const Id old_a = MakeAsset(org_a, "旧台帳1");
	MakeAsset(org_a, "旧台帳2");
	const Id asset_b = MakeAsset(org_b, "B社の台帳");
	ASSERT_TRUE(store_->UpsertTreatment(SampleTreatment(org_a, old_a, "T01")).ok());

	std::vector<Asset> bad = {SampleAsset(0, "新1"), SampleAsset(0, "新2"), SampleAsset(0, "新3")};
	bad[1].confidentiality = 9;
	auto failed = store_->ReplaceAssets(org_a, bad);
	ASSERT_FALSE(failed.ok());
	EXPECT_EQ(failed.error().code, ErrorCode::kInvalidInput);
	EXPECT_EQ(failed.error().field, "assets.1.confidentiality");
	auto kept = store_->ListAssets(org_a);
	ASSERT_TRUE(kept.ok());
	ASSERT_EQ(kept->size(), 2u);
	EXPECT_EQ((*kept)[0].name, "旧台帳1");
	EXPECT_EQ((*kept)[1].name, "旧台帳2");
	EXPECT_EQ(store_->ListTreatments(org_a)->size(), 1u);

	// Also inside an enclosing transaction, whose own work survives the
	// failed replacement. (A refusal by the database itself, past the
	// store's checks, is a backend test: storage/sqlite/.)
	auto outer = store_->InTransaction([&]() -> Status {
		EXPECT_TRUE(store_->UpsertThreatFrequency({org_a, "T01", 3}).ok());
		auto refused = store_->ReplaceAssets(org_a, bad);
		EXPECT_FALSE(refused.ok());
		if (!refused.ok()) {
			EXPECT_EQ(refused.error().field, "assets.1.confidentiality");
		}
		return OkStatus();
	});
	ASSERT_TRUE(outer.ok());
	EXPECT_EQ(store_->ListThreatFrequencies(org_a)->size(), 1u);
	kept = store_->ListAssets(org_a);
	ASSERT_EQ(kept->size(), 2u);
	EXPECT_EQ((*kept)[0].id, old_a);
	EXPECT_EQ(store_->ListTreatments(org_a)->size(), 1u);
	// A missing organisation is "not found".
	EXPECT_EQ(store_->ReplaceAssets(9999, {SampleAsset(0, "x")}).error().code, ErrorCode::kNotFound);

	std::vector<Asset> good = {SampleAsset(org_b /* ignored */, "新1"), SampleAsset(0, "新2")};
	good[1].name = "";
	good[1].note = "名称なしの行";
	ASSERT_TRUE(store_->ReplaceAssets(org_a, good).ok());
	auto replaced = store_->ListAssets(org_a);
	ASSERT_TRUE(replaced.ok());
	ASSERT_EQ(replaced->size(), 2u);
	for (const Asset &asset : *replaced) {
		EXPECT_EQ(asset.org_id, org_a);
		EXPECT_NE(asset.id, old_a);
	}
	EXPECT_FALSE(store_->FindAsset(org_a, old_a)->has_value());
	// The old assets' treatments went with them; B is untouched.
	EXPECT_TRUE(store_->ListTreatments(org_a)->empty());
	EXPECT_TRUE(store_->ListTreatments(org_b)->empty());
	ASSERT_EQ(store_->ListAssets(org_b)->size(), 1u);
	EXPECT_EQ(store_->ListAssets(org_b)->front().id, asset_b);

	ASSERT_TRUE(store_->ReplaceAssets(org_a, {}).ok());
	EXPECT_TRUE(store_->ListAssets(org_a)->empty());
}

TEST_P(StoreContract, ThreatFrequencyUpsertAndCheck) {
	const Id org_a = MakeOrg("A社");
	const Id org_b = MakeOrg("B社");
	ASSERT_TRUE(store_->UpsertThreatFrequency({org_a, "T02", 1}).ok());
	ASSERT_TRUE(store_->UpsertThreatFrequency({org_a, "T01", 2}).ok());
	ASSERT_TRUE(store_->UpsertThreatFrequency({org_a, "T01", 3}).ok());
	ASSERT_TRUE(store_->UpsertThreatFrequency({org_b, "T01", 1}).ok());

	for (int bad : {0, 4, -1}) {
		auto status = store_->UpsertThreatFrequency({org_a, "T01", bad});
		ASSERT_FALSE(status.ok()) << bad;
		EXPECT_EQ(status.error().code, ErrorCode::kInvalidInput);
	}
	EXPECT_EQ(store_->UpsertThreatFrequency({org_a, "", 2}).error().code, ErrorCode::kInvalidInput);
	EXPECT_EQ(store_->UpsertThreatFrequency({9999, "T01", 2}).error().code, ErrorCode::kNotFound);

	auto listed = store_->ListThreatFrequencies(org_a);
	ASSERT_TRUE(listed.ok());
	ASSERT_EQ(listed->size(), 2u);
	EXPECT_EQ((*listed)[0].threat_id, "T01");
	EXPECT_EQ((*listed)[0].frequency, 3);
	EXPECT_EQ((*listed)[0].org_id, org_a);
	EXPECT_EQ((*listed)[1].threat_id, "T02");
	EXPECT_EQ((*listed)[1].frequency, 1);
	ASSERT_EQ(store_->ListThreatFrequencies(org_b)->size(), 1u);
	EXPECT_EQ(store_->ListThreatFrequencies(org_b)->front().frequency, 1);
}

TEST_P(StoreContract, PlannedAnswersNeverTouchRealOnes) {
	const Id org_a = MakeOrg("A社");
	const Id org_b = MakeOrg("B社");
	ASSERT_TRUE(store_->UpsertControlAnswer({org_a, "C-01", 2, "2025-04-01T09:00:00Z"}, false).ok());
	ASSERT_TRUE(store_->UpsertControlAnswer({org_a, "C-02", 1, ""}, false).ok());
	ASSERT_TRUE(store_->UpsertControlAnswer({org_a, "C-01", 4, "2025-04-03T09:00:00Z"}, true).ok());
	ASSERT_TRUE(store_->UpsertControlAnswer({org_a, "C-03", 3, ""}, true).ok());
	ASSERT_TRUE(store_->UpsertControlAnswer({org_b, "C-01", 1, ""}, true).ok());

	auto real = store_->ListControlAnswers(org_a, false);
	ASSERT_TRUE(real.ok());
	ASSERT_EQ(real->size(), 2u);
	EXPECT_EQ((*real)[0].item_id, "C-01");
	EXPECT_EQ((*real)[0].answer, 2);
	EXPECT_EQ((*real)[0].updated_at, "2025-04-01T09:00:00Z");
	EXPECT_EQ((*real)[1].item_id, "C-02");
	EXPECT_EQ((*real)[1].updated_at.size(), 20u);  // filled in

	auto planned = store_->ListControlAnswers(org_a, true);
	ASSERT_TRUE(planned.ok());
	ASSERT_EQ(planned->size(), 2u);
	EXPECT_EQ((*planned)[0].item_id, "C-01");
	EXPECT_EQ((*planned)[0].answer, 4);
	EXPECT_EQ((*planned)[1].item_id, "C-03");

	// Upserting a real answer replaces it and leaves the planned one.
	ASSERT_TRUE(store_->UpsertControlAnswer({org_a, "C-01", 3, ""}, false).ok());
	EXPECT_EQ(store_->ListControlAnswers(org_a, false)->front().answer, 3);
	EXPECT_EQ(store_->ListControlAnswers(org_a, true)->front().answer, 4);

	// Deleting a planned answer leaves the real one, and the other way round.
	ASSERT_TRUE(store_->DeleteControlAnswer(org_a, "C-01", true).ok());
	EXPECT_EQ(store_->ListControlAnswers(org_a, false)->size(), 2u);
	EXPECT_EQ(store_->ListControlAnswers(org_a, true)->size(), 1u);
	ASSERT_TRUE(store_->DeleteControlAnswer(org_a, "C-02", false).ok());
	ASSERT_TRUE(store_->DeleteControlAnswer(org_a, "C-02", false).ok());  // already gone: fine
	EXPECT_EQ(store_->ListControlAnswers(org_a, false)->size(), 1u);
	EXPECT_EQ(store_->ListControlAnswers(org_a, true)->size(), 1u);

	// ClearPlannedAnswers clears only the planned answers, only of this organisation.
	ASSERT_TRUE(store_->ClearPlannedAnswers(org_a).ok());
	EXPECT_TRUE(store_->ListControlAnswers(org_a, true)->empty());
	EXPECT_EQ(store_->ListControlAnswers(org_a, false)->size(), 1u);
	EXPECT_EQ(store_->ListControlAnswers(org_b, true)->size(), 1u);

	// Out of range answers are refused.
	EXPECT_EQ(store_->UpsertControlAnswer({org_a, "C-01", 0, ""}, false).error().code, ErrorCode::kInvalidInput);
	EXPECT_EQ(store_->UpsertControlAnswer({org_a, "C-01", 5, ""}, true).error().code, ErrorCode::kInvalidInput);
	EXPECT_EQ(store_->UpsertControlAnswer({org_a, "", 1, ""}, true).error().code, ErrorCode::kInvalidInput);
}

TEST_P(StoreContract, TreatmentUpsertReplaces) {
	const Id org = MakeOrg("A社");
	const Id approver = MakeUser("boss@example.jp");
	const Id asset = MakeAsset(org, "顧客名簿");
	const Id other_asset = MakeAsset(org, "見積書");

	RiskTreatment first = SampleTreatment(org, asset, "T01");
	auto id = store_->UpsertTreatment(first);
	ASSERT_TRUE(id.ok()) << id.error().Describe();

	RiskTreatment second = first;
	second.decision = "accept";
	second.measure = "";
	second.owner = "";
	second.due_on = "";
	second.residual_risk = 12;
	second.reason = "対策費用が想定被害を上回るため";
	second.approved_by = approver;
	second.approved_at = "2025-04-05T10:00:00Z";
	second.completed = true;
	second.updated_at = "2025-04-05T10:00:00Z";
	auto again = store_->UpsertTreatment(second);
	ASSERT_TRUE(again.ok()) << again.error().Describe();
	EXPECT_EQ(*again, *id);  // same row, replaced

	auto found = store_->FindTreatment(org, asset, "T01");
	ASSERT_TRUE(found.ok() && found->has_value());
	const RiskTreatment &t = **found;
	EXPECT_EQ(t.id, *id);
	EXPECT_EQ(t.org_id, org);
	EXPECT_EQ(t.asset_id, asset);
	EXPECT_EQ(t.threat_id, "T01");
	EXPECT_EQ(t.decision, "accept");
	EXPECT_EQ(t.measure, "");
	EXPECT_EQ(t.owner, "");
	EXPECT_EQ(t.due_on, "");
	EXPECT_EQ(t.residual_risk, 12);
	EXPECT_EQ(t.reason, "対策費用が想定被害を上回るため");
	ASSERT_TRUE(t.approved_by.has_value());
	EXPECT_EQ(*t.approved_by, approver);
	EXPECT_EQ(t.approved_at, "2025-04-05T10:00:00Z");
	EXPECT_TRUE(t.completed);
	EXPECT_EQ(t.updated_at, "2025-04-05T10:00:00Z");

	// Back to unapproved: approved_by returns to NULL.
	RiskTreatment third = SampleTreatment(org, asset, "T01");
	third.updated_at = "";
	ASSERT_EQ(*store_->UpsertTreatment(third), *id);
	found = store_->FindTreatment(org, asset, "T01");
	EXPECT_FALSE((*found)->approved_by.has_value());
	EXPECT_FALSE((*found)->completed);
	EXPECT_EQ((*found)->updated_at.size(), 20u);

	// Other (asset, threat) pairs are separate rows.
	auto t2 = store_->UpsertTreatment(SampleTreatment(org, asset, "T02"));
	auto t3 = store_->UpsertTreatment(SampleTreatment(org, other_asset, "T01"));
	ASSERT_TRUE(t2.ok() && t3.ok());
	EXPECT_NE(*t2, *id);
	EXPECT_NE(*t3, *id);
	auto listed = store_->ListTreatments(org);
	ASSERT_TRUE(listed.ok());
	ASSERT_EQ(listed->size(), 3u);
	EXPECT_EQ((*listed)[0].asset_id, asset);
	EXPECT_EQ((*listed)[0].threat_id, "T01");
	EXPECT_EQ((*listed)[1].threat_id, "T02");
	EXPECT_EQ((*listed)[2].asset_id, other_asset);

	// Invalid decisions and unknown approvers are refused.
	RiskTreatment bad = SampleTreatment(org, asset, "T03");
	bad.decision = "ignore";
	EXPECT_EQ(store_->UpsertTreatment(bad).error().code, ErrorCode::kInvalidInput);
	bad.decision = "accept";
	bad.approved_by = 9999;
	EXPECT_EQ(store_->UpsertTreatment(bad).error().code, ErrorCode::kNotFound);
	EXPECT_FALSE(store_->FindTreatment(org, asset, "T03")->has_value());

	ASSERT_TRUE(store_->DeleteTreatment(org, *t2).ok());
	EXPECT_EQ(store_->DeleteTreatment(org, *t2).error().code, ErrorCode::kNotFound);
	EXPECT_EQ(store_->ListTreatments(org)->size(), 2u);
}

TEST_P(StoreContract, DeletingAnAssetRemovesItsTreatments) {
	const Id org = MakeOrg("A社");
	const Id asset = MakeAsset(org, "顧客名簿");
	const Id kept = MakeAsset(org, "見積書");
	ASSERT_TRUE(store_->UpsertTreatment(SampleTreatment(org, asset, "T01")).ok());
	ASSERT_TRUE(store_->UpsertTreatment(SampleTreatment(org, asset, "T02")).ok());
	ASSERT_TRUE(store_->UpsertTreatment(SampleTreatment(org, kept, "T01")).ok());

	ASSERT_TRUE(store_->DeleteAsset(org, asset).ok());
	auto listed = store_->ListTreatments(org);
	ASSERT_TRUE(listed.ok());
	ASSERT_EQ(listed->size(), 1u);
	EXPECT_EQ(listed->front().asset_id, kept);
	EXPECT_FALSE(store_->FindTreatment(org, asset, "T01")->has_value());
}

} // namespace
} // namespace mamori::storage
