// mamori/tests/unit/core/benchmark_position_test.cpp
//
// methodology.md §7 as properties: the percentile lies in 0..100 and grows
// with the score, the 偏差値 is 50 at the mean (and whenever sd is 0), the
// mean of everyone's 偏差値 is 50, a group below the minimum is withheld,
// and rounding is half away from zero at one decimal place.
#include "core/benchmark/position.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cmath>

namespace mamori {
namespace {

BenchmarkRules Rules() {
	return BenchmarkRules{{{"1-5", 0, 5}, {"6-20", 6, 20}, {"21-50", 21, 50}, {"51-100", 51, 100}, {"101-300", 101, 300}, {"301+", 301, std::nullopt}}, 5};
}

TEST(BenchmarkPositionTest, RoundsHalfAwayFromZeroAtOneDecimal) {
	EXPECT_EQ(RoundToTenth(48.75), 48.8);
	EXPECT_EQ(RoundToTenth(-48.75), -48.8);
	EXPECT_EQ(RoundToTenth(48.74), 48.7);
	// The mean of {1, 2} is 1.5 → 1.5; of {0, 0, 1} is 0.333… → 0.3; of {1, 1, 2, 2, 2, 2, 2, 2} = 1.75 → 1.8.
	EXPECT_EQ(PositionInGroup({1, 2}, 1).mean, 1.5);
	EXPECT_EQ(PositionInGroup({0, 0, 1}, 0).mean, 0.3);
	EXPECT_EQ(PositionInGroup({1, 1, 2, 2, 2, 2, 2, 2}, 1).mean, 1.8);
	EXPECT_EQ(PositionInGroup({-1, -1, -2, -2, -2, -2, -2, -2}, -1).mean, -1.8);
}

TEST(BenchmarkPositionTest, EmployeeBandsCoverEveryCount) {
	const BenchmarkRules rules = Rules();
	EXPECT_EQ(rules.BandOf(0)->id, "1-5");
	EXPECT_EQ(rules.BandOf(5)->id, "1-5");
	EXPECT_EQ(rules.BandOf(6)->id, "6-20");
	EXPECT_EQ(rules.BandOf(300)->id, "101-300");
	EXPECT_EQ(rules.BandOf(301)->id, "301+");
	EXPECT_EQ(rules.BandOf(1'000'000)->id, "301+");
}

RC_GTEST_PROP(BenchmarkPositionProperty, PercentileAndDeviationFollowTheRule, ()) {
	const auto scores = *rc::gen::nonEmpty(rc::gen::container<std::vector<int>>(rc::gen::inRange(-25, 101)));
	const int score = *rc::gen::elementOf(scores);
	const GroupPosition position = PositionInGroup(scores, score);
	RC_ASSERT(position.n == static_cast<int>(scores.size()));
	RC_ASSERT(position.percentile > 0.0);
	RC_ASSERT(position.percentile <= 100.0);
	const auto [lowest, highest] = std::minmax_element(scores.begin(), scores.end());
	if (*lowest == *highest) {
		RC_ASSERT(position.sd == 0.0);
		RC_ASSERT(position.deviation == 50.0);
		RC_ASSERT(position.percentile == 50.0);
	}
	// A higher score in the same group never stands lower.
	const int other = *rc::gen::elementOf(scores);
	const GroupPosition other_position = PositionInGroup(scores, other);
	if (other > score) {
		RC_ASSERT(other_position.percentile > position.percentile);
		RC_ASSERT(other_position.deviation >= position.deviation);
	}
}

RC_GTEST_PROP(BenchmarkPositionProperty, DeviationsAverageFifty, ()) {
	const auto scores = *rc::gen::suchThat(rc::gen::container<std::vector<int>>(rc::gen::inRange(-25, 101)),
	                                       [](const std::vector<int> &s) { return s.size() >= 2; });
	double total = 0;
	for (int score : scores) {
		total += PositionInGroup(scores, score).deviation;
	}
	// Each 偏差値 is rounded to a tenth, so the mean may be off by at most 0.05.
	RC_ASSERT(std::abs(total / scores.size() - 50.0) <= 0.05 + 1e-9);
}

RC_GTEST_PROP(BenchmarkPositionProperty, GroupsBelowTheMinimumAreWithheld, ()) {
	const int count = *rc::gen::inRange(1, 30);
	const int min_group = *rc::gen::inRange(1, 12);
	std::vector<BenchmarkFirm> firms;
	for (int i = 0; i < count; ++i) {
		firms.push_back({"f" + std::to_string(i), *rc::gen::inRange(-25, 101), i % 3 == 0 ? "retail" : "services",
		                 *rc::gen::inRange(0, 400)});
	}
	const BenchmarkPosition position = PositionOf(Rules(), firms, 0, min_group);
	RC_ASSERT(position.overall.has_value() == (count >= min_group));
	const int same_industry = static_cast<int>(std::count_if(firms.begin(), firms.end(), [](const BenchmarkFirm &f) { return f.industry == "retail"; }));
	RC_ASSERT(position.industry.has_value() == (same_industry >= min_group));
	if (position.industry) {
		RC_ASSERT(position.industry->n == same_industry);
	}
}

} // namespace
} // namespace mamori
