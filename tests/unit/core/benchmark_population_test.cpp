// mamori/tests/unit/core/benchmark_population_test.cpp
//
// The installation's benchmark aggregates (core/benchmark/population) from kept rows: the group
// points read from an answer code are the ones ScoreSelfcheck gives, small groups are withheld
// without their count, and the score, item and group distributions count every firm once.
#include "core/benchmark/population.hpp"
#include "core/selfcheck/answer_code.hpp"
#include "core/selfcheck/scoring.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <numeric>
#include <vector>

namespace mamori {
namespace {

using testing_support::ShippedCatalog;
using testing_support::ShippedEdition;

rc::Gen<AnswerSheet> GenSheet(int items) {
	return rc::gen::map(rc::gen::container<std::vector<int>>(static_cast<size_t>(items), rc::gen::inRange(0, 5)),
	                    [](const std::vector<int> &codes) {
		                    AnswerSheet sheet;
		                    for (size_t idx = 0; idx < codes.size(); ++idx) {
			                    if (codes[idx] < 4) {
				                    sheet[static_cast<int>(idx) + 1] = static_cast<Answer>(codes[idx]);
			                    }
		                    }
		                    return sheet;
	                    });
}

RC_GTEST_PROP(BenchmarkPopulationProperty, GroupPointsAreTheScoresGroups, ()) {
	const Edition &edition = ShippedEdition();
	const AnswerSheet sheet = *GenSheet(edition.ItemCount());
	const SelfcheckScore score = ScoreSelfcheck(edition.selfcheck_rules, edition.ItemCount(), sheet);
	const std::vector<int> points = GroupPointsOf(edition, EncodeAnswerCode(sheet));
	RC_ASSERT(points.size() == score.groups.size());
	for (size_t g = 0; g < points.size(); ++g) {
		RC_ASSERT(points[g] == score.groups[g].score);
	}
}

PopulationFirm MakePopulationFirm(int score, std::string industry, int employees, std::string answers) {
	return PopulationFirm{score, std::move(industry), employees, std::move(answers), &ShippedEdition()};
}

TEST(BenchmarkPopulationTest, CountsEveryFirmOnceAndWithholdsSmallGroups) {
	const BenchmarkRules &rules = ShippedCatalog().benchmark;
	ASSERT_EQ(rules.default_min_group, 5);
	const int items = ShippedEdition().ItemCount();
	const std::string all_done(static_cast<size_t>(items), 'i');
	const std::string none_done(static_cast<size_t>(items), 'n');
	std::vector<PopulationFirm> firms;
	for (int i = 0; i < 5; ++i) {
		firms.push_back(MakePopulationFirm(100, "retail", 3, all_done));
	}
	firms.push_back(MakePopulationFirm(-5, "services", 3, none_done));
	const InstallationBenchmark out = BenchmarkOfPopulation(rules, firms, items);
	EXPECT_EQ(out.firms, 6);
	ASSERT_TRUE(out.overall.shown);
	EXPECT_EQ(out.overall.n, 6);
	EXPECT_EQ(out.overall.mean, 82.5);
	ASSERT_EQ(out.overall.counts.size(), out.score_bins.size());
	EXPECT_EQ(out.overall.counts.front(), 1);  // below 0
	EXPECT_EQ(out.overall.counts.back(), 5);   // 90–100
	ASSERT_EQ(out.by_industry.size(), 2u);
	EXPECT_EQ(out.by_industry[0].key, "retail");
	EXPECT_TRUE(out.by_industry[0].shown);
	EXPECT_EQ(out.by_industry[1].key, "services");
	EXPECT_FALSE(out.by_industry[1].shown);
	EXPECT_EQ(out.by_industry[1].n, 0);  // not even the count
	EXPECT_TRUE(out.by_industry[1].counts.empty());
	ASSERT_EQ(out.by_size.size(), 1u);
	EXPECT_EQ(out.by_size[0].key, "1-5");
	EXPECT_EQ(out.by_size[0].n, 6);
	ASSERT_EQ(out.by_item.size(), static_cast<size_t>(items));
	EXPECT_EQ(out.by_item[0].key, "1");
	EXPECT_EQ(out.by_item[0].counts, (std::vector<int>{5, 0, 1, 0}));
	EXPECT_EQ(out.by_item[0].mean, 83.3);  // per cent implementing
	ASSERT_EQ(out.by_group.size(), ShippedEdition().selfcheck_rules.groups.size());
	for (const Distribution &group : out.by_group) {
		EXPECT_EQ(group.n, 6);
		EXPECT_EQ(std::accumulate(group.counts.begin(), group.counts.end(), 0), 6);
		EXPECT_EQ(group.counts.back(), 5);  // the full fifth
	}
}

TEST(BenchmarkPopulationTest, AnEmptyPopulationShowsNothing) {
	const InstallationBenchmark out = BenchmarkOfPopulation(ShippedCatalog().benchmark, {}, ShippedEdition().ItemCount());
	EXPECT_EQ(out.firms, 0);
	EXPECT_FALSE(out.overall.shown);
	EXPECT_TRUE(out.by_industry.empty());
	EXPECT_TRUE(out.by_group.empty());
	for (const Distribution &item : out.by_item) {
		EXPECT_FALSE(item.shown);
	}
}

} // namespace
} // namespace mamori
