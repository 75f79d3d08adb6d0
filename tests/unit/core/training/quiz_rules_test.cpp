// mamori/tests/unit/core/training/quiz_rules_test.cpp
//
// Quiz scoring and the overdue rule, with the day fixed by the test.
#include "core/training/overdue.hpp"
#include "core/training/quiz_scoring.hpp"

#include <gtest/gtest.h>

namespace mamori::training {
namespace {

QuizSet TwoQuestions() {
	QuizSet set{"s", "Set", {}, {}};
	set.questions.push_back({"q1", "Q1", {{"a", "A"}, {"b", "B"}}, "a", "why"});
	set.questions.push_back({"q2", "Q2", {{"a", "A"}, {"b", "B"}, {"c", "C"}}, "c", "why"});
	return set;
}

TEST(QuizScoringTest, CountsCorrectAndPassesAtThreshold) {
	const QuizSet set = TwoQuestions();
	const QuizScore both = ScoreQuiz(set, {{"q1", "a"}, {"q2", "c"}}, 80);
	EXPECT_EQ(both.correct, 2);
	EXPECT_EQ(both.total, 2);
	EXPECT_TRUE(both.passed);
	const QuizScore half = ScoreQuiz(set, {{"q1", "a"}, {"q2", "b"}}, 80);
	EXPECT_EQ(half.correct, 1);
	EXPECT_FALSE(half.passed);
	EXPECT_TRUE(ScoreQuiz(set, {{"q1", "a"}, {"q2", "b"}}, 50).passed);  // exactly at the threshold
}

TEST(QuizScoringTest, FirstInvalidAnswerNamesTheQuestion) {
	const QuizSet set = TwoQuestions();
	EXPECT_EQ(FirstInvalidAnswer(set, {{"q1", "a"}}), "q2");
	EXPECT_EQ(FirstInvalidAnswer(set, {{"q1", "z"}, {"q2", "a"}}), "q1");
	EXPECT_EQ(FirstInvalidAnswer(set, {{"q1", "b"}, {"q2", "a"}}), std::nullopt);
}

TEST(OverdueRuleTest, AddDaysCrossesMonthsAndYears) {
	EXPECT_EQ(AddDays("2026-12-25", 14), "2027-01-08");
	EXPECT_EQ(AddDays("2028-02-20", 10), "2028-03-01");  // leap year
	EXPECT_EQ(AddDays("not a date", 3), "not a date");
}

TEST(OverdueRuleTest, OverdueOnlyAfterTheDueDay) {
	HeldSession session{7, "2026-11-01", true, {1, 2, 3}, {1, 2}, {1}};
	// Due on 11-15: not yet on that day.
	EXPECT_TRUE(FindOverdue({session}, "2026-11-15", 14).empty());
	const auto items = FindOverdue({session}, "2026-11-16", 14);
	ASSERT_EQ(items.size(), 2u);
	EXPECT_EQ(items[0].user_id, 2);  // attended, quiz not passed
	EXPECT_FALSE(items[0].missing_attendance);
	EXPECT_TRUE(items[0].missing_quiz);
	EXPECT_EQ(items[1].user_id, 3);  // neither
	EXPECT_TRUE(items[1].missing_attendance);
	EXPECT_TRUE(items[1].missing_quiz);
	EXPECT_EQ(items[1].due_on, "2026-11-15");
}

TEST(OverdueRuleTest, NoQuizMeansAttendanceIsEnough) {
	HeldSession session{8, "2026-11-01", false, {1, 2}, {1}, {}};
	const auto items = FindOverdue({session}, "2026-12-01", 14);
	ASSERT_EQ(items.size(), 1u);
	EXPECT_EQ(items[0].user_id, 2);
	EXPECT_FALSE(items[0].missing_quiz);
}

TEST(OverdueRuleTest, PlannedSessionsAreNeverOverdue) {
	HeldSession planned{9, "", true, {1}, {}, {}};
	EXPECT_TRUE(FindOverdue({planned}, "2030-01-01", 14).empty());
}

} // namespace
} // namespace mamori::training
