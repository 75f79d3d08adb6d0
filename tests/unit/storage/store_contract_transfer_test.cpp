// mamori/tests/unit/storage/store_contract_transfer_test.cpp
//
// Store contract: an organisation's data out and back in (the hand-over
// package, issue 12). A copy lands as a new organisation with new ids and
// every reference rewritten (keys, and the partner named inside a document's
// subject); a replacing copy keeps the members; rows that reach outside the
// package are refused with nothing written.
#include "storage/store_contract.hpp"

#include <algorithm>

namespace mamori::storage {
namespace {

using transfer::OrganizationData;
using transfer::TableRows;

TableRows *Table(OrganizationData &data, const std::string &name) {
	for (TableRows &table : data.tables) {
		if (table.name == name) {
			return &table;
		}
	}
	return nullptr;
}

size_t Column(const TableRows &table, const std::string &name) {
	return static_cast<size_t>(std::find(table.columns.begin(), table.columns.end(), name) - table.columns.begin());
}

Id Created(Result<Id> id) {
	EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().Describe());
	return id.ok() ? *id : 0;
}

Id NewAsset(Store &store, Id org_id, const std::string &name) {
	Asset asset;
	asset.org_id = org_id;
	asset.business_category = "営業";
	asset.name = name;
	asset.department = "営業部";
	asset.medium = "paper";
	asset.confidentiality = 2;
	asset.integrity = 2;
	asset.availability = 1;
	return Created(store.CreateAsset(asset));
}

struct Firm {
	Id org_id = 0;
	Id user_id = 0;
};

//! An organisation with a member in a department, two assets, a partner
//! linked to one of them, the partner's NDA document and a risk treatment.
Firm MakeFirm(Store &store, const std::string &name) {
	Firm firm;
	Organization org;
	org.name = name;
	org.industry = "manufacturing";
	org.employees = 12;
	org.edition = "3.0";
	org.created_at = "2025-04-01T09:00:00Z";
	firm.org_id = Created(store.CreateOrganization(org));
	User user;
	user.email = "tanto@" + name + ".example.jp";
	user.display_name = "担当 " + name;
	user.created_at = "2025-04-01T09:00:00Z";
	firm.user_id = Created(store.CreateUser(user));
	Department department;
	department.org_id = firm.org_id;
	department.name = "営業部";
	const Id department_id = Created(store.CreateDepartment(department));
	Membership membership;
	membership.org_id = firm.org_id;
	membership.user_id = firm.user_id;
	membership.role = Role::kRespondent;
	membership.department_id = department_id;
	EXPECT_TRUE(store.AddMembership(membership).ok());
	const Id ledger = NewAsset(store, firm.org_id, "顧客台帳");
	NewAsset(store, firm.org_id, "見積書");
	OutsourcingPartner partner;
	partner.org_id = firm.org_id;
	partner.name = "乙山商事";
	partner.asset_ids = {ledger};
	const Id partner_id = Created(store.CreatePartner(partner));
	StoredDocument nda;
	nda.org_id = firm.org_id;
	nda.template_id = "outsourcing_nda";
	nda.subject = "partner:" + std::to_string(partner_id);
	nda.values_json = R"({"party":"乙山商事"})";
	nda.updated_by = firm.user_id;
	auto saved = store.SaveDocument(nda, "");
	EXPECT_TRUE(saved.ok()) << (saved.ok() ? "" : saved.error().Describe());
	RiskTreatment treatment;
	treatment.org_id = firm.org_id;
	treatment.asset_id = ledger;
	treatment.threat_id = "T01";
	treatment.decision = "reduce";
	treatment.measure = "施錠";
	Created(store.UpsertTreatment(treatment));
	return firm;
}

OrganizationData Read(Store &store, Id org_id) {
	auto data = store.ReadOrganizationData(org_id);
	EXPECT_TRUE(data.ok()) << (data.ok() ? "" : data.error().Describe());
	return data.ok() ? *data : OrganizationData{};
}

TEST_P(StoreContract, TransferACopyBecomesANewOrganizationWithEveryReferenceRewritten) {
	const Firm firm = MakeFirm(*store_, "koyama");
	const Id source = firm.org_id;
	const OrganizationData data = Read(*store_, source);
	ASSERT_NE(data.Find("assets"), nullptr);
	EXPECT_EQ(data.Find("assets")->rows.size(), 2u);
	ASSERT_NE(data.Find("users"), nullptr);
	EXPECT_EQ(data.Find("users")->columns, (std::vector<std::string>{"id", "email", "display_name", "locale"}))
	    << "a package names people, it never carries what signs them in";
	for (const TableRows &table : data.tables) {
		EXPECT_NE(table.name, "sessions");
		EXPECT_NE(table.name, "audit_log");
		EXPECT_NE(table.name, "two_step");
	}

	auto copy = store_->WriteOrganizationData(data, std::nullopt);
	ASSERT_TRUE(copy.ok()) << copy.error().Describe();
	ASSERT_NE(*copy, source);

	auto assets = store_->ListAssets(*copy);
	ASSERT_TRUE(assets.ok());
	ASSERT_EQ(assets->size(), 2u);
	auto source_assets = store_->ListAssets(source);
	for (const Asset &asset : *assets) {
		EXPECT_EQ(asset.org_id, *copy);
		for (const Asset &original : *source_assets) {
			EXPECT_NE(asset.id, original.id) << "the copy's rows are its own";
		}
	}
	auto partners = store_->ListPartners(*copy);
	ASSERT_TRUE(partners.ok());
	ASSERT_EQ(partners->size(), 1u);
	ASSERT_EQ((*partners)[0].asset_ids.size(), 1u);
	const auto linked = std::find_if(assets->begin(), assets->end(),
	                                 [&](const Asset &a) { return a.id == (*partners)[0].asset_ids[0]; });
	ASSERT_NE(linked, assets->end()) << "the link points at the copy's own asset";
	EXPECT_EQ(linked->name, "顧客台帳");
	auto nda = store_->FindDocument(*copy, "outsourcing_nda", "partner:" + std::to_string((*partners)[0].id));
	ASSERT_TRUE(nda.ok());
	ASSERT_TRUE(nda->has_value()) << "the document's subject names the copy's partner";
	EXPECT_EQ((*nda)->values_json, R"({"party":"乙山商事"})");
	auto treatments = store_->ListTreatments(*copy);
	ASSERT_TRUE(treatments.ok());
	ASSERT_EQ(treatments->size(), 1u);
	EXPECT_EQ((*treatments)[0].asset_id, linked->id);

	auto member = store_->FindMembership(*copy, firm.user_id);
	ASSERT_TRUE(member.ok());
	ASSERT_TRUE(member->has_value()) << "the same e-mail address is the same person";
	ASSERT_TRUE((*member)->department_id.has_value());
	auto departments = store_->ListDepartments(*copy);
	ASSERT_TRUE(departments.ok());
	ASSERT_EQ(departments->size(), 1u);
	EXPECT_EQ(*(*member)->department_id, (*departments)[0].id);
}

TEST_P(StoreContract, TransferAPersonTheStoreDoesNotKnowGetsAnAccountWithoutPassword) {
	OrganizationData data = Read(*store_, MakeFirm(*store_, "otsu").org_id);
	TableRows *users = Table(data, "users");
	ASSERT_NE(users, nullptr);
	ASSERT_EQ(users->rows.size(), 1u);
	users->rows[0][Column(*users, "email")] = "newcomer@example.jp";
	auto copy = store_->WriteOrganizationData(data, std::nullopt);
	ASSERT_TRUE(copy.ok()) << copy.error().Describe();
	auto created = store_->FindUserByEmail("newcomer@example.jp");
	ASSERT_TRUE(created.ok());
	ASSERT_TRUE(created->has_value());
	EXPECT_TRUE((*created)->password_hash.empty());
	EXPECT_FALSE((*created)->is_admin);
	auto member = store_->FindMembership(*copy, (*created)->id);
	ASSERT_TRUE(member.ok());
	EXPECT_TRUE(member->has_value());
}

TEST_P(StoreContract, TransferReplacingKeepsTheMembersAndTakesEverythingElseFromTheCopy) {
	const Firm firm = MakeFirm(*store_, "hei");
	const Id org_id = firm.org_id;
	const OrganizationData taken = Read(*store_, org_id);
	NewAsset(*store_, org_id, "後から足した資産");
	const Id outsider = MakeUser("outsider@example.jp");

	OrganizationData copy = taken;
	TableRows *memberships = Table(copy, "memberships");
	ASSERT_NE(memberships, nullptr);
	// A copy must not grant roles: a member added offline does not come back.
	TableRows *users = Table(copy, "users");
	users->rows.push_back({std::to_string(outsider), "outsider@example.jp", "", ""});
	std::vector<transfer::Cell> added = memberships->rows.front();
	added[Column(*memberships, "user_id")] = std::to_string(outsider);
	added[Column(*memberships, "role")] = "admin";
	memberships->rows.push_back(added);

	auto replaced = store_->WriteOrganizationData(copy, org_id);
	ASSERT_TRUE(replaced.ok()) << replaced.error().Describe();
	EXPECT_EQ(*replaced, org_id);
	auto assets = store_->ListAssets(org_id);
	ASSERT_TRUE(assets.ok());
	EXPECT_EQ(assets->size(), 2u) << "the asset added after the copy was taken is replaced away";
	auto outsider_role = store_->FindMembership(org_id, outsider);
	ASSERT_TRUE(outsider_role.ok());
	EXPECT_FALSE(outsider_role->has_value());
	auto member = store_->FindMembership(org_id, firm.user_id);
	ASSERT_TRUE(member.ok());
	ASSERT_TRUE(member->has_value());
	ASSERT_TRUE((*member)->department_id.has_value()) << "put back in the department of the same name";
}

TEST_P(StoreContract, TransferRowsReachingOutsideThePackageAreRefusedAndNothingIsWritten) {
	const Id org_id = MakeFirm(*store_, "tei").org_id;
	const Id other = MakeFirm(*store_, "bo").org_id;
	const OrganizationData data = Read(*store_, org_id);
	const int before = *store_->CountOrganizations();

	OrganizationData foreign_row = data;
	TableRows *assets = Table(foreign_row, "assets");
	assets->rows[0][Column(*assets, "org_id")] = std::to_string(other);
	auto refused = store_->WriteOrganizationData(foreign_row, std::nullopt);
	ASSERT_FALSE(refused.ok());
	EXPECT_EQ(refused.error().message, "errors.transfer.other_organization");

	OrganizationData dangling = data;
	TableRows *links = Table(dangling, "outsourcing_partner_assets");
	ASSERT_NE(links, nullptr);
	auto other_assets = store_->ListAssets(other);
	links->rows[0][Column(*links, "asset_id")] = std::to_string((*other_assets)[0].id);
	refused = store_->WriteOrganizationData(dangling, std::nullopt);
	ASSERT_FALSE(refused.ok());
	EXPECT_EQ(refused.error().message, "errors.transfer.reference_unknown");
	EXPECT_NE(refused.error().field.find("outsourcing_partner_assets"), std::string::npos) << refused.error().field;

	OrganizationData secrets = data;
	secrets.tables.push_back({"sessions", {"token_hash"}, {{"x"}}});
	refused = store_->WriteOrganizationData(secrets, std::nullopt);
	ASSERT_FALSE(refused.ok());
	EXPECT_EQ(refused.error().message, "errors.transfer.table_unknown");

	EXPECT_EQ(*store_->CountOrganizations(), before) << "a refused package leaves no half-written organisation";
	EXPECT_EQ(store_->ListAssets(other)->size(), 2u);
}

} // namespace
} // namespace mamori::storage
