// mamori/tests/unit/app/selfcheck_views_test.cpp
#include "app/selfcheck_views.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mamori::app {
namespace {

//! The Japanese words app/ chose, as people read them.
std::string JaText(const KeyedText &text) {
	return testing_support::ShippedMessages().Text(Locale::kJa, text.key, text.params);
}

AnswerSheet FullSheet(int item_count, Answer answer) {
	AnswerSheet sheet;
	for (int number = 1; number <= item_count; ++number) {
		sheet[number] = answer;
	}
	return sheet;
}

SelfcheckRules EditionThreeRules() {
	SelfcheckRules rules;
	rules.groups = {{"basic", "基本的対策", 1, 5}, {"employee", "従業員としての対策", 6, 18},
	                {"organization", "組織としての対策", 19, 25}};
	rules.bands = {{"complete", 100, 100, "入門レベルの対策はできています", ""},
	               {"partial", 70, 99, "一部の対策が足りていません", ""},
	               {"insufficient", 50, 69, "対策が足りていません", ""},
	               {"critical", -25, 49, "いつ事故が起きてもおかしくない状態です", ""}};
	return rules;
}

// ---- dates -------------------------------------------------------------------

TEST(JapanIsoDateTest, KeepsDates) {
	EXPECT_EQ(JapanIsoDate("2025-04-01"), "2025-04-01");
	EXPECT_EQ(JapanIsoDate("2024-02-29"), "2024-02-29");
}

TEST(JapanIsoDateTest, ShiftsUtcTimestampsToJapanTime) {
	// 14:59 UTC is 23:59 in Japan, the same day; 15:00 UTC is already tomorrow.
	EXPECT_EQ(JapanIsoDate("2025-03-31T14:59:59Z"), "2025-03-31");
	EXPECT_EQ(JapanIsoDate("2025-03-31T15:00:00Z"), "2025-04-01");
	// Across a month, a year and a leap day.
	EXPECT_EQ(JapanIsoDate("2024-12-31T20:00:00Z"), "2025-01-01");
	EXPECT_EQ(JapanIsoDate("2024-02-28T23:00:00Z"), "2024-02-29");
}

TEST(JapanIsoDateTest, RejectsTextThatIsNotADate) {
	EXPECT_EQ(JapanIsoDate(""), "");
	EXPECT_EQ(JapanIsoDate("yesterday"), "");
	EXPECT_EQ(JapanIsoDate("2025-13-01"), "");
	EXPECT_EQ(JapanIsoDate("2025-02-29"), "");  // not a leap year
	EXPECT_EQ(JapanIsoDate("2025-04-01X"), "");
	EXPECT_EQ(JapanIsoDate("2025-4-1"), "");
}

// ---- answers and progress ------------------------------------------------------

TEST(AnswerShortLabelTest, UsesShortLabelsAndDashForNoAnswer) {
	const auto ja = [](std::optional<Answer> answer) { return JaText({std::string(AnswerShortLabel(answer)), {}}); };
	const auto en = [](std::optional<Answer> answer) {
		return testing_support::ShippedMessages().Text(Locale::kEn, AnswerShortLabel(answer));
	};
	EXPECT_EQ(ja(Answer::kImplemented), "実施");
	EXPECT_EQ(ja(Answer::kPartial), "一部");
	EXPECT_EQ(ja(Answer::kNotImplemented), "未実施");
	EXPECT_EQ(ja(Answer::kUnknown), "不明");
	EXPECT_EQ(ja(std::nullopt), "—");
	EXPECT_EQ(en(Answer::kImplemented), "Done");
	EXPECT_EQ(en(Answer::kNotImplemented), "Not done");
	EXPECT_EQ(en(std::nullopt), "—");
}

TEST(FirstUnansweredItemTest, ResumesAtTheFirstGap) {
	EXPECT_EQ(FirstUnansweredItem({}, 25), 1);
	EXPECT_EQ(FirstUnansweredItem({{1, Answer::kImplemented}, {2, Answer::kUnknown}, {4, Answer::kPartial}}, 25), 3);
	EXPECT_EQ(FirstUnansweredItem(FullSheet(25, Answer::kPartial), 25), std::nullopt);
}

TEST(AnsweredCountTest, IgnoresNumbersOutsideTheEdition) {
	AnswerSheet sheet = FullSheet(3, Answer::kImplemented);
	sheet[0] = Answer::kImplemented;
	sheet[26] = Answer::kImplemented;
	EXPECT_EQ(AnsweredCount(sheet, 25), 3);
}

TEST(ProgressOfTest, LabelsEachState) {
	const auto none = ProgressOf(nullptr, 25);
	EXPECT_EQ(none.state, ResponseState::kNotStarted);
	EXPECT_EQ(JaText(none.label), "未回答");

	storage::SelfcheckResponse response;
	response.answers = FullSheet(12, Answer::kImplemented);
	const auto partway = ProgressOf(&response, 25);
	EXPECT_EQ(partway.state, ResponseState::kInProgress);
	EXPECT_EQ(partway.answered, 12);
	EXPECT_EQ(JaText(partway.label), "回答中 12／25");

	response.submitted_at = "2025-04-01T00:00:00Z";
	const auto sent = ProgressOf(&response, 25);
	EXPECT_EQ(sent.state, ResponseState::kSubmitted);
	EXPECT_EQ(JaText(sent.label), "送信済み");

	// A response row with no answers yet has not been started.
	storage::SelfcheckResponse empty;
	EXPECT_EQ(ProgressOf(&empty, 25).state, ResponseState::kNotStarted);
}

TEST(RespondentRowsTest, ListsEveryDepartmentThenOtherRespondents) {
	std::vector<storage::Department> departments = {{1, 1, "営業部"}, {2, 1, "総務部"}};
	std::vector<storage::SelfcheckResponse> responses(2);
	responses[0].respondent = "本社";
	responses[0].answers = FullSheet(3, Answer::kImplemented);
	responses[1].respondent = "総務部";
	responses[1].answers = FullSheet(25, Answer::kImplemented);
	responses[1].submitted_at = "2025-04-01T00:00:00Z";

	const auto rows = RespondentRows(departments, responses, 25);
	ASSERT_EQ(rows.size(), 3u);
	EXPECT_EQ(rows[0].name, "営業部");
	EXPECT_TRUE(rows[0].is_department);
	EXPECT_EQ(JaText(rows[0].progress.label), "未回答");
	EXPECT_EQ(rows[1].name, "総務部");
	EXPECT_EQ(JaText(rows[1].progress.label), "送信済み");
	EXPECT_EQ(rows[2].name, "本社");
	EXPECT_FALSE(rows[2].is_department);
	EXPECT_EQ(JaText(rows[2].progress.label), "回答中 3／25");
}

// ---- result ------------------------------------------------------------------

TEST(WeakItemsWorstFirstTest, PutsNotImplementedBeforePartialThenByNumber) {
	const AnswerSheet combined = {{2, Answer::kPartial},        {5, Answer::kNotImplemented},
	                              {7, Answer::kPartial},        {9, Answer::kNotImplemented},
	                              {1, Answer::kImplemented}};
	EXPECT_EQ(WeakItemsWorstFirst(combined, {2, 5, 7, 9}), (std::vector<int>{5, 9, 2, 7}));
	EXPECT_EQ(WeakItemsWorstFirst(combined, {9, 7, 5, 2}), (std::vector<int>{5, 9, 2, 7}));
	EXPECT_TRUE(WeakItemsWorstFirst(combined, {}).empty());
}

TEST(GroupRatiosTest, DividesByGroupMaximumAndClamps) {
	SelfcheckScore score;
	score.groups = {{"basic", "基本的対策", 15, 20, 5, 5},
	                {"employee", "従業員としての対策", -3, 52, 13, 13},
	                {"organization", "組織としての対策", 28, 28, 7, 7},
	                {"empty", "空", 0, 0, 0, 0}};
	const auto ratios = GroupRatios(score);
	ASSERT_EQ(ratios.size(), 4u);
	EXPECT_DOUBLE_EQ(ratios[0], 0.75);
	EXPECT_DOUBLE_EQ(ratios[1], 0.0);
	EXPECT_DOUBLE_EQ(ratios[2], 1.0);
	EXPECT_DOUBLE_EQ(ratios[3], 0.0);
	EXPECT_EQ(GroupPercent(score.groups[0]), 75);
	EXPECT_EQ(GroupPercent(score.groups[1]), 0);
	EXPECT_EQ(GroupPercent(score.groups[2]), 100);
	EXPECT_EQ(GroupPercent({"employee", "", 32, 52, 13, 13}), 62);
}

TEST(ResultHeadingTest, StatesTheTotalAndTheBand) {
	const SelfcheckRules rules = EditionThreeRules();
	AnswerSheet sheet = FullSheet(25, Answer::kImplemented);
	for (int number = 1; number <= 19; ++number) {
		sheet[number] = Answer::kPartial;  // 19×2 + 6×4 = 62
	}
	const SelfcheckScore score = ScoreSelfcheck(rules, 25, sheet);
	EXPECT_EQ(JaText(ResultHeading(score)), "合計 62点：対策が足りていません");
	const SelfcheckScore perfect = ScoreSelfcheck(rules, 25, FullSheet(25, Answer::kImplemented));
	EXPECT_EQ(JaText(ResultHeading(perfect)), "合計 100点：入門レベルの対策はできています");
	SelfcheckScore no_band;
	no_band.total = 5;
	EXPECT_EQ(JaText(ResultHeading(no_band)), "合計 5点");
	const KeyedText heading = ResultHeading(no_band);
	EXPECT_EQ(testing_support::ShippedMessages().Text(Locale::kEn, heading.key, heading.params), "Total 5 points");
}

TEST(MinimumTotalTest, IsEveryItemAtTheLowestPoints) {
	EXPECT_EQ(MinimumTotal(EditionThreeRules(), 25), -25);
}

// ---- markup and URLs -------------------------------------------------------------

TEST(TrimSpacesTest, RemovesHalfAndFullWidthSpaces) {
	EXPECT_EQ(TrimSpaces("  営業部 "), "営業部");
	EXPECT_EQ(TrimSpaces("\xE3\x80\x80営業部\xE3\x80\x80"), "営業部");
	EXPECT_EQ(TrimSpaces("大阪 事業所"), "大阪 事業所");
	EXPECT_EQ(TrimSpaces(" \xE3\x80\x80\t"), "");
	EXPECT_EQ(TrimSpaces(""), "");
}

TEST(QueryStringTest, EncodesValuesAndSkipsEmptyOnes) {
	EXPECT_EQ(UrlEncode("営業部"), "%E5%96%B6%E6%A5%AD%E9%83%A8");
	EXPECT_EQ(UrlEncode("a b&c=d/e"), "a%20b%26c%3Dd%2Fe");
	EXPECT_EQ(UrlEncode("A-z_0.9~"), "A-z_0.9~");
	EXPECT_EQ(QueryString({{"respondent", "本社"}, {"return", "check"}}),
	          "?respondent=%E6%9C%AC%E7%A4%BE&return=check");
	EXPECT_EQ(QueryString({{"respondent", ""}, {"return", "check"}}), "?return=check");
	EXPECT_EQ(QueryString({{"respondent", ""}}), "");
}

} // namespace
} // namespace mamori::app
