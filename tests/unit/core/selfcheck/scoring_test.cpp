// mamori/tests/unit/core/selfcheck/scoring_test.cpp
//
// Scoring of the 25-item self-diagnosis (methodology §2): points 4/2/0/−1,
// group maxima 20/52/28, total in [−25, 100], the sheet's score bands.
#include "core/selfcheck/scoring.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <numeric>
#include <string>
#include <vector>

namespace mamori {
namespace {

const Edition &Ed() {
	return testing_support::ShippedCatalog().DefaultEdition();
}
const SelfcheckRules &ScoringRules() { return Ed().selfcheck_rules; }

SelfcheckScore Score(const AnswerSheet &sheet) { return ScoreSelfcheck(ScoringRules(), 25, sheet); }

AnswerSheet AllSame(Answer answer) {
	AnswerSheet sheet;
	for (int item = 1; item <= 25; ++item) {
		sheet[item] = answer;
	}
	return sheet;
}

//! A total reached by a sheet: `implemented` items answered 4 points, the
//! rest 0 (each 4 points), then adjusting with partial answers.
AnswerSheet SheetWithTotal(int total) {
	// total = 4a + 2b with a + b <= 25 for even totals in [0,100]; odd totals
	// use one わからない (−1) and add 1 more point elsewhere.
	AnswerSheet sheet = AllSame(Answer::kNotImplemented);
	int remaining = total;
	int item = 1;
	if (remaining % 2 != 0) {
		sheet[item++] = Answer::kUnknown;
		remaining += 1;
	}
	while (remaining >= 4 && item <= 25) {
		sheet[item++] = Answer::kImplemented;
		remaining -= 4;
	}
	while (remaining >= 2 && item <= 25) {
		sheet[item++] = Answer::kPartial;
		remaining -= 2;
	}
	return sheet;
}

// Answers 0..3 are the four choices; 4 means unanswered.
AnswerSheet SheetFromCodes(const std::vector<int> &codes) {
	AnswerSheet sheet;
	for (size_t idx = 0; idx < codes.size() && idx < 25; ++idx) {
		if (codes[idx] < 4) {
			sheet[static_cast<int>(idx) + 1] = static_cast<Answer>(codes[idx]);
		}
	}
	return sheet;
}

rc::Gen<std::vector<int>> GenCodes() { return rc::gen::container<std::vector<int>>(25, rc::gen::inRange(0, 5)); }

TEST(ScoringTest, PointsPerAnswer) {
	EXPECT_EQ(PointsFor(ScoringRules(), Answer::kImplemented), 4);
	EXPECT_EQ(PointsFor(ScoringRules(), Answer::kPartial), 2);
	EXPECT_EQ(PointsFor(ScoringRules(), Answer::kNotImplemented), 0);
	EXPECT_EQ(PointsFor(ScoringRules(), Answer::kUnknown), -1);
}

TEST(ScoringTest, AllImplementedIsHundredAndComplete) {
	const auto score = Score(AllSame(Answer::kImplemented));
	EXPECT_EQ(score.total, 100);
	EXPECT_EQ(score.max, 100);
	ASSERT_NE(score.band, nullptr);
	EXPECT_EQ(score.band->id, "complete");
	EXPECT_TRUE(score.unknown_items.empty());
	EXPECT_TRUE(score.unanswered_items.empty());
	EXPECT_TRUE(score.weak_items.empty());
	EXPECT_TRUE(score.Complete());
}

TEST(ScoringTest, AllUnknownIsMinusTwentyFive) {
	const auto score = Score(AllSame(Answer::kUnknown));
	EXPECT_EQ(score.total, -25);
	EXPECT_EQ(score.band->id, "critical");
	EXPECT_EQ(score.unknown_items.size(), 25u);
	EXPECT_TRUE(score.unanswered_items.empty());
}

TEST(ScoringTest, AllPartialAndAllNotImplemented) {
	EXPECT_EQ(Score(AllSame(Answer::kPartial)).total, 50);
	EXPECT_EQ(Score(AllSame(Answer::kPartial)).band->id, "insufficient");
	EXPECT_EQ(Score(AllSame(Answer::kNotImplemented)).total, 0);
	EXPECT_EQ(Score(AllSame(Answer::kNotImplemented)).weak_items.size(), 25u);
}

TEST(ScoringTest, GroupMaxima) {
	const auto score = Score(AllSame(Answer::kImplemented));
	ASSERT_EQ(score.groups.size(), 3u);
	EXPECT_EQ(score.groups[0].id, "basic");
	EXPECT_EQ(score.groups[0].max, 20);
	EXPECT_EQ(score.groups[0].score, 20);
	EXPECT_EQ(score.groups[0].item_count, 5);
	EXPECT_EQ(score.groups[1].id, "employee");
	EXPECT_EQ(score.groups[1].max, 52);
	EXPECT_EQ(score.groups[1].score, 52);
	EXPECT_EQ(score.groups[1].item_count, 13);
	EXPECT_EQ(score.groups[2].id, "organization");
	EXPECT_EQ(score.groups[2].max, 28);
	EXPECT_EQ(score.groups[2].score, 28);
	EXPECT_EQ(score.groups[2].item_count, 7);
}

TEST(ScoringTest, GroupBoundariesFollowItems) {
	// Item 5 is the last basic item, 6 the first employee item, 18 the last,
	// 19 the first organisation item.
	AnswerSheet sheet{{5, Answer::kImplemented}, {6, Answer::kPartial}, {18, Answer::kUnknown},
	                  {19, Answer::kImplemented}, {25, Answer::kPartial}};
	const auto score = Score(sheet);
	EXPECT_EQ(score.groups[0].score, 4);
	EXPECT_EQ(score.groups[0].answered, 1);
	EXPECT_EQ(score.groups[1].score, 1);
	EXPECT_EQ(score.groups[1].answered, 2);
	EXPECT_EQ(score.groups[2].score, 6);
	EXPECT_EQ(score.groups[2].answered, 2);
	EXPECT_EQ(score.total, 11);
}

TEST(ScoringTest, UnknownAndUnansweredLists) {
	AnswerSheet sheet = AllSame(Answer::kImplemented);
	sheet[4] = Answer::kUnknown;
	sheet[17] = Answer::kUnknown;
	sheet.erase(9);
	sheet.erase(25);
	sheet[2] = Answer::kPartial;
	sheet[20] = Answer::kNotImplemented;
	const auto score = Score(sheet);
	EXPECT_EQ(score.unknown_items, (std::vector<int>{4, 17}));
	EXPECT_EQ(score.unanswered_items, (std::vector<int>{9, 25}));
	EXPECT_EQ(score.weak_items, (std::vector<int>{2, 20}));
	EXPECT_FALSE(score.Complete());
	// 19 items × 4 + 2 + 0 − 1 − 1 = 76
	EXPECT_EQ(score.total, 76);
}

TEST(ScoringTest, EmptySheetIsZeroAndAllUnanswered) {
	const auto score = Score({});
	EXPECT_EQ(score.total, 0);
	EXPECT_EQ(score.unanswered_items.size(), 25u);
	EXPECT_EQ(score.unanswered_items.front(), 1);
	EXPECT_EQ(score.unanswered_items.back(), 25);
	EXPECT_EQ(score.band->id, "critical");
}

TEST(ScoringTest, ItemsOutsideRangeAreIgnored) {
	AnswerSheet sheet{{0, Answer::kImplemented}, {26, Answer::kImplemented}, {1, Answer::kImplemented}};
	EXPECT_EQ(Score(sheet).total, 4);
}

TEST(ScoringTest, ContractExampleShape) {
	// basic 4+4+2+2+0 = 12; employee 30; organisation 20; total 62 → insufficient.
	AnswerSheet sheet{{1, Answer::kImplemented}, {2, Answer::kImplemented}, {3, Answer::kPartial},
	                  {4, Answer::kPartial},     {5, Answer::kNotImplemented}};
	for (int item = 6; item <= 12; ++item) sheet[item] = Answer::kImplemented;  // 28
	sheet[13] = Answer::kPartial;                                                // 30
	for (int item = 14; item <= 18; ++item) sheet[item] = Answer::kNotImplemented;
	for (int item = 19; item <= 23; ++item) sheet[item] = Answer::kImplemented;  // 20
	sheet[24] = Answer::kNotImplemented;
	sheet[25] = Answer::kNotImplemented;
	const auto score = Score(sheet);
	EXPECT_EQ(score.groups[0].score, 12);
	EXPECT_EQ(score.groups[1].score, 30);
	EXPECT_EQ(score.groups[2].score, 20);
	EXPECT_EQ(score.total, 62);
	EXPECT_EQ(score.band->id, "insufficient");
}

struct BandCase {
	int total;
	const char *band;
};

TEST(ScoringTest, BandsAtBoundariesViaBandFor) {
	const BandCase cases[] = {{100, "complete"},     {99, "partial"},      {70, "partial"},  {69, "insufficient"},
	                          {50, "insufficient"},  {49, "critical"},     {0, "critical"},  {-1, "critical"},
	                          {-25, "critical"},     {-26, "critical"}};
	for (const auto &c : cases) {
		EXPECT_EQ(BandFor(ScoringRules(), c.total).id, c.band) << "total " << c.total;
	}
}

TEST(ScoringTest, BandsAtBoundariesViaSheets) {
	// 99 cannot be reached by 25 answers (the best total with one わからない is 95),
	// so the sheet path checks 98; BandFor above checks 99 itself.
	const BandCase cases[] = {{100, "complete"},    {98, "partial"},  {95, "partial"},  {70, "partial"},
	                          {69, "insufficient"}, {50, "insufficient"}, {49, "critical"}, {1, "critical"},
	                          {-1, "critical"}};
	for (const auto &c : cases) {
		const auto score = Score(SheetWithTotal(c.total));
		ASSERT_EQ(score.total, c.total);
		EXPECT_EQ(score.band->id, c.band) << "total " << c.total;
	}
	// Negative totals from many わからない.
	AnswerSheet negatives = AllSame(Answer::kNotImplemented);
	for (int item = 1; item <= 10; ++item) negatives[item] = Answer::kUnknown;
	EXPECT_EQ(Score(negatives).total, -10);
	EXPECT_EQ(Score(negatives).band->id, "critical");
}

RC_GTEST_PROP(ScoringProperty, TotalWithinRange, ()) {
	const auto score = Score(SheetFromCodes(*GenCodes()));
	RC_ASSERT(score.total >= -25);
	RC_ASSERT(score.total <= 100);
	RC_ASSERT(score.max == 100);
	RC_ASSERT(score.band != nullptr);
}

RC_GTEST_PROP(ScoringProperty, TotalIsSumOfGroups, ()) {
	const auto score = Score(SheetFromCodes(*GenCodes()));
	int sum = 0;
	int max_sum = 0;
	for (const auto &group : score.groups) {
		RC_ASSERT(group.score <= group.max);
		RC_ASSERT(group.score >= -group.item_count);
		sum += group.score;
		max_sum += group.max;
	}
	RC_ASSERT(sum == score.total);
	RC_ASSERT(max_sum == score.max);
}

RC_GTEST_PROP(ScoringProperty, TotalIsSumOfPoints, ()) {
	const auto codes = *GenCodes();
	const auto sheet = SheetFromCodes(codes);
	const auto score = Score(sheet);
	int expected = 0;
	std::vector<int> unknown;
	std::vector<int> unanswered;
	const int points[] = {4, 2, 0, -1};
	for (int idx = 0; idx < 25; ++idx) {
		if (codes[idx] == 4) {
			unanswered.push_back(idx + 1);
		} else {
			expected += points[codes[idx]];
			if (codes[idx] == 3) unknown.push_back(idx + 1);
		}
	}
	RC_ASSERT(score.total == expected);
	RC_ASSERT(score.unknown_items == unknown);
	RC_ASSERT(score.unanswered_items == unanswered);
}

RC_GTEST_PROP(ScoringProperty, BandMatchesTotal, ()) {
	const auto score = Score(SheetFromCodes(*GenCodes()));
	const std::string band = score.band->id;
	if (score.total == 100) {
		RC_ASSERT(band == "complete");
	} else if (score.total >= 70) {
		RC_ASSERT(band == "partial");
	} else if (score.total >= 50) {
		RC_ASSERT(band == "insufficient");
	} else {
		RC_ASSERT(band == "critical");
	}
}

RC_GTEST_PROP(ScoringProperty, ImplementingNeverLowersTotal, ()) {
	const auto sheet = SheetFromCodes(*GenCodes());
	const int item = *rc::gen::inRange(1, 26);
	AnswerSheet improved = sheet;
	improved[item] = Answer::kImplemented;
	const auto before = Score(sheet);
	const auto after = Score(improved);
	RC_ASSERT(after.total >= before.total);
	// Band never gets worse either (bands are best first).
	const auto band_index = [](const ScoreBand *band) {
		const auto &bands = ScoringRules().bands;
		return static_cast<int>(band - bands.data());
	};
	RC_ASSERT(band_index(after.band) <= band_index(before.band));
}

} // namespace
} // namespace mamori
