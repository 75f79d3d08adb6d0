// mamori/tests/unit/storage/store_contract_exercises_test.cpp
//
// Store contract: tabletop exercises (issue 9). A firm's scenarios and the
// exercises round-trip; participants keep their order and an outsider has no
// user; a choice is replaced, not doubled; finishing twice is a conflict;
// nothing reaches across organisations.
// Runs for every backend through the Store interface (store_contract.hpp).
#include "storage/store_contract.hpp"

namespace mamori::storage {
namespace {

Exercise SampleExercise(Id org_id, Id user_id) {
	Exercise exercise;
	exercise.org_id = org_id;
	exercise.held_on = "2026-12-04";
	exercise.builtin_scenario = "targeted_mail_attack";
	exercise.title = "標的型メールの訓練";
	exercise.facilitator_id = user_id;
	exercise.facilitator_name = "進行 太郎";
	exercise.created_by = user_id;
	exercise.created_at = "2026-12-04T01:00:00Z";
	return exercise;
}

TEST_P(StoreContract, FirmScenariosRoundTripWithinTheirOrganisation) {
	const Id org_id = MakeOrg("訓練株式会社");
	const Id other_org = MakeOrg("別株式会社");
	FirmScenario scenario{0, org_id, "targeted_mail_attack", "当社版", "id: ours\n", "", ""};
	auto id = store_->CreateFirmScenario(scenario);
	ASSERT_TRUE(id.ok()) << id.error().Describe();
	auto found = store_->FindFirmScenario(org_id, *id);
	ASSERT_TRUE(found.ok() && found->has_value());
	EXPECT_EQ((*found)->based_on, "targeted_mail_attack");
	EXPECT_EQ((*found)->yaml, "id: ours\n");
	EXPECT_FALSE((*found)->created_at.empty());

	scenario.id = *id;
	scenario.title = "当社版2";
	scenario.yaml = "id: ours2\n";
	ASSERT_TRUE(store_->UpdateFirmScenario(scenario).ok());
	EXPECT_EQ((*store_->FindFirmScenario(org_id, *id))->yaml, "id: ours2\n");
	EXPECT_EQ(store_->ListFirmScenarios(org_id)->size(), 1U);

	EXPECT_FALSE(store_->FindFirmScenario(other_org, *id)->has_value());
	EXPECT_TRUE(store_->ListFirmScenarios(other_org)->empty());
	scenario.org_id = other_org;
	EXPECT_EQ(store_->UpdateFirmScenario(scenario).error().code, ErrorCode::kNotFound);
}

TEST_P(StoreContract, ExercisesKeepParticipantsAndOneChoicePerDecision) {
	const Id org_id = MakeOrg("訓練株式会社");
	const Id other_org = MakeOrg("別株式会社");
	const Id user_id = MakeUser("facilitator@example.jp");
	auto id = store_->CreateExercise(SampleExercise(org_id, user_id),
	                                 {{0, 0, user_id, "進行 太郎"}, {0, 0, std::nullopt, "委託先 佐藤"}});
	ASSERT_TRUE(id.ok()) << id.error().Describe();
	auto found = store_->FindExercise(org_id, *id);
	ASSERT_TRUE(found.ok() && found->has_value());
	EXPECT_EQ((*found)->builtin_scenario, "targeted_mail_attack");
	EXPECT_EQ((*found)->facilitator_id, std::optional<Id>(user_id));
	EXPECT_FALSE((*found)->finished_at.has_value());

	auto participants = store_->ListExerciseParticipants(org_id, *id).value();
	ASSERT_EQ(participants.size(), 2U);
	EXPECT_EQ(participants[0].name, "進行 太郎");
	EXPECT_EQ(participants[0].user_id, std::optional<Id>(user_id));
	EXPECT_FALSE(participants[1].user_id.has_value());

	const Id first = participants[0].id;
	ASSERT_TRUE(store_->PutExerciseChoice(org_id, {first, "first_response", "wait_and_see", "2026-12-04T01:10:00Z", user_id}).ok());
	ASSERT_TRUE(store_->PutExerciseChoice(org_id, {first, "first_response", "report_up", "2026-12-04T01:11:00Z", user_id}).ok());
	auto choices = store_->ListExerciseChoices(org_id, *id).value();
	ASSERT_EQ(choices.size(), 1U) << "a choice is replaced, not doubled";
	EXPECT_EQ(choices[0].option_id, "report_up");
	EXPECT_EQ(choices[0].recorded_at, "2026-12-04T01:11:00Z");

	// Another organisation reaches none of it.
	EXPECT_FALSE(store_->FindExercise(other_org, *id)->has_value());
	EXPECT_TRUE(store_->ListExerciseParticipants(other_org, *id)->empty());
	EXPECT_TRUE(store_->ListExerciseChoices(other_org, *id)->empty());
	EXPECT_EQ(store_->PutExerciseChoice(other_org, {first, "first_response", "wait_and_see", "x", std::nullopt}).error().code,
	          ErrorCode::kNotFound);
	EXPECT_EQ(store_->FinishExercise(other_org, *id, "2026-12-04T02:00:00Z").error().code, ErrorCode::kNotFound);

	ASSERT_TRUE(store_->FinishExercise(org_id, *id, "2026-12-04T02:00:00Z").ok());
	EXPECT_EQ((*store_->FindExercise(org_id, *id))->finished_at, std::optional<std::string>("2026-12-04T02:00:00Z"));
	EXPECT_EQ(store_->FinishExercise(org_id, *id, "2026-12-04T03:00:00Z").error().code, ErrorCode::kConflict);
	EXPECT_EQ(store_->ListExercises(org_id)->size(), 1U);
	EXPECT_TRUE(store_->ListExercises(other_org)->empty());
}

} // namespace
} // namespace mamori::storage
