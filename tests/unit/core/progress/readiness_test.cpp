// mamori/tests/unit/core/progress/readiness_test.cpp
//
// SECURITY ACTION readiness (methodology §1, §2): ★1 = every one of the 5か条
// 実施中 or 実施済み (the seed: 一つ星 declares that the firm is working on them);
// ★2 = 自社診断 done and a 基本方針 established and published.
#include "core/progress/readiness.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <string>
#include <vector>

namespace mamori {
namespace {

using Missing = std::vector<std::string>;

ProgressFacts AllDone() {
	ProgressFacts facts;
	facts.five_articles_pending = {};
	facts.five_articles_not_started = {};
	facts.selfcheck_started = true;
	facts.selfcheck_completed = true;
	facts.policy_drafted = true;
	facts.policy_established = true;
	facts.policy_published = true;
	return facts;
}

TEST(ReadinessTest, OneStarReadyWhenAllFiveArticlesDone) {
	const auto result = OneStarReadiness(AllDone());
	EXPECT_EQ(result.star, Star::kOne);
	EXPECT_TRUE(result.ready);
	EXPECT_TRUE(result.missing.empty());
}

TEST(ReadinessTest, OneStarReadyWhenAllArticlesInProgress) {
	ProgressFacts facts = AllDone();
	facts.five_articles_pending = {1, 2, 3, 4, 5};  // none 実施済み yet, all 実施中
	facts.five_articles_not_started = {};
	const auto result = OneStarReadiness(facts);
	EXPECT_TRUE(result.ready);
	EXPECT_TRUE(result.missing.empty());
}

TEST(ReadinessTest, OneStarReadyWithAMixOfInProgressAndDone) {
	ProgressFacts facts = AllDone();
	facts.five_articles_pending = {2, 4, 5};  // 実施済み 2・実施中 3
	EXPECT_TRUE(OneStarReadiness(facts).ready);
}

TEST(ReadinessTest, OneStarNotReadyWhenOneArticleNotStarted) {
	for (int article = 1; article <= 5; ++article) {
		ProgressFacts facts = AllDone();
		facts.five_articles_pending = {article};
		facts.five_articles_not_started = {article};
		const auto result = OneStarReadiness(facts);
		EXPECT_FALSE(result.ready) << article;
		EXPECT_EQ(result.missing, Missing{"five_articles"});
	}
	// Four in progress, one not started: still not ready.
	ProgressFacts four = AllDone();
	four.five_articles_pending = {1, 2, 3, 4, 5};
	four.five_articles_not_started = {3};
	EXPECT_FALSE(OneStarReadiness(four).ready);

	ProgressFacts nothing;
	nothing.five_articles_pending = {1, 2, 3, 4, 5};
	nothing.five_articles_not_started = {1, 2, 3, 4, 5};
	EXPECT_FALSE(OneStarReadiness(nothing).ready);
	EXPECT_EQ(OneStarReadiness(nothing).missing, Missing{"five_articles"});
}

TEST(ReadinessTest, ArticleStateNamesRoundTrip) {
	for (ArticleState state : {ArticleState::kNotStarted, ArticleState::kInProgress, ArticleState::kDone}) {
		EXPECT_EQ(ParseArticleStateName(ArticleStateName(state)), state);
	}
	EXPECT_EQ(ArticleStateName(ArticleState::kInProgress), "in_progress");
	EXPECT_FALSE(ParseArticleStateName("started").has_value());
	EXPECT_FALSE(ParseArticleStateName("").has_value());
}

TEST(ReadinessTest, OneStarIgnoresSelfcheckAndPolicy) {
	ProgressFacts facts;  // nothing else done, but no article pending
	EXPECT_TRUE(OneStarReadiness(facts).ready);
}

TEST(ReadinessTest, TwoStarReadyWhenAllThreeConditionsHold) {
	const auto result = TwoStarReadiness(AllDone());
	EXPECT_EQ(result.star, Star::kTwo);
	EXPECT_TRUE(result.ready);
	EXPECT_TRUE(result.missing.empty());
}

TEST(ReadinessTest, TwoStarListsEachMissingCondition) {
	ProgressFacts facts = AllDone();
	facts.selfcheck_completed = false;
	EXPECT_EQ(TwoStarReadiness(facts).missing, Missing{"selfcheck"});
	EXPECT_FALSE(TwoStarReadiness(facts).ready);

	facts = AllDone();
	facts.policy_established = false;
	EXPECT_EQ(TwoStarReadiness(facts).missing, Missing{"policy_established"});

	facts = AllDone();
	facts.policy_published = false;
	EXPECT_EQ(TwoStarReadiness(facts).missing, Missing{"policy_published"});

	ProgressFacts nothing;
	nothing.selfcheck_started = true;  // started is not enough
	nothing.policy_drafted = true;     // a draft is not enough
	EXPECT_EQ(TwoStarReadiness(nothing).missing, (Missing{"selfcheck", "policy_established", "policy_published"}));
	EXPECT_FALSE(TwoStarReadiness(nothing).ready);
}

TEST(ReadinessTest, TwoStarDoesNotDependOnFiveArticles) {
	ProgressFacts facts = AllDone();
	facts.five_articles_pending = {1, 2};
	facts.five_articles_not_started = {1, 2};
	EXPECT_TRUE(TwoStarReadiness(facts).ready);
}

RC_GTEST_PROP(ReadinessProperty, ReadyIffNothingMissing, ()) {
	ProgressFacts facts;
	facts.selfcheck_completed = *rc::gen::arbitrary<bool>();
	facts.policy_established = *rc::gen::arbitrary<bool>();
	facts.policy_published = *rc::gen::arbitrary<bool>();
	// Each article 未着手, 実施中 or 実施済み at random.
	for (int article = 1; article <= 5; ++article) {
		const int state = *rc::gen::inRange(0, 3);
		if (state != 2) facts.five_articles_pending.push_back(article);
		if (state == 0) facts.five_articles_not_started.push_back(article);
	}
	const auto one = OneStarReadiness(facts);
	const auto two = TwoStarReadiness(facts);
	RC_ASSERT(one.ready == one.missing.empty());
	RC_ASSERT(two.ready == two.missing.empty());
	RC_ASSERT(one.ready == facts.five_articles_not_started.empty());
	RC_ASSERT(two.ready == (facts.selfcheck_completed && facts.policy_established && facts.policy_published));
	RC_ASSERT(two.missing.size() == static_cast<size_t>(!facts.selfcheck_completed + !facts.policy_established +
	                                                    !facts.policy_published));
}

} // namespace
} // namespace mamori
