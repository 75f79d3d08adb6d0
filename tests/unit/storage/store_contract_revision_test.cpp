// mamori/tests/unit/storage/store_contract_revision_test.cpp
//
// Store contract: the organisation's revision (storage/org_revision.hpp), which the
// server's cache of derived views keys on (app/org_view_cache.hpp): a change
// to one organisation moves its revision and no other's, a rolled-back change
// moves nothing, and a second store on the same database (another server
// process) sees the same number.
// Runs for every backend through the Store interface (store_contract.hpp).
#include "storage/store_contract.hpp"

#include "storage/org_revision.hpp"

namespace mamori::storage {
namespace {

//! A change as the app layer writes every change: the data and its audit entry in one transaction.
Status ChangeAsset(Store &store, Id org_id, const std::string &name, const Asset &asset) {
	return store.InTransaction([&]() -> Status {
		MAMORI_TRY(store.CreateAsset(asset));
		AuditEntry entry;
		entry.org_id = org_id;
		entry.at = "2025-04-01T09:00:00Z";
		entry.action = "asset.create";
		entry.target = name;
		entry.detail = "{}";
		return store.AppendAudit(entry);
	});
}

int64_t Revision(Store &store, Id org_id) {
	auto revision = OrgRevision(store, org_id);
	EXPECT_TRUE(revision.ok()) << (revision.ok() ? "" : revision.error().Describe());
	return revision.ok() ? *revision : -1;
}

TEST_P(StoreContract, OrgRevisionMovesWithItsOwnChangesOnly) {
	const Id org_a = MakeOrg("A社");
	const Id org_b = MakeOrg("B社");
	const int64_t a_before = Revision(*store_, org_a);
	const int64_t b_before = Revision(*store_, org_b);

	ASSERT_TRUE(ChangeAsset(*store_, org_a, "顧客名簿", SampleAsset(org_a, "顧客名簿")).ok());
	const int64_t a_after = Revision(*store_, org_a);
	EXPECT_GT(a_after, a_before);
	EXPECT_EQ(Revision(*store_, org_b), b_before);

	ASSERT_TRUE(ChangeAsset(*store_, org_b, "見積書", SampleAsset(org_b, "見積書")).ok());
	EXPECT_EQ(Revision(*store_, org_a), a_after);
	EXPECT_GT(Revision(*store_, org_b), b_before);

	// Installation-wide entries (sign-ins, setup) belong to no organisation.
	AuditEntry installation;
	installation.at = "2025-04-01T09:00:00Z";
	installation.action = "account.sign_in";
	ASSERT_TRUE(store_->AppendAudit(installation).ok());
	EXPECT_EQ(Revision(*store_, org_a), a_after);
}

TEST_P(StoreContract, OrgRevisionStaysWhenTheChangeRollsBack) {
	const Id org_id = MakeOrg("A社");
	ASSERT_TRUE(ChangeAsset(*store_, org_id, "顧客名簿", SampleAsset(org_id, "顧客名簿")).ok());
	const int64_t before = Revision(*store_, org_id);
	const Status failed = store_->InTransaction([&]() -> Status {
		MAMORI_TRY(ChangeAsset(*store_, org_id, "見積書", SampleAsset(org_id, "見積書")));
		return Error::Make(ErrorCode::kInvalidInput, "test.rolled_back");
	});
	ASSERT_FALSE(failed.ok());
	EXPECT_EQ(Revision(*store_, org_id), before);
}

TEST_P(StoreContract, OrgRevisionIsTheSameThroughEveryStoreOnTheDatabase) {
	ASSERT_TRUE(GetParam().open_again) << "the backend must be able to open its database twice";
	auto opened = GetParam().open_again(dir_.path());
	ASSERT_TRUE(opened.ok()) << opened.error().Describe();
	std::unique_ptr<Store> other = std::move(opened).value();
	const Id org_a = MakeOrg("A社");
	const Id org_b = MakeOrg("B社");
	const int64_t seen_by_other = Revision(*other, org_a);
	EXPECT_EQ(seen_by_other, Revision(*store_, org_a));

	// A write through one instance is seen through the other's revision, and the other way round.
	ASSERT_TRUE(ChangeAsset(*store_, org_a, "顧客名簿", SampleAsset(org_a, "顧客名簿")).ok());
	const int64_t after_first = Revision(*other, org_a);
	EXPECT_GT(after_first, seen_by_other);
	EXPECT_EQ(after_first, Revision(*store_, org_a));
	const int64_t b_before = Revision(*store_, org_b);
	ASSERT_TRUE(ChangeAsset(*other, org_b, "見積書", SampleAsset(org_b, "見積書")).ok());
	EXPECT_GT(Revision(*store_, org_b), b_before);
	EXPECT_EQ(Revision(*store_, org_a), after_first);
}

} // namespace
} // namespace mamori::storage
