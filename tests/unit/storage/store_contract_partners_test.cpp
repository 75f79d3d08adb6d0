// mamori/tests/unit/storage/store_contract_partners_test.cpp
//
// Store contract: outsourcing partners and cloud services (issue 8). Rows
// and their asset links round-trip; links never reach another
// organisation's assets; deleting a partner, a service or an asset drops
// the links; subject documents can be deleted by subject.
// Runs for every backend through the Store interface (store_contract.hpp).
#include "storage/store_contract.hpp"

namespace mamori::storage {
namespace {

OutsourcingPartner SamplePartner(Id org_id, const std::string &name, std::vector<Id> asset_ids = {}) {
	OutsourcingPartner partner;
	partner.org_id = org_id;
	partner.name = name;
	partner.contact = "東京都千代田区 1-1";
	partner.work = "給与計算";
	partner.information = "従業員名簿\n給与データ";
	partner.contract_start = "2025-04-01";
	partner.contract_end = "2026-03-31";
	partner.asset_ids = std::move(asset_ids);
	return partner;
}

CloudService SampleService(Id org_id, const std::string &name, std::vector<Id> asset_ids = {}) {
	CloudService service;
	service.org_id = org_id;
	service.name = name;
	service.provider = "クラウド株式会社";
	service.purpose = "会計";
	service.administrator = "山田 太郎";
	service.asset_ids = std::move(asset_ids);
	return service;
}

TEST_P(StoreContract, PartnersRoundTripWithTheirAssets) {
	const Id org_id = MakeOrg("委託元株式会社");
	const Id payroll = MakeAsset(org_id, "給与台帳");
	const Id staff = MakeAsset(org_id, "従業員名簿");
	auto id = store_->CreatePartner(SamplePartner(org_id, "乙山商事", {staff, payroll}));
	ASSERT_TRUE(id.ok()) << id.error().Describe();
	auto found = store_->FindPartner(org_id, *id);
	ASSERT_TRUE(found.ok());
	ASSERT_TRUE(found->has_value());
	EXPECT_EQ((*found)->name, "乙山商事");
	EXPECT_EQ((*found)->work, "給与計算");
	EXPECT_EQ((*found)->information, "従業員名簿\n給与データ");
	EXPECT_EQ((*found)->contract_end, "2026-03-31");
	EXPECT_EQ((*found)->asset_ids, (std::vector<Id>{std::min(payroll, staff), std::max(payroll, staff)}));
	EXPECT_FALSE((*found)->created_at.empty());

	OutsourcingPartner changed = **found;
	changed.name = "乙山商事株式会社";
	changed.asset_ids = {payroll};
	ASSERT_TRUE(store_->UpdatePartner(changed).ok());
	auto listed = store_->ListPartners(org_id);
	ASSERT_TRUE(listed.ok());
	ASSERT_EQ(listed->size(), 1u);
	EXPECT_EQ((*listed)[0].name, "乙山商事株式会社");
	EXPECT_EQ((*listed)[0].asset_ids, std::vector<Id>{payroll});

	// Deleting the asset drops the link, not the partner.
	ASSERT_TRUE(store_->DeleteAsset(org_id, payroll).ok());
	auto after = store_->FindPartner(org_id, *id);
	ASSERT_TRUE(after.ok() && after->has_value());
	EXPECT_TRUE((*after)->asset_ids.empty());

	ASSERT_TRUE(store_->DeletePartner(org_id, *id).ok());
	EXPECT_TRUE(store_->ListPartners(org_id)->empty());
	EXPECT_EQ(store_->DeletePartner(org_id, *id).error().code, ErrorCode::kNotFound);
}

TEST_P(StoreContract, PartnersAndServicesStayInTheirOrganisation) {
	const Id mine = MakeOrg("自社");
	const Id other = MakeOrg("他社");
	const Id foreign_asset = MakeAsset(other, "他社の顧客台帳");
	// A link to another organisation's asset is refused, and nothing is stored.
	auto refused = store_->CreatePartner(SamplePartner(mine, "乙", {foreign_asset}));
	ASSERT_FALSE(refused.ok());
	EXPECT_EQ(refused.error().field, "asset_ids");
	EXPECT_TRUE(store_->ListPartners(mine)->empty());
	auto refused_service = store_->CreateCloudService(SampleService(mine, "S", {foreign_asset}));
	ASSERT_FALSE(refused_service.ok());
	EXPECT_TRUE(store_->ListCloudServices(mine)->empty());

	auto partner = store_->CreatePartner(SamplePartner(other, "他社の委託先"));
	auto service = store_->CreateCloudService(SampleService(other, "他社のサービス"));
	ASSERT_TRUE(partner.ok() && service.ok());
	EXPECT_FALSE(store_->FindPartner(mine, *partner)->has_value());
	EXPECT_FALSE(store_->FindCloudService(mine, *service)->has_value());
	OutsourcingPartner hijack = SamplePartner(mine, "乗っ取り");
	hijack.id = *partner;
	EXPECT_EQ(store_->UpdatePartner(hijack).error().code, ErrorCode::kNotFound);
	CloudService hijack_service = SampleService(mine, "乗っ取り");
	hijack_service.id = *service;
	EXPECT_EQ(store_->UpdateCloudService(hijack_service).error().code, ErrorCode::kNotFound);
	EXPECT_EQ(store_->DeletePartner(mine, *partner).error().code, ErrorCode::kNotFound);
	EXPECT_EQ(store_->DeleteCloudService(mine, *service).error().code, ErrorCode::kNotFound);
	EXPECT_EQ(store_->FindPartner(other, *partner)->value().name, "他社の委託先");
	EXPECT_EQ(store_->FindCloudService(other, *service)->value().name, "他社のサービス");
}

TEST_P(StoreContract, CloudServicesRoundTripWithTheirAssets) {
	const Id org_id = MakeOrg("クラウド利用株式会社");
	const Id ledger = MakeAsset(org_id, "会計データ");
	auto id = store_->CreateCloudService(SampleService(org_id, "会計クラウド", {ledger}));
	ASSERT_TRUE(id.ok()) << id.error().Describe();
	auto found = store_->FindCloudService(org_id, *id);
	ASSERT_TRUE(found.ok() && found->has_value());
	EXPECT_EQ((*found)->provider, "クラウド株式会社");
	EXPECT_EQ((*found)->administrator, "山田 太郎");
	EXPECT_EQ((*found)->asset_ids, std::vector<Id>{ledger});

	CloudService changed = **found;
	changed.purpose = "請求書の発行";
	changed.asset_ids.clear();
	ASSERT_TRUE(store_->UpdateCloudService(changed).ok());
	auto listed = store_->ListCloudServices(org_id);
	ASSERT_TRUE(listed.ok());
	ASSERT_EQ(listed->size(), 1u);
	EXPECT_EQ((*listed)[0].purpose, "請求書の発行");
	EXPECT_TRUE((*listed)[0].asset_ids.empty());

	ASSERT_TRUE(store_->DeleteCloudService(org_id, *id).ok());
	EXPECT_TRUE(store_->ListCloudServices(org_id)->empty());
	// The asset stays.
	EXPECT_TRUE(store_->FindAsset(org_id, ledger)->has_value());
}

TEST_P(StoreContract, SubjectDocumentsAreDeletedBySubjectOnly) {
	const Id org_id = MakeOrg("文書削除株式会社");
	const Id other = MakeOrg("別会社");
	auto save = [&](Id org, const std::string &template_id, const std::string &subject) {
		StoredDocument document;
		document.org_id = org;
		document.template_id = template_id;
		document.subject = subject;
		ASSERT_TRUE(store_->SaveDocument(document, "save").ok());
	};
	save(org_id, "outsourcing_nda", "partner:1");
	save(org_id, "outsourcing_checklist", "partner:1");
	save(org_id, "outsourcing_nda", "partner:2");
	save(org_id, "outsourcing_nda", "");
	save(other, "outsourcing_nda", "partner:1");
	auto deleted = store_->DeleteSubjectDocuments(org_id, "partner:1");
	ASSERT_TRUE(deleted.ok());
	EXPECT_EQ(*deleted, 2);
	EXPECT_FALSE(store_->FindDocument(org_id, "outsourcing_nda", "partner:1")->has_value());
	EXPECT_TRUE(store_->FindDocument(org_id, "outsourcing_nda", "partner:2")->has_value());
	EXPECT_TRUE(store_->FindDocument(org_id, "outsourcing_nda", "")->has_value());
	EXPECT_TRUE(store_->FindDocument(other, "outsourcing_nda", "partner:1")->has_value());
	EXPECT_FALSE(store_->DeleteSubjectDocuments(org_id, "").ok());
}

} // namespace
} // namespace mamori::storage
