// mamori/tests/unit/storage/store_contract_selfcheck_test.cpp
//
// Store contract: The 5か条 and the 自社診断 rounds and responses.
// Runs for every backend through the Store interface (store_contract.hpp).
#include "storage/store_contract.hpp"

namespace mamori::storage {
namespace {

TEST_P(StoreContract, UpsertResponseReplacesAnswers) {
	const Id org_id = MakeOrg("A社");
	const Id round_id = MakeRound(org_id);
	SelfcheckResponse response;
	response.round_id = round_id;
	response.respondent = "営業部";
	response.answers = {{1, Answer::kImplemented}, {2, Answer::kPartial}, {3, Answer::kUnknown}};
	response.updated_at = "2025-04-02T09:00:00Z";
	ASSERT_TRUE(store_->UpsertResponse(org_id, response).ok());

	response.answers = {{2, Answer::kNotImplemented}, {4, Answer::kImplemented}};
	response.submitted_at = "2025-04-03T09:00:00Z";
	response.updated_at = "2025-04-03T09:00:00Z";
	ASSERT_TRUE(store_->UpsertResponse(org_id, response).ok());

	auto all = store_->ListResponses(org_id, round_id);
	ASSERT_TRUE(all.ok());
	ASSERT_EQ(all->size(), 1u);
	EXPECT_EQ((*all)[0].answers, response.answers);
	EXPECT_EQ((*all)[0].submitted_at, "2025-04-03T09:00:00Z");
	auto one = store_->FindResponse(org_id, round_id, "営業部");
	ASSERT_TRUE(one->has_value());
	EXPECT_EQ((*one)->answers, response.answers);

	SelfcheckResponse second;
	second.round_id = round_id;
	second.respondent = "総務部";
	second.answers = {{1, Answer::kPartial}};
	ASSERT_TRUE(store_->UpsertResponse(org_id, second).ok());
	all = store_->ListResponses(org_id, round_id);
	ASSERT_EQ(all->size(), 2u);
	EXPECT_EQ((*all)[0].answers.size() + (*all)[1].answers.size(), 3u);

	// Bad item numbers are rejected before anything is written.
	second.answers = {{0, Answer::kPartial}};
	EXPECT_EQ(store_->UpsertResponse(org_id, second).error().code, ErrorCode::kInvalidInput);
	EXPECT_EQ(store_->FindResponse(org_id, round_id, "総務部")->value().answers.size(), 1u);
}

TEST_P(StoreContract, RoundsNumberAndClose) {
	const Id org_id = MakeOrg("A社");
	const Id first = MakeRound(org_id);
	const Id second = MakeRound(org_id);
	EXPECT_EQ(store_->FindRound(org_id, first)->value().number, 1);
	EXPECT_EQ(store_->FindRound(org_id, second)->value().number, 2);
	EXPECT_EQ(store_->CurrentRound(org_id)->value().id, second);
	ASSERT_TRUE(store_->CloseRound(org_id, second, "2025-05-01T00:00:00Z").ok());
	EXPECT_EQ(store_->CloseRound(org_id, second, "2025-05-02T00:00:00Z").error().code, ErrorCode::kConflict);
	EXPECT_EQ(store_->FindRound(org_id, second)->value().closed_at, "2025-05-01T00:00:00Z");
	SelfcheckRound dup;
	dup.org_id = org_id;
	dup.number = 2;
	EXPECT_EQ(store_->CreateRound(dup).error().code, ErrorCode::kConflict);
}

TEST_P(StoreContract, FiveArticlesUpsert) {
	const Id org_id = MakeOrg("A社");
	ASSERT_TRUE(store_->UpsertFiveArticle({org_id, 3, ArticleState::kDone, "2025-04-01", "山田", ""}).ok());
	ASSERT_TRUE(store_->UpsertFiveArticle({org_id, 1, ArticleState::kNotStarted, "", "", ""}).ok());
	ASSERT_TRUE(store_->UpsertFiveArticle({org_id, 3, ArticleState::kInProgress, "", "佐藤", ""}).ok());
	EXPECT_EQ(store_->UpsertFiveArticle({org_id, 6, ArticleState::kDone, "", "", ""}).error().code, ErrorCode::kInvalidInput);
	auto list = store_->ListFiveArticles(org_id);
	ASSERT_EQ(list->size(), 2u);
	EXPECT_EQ((*list)[0].number, 1);
	EXPECT_EQ((*list)[0].state, ArticleState::kNotStarted);
	EXPECT_EQ((*list)[1].number, 3);
	EXPECT_EQ((*list)[1].state, ArticleState::kInProgress);
	EXPECT_EQ((*list)[1].responsible, "佐藤");
	EXPECT_FALSE((*list)[1].updated_at.empty());
}

} // namespace
} // namespace mamori::storage
