// mamori/tests/unit/core/i18n/locale_test.cpp
//
// Choosing the language: tags, regional variants and Accept-Language q-values.
#include "core/i18n/japanese_text.hpp"
#include "core/i18n/locale.hpp"

#include <gtest/gtest.h>

namespace mamori {
namespace {

TEST(LocaleTest, ParsesTagsAndRegionalVariants) {
	EXPECT_EQ(ParseLocale("ja"), Locale::kJa);
	EXPECT_EQ(ParseLocale("en"), Locale::kEn);
	EXPECT_EQ(ParseLocale("EN-gb"), Locale::kEn);
	EXPECT_EQ(ParseLocale("ja_JP"), Locale::kJa);
	EXPECT_EQ(ParseLocale(" en "), Locale::kEn);
	EXPECT_EQ(ParseLocale(""), std::nullopt);
	EXPECT_EQ(ParseLocale("fr"), std::nullopt);
	EXPECT_EQ(ParseLocale("english"), std::nullopt);
}

TEST(LocaleTest, CodesRoundTrip) {
	for (Locale locale : kAllLocales) {
		EXPECT_EQ(ParseLocale(LocaleCode(locale)), locale);
	}
}

TEST(LocaleTest, NegotiatesByQualityThenOrder) {
	EXPECT_EQ(NegotiateLocale("en-US,en;q=0.9,ja;q=0.8"), Locale::kEn);
	EXPECT_EQ(NegotiateLocale("fr-FR,fr;q=0.9,ja;q=0.5,en;q=0.4"), Locale::kJa);
	EXPECT_EQ(NegotiateLocale("ja;q=0.2, en;q=0.7"), Locale::kEn);
	// Equal quality: the first listed wins, as the browser ordered them.
	EXPECT_EQ(NegotiateLocale("en, ja"), Locale::kEn);
	EXPECT_EQ(NegotiateLocale("ja, en"), Locale::kJa);
	EXPECT_EQ(NegotiateLocale("de, fr"), std::nullopt);
	EXPECT_EQ(NegotiateLocale(""), std::nullopt);
	// q=0 means "not acceptable", and a broken q never wins.
	EXPECT_EQ(NegotiateLocale("en;q=0"), std::nullopt);
	EXPECT_EQ(NegotiateLocale("en;q=abc, ja;q=0.1"), Locale::kJa);
}

TEST(JapaneseTextTest, FindsKanaKanjiAndPunctuation) {
	EXPECT_TRUE(ContainsJapanese("リスク"));
	EXPECT_TRUE(ContainsJapanese("abc 重要度"));
	EXPECT_TRUE(ContainsJapanese("。"));
	EXPECT_TRUE(ContainsJapanese("（"));
	EXPECT_FALSE(ContainsJapanese("Risk value 4 (high) – naïve café"));
	EXPECT_FALSE(ContainsJapanese(""));
}

TEST(JapaneseTextTest, BracketedTermsAreAllowed) {
	EXPECT_FALSE(ContainsJapaneseOutsideBrackets("Detailed risk analysis (詳細リスク分析)"));
	EXPECT_FALSE(ContainsJapaneseOutsideBrackets("Table 14 （表14）and 「重要情報」"));
	EXPECT_TRUE(ContainsJapaneseOutsideBrackets("Detailed risk analysis 詳細"));
	EXPECT_TRUE(ContainsJapaneseOutsideBrackets("(ok) 表"));
	// An unbalanced closing bracket does not open a free zone.
	EXPECT_TRUE(ContainsJapaneseOutsideBrackets(") 表"));
}

} // namespace
} // namespace mamori
