// mamori/tests/unit/storage/store_contract_training_test.cpp
//
// Store contract: the education plan and records (issue 9). Sessions
// round-trip and list by planned date; audience, attendance and quiz results
// are replaced/added per session and stay in their organisation; an empty
// title is refused naming the field.
// Runs for every backend through the Store interface (store_contract.hpp).
#include "storage/store_contract.hpp"

namespace mamori::storage {
namespace {

TrainingSession SampleSession(Id org_id, const std::string &title, const std::string &planned_on) {
	TrainingSession session;
	session.org_id = org_id;
	session.title = title;
	session.content = "5か条の確認";
	session.method = "朝礼";
	session.planned_on = planned_on;
	session.quiz_set = "five_articles";
	return session;
}

TEST_P(StoreContract, TrainingSessionsRoundTripByPlannedDate) {
	const Id org_id = MakeOrg("教育株式会社");
	auto later = store_->CreateTrainingSession(SampleSession(org_id, "標的型メール", "2026-12-20"));
	ASSERT_TRUE(later.ok()) << later.error().Describe();
	ASSERT_TRUE(store_->CreateTrainingSession(SampleSession(org_id, "5か条", "2026-11-01")).ok());

	auto sessions = store_->ListTrainingSessions(org_id);
	ASSERT_TRUE(sessions.ok());
	ASSERT_EQ(sessions->size(), 2u);
	EXPECT_EQ((*sessions)[0].title, "5か条");
	EXPECT_EQ((*sessions)[1].method, "朝礼");
	EXPECT_TRUE((*sessions)[1].audience_all);
	EXPECT_FALSE((*sessions)[1].held);
	EXPECT_FALSE((*sessions)[1].held_on.has_value());

	TrainingSession held = (*sessions)[1];
	held.held = true;
	held.held_on = "2026-12-21";
	held.audience_all = false;
	ASSERT_TRUE(store_->UpdateTrainingSession(held).ok());
	auto found = store_->FindTrainingSession(org_id, *later);
	ASSERT_TRUE(found.ok() && found->has_value());
	EXPECT_TRUE((*found)->held);
	EXPECT_EQ((*found)->held_on, "2026-12-21");
	EXPECT_FALSE((*found)->audience_all);
	EXPECT_EQ((*found)->quiz_set, "five_articles");
}

TEST_P(StoreContract, TrainingMarksAndResultsAreReplacedAndScoped) {
	const Id org_id = MakeOrg("教育株式会社");
	const Id other_org = MakeOrg("他社");
	const Id alice = MakeUser("alice@example.jp");
	const Id bob = MakeUser("bob@example.jp");
	const Id session = store_->CreateTrainingSession(SampleSession(org_id, "5か条", "2026-11-01")).value();

	ASSERT_TRUE(store_->SetTrainingAudience(org_id, session, {alice, bob}).ok());
	ASSERT_TRUE(store_->SetTrainingAudience(org_id, session, {bob}).ok());  // replaces
	auto audience = store_->ListTrainingAudience(org_id).value();
	ASSERT_EQ(audience.size(), 1u);
	EXPECT_EQ(audience[0].user_id, bob);

	ASSERT_TRUE(store_->SetTrainingAttendance(org_id, session, {alice, bob}, "2026-11-01T09:00:00Z").ok());
	ASSERT_TRUE(store_->SetTrainingAttendance(org_id, session, {alice}, "2026-11-01T09:05:00Z").ok());
	auto attended = store_->ListTrainingAttendance(org_id).value();
	ASSERT_EQ(attended.size(), 1u);
	EXPECT_EQ(attended[0].user_id, alice);

	TrainingQuizResult result{0, session, alice, "five_articles", 4, 5, true, R"({"updates":"b"})",
	                          "2026-11-02T10:00:00Z"};
	ASSERT_TRUE(store_->AddTrainingQuizResult(org_id, result).ok());
	result.user_id = bob;
	result.passed = false;
	result.correct = 2;
	ASSERT_TRUE(store_->AddTrainingQuizResult(org_id, result).ok());
	EXPECT_EQ(store_->ListTrainingQuizResults(org_id, std::nullopt).value().size(), 2u);
	auto mine = store_->ListTrainingQuizResults(org_id, alice).value();
	ASSERT_EQ(mine.size(), 1u);
	EXPECT_TRUE(mine[0].passed);
	EXPECT_EQ(mine[0].answers, R"({"updates":"b"})");

	// Another organisation neither sees nor writes this session's records.
	EXPECT_TRUE(store_->ListTrainingAudience(other_org).value().empty());
	EXPECT_TRUE(store_->ListTrainingAttendance(other_org).value().empty());
	EXPECT_TRUE(store_->ListTrainingQuizResults(other_org, std::nullopt).value().empty());
	EXPECT_EQ(store_->SetTrainingAttendance(other_org, session, {bob}, "2026-11-03T00:00:00Z").error().code,
	          ErrorCode::kNotFound);
	EXPECT_EQ(store_->AddTrainingQuizResult(other_org, result).error().code, ErrorCode::kNotFound);
	EXPECT_FALSE(store_->FindTrainingSession(other_org, session).value().has_value());
	TrainingSession stolen = SampleSession(other_org, "x", "2026-01-01");
	stolen.id = session;
	EXPECT_EQ(store_->UpdateTrainingSession(stolen).error().code, ErrorCode::kNotFound);
}

TEST_P(StoreContract, TrainingSessionWithoutTitleIsRefusedNamingTheField) {
	const Id org_id = MakeOrg("教育株式会社");
	auto created = store_->CreateTrainingSession(SampleSession(org_id, "", "2026-11-01"));
	ASSERT_FALSE(created.ok());
	EXPECT_EQ(created.error().code, ErrorCode::kInvalidInput);
	EXPECT_EQ(created.error().field, "title");
}

} // namespace
} // namespace mamori::storage
