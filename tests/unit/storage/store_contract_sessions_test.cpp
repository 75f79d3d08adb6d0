// mamori/tests/unit/storage/store_contract_sessions_test.cpp
//
// Store contract: failed sign-ins for throttling, the count of wrong passwords
// since the last sign-in, and a user's own sessions (issue 10).
#include "storage/store_contract.hpp"

namespace mamori::storage {
namespace {

TEST_P(StoreContract, SignInFailuresAreCountedPerKeyInTheWindow) {
	ASSERT_TRUE(store_->RecordSignInFailure("email:a@example.jp", "2025-04-01T09:00:00Z").ok());
	ASSERT_TRUE(store_->RecordSignInFailure("email:a@example.jp", "2025-04-01T09:05:00Z").ok());
	ASSERT_TRUE(store_->RecordSignInFailure("email:a@example.jp", "2025-04-01T09:10:00Z").ok());
	ASSERT_TRUE(store_->RecordSignInFailure("client:192.0.2.1", "2025-04-01T09:10:00Z").ok());
	ASSERT_TRUE(store_->RecordSignInFailure("email:b@example.jp", "2025-04-01T09:10:00Z").ok());

	auto counted = store_->CountSignInFailures({"email:a@example.jp", "client:192.0.2.1", "client:unknown"},
	                                          "2025-04-01T09:00:00Z");
	ASSERT_TRUE(counted.ok()) << counted.error().Describe();
	ASSERT_EQ(counted->size(), 2u) << "a key without failures is left out";
	EXPECT_EQ((*counted)[0].throttle_key, "email:a@example.jp");
	EXPECT_EQ((*counted)[0].failures, 2) << "the failure at the window's start no longer counts";
	EXPECT_EQ((*counted)[0].last_failed_at, "2025-04-01T09:10:00Z");
	EXPECT_EQ((*counted)[1].failures, 1);

	auto listed = store_->ListSignInFailures("email:", "2025-04-01T08:00:00Z");
	ASSERT_TRUE(listed.ok());
	ASSERT_EQ(listed->size(), 2u);
	EXPECT_EQ((*listed)[0].throttle_key, "email:a@example.jp");
	EXPECT_EQ((*listed)[0].failures, 3);
	EXPECT_EQ((*listed)[1].throttle_key, "email:b@example.jp");

	ASSERT_TRUE(store_->ClearSignInFailures("email:a@example.jp").ok());
	counted = store_->CountSignInFailures({"email:a@example.jp", "client:192.0.2.1"}, "2025-04-01T08:00:00Z");
	ASSERT_TRUE(counted.ok());
	ASSERT_EQ(counted->size(), 1u) << "clearing one key leaves the others";
	EXPECT_EQ((*counted)[0].throttle_key, "client:192.0.2.1");

	ASSERT_TRUE(store_->PruneSignInFailures("2025-04-01T09:10:00Z").ok());
	listed = store_->ListSignInFailures("", "2000-01-01T00:00:00Z");
	ASSERT_TRUE(listed.ok());
	EXPECT_TRUE(listed->empty()) << "pruned up to and including the given time";
}

TEST_P(StoreContract, FailedSinceSignInIsTakenOnce) {
	const Id id = MakeUser("owner@example.jp");
	auto none = store_->TakeFailedSinceSignIn(id);
	ASSERT_TRUE(none.ok());
	EXPECT_EQ(*none, 0);
	ASSERT_TRUE(store_->AddFailedSinceSignIn(id).ok());
	ASSERT_TRUE(store_->AddFailedSinceSignIn(id).ok());
	auto taken = store_->TakeFailedSinceSignIn(id);
	ASSERT_TRUE(taken.ok());
	EXPECT_EQ(*taken, 2);
	EXPECT_EQ(*store_->TakeFailedSinceSignIn(id), 0) << "taking resets the count";
	EXPECT_FALSE(store_->AddFailedSinceSignIn(id + 1000).ok()) << "no such user";
}

TEST_P(StoreContract, AUsersSessionsAreListedTouchedAndEnded) {
	const Id owner = MakeUser("owner@example.jp");
	const Id other = MakeUser("other@example.jp");
	ASSERT_TRUE(store_->CreateSession(SampleSignInSession("hash-a", owner, "2025-04-01T09:00:00Z")).ok());
	ASSERT_TRUE(store_->CreateSession(SampleSignInSession("hash-b", owner, "2025-04-01T10:00:00Z")).ok());
	ASSERT_TRUE(store_->CreateSession(SampleSignInSession("hash-c", owner, "2025-04-01T11:00:00Z")).ok());
	ASSERT_TRUE(store_->CreateSession(SampleSignInSession("hash-x", other, "2025-04-01T09:00:00Z")).ok());

	auto listed = store_->ListSessionsOfUser(owner, "2025-04-01T12:00:00Z");
	ASSERT_TRUE(listed.ok()) << listed.error().Describe();
	ASSERT_EQ(listed->size(), 3u);
	EXPECT_EQ((*listed)[0].token_hash, "hash-c") << "newest first";
	EXPECT_EQ((*listed)[0].client, "192.0.2.1");
	EXPECT_EQ((*listed)[0].user_agent, "Firefox/140");
	EXPECT_TRUE(store_->ListSessionsOfUser(owner, "2025-04-01T18:00:00Z")->empty()) << "expired ones are left out";

	ASSERT_TRUE(store_->TouchSession("hash-a", "2025-04-01T11:30:00Z").ok());
	auto touched = store_->FindSession("hash-a", "2025-04-01T12:00:00Z");
	ASSERT_TRUE(touched.ok() && touched->has_value());
	EXPECT_EQ((*touched)->last_seen_at, "2025-04-01T11:30:00Z");

	auto foreign = store_->DeleteSessionOfUser(owner, "hash-x");
	ASSERT_TRUE(foreign.ok());
	EXPECT_FALSE(*foreign) << "another user's session is not the owner's to end";
	EXPECT_TRUE(store_->FindSession("hash-x", "2025-04-01T12:00:00Z")->has_value());
	auto own = store_->DeleteSessionOfUser(owner, "hash-b");
	ASSERT_TRUE(own.ok());
	EXPECT_TRUE(*own);

	auto ended = store_->DeleteOtherSessionsOfUser(owner, "hash-a");
	ASSERT_TRUE(ended.ok());
	EXPECT_EQ(*ended, 1);
	listed = store_->ListSessionsOfUser(owner, "2025-04-01T12:00:00Z");
	ASSERT_EQ(listed->size(), 1u);
	EXPECT_EQ((*listed)[0].token_hash, "hash-a");
	EXPECT_TRUE(store_->FindSession("hash-x", "2025-04-01T12:00:00Z")->has_value()) << "other users keep theirs";
}

TEST_P(StoreContract, ASessionCarriesItsFailedSignInsUntilCleared) {
	const Id owner = MakeUser("owner@example.jp");
	Session session = SampleSignInSession("hash-n", owner, "2025-04-01T09:00:00Z");
	session.failed_sign_ins = 4;
	ASSERT_TRUE(store_->CreateSession(session).ok());
	EXPECT_EQ((*store_->FindSession("hash-n", "2025-04-01T09:30:00Z"))->failed_sign_ins, 4);
	ASSERT_TRUE(store_->ClearSessionFailedSignIns("hash-n").ok());
	EXPECT_EQ((*store_->FindSession("hash-n", "2025-04-01T09:30:00Z"))->failed_sign_ins, 0);
}

} // namespace
} // namespace mamori::storage
