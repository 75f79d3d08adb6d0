// mamori/tests/unit/core/selfcheck/aggregation_test.cpp
//
// Combining several respondents (methodology §2, defined there): the same
// answer from everyone who answered → that answer; a disagreement where
// someone reported a measure (実施している or 一部実施している) → 一部実施している;
// a disagreement of only 実施していない and わからない → わからない; blanks
// ignored; nobody answered → unanswered.
#include "core/selfcheck/aggregation.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace mamori {
namespace {

constexpr Answer kAll[] = {Answer::kImplemented, Answer::kPartial, Answer::kNotImplemented, Answer::kUnknown};

RespondentAnswers R(std::string name, AnswerSheet answers) { return RespondentAnswers{std::move(name), std::move(answers)}; }

// 0..3 are answers, 4 is blank.
rc::Gen<AnswerSheet> GenAggregationSheet() {
	return rc::gen::map(rc::gen::container<std::vector<int>>(25, rc::gen::inRange(0, 5)), [](const std::vector<int> &codes) {
		AnswerSheet sheet;
		for (size_t idx = 0; idx < codes.size(); ++idx) {
			if (codes[idx] < 4) {
				sheet[static_cast<int>(idx) + 1] = static_cast<Answer>(codes[idx]);
			}
		}
		return sheet;
	});
}

std::vector<RespondentAnswers> FromSheets(const std::vector<AnswerSheet> &sheets) {
	std::vector<RespondentAnswers> respondents;
	for (size_t idx = 0; idx < sheets.size(); ++idx) {
		respondents.push_back(R("r" + std::to_string(idx), sheets[idx]));
	}
	return respondents;
}

//! The rule written out directly, as a reference model.
AnswerSheet Reference(const std::vector<AnswerSheet> &sheets) {
	AnswerSheet out;
	for (int item = 1; item <= 25; ++item) {
		std::set<Answer> given;
		for (const auto &sheet : sheets) {
			if (auto found = sheet.find(item); found != sheet.end()) given.insert(found->second);
		}
		if (given.size() == 1) {
			out[item] = *given.begin();
		} else if (given.size() > 1) {
			const bool reported = given.count(Answer::kImplemented) > 0 || given.count(Answer::kPartial) > 0;
			out[item] = reported ? Answer::kPartial : Answer::kUnknown;
		}
	}
	return out;
}

TEST(AggregationTest, NoRespondentsGivesEmptySheet) { EXPECT_TRUE(AggregateAnswers({}).empty()); }

TEST(AggregationTest, SameAnswerFromAllIsThatAnswer) {
	for (Answer answer : kAll) {
		const auto combined = AggregateAnswers({R("a", {{1, answer}}), R("b", {{1, answer}}), R("c", {{1, answer}})});
		ASSERT_EQ(combined.count(1), 1u);
		EXPECT_EQ(combined.at(1), answer) << AnswerName(answer);
	}
}

bool ReportsMeasure(Answer answer) { return answer == Answer::kImplemented || answer == Answer::kPartial; }

TEST(AggregationTest, DisagreementWithAReportedMeasureIsPartial) {
	for (Answer first : kAll) {
		for (Answer second : kAll) {
			if (first == second || !(ReportsMeasure(first) || ReportsMeasure(second))) continue;
			const auto combined = AggregateAnswers({R("a", {{7, first}}), R("b", {{7, second}})});
			EXPECT_EQ(combined.at(7), Answer::kPartial) << AnswerName(first) << " vs " << AnswerName(second);
		}
	}
	// Two agree, one differs: still partial, wherever the odd one stands.
	EXPECT_EQ(AggregateAnswers({R("a", {{3, Answer::kImplemented}}), R("b", {{3, Answer::kImplemented}}),
	                            R("c", {{3, Answer::kNotImplemented}})})
	              .at(3),
	          Answer::kPartial);
	EXPECT_EQ(AggregateAnswers({R("a", {{3, Answer::kNotImplemented}}), R("b", {{3, Answer::kImplemented}}),
	                            R("c", {{3, Answer::kImplemented}})})
	              .at(3),
	          Answer::kPartial);
	// implemented + not_implemented: partial, never one of the two.
	EXPECT_EQ(AggregateAnswers({R("a", {{3, Answer::kImplemented}}), R("b", {{3, Answer::kNotImplemented}}),
	                            R("c", {{3, Answer::kNotImplemented}})})
	              .at(3),
	          Answer::kPartial);
	// One partial among 実施していない and わからない is enough for partial.
	EXPECT_EQ(AggregateAnswers({R("a", {{3, Answer::kNotImplemented}}), R("b", {{3, Answer::kUnknown}}),
	                            R("c", {{3, Answer::kPartial}})})
	              .at(3),
	          Answer::kPartial);
}

TEST(AggregationTest, OnlyNotImplementedAndUnknownIsUnknown) {
	// Nobody reported a measure and someone does not know: never 2 points
	// that nobody gave.
	EXPECT_EQ(AggregateAnswers({R("a", {{5, Answer::kNotImplemented}}), R("b", {{5, Answer::kUnknown}})}).at(5),
	          Answer::kUnknown);
	EXPECT_EQ(AggregateAnswers({R("a", {{5, Answer::kUnknown}}), R("b", {{5, Answer::kNotImplemented}}),
	                            R("c", {{5, Answer::kNotImplemented}})})
	              .at(5),
	          Answer::kUnknown);
}

TEST(AggregationTest, BlanksAreIgnored) {
	const auto combined = AggregateAnswers({R("a", {{1, Answer::kImplemented}, {2, Answer::kUnknown}}),
	                                        R("b", {{2, Answer::kUnknown}}), R("c", {})});
	EXPECT_EQ(combined.at(1), Answer::kImplemented);
	EXPECT_EQ(combined.at(2), Answer::kUnknown);
}

TEST(AggregationTest, NobodyAnsweredStaysUnanswered) {
	const auto combined = AggregateAnswers({R("a", {{1, Answer::kImplemented}}), R("b", {{2, Answer::kPartial}})});
	EXPECT_EQ(combined.size(), 2u);
	EXPECT_EQ(combined.count(3), 0u);
	EXPECT_EQ(combined.count(25), 0u);
}

RC_GTEST_PROP(AggregationProperty, MatchesReferenceRule, ()) {
	const auto sheets = *rc::gen::container<std::vector<AnswerSheet>>(*rc::gen::inRange(0, 6), GenAggregationSheet());
	RC_ASSERT(AggregateAnswers(FromSheets(sheets)) == Reference(sheets));
}

RC_GTEST_PROP(AggregationProperty, OrderOfRespondentsDoesNotMatter, ()) {
	const auto sheets = *rc::gen::container<std::vector<AnswerSheet>>(*rc::gen::inRange(1, 6), GenAggregationSheet());
	auto shuffled = sheets;
	// A random permutation, drawn as a sequence of swaps.
	const auto swaps = *rc::gen::container<std::vector<std::pair<size_t, size_t>>>(
	    rc::gen::pair(rc::gen::inRange<size_t>(0, sheets.size()), rc::gen::inRange<size_t>(0, sheets.size())));
	for (const auto &[from, to] : swaps) {
		std::swap(shuffled[from], shuffled[to]);
	}
	RC_ASSERT(AggregateAnswers(FromSheets(sheets)) == AggregateAnswers(FromSheets(shuffled)));
	std::reverse(shuffled.begin(), shuffled.end());
	RC_ASSERT(AggregateAnswers(FromSheets(sheets)) == AggregateAnswers(FromSheets(shuffled)));
}

RC_GTEST_PROP(AggregationProperty, SingleRespondentIsIdentity, ()) {
	const auto sheet = *GenAggregationSheet();
	RC_ASSERT(AggregateAnswers({R("only", sheet)}) == sheet);
}

RC_GTEST_PROP(AggregationProperty, AddingTheAggregateOfAgreeingRespondentsChangesNothing, ()) {
	// When everybody gave the same sheet, the aggregate is that sheet, and
	// adding one more respondent with exactly that sheet changes nothing.
	const auto sheet = *GenAggregationSheet();
	const int copies = *rc::gen::inRange(1, 5);
	std::vector<AnswerSheet> sheets(static_cast<size_t>(copies), sheet);
	const auto combined = AggregateAnswers(FromSheets(sheets));
	RC_ASSERT(combined == sheet);
	sheets.push_back(combined);
	RC_ASSERT(AggregateAnswers(FromSheets(sheets)) == combined);
}

RC_GTEST_PROP(AggregationProperty, AddingACopyOfTheAggregateIsIdempotent, ()) {
	// More general: adding a respondent equal to the aggregate never changes it:
	// a unanimous item gets the same answer again; a partial item keeps its
	// reported measure; an わからない item still has only 実施していない and わからない.
	const auto sheets = *rc::gen::container<std::vector<AnswerSheet>>(*rc::gen::inRange(1, 5), GenAggregationSheet());
	const auto combined = AggregateAnswers(FromSheets(sheets));
	auto more = sheets;
	more.push_back(combined);
	RC_ASSERT(AggregateAnswers(FromSheets(more)) == combined);
}

RC_GTEST_PROP(AggregationProperty, AnsweredItemsAreTheUnion, ()) {
	const auto sheets = *rc::gen::container<std::vector<AnswerSheet>>(*rc::gen::inRange(0, 5), GenAggregationSheet());
	std::set<int> answered;
	for (const auto &sheet : sheets) {
		for (const auto &[item, answer] : sheet) answered.insert(item);
	}
	std::set<int> combined_items;
	for (const auto &[item, answer] : AggregateAnswers(FromSheets(sheets))) combined_items.insert(item);
	RC_ASSERT(combined_items == answered);
}

} // namespace
} // namespace mamori
