// mamori/tests/unit/readiness_test.cpp
//
// SECURITY ACTION readiness (methodology §1, §2): ★1 = all 5か条 carried out;
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

TEST(ReadinessTest, OneStarMissingWhenAnyArticlePending) {
	for (int article = 1; article <= 5; ++article) {
		ProgressFacts facts = AllDone();
		facts.five_articles_pending = {article};
		const auto result = OneStarReadiness(facts);
		EXPECT_FALSE(result.ready) << article;
		EXPECT_EQ(result.missing, Missing{"five_articles"});
	}
	ProgressFacts nothing;
	nothing.five_articles_pending = {1, 2, 3, 4, 5};
	EXPECT_FALSE(OneStarReadiness(nothing).ready);
	EXPECT_EQ(OneStarReadiness(nothing).missing, Missing{"five_articles"});
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
	EXPECT_TRUE(TwoStarReadiness(facts).ready);
}

RC_GTEST_PROP(ReadinessProperty, ReadyIffNothingMissing, ()) {
	ProgressFacts facts;
	facts.selfcheck_completed = *rc::gen::arbitrary<bool>();
	facts.policy_established = *rc::gen::arbitrary<bool>();
	facts.policy_published = *rc::gen::arbitrary<bool>();
	if (*rc::gen::arbitrary<bool>()) facts.five_articles_pending = {*rc::gen::inRange(1, 6)};
	const auto one = OneStarReadiness(facts);
	const auto two = TwoStarReadiness(facts);
	RC_ASSERT(one.ready == one.missing.empty());
	RC_ASSERT(two.ready == two.missing.empty());
	RC_ASSERT(one.ready == facts.five_articles_pending.empty());
	RC_ASSERT(two.ready == (facts.selfcheck_completed && facts.policy_established && facts.policy_published));
	RC_ASSERT(two.missing.size() == static_cast<size_t>(!facts.selfcheck_completed + !facts.policy_established +
	                                                    !facts.policy_published));
}

} // namespace
} // namespace mamori
