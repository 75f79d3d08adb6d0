// mamori/tests/unit/app/partners_test.cpp
//
// The partner and cloud-service registers (issue 8): validation names the
// field; only editors change them; each partner's 機密保持条項 carries the
// company as 甲 and the partner as 乙 (one per partner, the sample with
// blanks when there is none); a value the firm leaves as the register says
// keeps following the register, one it edits stays; a service's checklist
// lists its linked assets; deleting a partner takes its documents.
#include "app/cloud_services.hpp"
#include "app/documents/document_editing.hpp"
#include "app/documents/document_kinds.hpp"
#include "app/documents/subject_documents.hpp"
#include "app/partners.hpp"
#include "export/document_html.hpp"
#include "support/catalog.hpp"
#include "support/temp_store.hpp"

#include <gtest/gtest.h>

namespace mamori::app {
namespace {

class PartnersTest : public ::testing::Test {
protected:
	void SetUp() override {
		store_ = testing_support::OpenTempStore(dir_);
		ASSERT_TRUE(store_);
		storage::User user;
		user.email = "editor@example.jp";
		actor_.user_id = store_->CreateUser(user).value();
		actor_.email = user.email;
		auto ctx = Ctx();
		const Id org_id = CreateOrganization(ctx, actor_, {"甲野製作所株式会社", "manufacturing", 10'000'000, 20}).value();
		access_ = AccessOrganization(ctx, actor_.user_id, org_id).value();
	}

	AppContext Ctx() {
		return AppContext{.catalog = testing_support::ShippedCatalog(), .store = *store_, .clock = clock_};
	}

	Id Asset(const std::string &name, const std::string &medium) {
		storage::Asset asset;
		asset.org_id = access_.org.id;
		asset.business_category = "総務";
		asset.name = name;
		asset.medium = medium;
		asset.confidentiality = asset.integrity = asset.availability = 1;
		return store_->CreateAsset(asset).value();
	}

	static storage::OutsourcingPartner Partner(const std::string &name) {
		storage::OutsourcingPartner partner;
		partner.name = name;
		partner.work = "給与計算";
		partner.information = "従業員名簿\n給与明細";
		return partner;
	}

	std::string Render(const std::string &kind) {
		auto ctx = Ctx();
		auto doc = BuildDocument(ctx, testing_support::ShippedMessages(), access_, kind);
		EXPECT_TRUE(doc.ok()) << (doc.ok() ? "" : doc.error().Describe());
		return doc.ok() ? exporting::RenderDocumentHtmlArticle(*doc) : "";
	}

	testing_support::TempDir dir_{"app_partners"};
	std::unique_ptr<storage::Store> store_;
	platform::FixedClock clock_ = platform::FixedClock::AtIso("2025-04-01T09:00:00Z");
	Actor actor_;
	OrgAccess access_;
};

TEST_F(PartnersTest, BadInputNamesTheField) {
	auto ctx = Ctx();
	auto expect_field = [&](storage::OutsourcingPartner partner, const std::string &field) {
		auto created = CreatePartner(ctx, actor_, access_, partner);
		ASSERT_FALSE(created.ok()) << field;
		EXPECT_EQ(created.error().code, ErrorCode::kInvalidInput);
		EXPECT_EQ(created.error().field, field);
	};
	expect_field(Partner("  "), "name");
	expect_field(Partner(std::string(121, 'a')), "name");
	auto bad_date = Partner("乙");
	bad_date.contract_start = "2025-02-30";
	expect_field(bad_date, "contract_start");
	auto reversed = Partner("乙");
	reversed.contract_start = "2025-04-01";
	reversed.contract_end = "2025-03-31";
	expect_field(reversed, "contract_end");
	auto unknown_asset = Partner("乙");
	unknown_asset.asset_ids = {987654};
	expect_field(unknown_asset, "asset_ids");
	EXPECT_TRUE(ListPartners(ctx, access_)->empty());

	auto same_day = Partner("乙");
	same_day.contract_start = same_day.contract_end = "2025-04-01";
	EXPECT_TRUE(CreatePartner(ctx, actor_, access_, same_day).ok());
}

TEST_F(PartnersTest, AServiceLinksOnlyCloudAssets) {
	auto ctx = Ctx();
	const Id paper = Asset("紙の請求書", "paper");
	const Id cloud = Asset("会計データ", std::string(kCloudMedium));
	storage::CloudService service;
	service.name = "会計クラウド";
	service.asset_ids = {paper};
	auto refused = CreateCloudService(ctx, actor_, access_, service);
	ASSERT_FALSE(refused.ok());
	EXPECT_EQ(refused.error().field, "asset_ids");
	EXPECT_EQ(refused.error().message, "app_partners.service.asset_not_cloud");
	service.asset_ids = {cloud};
	EXPECT_TRUE(CreateCloudService(ctx, actor_, access_, service).ok());
	ASSERT_EQ(CloudAssets(ctx, access_)->size(), 1u);
}

TEST_F(PartnersTest, OnlyEditorsChangeTheRegisters) {
	auto ctx = Ctx();
	OrgAccess respondent = access_;
	respondent.membership.role = storage::Role::kRespondent;
	EXPECT_EQ(CreatePartner(ctx, actor_, respondent, Partner("乙")).error().code, ErrorCode::kForbidden);
	storage::CloudService service;
	service.name = "S";
	EXPECT_EQ(CreateCloudService(ctx, actor_, respondent, service).error().code, ErrorCode::kForbidden);
	const Id id = CreatePartner(ctx, actor_, access_, Partner("乙")).value();
	EXPECT_EQ(DeletePartner(ctx, actor_, respondent, id).error().code, ErrorCode::kForbidden);
	auto audit = store_->ListAudit(access_.org.id, 50, 0).value();
	EXPECT_TRUE(std::any_of(audit.begin(), audit.end(), [](const auto &entry) { return entry.action == "partner.create"; }));
}

TEST_F(PartnersTest, EachPartnerHasItsOwnNdaWithBothNames) {
	auto ctx = Ctx();
	const std::string sample = Render("outsourcing_nda");
	EXPECT_NE(sample.find("【"), std::string::npos) << "the sample keeps its blanks";
	EXPECT_EQ(sample.find("乙山商事"), std::string::npos);

	const Id handed = Asset("顧客名簿", "paper");
	auto first = Partner("乙山商事株式会社");
	first.asset_ids = {handed};
	ASSERT_TRUE(CreatePartner(ctx, actor_, access_, first).ok());
	ASSERT_TRUE(CreatePartner(ctx, actor_, access_, Partner("丙川システム合同会社")).ok());
	const std::string both = Render("outsourcing_nda");
	EXPECT_NE(both.find("乙山商事株式会社"), std::string::npos);
	EXPECT_NE(both.find("丙川システム合同会社"), std::string::npos);
	EXPECT_NE(both.find("甲野製作所株式会社"), std::string::npos) << "the company is 甲";
	EXPECT_NE(both.find("給与明細"), std::string::npos) << "the information handed over fills 表1";
	EXPECT_NE(both.find("顧客名簿"), std::string::npos) << "so do the register's assets";
}

TEST_F(PartnersTest, RegisterValuesFollowTheRegisterUntilTheFirmEditsThem) {
	auto ctx = Ctx();
	const Id id = CreatePartner(ctx, actor_, access_, Partner("乙山商事")).value();
	const std::string subject = PartnerSubject(id);
	auto opened = OpenDocument(ctx, access_, "outsourcing_nda", subject).value();
	EXPECT_EQ(opened.from_register.fields.at("party_b"), "乙山商事");

	// Saved as the form showed it: nothing of the register is frozen.
	DocumentEdit edit;
	edit.subject = subject;
	edit.values = WithRegisterValues(opened.values, opened.from_register);
	edit.values.fields["survival_years"] = "3";
	ASSERT_TRUE(SaveDocumentDraft(ctx, actor_, access_, "outsourcing_nda", edit).ok());
	auto partner = GetPartner(ctx, access_, id).value();
	partner.name = "乙山商事株式会社";
	ASSERT_TRUE(UpdatePartner(ctx, actor_, access_, partner).ok());
	EXPECT_NE(Render("outsourcing_nda").find("乙山商事株式会社"), std::string::npos);

	// Edited by the firm: its value wins.
	auto reopened = OpenDocument(ctx, access_, "outsourcing_nda", subject).value();
	EXPECT_EQ(reopened.values.fields.count("party_b"), 0u);
	EXPECT_EQ(reopened.values.fields.at("survival_years"), "3");
	edit.values = WithRegisterValues(reopened.values, reopened.from_register);
	edit.values.fields["party_b"] = "乙山商事株式会社 東京支店";
	edit.expected_revision = reopened.stored->revision;
	ASSERT_TRUE(SaveDocumentDraft(ctx, actor_, access_, "outsourcing_nda", edit).ok());
	EXPECT_NE(Render("outsourcing_nda").find("東京支店"), std::string::npos);

	// Deleting the partner takes its document with it.
	EXPECT_EQ(DeletePartner(ctx, actor_, access_, id).value(), 1);
	EXPECT_FALSE(store_->FindDocument(access_.org.id, "outsourcing_nda", subject)->has_value());
}

TEST_F(PartnersTest, SubjectsOfOtherKindsOrOrganisationsAreNotFound) {
	auto ctx = Ctx();
	const Id id = CreatePartner(ctx, actor_, access_, Partner("乙")).value();
	EXPECT_TRUE(OpenDocument(ctx, access_, "outsourcing_checklist", PartnerSubject(id)).ok());
	EXPECT_EQ(OpenDocument(ctx, access_, "cloud_checklist", PartnerSubject(id)).error().code, ErrorCode::kNotFound);
	EXPECT_EQ(OpenDocument(ctx, access_, "outsourcing_nda", PartnerSubject(id + 1)).error().code, ErrorCode::kNotFound);
	EXPECT_EQ(OpenDocument(ctx, access_, "outsourcing_nda", "partner:x").error().code, ErrorCode::kNotFound);
	OrgAccess other = access_;
	other.org.id = CreateOrganization(ctx, actor_, {"別会社", "manufacturing", 10'000'000, 20}).value();
	EXPECT_EQ(OpenDocument(ctx, other, "outsourcing_nda", PartnerSubject(id)).error().code, ErrorCode::kNotFound);
}

TEST_F(PartnersTest, EachServiceHasItsChecklistWithItsAssets) {
	auto ctx = Ctx();
	const Id ledger = Asset("会計データ", std::string(kCloudMedium));
	storage::CloudService service;
	service.name = "会計クラウドA";
	service.provider = "クラウド提供株式会社";
	service.asset_ids = {ledger};
	ASSERT_TRUE(CreateCloudService(ctx, actor_, access_, service).ok());
	service.name = "ファイル共有B";
	service.asset_ids = {};
	ASSERT_TRUE(CreateCloudService(ctx, actor_, access_, service).ok());
	const std::string html = Render("cloud_checklist");
	EXPECT_NE(html.find("会計クラウドA"), std::string::npos);
	EXPECT_NE(html.find("ファイル共有B"), std::string::npos);
	EXPECT_NE(html.find("クラウド提供株式会社"), std::string::npos);
	EXPECT_NE(html.find("会計データ"), std::string::npos);
}

} // namespace
} // namespace mamori::app
