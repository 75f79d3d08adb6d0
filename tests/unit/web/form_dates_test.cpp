// mamori/tests/unit/web/form_dates_test.cpp
#include "web/form_dates.hpp"

#include "support/catalog.hpp"

#include <gtest/gtest.h>

#include <string>

namespace mamori::web {
namespace {

Result<std::string> ParseFormDate(const std::string &year, const std::string &month, const std::string &day,
                          bool required = true) {
	return ParseDateFields(DateFields{year, month, day}, "established_on", "制定日", required);
}

TEST(FormDates, ParsesHalfWidthDigits) {
	auto date = ParseFormDate("2025", "4", "1");
	ASSERT_TRUE(date.ok());
	EXPECT_EQ(*date, "2025-04-01");
}

TEST(FormDates, AcceptsLeadingZerosAndSurroundingSpaces) {
	auto date = ParseFormDate(" 2025 ", "04", "09\t");
	ASSERT_TRUE(date.ok());
	EXPECT_EQ(*date, "2025-04-09");
}

TEST(FormDates, AcceptsFullWidthDigitsAndSpaces) {
	// ２０２５ / １２ / ３１ as typed with a Japanese input method, with a 全角 space.
	auto date = ParseFormDate("２０２５", "１２", "３１\xE3\x80\x80");
	ASSERT_TRUE(date.ok());
	EXPECT_EQ(*date, "2025-12-31");
	auto mixed = ParseFormDate("2０2５", "２", "2");
	ASSERT_TRUE(mixed.ok());
	EXPECT_EQ(*mixed, "2025-02-02");
}

TEST(FormDates, LeapDayOnlyInLeapYears) {
	EXPECT_TRUE(ParseFormDate("2024", "2", "29").ok());
	EXPECT_TRUE(ParseFormDate("2000", "2", "29").ok());
	EXPECT_FALSE(ParseFormDate("2100", "2", "29").ok());
	EXPECT_FALSE(ParseFormDate("2025", "2", "29").ok());
}

TEST(FormDates, RejectsImpossibleDateNamingTheDayBox) {
	auto date = ParseFormDate("2025", "2", "30");
	ASSERT_FALSE(date.ok());
	EXPECT_EQ(date.error().code, ErrorCode::kInvalidInput);
	EXPECT_EQ(date.error().field, "established_on-day");
	EXPECT_NE(testing_support::Describe(date.error()).find("制定日"), std::string::npos);
	EXPECT_NE(testing_support::Describe(date.error()).find("2025年2月は28日まで"), std::string::npos);

	auto april = ParseFormDate("2025", "4", "31");
	ASSERT_FALSE(april.ok());
	EXPECT_EQ(april.error().field, "established_on-day");
}

TEST(FormDates, RejectsOutOfRangeMonthAndDay) {
	auto month = ParseFormDate("2025", "13", "1");
	ASSERT_FALSE(month.ok());
	EXPECT_EQ(month.error().field, "established_on-month");
	EXPECT_NE(testing_support::Describe(month.error()).find("制定日の月"), std::string::npos);

	auto zero_month = ParseFormDate("2025", "0", "1");
	ASSERT_FALSE(zero_month.ok());
	EXPECT_EQ(zero_month.error().field, "established_on-month");

	auto day = ParseFormDate("2025", "1", "32");
	ASSERT_FALSE(day.ok());
	EXPECT_EQ(day.error().field, "established_on-day");

	auto long_day = ParseFormDate("2025", "1", "101");
	ASSERT_FALSE(long_day.ok());
	EXPECT_EQ(long_day.error().field, "established_on-day");
}

TEST(FormDates, RejectsYearsThatAreNotFourDigitWesternYears) {
	auto short_year = ParseFormDate("25", "4", "1");
	ASSERT_FALSE(short_year.ok());
	EXPECT_EQ(short_year.error().field, "established_on-year");
	EXPECT_NE(testing_support::Describe(short_year.error()).find("制定日の年"), std::string::npos);
	EXPECT_FALSE(ParseFormDate("1899", "4", "1").ok());
	EXPECT_FALSE(ParseFormDate("2101", "4", "1").ok());
}

TEST(FormDates, RejectsNonDigitsNamingTheBox) {
	auto wareki = ParseFormDate("令和7", "4", "1");
	ASSERT_FALSE(wareki.ok());
	EXPECT_EQ(wareki.error().field, "established_on-year");
	EXPECT_NE(testing_support::Describe(wareki.error()).find("制定日の年は数字"), std::string::npos);

	auto month = ParseFormDate("2025", "4月", "1");
	ASSERT_FALSE(month.ok());
	EXPECT_EQ(month.error().field, "established_on-month");

	auto minus = ParseFormDate("2025", "4", "-1");
	ASSERT_FALSE(minus.ok());
	EXPECT_EQ(minus.error().field, "established_on-day");

	auto split = ParseFormDate("20 25", "4", "1");
	ASSERT_FALSE(split.ok());
	EXPECT_EQ(split.error().field, "established_on-year");
}

TEST(FormDates, BlankOptionalDateIsEmpty) {
	auto date = ParseFormDate("", " ", "\xE3\x80\x80", false);
	ASSERT_TRUE(date.ok());
	EXPECT_EQ(*date, "");
}

TEST(FormDates, BlankRequiredDateNamesTheDate) {
	auto date = ParseFormDate("", "", "", true);
	ASSERT_FALSE(date.ok());
	EXPECT_EQ(date.error().field, "established_on-year");
	EXPECT_EQ(testing_support::Describe(date.error()), "制定日を入力してください。");
}

TEST(FormDates, PartlyFilledDateNamesTheMissingBox) {
	auto date = ParseFormDate("2025", "", "1", false);
	ASSERT_FALSE(date.ok());
	EXPECT_EQ(date.error().field, "established_on-month");
	EXPECT_EQ(testing_support::Describe(date.error()), "制定日の月を入力してください。");
}

TEST(FormDates, FieldIdPrefixKeepsPerArticleIdsUnique) {
	auto date = ParseDateFields(DateFields{"2025", "2", "30"}, "a5-done_on", "実施した日", true);
	ASSERT_FALSE(date.ok());
	EXPECT_EQ(date.error().field, "a5-done_on-day");
	EXPECT_NE(testing_support::Describe(date.error()).find("実施した日"), std::string::npos);
}

TEST(FormDates, SplitIsoDateRoundTrips) {
	const DateFields fields = SplitIsoDate("2025-04-01");
	EXPECT_EQ(fields.year, "2025");
	EXPECT_EQ(fields.month, "4");
	EXPECT_EQ(fields.day, "1");
	auto again = ParseDateFields(fields, "x", "日付", true);
	ASSERT_TRUE(again.ok());
	EXPECT_EQ(*again, "2025-04-01");
	EXPECT_TRUE(SplitIsoDate("").year.empty());
	EXPECT_TRUE(SplitIsoDate("2025-02-30").year.empty());
}

TEST(FormDates, FormatDateFollowsTheLocale) {
	const MessageCatalog &messages = testing_support::ShippedMessages();
	// Japanese with the weekday in brackets, as the pages have always written it.
	EXPECT_EQ(FormatDate(messages, Locale::kJa, "2025-04-01"), "2025年4月1日（火）");
	EXPECT_EQ(FormatDate(messages, Locale::kJa, "2024-02-29"), "2024年2月29日（木）");
	EXPECT_EQ(FormatDate(messages, Locale::kJa, "1970-01-01"), "1970年1月1日（木）");
	EXPECT_EQ(FormatDate(messages, Locale::kJa, "2026-12-06"), "2026年12月6日（日）");
	EXPECT_EQ(FormatDate(messages, Locale::kJa, "2025-04-01", false), "2025年4月1日");
	EXPECT_EQ(FormatDate(messages, Locale::kJa, "2025-02-30"), "");
	// British English: day, month name, year; the weekday first.
	EXPECT_EQ(FormatDate(messages, Locale::kEn, "2026-12-04"), "Fri 4 December 2026");
	EXPECT_EQ(FormatDate(messages, Locale::kEn, "2026-12-03", false), "3 December 2026");
	EXPECT_EQ(FormatDate(messages, Locale::kEn, "1970-01-01"), "Thu 1 January 1970");
	EXPECT_EQ(FormatDate(messages, Locale::kEn, "2024-02-29"), "Thu 29 February 2024");
	EXPECT_EQ(FormatDate(messages, Locale::kEn, "2025-02-30"), "");
	EXPECT_EQ(FormatDate(messages, Locale::kEn, ""), "");
}

TEST(FormDates, FormatDateTimeFollowsTheLocale) {
	const MessageCatalog &messages = testing_support::ShippedMessages();
	EXPECT_EQ(FormatDateTime(messages, Locale::kJa, "2025-04-01T00:30:00Z"), "2025年4月1日 09:30");
	EXPECT_EQ(FormatDateTime(messages, Locale::kEn, "2025-04-01T00:30:00Z"), "1 April 2025, 09:30");
	EXPECT_EQ(FormatDateTime(messages, Locale::kEn, "2024-12-31T15:00:00Z"), "1 January 2025, 00:00");
	EXPECT_EQ(FormatDateTime(messages, Locale::kEn, "not a time"), "not a time");
}

TEST(FormDates, UtcTimestampsAreShownInJapanTime) {
	auto morning = ToJst("2025-04-01T00:30:00Z");
	ASSERT_TRUE(morning.has_value());
	EXPECT_EQ(morning->date, "2025-04-01");
	EXPECT_EQ(morning->time, "09:30");
	// 15:00 UTC on New Year's Eve is already the next year in Japan.
	auto new_year = ToJst("2024-12-31T15:00:00Z");
	ASSERT_TRUE(new_year.has_value());
	EXPECT_EQ(new_year->date, "2025-01-01");
	EXPECT_EQ(new_year->time, "00:00");
	auto leap = ToJst("2024-02-28T20:05:00Z");
	ASSERT_TRUE(leap.has_value());
	EXPECT_EQ(leap->date, "2024-02-29");
	EXPECT_EQ(FormatDateTime(testing_support::ShippedMessages(), Locale::kJa, "2025-04-01T00:30:00Z"), "2025年4月1日 09:30");
	EXPECT_EQ(FormatDateTime(testing_support::ShippedMessages(), Locale::kJa, "not a time"), "not a time");
}

TEST(FormDates, ModelMarksOnlyTheBoxInError) {
	const Error error = Error::Invalid("a2-done_on-day", "実施した日の日付が正しくありません。");
	DateFieldsView view{"a2-done_on", "done_on", "実施した日", "", false, DateFields{"2025", "2", "30"}, &error};
	const auto model = DateFieldsModel(view);
	EXPECT_EQ(model["error"], "実施した日の日付が正しくありません。");
	EXPECT_EQ(model["day_invalid"], true);
	EXPECT_EQ(model["year_invalid"], false);
	EXPECT_EQ(model["day"], "30");

	// Another article's error leaves this date alone.
	DateFieldsView other{"a3-done_on", "done_on", "実施した日", "", false, {}, &error};
	EXPECT_EQ(DateFieldsModel(other)["error"], false);
}

} // namespace
} // namespace mamori::web
