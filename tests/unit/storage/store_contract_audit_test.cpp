// mamori/tests/unit/storage/store_contract_audit_test.cpp
//
// Store contract: the audit log and backups. (The 基本方針 is a document
// since migration 0010: tests/unit/app/policy_service_test.cpp.)
// Runs for every backend through the Store interface (store_contract.hpp).
#include "storage/store_contract.hpp"

#include "platform/crypto.hpp"

#include <filesystem>

namespace mamori::storage {
namespace {
namespace fs = std::filesystem;

TEST_P(StoreContract, AuditIsNewestFirstWithEmail) {
	const Id org_a = MakeOrg("A社");
	const Id org_b = MakeOrg("B社");
	const Id user_id = MakeUser("auditor@example.jp");
	for (int i = 1; i <= 3; ++i) {
		AuditEntry entry;
		entry.org_id = org_a;
		entry.user_id = user_id;
		entry.at = "2025-04-01T09:00:0" + std::to_string(i) + "Z";
		entry.action = "action." + std::to_string(i);
		entry.detail = "{}";
		ASSERT_TRUE(store_->AppendAudit(entry).ok());
	}
	AuditEntry other;
	other.org_id = org_b;
	other.action = "other";
	ASSERT_TRUE(store_->AppendAudit(other).ok());

	auto entries = store_->ListAudit(org_a, 10, 0);
	ASSERT_TRUE(entries.ok());
	ASSERT_EQ(entries->size(), 3u);
	EXPECT_EQ((*entries)[0].action, "action.3");
	EXPECT_EQ((*entries)[2].action, "action.1");
	EXPECT_GT((*entries)[0].id, (*entries)[1].id);
	EXPECT_EQ((*entries)[0].user_email, "auditor@example.jp");
	auto page = store_->ListAudit(org_a, 1, 1);
	ASSERT_EQ(page->size(), 1u);
	EXPECT_EQ((*page)[0].action, "action.2");
}

TEST_P(StoreContract, AppendsFormAVerifiedHashChain) {
	const Id org_id = MakeOrg("A社");
	EXPECT_EQ(store_->AuditHead().value(), AuditChainZeroHash());
	for (int i = 1; i <= 4; ++i) {
		AuditEntry entry;
		entry.org_id = i % 2 == 0 ? std::optional<Id>(org_id) : std::nullopt;
		entry.action = "action." + std::to_string(i);
		entry.detail = "{}";
		ASSERT_TRUE(store_->AppendAudit(entry).ok());
	}
	auto chain = store_->ListAuditChain();
	ASSERT_TRUE(chain.ok());
	ASSERT_EQ(chain->size(), 4u);
	EXPECT_EQ((*chain)[0].prev_hash, AuditChainZeroHash());
	for (size_t i = 1; i < chain->size(); ++i) {
		EXPECT_EQ((*chain)[i].prev_hash, (*chain)[i - 1].hash);
		EXPECT_LT((*chain)[i - 1].id, (*chain)[i].id);
	}
	// The time the store filled in is part of what was hashed.
	EXPECT_FALSE((*chain)[0].at.empty());
	const auto check = VerifyAuditChain(*chain, platform::Sha256Hex);
	EXPECT_TRUE(check.ok);
	EXPECT_EQ(check.head, chain->back().hash);
	EXPECT_EQ(store_->AuditHead().value(), chain->back().hash);
	// The organisation's own listing carries each entry's hash too (the CSV export shows it).
	auto listed = store_->ListAudit(org_id, 10, 0).value();
	ASSERT_EQ(listed.size(), 2u);
	EXPECT_EQ(listed[0].hash, chain->back().hash);
}

TEST_P(StoreContract, BackupIsAReadableCopy) {
	const Id org_id = MakeOrg("A社");
	MakeUser("a@example.jp");
	const Id round_id = MakeRound(org_id);
	SelfcheckResponse response;
	response.round_id = round_id;
	response.respondent = "本社";
	response.answers = {{1, Answer::kImplemented}, {25, Answer::kUnknown}};
	ASSERT_TRUE(store_->UpsertResponse(org_id, response).ok());

	const std::string backup_path = dir_.File("backup.db");
	if (!GetParam().open_backup) {
		// A backend without its own backup (PostgreSQL: pg_dump) says so plainly.
		auto refused = store_->BackupTo(backup_path);
		ASSERT_FALSE(refused.ok());
		EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);
		EXPECT_NE(refused.error().message.find("pg_dump"), std::string::npos) << refused.error().message;
		EXPECT_FALSE(fs::exists(backup_path));
		return;
	}
	auto status = store_->BackupTo(backup_path);
	ASSERT_TRUE(status.ok()) << status.error().Describe();
	EXPECT_EQ(store_->BackupTo(backup_path).error().code, ErrorCode::kInvalidInput);

	auto opened = GetParam().open_backup(backup_path);
	ASSERT_TRUE(opened.ok()) << opened.error().Describe();
	const std::unique_ptr<Store> copy = std::move(opened).value();
	EXPECT_EQ(*copy->CountOrganizations(), 1);
	EXPECT_EQ(*copy->CountUsers(), 1);
	EXPECT_EQ(copy->FindOrganization(org_id)->value().name, "A社");
	EXPECT_EQ(copy->FindResponse(org_id, round_id, "本社")->value().answers, response.answers);

	// A target that cannot be created fails cleanly and leaves nothing.
	const std::string bad = (dir_.path() / "missing-dir" / "backup.db").string();
	EXPECT_EQ(store_->BackupTo(bad).error().code, ErrorCode::kStorage);
	EXPECT_FALSE(fs::exists(bad));
}

} // namespace
} // namespace mamori::storage
