// mamori/tests/unit/content_translation_test.cpp
//
// The English of the guideline content (issue 7): every catalog builds in both
// locales, the English catalog really is English, nothing is left untranslated
// (core/catalog/untranslated_content.hpp), and a broken overlay in a real file
// stops the load with the file and the path.
#include "core/catalog/catalog_loader.hpp"
#include "core/catalog/localize.hpp"
#include "core/catalog/untranslated_content.hpp"
#include "platform/files.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

namespace mamori {
namespace {

const std::string kTranslatedItems = "editions/3.0/selfcheck_items.yaml";
const std::string kRiskCatalog = "editions/3.0/risk_catalog.yaml";

const Catalogs &RealCatalogs() {
	static const Catalogs catalogs = [] {
		auto loaded = ParseCatalogs(testing_support::ShippedContentFiles());
		if (!loaded) {
			ADD_FAILURE() << loaded.error().Describe();
			std::abort();
		}
		return std::move(loaded.value());
	}();
	return catalogs;
}

//! English text: present, not the Japanese, and Japanese only in brackets.
::testing::AssertionResult IsEnglish(const std::string &english, const std::string &japanese) {
	if (english.empty()) return ::testing::AssertionFailure() << "empty (Japanese: " << japanese << ")";
	if (english == japanese && HasJapanese(japanese)) {
		return ::testing::AssertionFailure() << "still Japanese: " << english;
	}
	if (HasJapaneseOutsideBrackets(english)) {
		return ::testing::AssertionFailure() << "Japanese outside brackets: " << english;
	}
	return ::testing::AssertionSuccess();
}

void TranslationReplace(ContentFiles &files, const std::string &file, const std::string &from, const std::string &to) {
	ASSERT_EQ(files.count(file), 1u) << file;
	const auto pos = files[file].find(from);
	ASSERT_NE(pos, std::string::npos) << "'" << from << "' not in " << file;
	files[file].replace(pos, from.size(), to);
}

TEST(ContentTranslationTest, NothingIsLeftUntranslated) {
	const ContentFiles files = testing_support::ShippedContentFiles();
	auto gaps = UntranslatedContent(files);
	ASSERT_TRUE(gaps.ok()) << gaps.error().Describe();
	const auto &remaining = gaps.value();
	for (const auto &gap : remaining) {
		ADD_FAILURE() << gap.file << ": " << gap.path << ": " << gap.reason;
	}
	EXPECT_TRUE(remaining.empty()) << remaining.size() << " gaps";
}

TEST(ContentTranslationTest, GapsAreFoundWithFileAndPath) {
	ContentFiles files = testing_support::ShippedContentFiles();
	TranslationReplace(files, kTranslatedItems, "      short_title: \"Keep the OS and software up to date\"\n", "");
	TranslationReplace(files, kTranslatedItems, "Install antivirus software", "Install ウイルス対策ソフト");
	TranslationReplace(files, "sme_criteria.yaml", "    en:\n      label: \"Wholesale\"\n", "");
	auto gaps = UntranslatedContent(files);
	ASSERT_TRUE(gaps.ok()) << gaps.error().Describe();
	auto has = [&](const std::string &file, const std::string &path, const std::string &reason) {
		for (const auto &gap : gaps.value()) {
			if (gap.file == file && gap.path == path && gap.reason.find(reason) != std::string::npos) return true;
		}
		return false;
	};
	EXPECT_TRUE(has(kTranslatedItems, "items[0].short_title", "no English"));
	EXPECT_TRUE(has(kTranslatedItems, "items[1].short_title", "outside brackets"));
	EXPECT_TRUE(has("sme_criteria.yaml", "industries[1].label", "no English"));
}

TEST(ContentTranslationTest, PlaceholdersMustBeKept) {
	ContentFiles files = testing_support::ShippedContentFiles();
	TranslationReplace(files, "editions/3.0/basic_policy.yaml", "{{company}} (", "The company (");
	auto gaps = UntranslatedContent(files);
	ASSERT_TRUE(gaps.ok()) << gaps.error().Describe();
	ASSERT_FALSE(gaps->empty());
	bool found = false;
	for (const auto &gap : gaps.value()) {
		found = found || (gap.path == "preamble" && gap.reason.find("placeholders") != std::string::npos);
	}
	EXPECT_TRUE(found);
}

TEST(ContentTranslationTest, MalformedOverlayInRealContentIsRefused) {
	ContentFiles files = testing_support::ShippedContentFiles();
	TranslationReplace(files, kTranslatedItems, "      short_title: \"Keep the OS", "      shorttitle: \"Keep the OS");
	for (Locale locale : kAllLocales) {
		auto result = ParseCatalog(files, locale);
		ASSERT_FALSE(result.ok());
		EXPECT_EQ(result.error().code, ErrorCode::kCatalogInvalid);
		EXPECT_EQ(result.error().field, kTranslatedItems + ": items[0].en.shorttitle");
	}
	EXPECT_FALSE(ParseCatalogs(files).ok());
	EXPECT_FALSE(UntranslatedContent(files).ok());
}

TEST(ContentTranslationTest, JapaneseCatalogIsTheOneArgumentForm) {
	const ContentFiles files = testing_support::ShippedContentFiles();
	auto japanese = ParseCatalog(files);
	ASSERT_TRUE(japanese.ok()) << japanese.error().Describe();
	const Edition &from_catalogs = RealCatalogs().Default().DefaultEdition();
	const Edition &edition = japanese->DefaultEdition();
	ASSERT_EQ(edition.selfcheck_items.size(), from_catalogs.selfcheck_items.size());
	for (size_t idx = 0; idx < edition.selfcheck_items.size(); ++idx) {
		EXPECT_EQ(edition.selfcheck_items[idx].text, from_catalogs.selfcheck_items[idx].text);
		EXPECT_TRUE(HasJapanese(edition.selfcheck_items[idx].text));
	}
	EXPECT_EQ(edition.five_articles[0].title, RealCatalogs().In(Locale::kJa).DefaultEdition().five_articles[0].title);
	EXPECT_TRUE(HasJapanese(edition.five_articles[0].title));
}

TEST(ContentTranslationTest, TheTwentyFiveItemsAreInEnglish) {
	const Edition &ja = RealCatalogs().In(Locale::kJa).DefaultEdition();
	const Edition &en = RealCatalogs().In(Locale::kEn).DefaultEdition();
	ASSERT_EQ(en.ItemCount(), 25);
	for (size_t idx = 0; idx < en.selfcheck_items.size(); ++idx) {
		const SelfcheckItem &item = en.selfcheck_items[idx];
		const SelfcheckItem &source = ja.selfcheck_items[idx];
		SCOPED_TRACE("item " + std::to_string(item.number));
		EXPECT_EQ(item.number, source.number);
		EXPECT_EQ(item.group, source.group);
		EXPECT_TRUE(IsEnglish(item.text, source.text));
		EXPECT_TRUE(IsEnglish(item.short_title, source.short_title));
		EXPECT_TRUE(IsEnglish(item.damage, source.damage));
		ASSERT_EQ(item.countermeasures.size(), source.countermeasures.size());
		for (size_t line = 0; line < item.countermeasures.size(); ++line) {
			EXPECT_TRUE(IsEnglish(item.countermeasures[line], source.countermeasures[line]));
		}
		EXPECT_TRUE(IsEnglish(item.source.location, source.source.location));
		// 表4's footnotes follow the wording, so the English must use the same terms.
		ASSERT_EQ(item.footnotes.size(), source.footnotes.size());
		for (size_t note = 0; note < item.footnotes.size(); ++note) {
			EXPECT_EQ(item.footnotes[note].id, source.footnotes[note].id);
			EXPECT_TRUE(IsEnglish(item.footnotes[note].term, source.footnotes[note].term));
			EXPECT_TRUE(IsEnglish(item.footnotes[note].text, source.footnotes[note].text));
		}
	}
}

TEST(ContentTranslationTest, TheFivePrinciplesAreInEnglish) {
	const Edition &ja = RealCatalogs().In(Locale::kJa).DefaultEdition();
	const Edition &en = RealCatalogs().In(Locale::kEn).DefaultEdition();
	ASSERT_EQ(en.five_articles.size(), 5u);
	for (size_t idx = 0; idx < en.five_articles.size(); ++idx) {
		SCOPED_TRACE("article " + std::to_string(idx + 1));
		EXPECT_TRUE(IsEnglish(en.five_articles[idx].title, ja.five_articles[idx].title));
		EXPECT_TRUE(IsEnglish(en.five_articles[idx].explanation, ja.five_articles[idx].explanation));
		ASSERT_EQ(en.five_articles[idx].actions.size(), ja.five_articles[idx].actions.size());
		for (size_t line = 0; line < en.five_articles[idx].actions.size(); ++line) {
			EXPECT_TRUE(IsEnglish(en.five_articles[idx].actions[line], ja.five_articles[idx].actions[line]));
		}
	}
}

TEST(ContentTranslationTest, EditionScalesPolicyAndSmeLabelsAreInEnglish) {
	const Catalog &ja = RealCatalogs().In(Locale::kJa);
	const Catalog &en = RealCatalogs().In(Locale::kEn);
	const Edition &ja_edition = ja.DefaultEdition();
	const Edition &en_edition = en.DefaultEdition();
	EXPECT_TRUE(IsEnglish(en_edition.title, ja_edition.title));
	for (size_t idx = 0; idx < en_edition.selfcheck_rules.groups.size(); ++idx) {
		EXPECT_TRUE(IsEnglish(en_edition.selfcheck_rules.groups[idx].name, ja_edition.selfcheck_rules.groups[idx].name));
	}
	for (size_t idx = 0; idx < en_edition.selfcheck_rules.bands.size(); ++idx) {
		EXPECT_TRUE(IsEnglish(en_edition.selfcheck_rules.bands[idx].label, ja_edition.selfcheck_rules.bands[idx].label));
		EXPECT_TRUE(IsEnglish(en_edition.selfcheck_rules.bands[idx].advice, ja_edition.selfcheck_rules.bands[idx].advice));
	}
	// 表13: the risk value bands.
	for (size_t idx = 0; idx < en_edition.risk_scale.levels.size(); ++idx) {
		EXPECT_TRUE(IsEnglish(en_edition.risk_scale.levels[idx].label, ja_edition.risk_scale.levels[idx].label));
		EXPECT_TRUE(
		    IsEnglish(en_edition.risk_scale.levels[idx].description, ja_edition.risk_scale.levels[idx].description));
	}
	for (size_t idx = 0; idx < en_edition.step_path.size(); ++idx) {
		EXPECT_TRUE(IsEnglish(en_edition.step_path[idx].title, ja_edition.step_path[idx].title));
		for (size_t task = 0; task < en_edition.step_path[idx].tasks.size(); ++task) {
			EXPECT_TRUE(IsEnglish(en_edition.step_path[idx].tasks[task].title, ja_edition.step_path[idx].tasks[task].title));
		}
	}
	const PolicyTemplate &en_policy = en_edition.policy_template;
	const PolicyTemplate &ja_policy = ja_edition.policy_template;
	EXPECT_TRUE(IsEnglish(en_policy.title, ja_policy.title));
	EXPECT_TRUE(IsEnglish(en_policy.preamble, ja_policy.preamble));
	ASSERT_EQ(en_policy.scope_options.size(), ja_policy.scope_options.size());
	for (size_t idx = 0; idx < en_policy.clauses.size(); ++idx) {
		EXPECT_EQ(en_policy.clauses[idx].id, ja_policy.clauses[idx].id);
		EXPECT_TRUE(IsEnglish(en_policy.clauses[idx].title, ja_policy.clauses[idx].title));
		EXPECT_TRUE(IsEnglish(en_policy.clauses[idx].text, ja_policy.clauses[idx].text));
	}
	for (size_t idx = 0; idx < en.sme.industries.size(); ++idx) {
		EXPECT_EQ(en.sme.industries[idx].industry, ja.sme.industries[idx].industry);
		EXPECT_TRUE(IsEnglish(en.sme.industries[idx].label, ja.sme.industries[idx].label));
		EXPECT_TRUE(IsEnglish(en.sme.industries[idx].source.document, ja.sme.industries[idx].source.document));
	}
}

TEST(ContentTranslationTest, ThreatsCheckItemsAndTable10CriteriaAreInEnglish) {
	const RiskCatalog &ja = RealCatalogs().In(Locale::kJa).DefaultEdition().risk_catalog;
	const RiskCatalog &en = RealCatalogs().In(Locale::kEn).DefaultEdition().risk_catalog;
	for (size_t idx = 0; idx < en.media.size(); ++idx) {
		EXPECT_TRUE(IsEnglish(en.media[idx].name, ja.media[idx].name));
		for (size_t threat = 0; threat < en.media[idx].threats.size(); ++threat) {
			EXPECT_EQ(en.media[idx].threats[threat].id, ja.media[idx].threats[threat].id);
			EXPECT_TRUE(IsEnglish(en.media[idx].threats[threat].name, ja.media[idx].threats[threat].name));
		}
	}
	ASSERT_EQ(en.check_items.size(), 55u);
	for (size_t idx = 0; idx < en.check_items.size(); ++idx) {
		EXPECT_EQ(en.check_items[idx].id, ja.check_items[idx].id);
		EXPECT_TRUE(IsEnglish(en.check_items[idx].text, ja.check_items[idx].text));
		EXPECT_TRUE(IsEnglish(en.check_items[idx].help, ja.check_items[idx].help));
	}
	for (const char *key : {"confidentiality", "integrity", "availability"}) {
		ASSERT_EQ(en.criteria.at(key).size(), ja.criteria.at(key).size());
		for (size_t idx = 0; idx < en.criteria.at(key).size(); ++idx) {
			EXPECT_TRUE(IsEnglish(en.criteria.at(key)[idx].label, ja.criteria.at(key)[idx].label)) << key;
		}
	}
	for (size_t idx = 0; idx < en.categories.size(); ++idx) {
		EXPECT_TRUE(IsEnglish(en.categories[idx].name, ja.categories[idx].name));
	}
}

TEST(ContentTranslationTest, LoadCatalogsServesEachLocale) {
	auto catalogs = platform::LoadCatalogs(testing_support::SourcePath("content"));
	ASSERT_TRUE(catalogs.ok()) << catalogs.error().Describe();
	EXPECT_TRUE(HasJapanese(catalogs->Default().DefaultEdition().five_articles[0].title));
	EXPECT_FALSE(HasJapaneseOutsideBrackets(catalogs->In(Locale::kEn).DefaultEdition().five_articles[0].title));
	EXPECT_FALSE(platform::LoadCatalogs(testing_support::SourcePath("content") + "/no-such-folder").ok());
}

} // namespace
} // namespace mamori
