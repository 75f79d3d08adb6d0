// mamori/tests/unit/localize_test.cpp
//
// Translation overlays (core/catalog/localize.hpp): applied for English,
// ignored for Japanese, and refused with the file and path when malformed.
#include "core/catalog/localize.hpp"
#include "core/yaml/load.hpp"

#include <gtest/gtest.h>

namespace mamori {
namespace {

const std::string kFile = "editions/3.0/sample.yaml";

const char *kEntry = R"yaml(
items:
  - number: 1
    group: basic
    title: "パスワードを強化しよう！"
    steps:
      - "長くします。"
      - "使い回しません。"
    source:
      document: "ガイドライン"
      en:
        document: "Guidelines (ガイドライン)"
    en:
      title: "Use strong passwords"
      steps:
        - "Make them long."
        - "Do not reuse them."
)yaml";

yaml::Node Localized(const std::string &text, Locale locale) {
	auto result = Localize(yaml::Load(text), locale, kFile);
	EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().Describe());
	return result.ok() ? result.value() : yaml::Node();
}

Error Refused(const std::string &text) {
	auto result = Localize(yaml::Load(text), Locale::kEn, kFile);
	EXPECT_FALSE(result.ok()) << "malformed overlay was accepted:\n" << text;
	if (result.ok()) return Error{};
	EXPECT_EQ(result.error().code, ErrorCode::kCatalogInvalid);
	// The Japanese load checks the same overlays, so a broken file never loads.
	EXPECT_FALSE(Localize(yaml::Load(text), Locale::kJa, kFile).ok());
	return result.error();
}

TEST(LocalizeTest, EnglishReplacesTheNamedValues) {
	const yaml::Node item = Localized(kEntry, Locale::kEn)["items"][0];
	EXPECT_EQ(item["title"].as<std::string>(), "Use strong passwords");
	ASSERT_EQ(item["steps"].size(), 2u);
	EXPECT_EQ(item["steps"][1].as<std::string>(), "Do not reuse them.");
	EXPECT_EQ(item["source"]["document"].as<std::string>(), "Guidelines (ガイドライン)");
	// Keys the overlay does not name stay as they are.
	EXPECT_EQ(item["number"].as<int>(), 1);
	EXPECT_EQ(item["group"].as<std::string>(), "basic");
	EXPECT_FALSE(item["en"].IsDefined());
	EXPECT_FALSE(item["source"]["en"].IsDefined());
}

TEST(LocalizeTest, JapaneseIgnoresAndDropsTheOverlays) {
	const yaml::Node item = Localized(kEntry, Locale::kJa)["items"][0];
	EXPECT_EQ(item["title"].as<std::string>(), "パスワードを強化しよう！");
	EXPECT_EQ(item["steps"][0].as<std::string>(), "長くします。");
	EXPECT_EQ(item["source"]["document"].as<std::string>(), "ガイドライン");
	EXPECT_FALSE(item["en"].IsDefined());
	EXPECT_FALSE(item["source"]["en"].IsDefined());
}

TEST(LocalizeTest, TheInputIsNotChanged) {
	const yaml::Node root = yaml::Load(kEntry);
	ASSERT_TRUE(Localize(root, Locale::kEn, kFile).ok());
	EXPECT_EQ(root["items"][0]["title"].as<std::string>(), "パスワードを強化しよう！");
	EXPECT_TRUE(root["items"][0]["en"].IsDefined());
}

TEST(LocalizeTest, UnknownKeyIsRefusedWithItsPath) {
	const Error error = Refused(R"yaml(
items:
  - title: "見出し"
    en:
      titel: "Heading"
)yaml");
	EXPECT_EQ(error.field, kFile + ": items[0].en.titel");
	EXPECT_NE(error.message.find("unknown key 'titel'"), std::string::npos) << error.message;
}

TEST(LocalizeTest, ListOfAnotherLengthIsRefused) {
	const Error error = Refused(R"yaml(
items:
  - steps: ["一", "二", "三"]
    en:
      steps: ["one", "two"]
)yaml");
	EXPECT_EQ(error.field, kFile + ": items[0].en.steps");
	EXPECT_NE(error.message.find("list of 3"), std::string::npos) << error.message;
}

TEST(LocalizeTest, ScalarForListAndListForScalarAreRefused) {
	EXPECT_EQ(Refused("steps: [\"一\"]\nen:\n  steps: \"one\"\n").field, kFile + ": en.steps");
	EXPECT_EQ(Refused("title: \"見出し\"\nen:\n  title: [\"Heading\"]\n").field, kFile + ": en.title");
}

TEST(LocalizeTest, NestedMappingMustCarryItsOwnOverlay) {
	const Error error = Refused(R"yaml(
source:
  document: "ガイドライン"
en:
  source:
    document: "Guidelines"
)yaml");
	EXPECT_EQ(error.field, kFile + ": en.source");
}

TEST(LocalizeTest, IdsAndEnumValuesAreNeverTranslated) {
	const Error error = Refused("group: basic\ntitle: \"見出し\"\nen:\n  group: essential\n  title: \"Heading\"\n");
	EXPECT_EQ(error.field, kFile + ": en.group");
}

TEST(LocalizeTest, OverlayMustBeAMappingWithText) {
	EXPECT_EQ(Refused("title: \"見出し\"\nen: \"Heading\"\n").field, kFile + ": en");
	EXPECT_EQ(Refused("title: \"見出し\"\nen:\n  title: \"  \"\n").field, kFile + ": en.title");
}

TEST(LocalizeTest, JapaneseOutsideBracketsIsFound) {
	EXPECT_TRUE(HasJapaneseOutsideBrackets("対策"));
	EXPECT_TRUE(HasJapaneseOutsideBrackets("Detailed risk analysis 詳細リスク分析"));
	EXPECT_TRUE(HasJapaneseOutsideBrackets("Total: 100点"));
	EXPECT_FALSE(HasJapaneseOutsideBrackets("Detailed risk analysis (詳細リスク分析)"));
	EXPECT_FALSE(HasJapaneseOutsideBrackets("Table 4 (表4), Appendix 3 （付録3） and 「重要情報」"));
	EXPECT_FALSE(HasJapaneseOutsideBrackets("Part 2 (see 3(2) of 第2部) {{company}}"));
	EXPECT_FALSE(HasJapaneseOutsideBrackets("OS ※1 WPA2"));
	EXPECT_TRUE(HasJapanese("(詳細リスク分析)"));
	EXPECT_FALSE(HasJapanese("Detailed risk analysis"));
}

} // namespace
} // namespace mamori
