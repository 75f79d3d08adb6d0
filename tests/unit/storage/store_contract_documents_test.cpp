// mamori/tests/unit/storage/store_contract_documents_test.cpp
//
// Store contract: the firm's documents (issue 8). A save appends a revision
// with who and why; a save from a stale revision is a conflict and changes
// nothing; documents are scoped to their organisation.
// Runs for every backend through the Store interface (store_contract.hpp).
#include "storage/store_contract.hpp"

namespace mamori::storage {
namespace {

StoredDocument Draft(Id org_id, Id user_id, const std::string &values) {
	StoredDocument document;
	document.org_id = org_id;
	document.template_id = "governance";
	document.values_json = values;
	document.updated_by = user_id;
	return document;
}

TEST_P(StoreContract, DocumentSavesKeepEveryRevision) {
	const Id org_id = MakeOrg("文書株式会社");
	const Id user_id = MakeUser("writer@example.jp");
	auto created = store_->SaveDocument(Draft(org_id, user_id, R"({"fields":{"a":"1"}})"), "created");
	ASSERT_TRUE(created.ok()) << created.error().message;
	EXPECT_EQ(created->revision, 1);
	EXPECT_EQ(created->state, DocumentState::kDraft);
	EXPECT_FALSE(created->updated_at.empty());

	StoredDocument next = *created;
	next.values_json = R"({"fields":{"a":"2"}})";
	next.state = DocumentState::kPendingApproval;
	next.approver = "山田 太郎";
	auto updated = store_->SaveDocument(next, "submitted");
	ASSERT_TRUE(updated.ok()) << updated.error().message;
	EXPECT_EQ(updated->revision, 2);
	EXPECT_EQ(updated->state, DocumentState::kPendingApproval);
	EXPECT_EQ(updated->approver, "山田 太郎");

	auto found = store_->FindDocument(org_id, "governance", "");
	ASSERT_TRUE(found.ok());
	ASSERT_TRUE(found->has_value());
	EXPECT_EQ((*found)->values_json, R"({"fields":{"a":"2"}})");

	auto revisions = store_->ListDocumentRevisions(org_id, created->id);
	ASSERT_TRUE(revisions.ok());
	ASSERT_EQ(revisions->size(), 2u);
	EXPECT_EQ((*revisions)[0].revision, 1);
	EXPECT_EQ((*revisions)[0].note, "created");
	EXPECT_EQ((*revisions)[0].values_json, R"({"fields":{"a":"1"}})");
	EXPECT_EQ((*revisions)[1].state, DocumentState::kPendingApproval);
	EXPECT_EQ((*revisions)[1].changed_by_email, "writer@example.jp");
}

TEST_P(StoreContract, DocumentSaveFromAStaleRevisionIsAConflict) {
	const Id org_id = MakeOrg("競合株式会社");
	const Id user_id = MakeUser("first@example.jp");
	auto created = store_->SaveDocument(Draft(org_id, user_id, "{}"), "");
	ASSERT_TRUE(created.ok());
	StoredDocument mine = *created;
	StoredDocument theirs = *created;
	theirs.values_json = R"({"fields":{"b":"theirs"}})";
	ASSERT_TRUE(store_->SaveDocument(theirs, "").ok());
	mine.values_json = R"({"fields":{"b":"mine"}})";
	auto stale = store_->SaveDocument(mine, "");
	ASSERT_FALSE(stale.ok());
	EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
	EXPECT_EQ((*store_->FindDocument(org_id, "governance", ""))->values_json, R"({"fields":{"b":"theirs"}})");
	EXPECT_EQ(store_->ListDocumentRevisions(org_id, created->id)->size(), 2u);
	// Creating it a second time is a conflict too.
	auto again = store_->SaveDocument(Draft(org_id, user_id, "{}"), "");
	ASSERT_FALSE(again.ok());
	EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

TEST_P(StoreContract, DocumentsStayInTheirOrganisation) {
	const Id org_a = MakeOrg("A社");
	const Id org_b = MakeOrg("B社");
	const Id user_id = MakeUser("a@example.jp");
	auto created = store_->SaveDocument(Draft(org_a, user_id, "{}"), "");
	ASSERT_TRUE(created.ok());
	EXPECT_FALSE(store_->FindDocument(org_b, "governance", "")->has_value());
	EXPECT_TRUE(store_->ListDocuments(org_b)->empty());
	EXPECT_TRUE(store_->ListDocumentRevisions(org_b, created->id)->empty());
	StoredDocument hijack = *created;
	hijack.org_id = org_b;
	EXPECT_FALSE(store_->SaveDocument(hijack, "").ok());
	EXPECT_EQ(store_->ListDocuments(org_a)->size(), 1u);
}

TEST_P(StoreContract, DocumentReadsArePerRevisionAndOrganisation) {
	const Id org_a = MakeOrg("既読A社");
	const Id org_b = MakeOrg("既読B社");
	const Id reader = MakeUser("reader@example.jp");
	auto document = store_->SaveDocument(Draft(org_a, reader, "{}"), "");
	ASSERT_TRUE(document.ok());
	ASSERT_TRUE(store_->ConfirmDocumentRead(org_a, document->id, reader, 1).ok());
	ASSERT_TRUE(store_->ConfirmDocumentRead(org_a, document->id, reader, 1).ok()) << "confirming twice changes nothing";
	auto reads = store_->ListDocumentReads(org_a, document->id, 1);
	ASSERT_TRUE(reads.ok());
	ASSERT_EQ(reads->size(), 1u);
	EXPECT_EQ((*reads)[0].user_id, reader);
	EXPECT_TRUE(store_->ListDocumentReads(org_a, document->id, 2)->empty()) << "a new revision asks again";
	auto foreign = store_->ConfirmDocumentRead(org_b, document->id, reader, 1);
	ASSERT_FALSE(foreign.ok());
	EXPECT_EQ(foreign.error().code, ErrorCode::kNotFound);
	EXPECT_TRUE(store_->ListDocumentReads(org_b, document->id, 1)->empty());
}

TEST_P(StoreContract, ProfileFlagsRoundTrip) {
	const Id org_id = MakeOrg("プロフィール株式会社");
	auto org = store_->FindOrganization(org_id);
	ASSERT_TRUE(org.ok() && org->has_value());
	EXPECT_TRUE((*org)->profile_flags.empty());
	Organization updated = **org;
	updated.profile_flags = {"outsources", "telework"};
	ASSERT_TRUE(store_->UpdateOrganization(updated).ok());
	EXPECT_EQ((*store_->FindOrganization(org_id))->profile_flags, (std::vector<std::string>{"outsources", "telework"}));
	updated.profile_flags = {};
	ASSERT_TRUE(store_->UpdateOrganization(updated).ok());
	EXPECT_TRUE((*store_->FindOrganization(org_id))->profile_flags.empty());
}

} // namespace
} // namespace mamori::storage
