// mamori/tests/unit/core/i18n/message_catalog_test.cpp
//
// The message catalog: dotted keys from nested YAML, placeholders, and the
// load-time checks that every locale has every key with the same
// placeholders and that English has no Japanese outside brackets.
#include "core/i18n/message_catalog.hpp"
#include "platform/message_files.hpp"

#include <gtest/gtest.h>

namespace mamori {
namespace {

MessageFiles Files(const std::string &japanese, const std::string &english) {
	return {{Locale::kJa, {{"a.yaml", japanese}}}, {Locale::kEn, {{"a.yaml", english}}}};
}

TEST(MessageCatalogTest, NestedKeysAndPlaceholders) {
	auto catalog = MessageCatalog::Parse(Files("page:\n  title: \"{{count}}件の回答\"\n  plain: \"はい\"\n",
	                                           "page:\n  title: \"{{count}} answers\"\n  plain: \"Yes\"\n"));
	ASSERT_TRUE(catalog.ok()) << catalog.error().Describe();
	EXPECT_TRUE(catalog->Has("page.title"));
	EXPECT_FALSE(catalog->Has("page"));
	EXPECT_EQ(catalog->Text(Locale::kJa, "page.title", {{"count", "3"}}), "3件の回答");
	EXPECT_EQ(catalog->Text(Locale::kEn, "page.title", {{"count", "3"}}), "3 answers");
	EXPECT_EQ(catalog->Text(Locale::kEn, "page.plain"), "Yes");
	EXPECT_EQ(catalog->Keys(), (std::vector<std::string>{"page.plain", "page.title"}));
}

TEST(MessageCatalogTest, UnknownKeyComesBackAsItIs) {
	auto catalog = MessageCatalog::Parse(Files("a: \"あ\"\n", "a: \"A\"\n"));
	ASSERT_TRUE(catalog.ok());
	EXPECT_EQ(catalog->Text(Locale::kEn, "no such key"), "no such key");
}

TEST(MessageCatalogTest, MissingTranslationIsRefusedWithTheKey) {
	auto catalog = MessageCatalog::Parse(Files("a: \"あ\"\nb: \"い\"\n", "a: \"A\"\n"));
	ASSERT_FALSE(catalog.ok());
	EXPECT_EQ(catalog.error().code, ErrorCode::kCatalogInvalid);
	EXPECT_NE(catalog.error().field.find("en: b"), std::string::npos) << catalog.error().Describe();
}

TEST(MessageCatalogTest, KeyOnlyInEnglishIsRefused) {
	auto catalog = MessageCatalog::Parse(Files("a: \"あ\"\n", "a: \"A\"\nextra: \"E\"\n"));
	ASSERT_FALSE(catalog.ok());
	EXPECT_NE(catalog.error().field.find("extra"), std::string::npos);
}

TEST(MessageCatalogTest, PlaceholderMismatchIsRefused) {
	auto catalog = MessageCatalog::Parse(Files("a: \"{{n}}件\"\n", "a: \"{{count}} items\"\n"));
	ASSERT_FALSE(catalog.ok());
	EXPECT_NE(catalog.error().message.find("placeholders"), std::string::npos);
}

TEST(MessageCatalogTest, JapaneseInEnglishIsRefusedUnlessBracketedOrNative) {
	EXPECT_FALSE(MessageCatalog::Parse(Files("a: \"分析\"\n", "a: \"Risk 分析\"\n")).ok());
	EXPECT_TRUE(MessageCatalog::Parse(Files("a: \"分析\"\n", "a: \"Risk analysis (分析)\"\n")).ok());
	EXPECT_TRUE(MessageCatalog::Parse(Files("ja_native: \"日本語\"\n", "ja_native: \"日本語\"\n")).ok());
}

TEST(MessageCatalogTest, DuplicateKeyAcrossFilesIsRefused) {
	MessageFiles files = {{Locale::kJa, {{"a.yaml", "x: \"1\"\n"}, {"b.yaml", "x: \"2\"\n"}}},
	                      {Locale::kEn, {{"a.yaml", "x: \"1\"\n"}}}};
	auto catalog = MessageCatalog::Parse(files);
	ASSERT_FALSE(catalog.ok());
	EXPECT_NE(catalog.error().message.find("twice"), std::string::npos);
}

TEST(MessageCatalogTest, BrokenYamlNamesTheFile) {
	auto catalog = MessageCatalog::Parse(Files("a: [\n", "a: \"A\"\n"));
	ASSERT_FALSE(catalog.ok());
	EXPECT_NE(catalog.error().field.find("ja/a.yaml"), std::string::npos);
}

TEST(MessageCatalogTest, DescribeErrorFillsParameters) {
	auto catalog = MessageCatalog::Parse(Files("e: \"{{name}}は使えません\"\n", "e: \"{{name}} cannot be used\"\n"));
	ASSERT_TRUE(catalog.ok());
	const Error error = Error::Invalid("industry", "e", {{"name", "finance"}});
	EXPECT_EQ(DescribeError(*catalog, Locale::kJa, error), "financeは使えません");
	EXPECT_EQ(DescribeError(*catalog, Locale::kEn, error), "finance cannot be used");
}

TEST(MessageCatalogTest, PlaceholdersOfCountsSectionsByName) {
	EXPECT_EQ(PlaceholdersOf("{{#many}}{{count}} items{{/many}}"), (std::vector<std::string>{"count", "many"}));
	EXPECT_EQ(FillPlaceholders("{{a}} and {{b}}", {{"a", "1"}}), "1 and {{b}}");
}

TEST(MessageCatalogTest, RealMessagesLoad) {
	auto catalog = platform::LoadMessages(std::string(MAMORI_SOURCE_DIR) + "/content");
	ASSERT_TRUE(catalog.ok()) << catalog.error().Describe();
	EXPECT_EQ(catalog->Text(Locale::kEn, "nav.risk"), "Risk analysis");
	EXPECT_EQ(catalog->Text(Locale::kJa, "nav.risk"), "リスク分析");
}

} // namespace
} // namespace mamori
