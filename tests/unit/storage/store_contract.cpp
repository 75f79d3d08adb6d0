// mamori/tests/unit/storage/store_contract.cpp
// The StoreContract fixture's helpers.
#include "storage/store_contract.hpp"

namespace mamori::storage {

void StoreContract::SetUp() {
	if (!GetParam().unavailable.empty()) {
		GTEST_SKIP() << GetParam().unavailable;
	}
	auto opened = GetParam().open_fresh(dir_.path());
	ASSERT_TRUE(opened.ok()) << opened.error().Describe();
	store_ = std::move(opened).value();
	ASSERT_TRUE(store_);
}

Id StoreContract::MakeOrg(const std::string &name) {
	Organization org;
	org.name = name;
	org.industry = "manufacturing";
	org.capital_yen = 10'000'000;
	org.employees = 25;
	org.edition = "3.0";
	auto id = store_->CreateOrganization(org);
	EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().Describe());
	return id.ok() ? *id : 0;
}

Id StoreContract::MakeUser(const std::string &email) {
	User user;
	user.email = email;
	user.display_name = "担当 " + email;
	user.created_at = "2025-04-01T09:00:00Z";
	auto id = store_->CreateUser(user);
	EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().Describe());
	return id.ok() ? *id : 0;
}

Id StoreContract::MakeRound(Id org_id) {
	SelfcheckRound round;
	round.org_id = org_id;
	round.title = "2025年度";
	round.started_at = "2025-04-01T09:00:00Z";
	round.edition = "3.0";
	auto id = store_->CreateRound(round);
	EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().Describe());
	return id.ok() ? *id : 0;
}

Id StoreContract::MakeAsset(Id org_id, const std::string &name) {
	auto id = store_->CreateAsset(SampleAsset(org_id, name));
	EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().Describe());
	return id.ok() ? *id : 0;
}

Asset StoreContract::SampleAsset(Id org_id, const std::string &name) {
	Asset asset;
	asset.org_id = org_id;
	asset.business_category = "営業";
	asset.name = name;
	asset.department = "営業部";
	asset.medium = "paper";
	asset.confidentiality = 2;
	asset.integrity = 1;
	asset.availability = 1;
	asset.registered_on = "2025-04-01";
	asset.updated_at = "2025-04-01T09:00:00Z";
	return asset;
}

Session StoreContract::SampleSignInSession(const std::string &hash, Id user_id, const std::string &created_at) {
	Session session;
	session.token_hash = hash;
	session.user_id = user_id;
	session.csrf_token = "csrf-" + hash;
	session.created_at = created_at;
	session.expires_at = "2025-04-01T18:00:00Z";
	session.last_seen_at = created_at;
	session.client = "192.0.2.1";
	session.user_agent = "Firefox/140";
	return session;
}

RiskTreatment StoreContract::SampleTreatment(Id org_id, Id asset_id, const std::string &threat_id) {
	RiskTreatment treatment;
	treatment.org_id = org_id;
	treatment.asset_id = asset_id;
	treatment.threat_id = threat_id;
	treatment.decision = "reduce";
	treatment.measure = "施錠管理";
	treatment.owner = "山田";
	treatment.due_on = "2025-09-30";
	treatment.residual_risk = 4;
	treatment.updated_at = "2025-04-02T10:00:00Z";
	return treatment;
}

void StoreContract::ExpectSameAsset(const Asset &got, const Asset &want) {
	EXPECT_EQ(got.org_id, want.org_id);
	EXPECT_EQ(got.business_category, want.business_category);
	EXPECT_EQ(got.name, want.name);
	EXPECT_EQ(got.note, want.note);
	EXPECT_EQ(got.users, want.users);
	EXPECT_EQ(got.department, want.department);
	EXPECT_EQ(got.medium, want.medium);
	EXPECT_EQ(got.personal_info, want.personal_info);
	EXPECT_EQ(got.sensitive_personal_info, want.sensitive_personal_info);
	EXPECT_EQ(got.my_number, want.my_number);
	EXPECT_EQ(got.confidentiality, want.confidentiality);
	EXPECT_EQ(got.integrity, want.integrity);
	EXPECT_EQ(got.availability, want.availability);
	EXPECT_EQ(got.business_critical, want.business_critical);
	EXPECT_EQ(got.retention, want.retention);
	EXPECT_EQ(got.registered_on, want.registered_on);
	EXPECT_EQ(got.risk_owner, want.risk_owner);
	EXPECT_EQ(got.updated_at, want.updated_at);
}

} // namespace mamori::storage
