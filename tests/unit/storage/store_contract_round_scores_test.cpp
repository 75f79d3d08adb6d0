// mamori/tests/unit/storage/store_contract_round_scores_test.cpp
//
// Store contract: the rounds' kept scores (migration 0028): written for a round of the
// organisation only, replaced on rewrite, listed by round; the rounds answered without a kept
// score found for the server's start; the benchmark's population read as each firm's latest
// complete round. Runs for every backend through the Store interface (store_contract.hpp).
#include "storage/store_contract.hpp"

namespace mamori::storage {
namespace {

void Answer1(Store &store, Id org_id, Id round_id) {
	SelfcheckResponse response;
	response.round_id = round_id;
	response.respondent = "本社";
	response.answers = {{1, Answer::kImplemented}};
	response.updated_at = "2025-04-02T09:00:00Z";
	ASSERT_TRUE(store.UpsertResponse(org_id, response).ok());
}

TEST_P(StoreContract, RoundScoreIsKeptPerRoundOfItsOrganisation) {
	const Id org_a = MakeOrg("A社");
	const Id org_b = MakeOrg("B社");
	const Id first = MakeRound(org_a);
	const Id second = MakeRound(org_a);
	RoundScore score{.org_id = org_a, .round_id = second, .edition = "3.0", .respondents = 2, .total = 40,
	                 .max = 100, .complete = true, .answers = "ipnu"};
	ASSERT_TRUE(store_->PutRoundScore(score).ok());
	ASSERT_TRUE(store_->PutRoundScore({.org_id = org_a, .round_id = first, .respondents = 1, .total = 5, .answers = "i"}).ok());
	// Another organisation's round: nothing written.
	auto wrong = store_->PutRoundScore({.org_id = org_b, .round_id = first, .total = 99});
	ASSERT_FALSE(wrong.ok());
	EXPECT_EQ(wrong.error().code, ErrorCode::kNotFound);

	score.total = 44;
	score.complete = false;
	ASSERT_TRUE(store_->PutRoundScore(score).ok());  // replaced
	auto kept = store_->ListRoundScores(org_a);
	ASSERT_TRUE(kept.ok()) << kept.error().Describe();
	ASSERT_EQ(kept->size(), 2u);
	EXPECT_EQ((*kept)[0].round_id, first);
	EXPECT_EQ((*kept)[0].round_number, 1);
	EXPECT_EQ((*kept)[0].total, 5);
	const RoundScore &read = (*kept)[1];
	EXPECT_EQ(read.round_number, 2);
	EXPECT_EQ(read.started_at, "2025-04-01T09:00:00Z");
	EXPECT_EQ(read.edition, "3.0");
	EXPECT_EQ(read.respondents, 2);
	EXPECT_EQ(read.total, 44);
	EXPECT_EQ(read.max, 100);
	EXPECT_FALSE(read.complete);
	EXPECT_EQ(read.answers, "ipnu");
	EXPECT_TRUE(store_->ListRoundScores(org_b).value().empty());
}

TEST_P(StoreContract, UnscoredRoundsAreTheAnsweredOnesWithoutAKeptScore) {
	const Id org = MakeOrg("A社");
	const Id unanswered = MakeRound(org);
	const Id scored = MakeRound(org);
	const Id unscored = MakeRound(org);
	Answer1(*store_, org, scored);
	Answer1(*store_, org, unscored);
	ASSERT_TRUE(store_->PutRoundScore({.org_id = org, .round_id = scored, .respondents = 1}).ok());
	auto rounds = store_->ListUnscoredRounds(10);
	ASSERT_TRUE(rounds.ok()) << rounds.error().Describe();
	ASSERT_EQ(rounds->size(), 1u);
	EXPECT_EQ((*rounds)[0].id, unscored);
	EXPECT_EQ((*rounds)[0].org_id, org);
	EXPECT_NE((*rounds)[0].id, unanswered);
	EXPECT_TRUE(store_->ListUnscoredRounds(0).value().empty());
}

TEST_P(StoreContract, BenchmarkReadsEachFirmsLatestCompleteRound) {
	const Id a = MakeOrg("A社");
	const Id b = MakeOrg("B社");
	const Id c = MakeOrg("C社");  // no complete round: not in the population
	const Id a1 = MakeRound(a);
	const Id a2 = MakeRound(a);
	const Id a3 = MakeRound(a);
	ASSERT_TRUE(store_->PutRoundScore({.org_id = a, .round_id = a1, .total = 10, .complete = true, .answers = "n"}).ok());
	ASSERT_TRUE(store_->PutRoundScore({.org_id = a, .round_id = a2, .total = 20, .complete = true, .answers = "p"}).ok());
	ASSERT_TRUE(store_->PutRoundScore({.org_id = a, .round_id = a3, .total = 30, .complete = false, .answers = "i"}).ok());
	ASSERT_TRUE(store_->PutRoundScore({.org_id = b, .round_id = MakeRound(b), .total = -5, .complete = true, .answers = "u"}).ok());
	ASSERT_TRUE(store_->PutRoundScore({.org_id = c, .round_id = MakeRound(c), .total = 50, .complete = false}).ok());

	auto population = store_->ListLatestCompleteScores();
	ASSERT_TRUE(population.ok()) << population.error().Describe();
	ASSERT_EQ(population->size(), 2u);
	const BenchmarkScore &first = (*population)[0];
	EXPECT_EQ(first.org_id, a);
	EXPECT_EQ(first.total, 20);  // the latest complete round, not the newer incomplete one
	EXPECT_EQ(first.answers, "p");
	EXPECT_EQ(first.industry, "manufacturing");
	EXPECT_EQ(first.employees, 25);
	EXPECT_EQ(first.edition, "3.0");
	EXPECT_EQ((*population)[1].org_id, b);
	EXPECT_EQ((*population)[1].total, -5);

	// An emptied (deleted) organisation leaves the population.
	ASSERT_TRUE(store_->EmptyOrganization(b, "2026-12-05T00:00:00Z").ok());
	ASSERT_EQ(store_->ListLatestCompleteScores().value().size(), 1u);
}

} // namespace
} // namespace mamori::storage
