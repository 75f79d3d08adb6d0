// mamori/tests/unit/codec/input_errors_test.cpp
//
// Input errors name a message key with its values; people read them in their
// own language through the message catalog.
#include "codec/json_input.hpp"
#include "codec/policy_codec.hpp"
#include "codec/selfcheck_codec.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>

namespace mamori::codec {
namespace {

using testing_support::Describe;

TEST(InputErrorsTest, BrokenJsonNamesTheByteInBothLanguages) {
	auto parsed = ParseJson("{\"answers\": ");
	ASSERT_FALSE(parsed.ok());
	EXPECT_EQ(parsed.error().message, "errors.json.unreadable");
	EXPECT_EQ(Describe(parsed.error()), "JSONとして読めません（13バイト目付近）。");
	EXPECT_EQ(Describe(parsed.error(), Locale::kEn), "This is not valid JSON (near byte 13).");
}

// Found by fuzzing (fuzz/json_api_fuzzer.cpp): nlohmann refuses a number
// beyond a double with out_of_range, which escaped ParseJson and ended the process.
TEST(InputErrorsTest, NumberBeyondADoubleIsAnInputError) {
	auto parsed = ParseJson("{\"answers\": [1e999]}");
	ASSERT_FALSE(parsed.ok());
	EXPECT_EQ(parsed.error().message, "errors.json.number_too_large");
	EXPECT_EQ(Describe(parsed.error(), Locale::kEn), "The JSON holds a number too large to read.");
	auto negative = ParseJson("-7e7777");
	ASSERT_FALSE(negative.ok());
	EXPECT_EQ(negative.error().message, "errors.json.number_too_large");
}

// Found by fuzzing (json_api): a stored policy whose version is a float beyond int was narrowed
// with undefined behaviour; now it is an input error naming the field.
TEST(InputErrorsTest, StoredPolicyVersionBeyondIntIsAnInputError) {
	auto huge = PolicyValuesFromJson(R"({"version": 1555555555555555555555555555555555555, "company_name": "x"})");
	ASSERT_FALSE(huge.ok());
	EXPECT_EQ(huge.error().field, "version");
	auto fraction = PolicyValuesFromJson(R"({"version": 2.5})");
	ASSERT_FALSE(fraction.ok());
	EXPECT_EQ(fraction.error().field, "version");
	auto fine = PolicyValuesFromJson(R"({"version": 3, "company_name": "x"})");
	ASSERT_TRUE(fine.ok()) << fine.error().Describe();
	EXPECT_EQ(fine->version, 3);
}

TEST(InputErrorsTest, RangeErrorsCarryTheirLimits) {
	auto number = RequireInteger(Json(30), "employees", 0, 25);
	ASSERT_FALSE(number.ok());
	EXPECT_EQ(number.error().field, "employees");
	EXPECT_EQ(Describe(number.error()), "0〜25の範囲で指定してください（30 は範囲外です）。");
	EXPECT_EQ(Describe(number.error(), Locale::kEn), "Enter a value from 0 to 25 (30 is out of range).");
}

TEST(InputErrorsTest, UnknownAnswerQuotesTheValue) {
	auto answers = DecodeAnswers(Json{{"1", "maybe"}}, 25, "answers");
	ASSERT_FALSE(answers.ok());
	EXPECT_EQ(answers.error().field, "answers.1");
	EXPECT_NE(Describe(answers.error()).find("回答「maybe」は使えません"), std::string::npos);
	EXPECT_NE(Describe(answers.error(), Locale::kEn).find("\"maybe\" is not allowed"), std::string::npos);
}

} // namespace
} // namespace mamori::codec
