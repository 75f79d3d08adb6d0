// mamori/tests/unit/core/catalog/catalog_loader_test.cpp
//
// The real content loads and is complete; broken content is refused with an
// error naming the file and the entry (catalog_loader.hpp).
#include "core/catalog/catalog_loader.hpp"
#include "platform/files.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>

namespace mamori {
namespace {

namespace fs = std::filesystem;

const std::string kItems = "editions/3.0/selfcheck_items.yaml";
const std::string kEdition = "editions/3.0/edition.yaml";

//! Replaces the first occurrence of `from` (which must exist) in one file.
void Mutate(ContentFiles &files, const std::string &file, const std::string &from, const std::string &to) {
	ASSERT_EQ(files.count(file), 1u) << file;
	auto &text = files[file];
	const auto pos = text.find(from);
	ASSERT_NE(pos, std::string::npos) << "'" << from << "' not in " << file;
	text.replace(pos, from.size(), to);
}

Error ExpectRefused(const ContentFiles &files) {
	auto result = ParseCatalog(files);
	EXPECT_FALSE(result.ok());
	if (result.ok()) return Error{};
	EXPECT_EQ(result.error().code, ErrorCode::kCatalogInvalid);
	return result.error();
}

::testing::AssertionResult Mentions(const std::string &text, const std::string &part) {
	if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
	return ::testing::AssertionFailure() << "'" << text << "' does not mention '" << part << "'";
}

TEST(CatalogLoaderTest, RealContentLoads) {
	auto catalog = platform::LoadCatalog(testing_support::SourcePath("content"));
	ASSERT_TRUE(catalog.ok()) << catalog.error().Describe();
	EXPECT_EQ(catalog->default_edition, "3.0");
	const Edition &edition = catalog->DefaultEdition();
	EXPECT_EQ(edition.id, "3.0");
	EXPECT_EQ(edition.ItemCount(), 25);
	EXPECT_EQ(edition.five_articles.size(), 5u);
	for (size_t idx = 0; idx < edition.five_articles.size(); ++idx) {
		EXPECT_EQ(edition.five_articles[idx].number, static_cast<int>(idx) + 1);
		EXPECT_FALSE(edition.five_articles[idx].source.document.empty());
	}
	EXPECT_FALSE(catalog->common_passwords.empty());
	EXPECT_GE(catalog->common_passwords.size(), 10000u);  // issue 10: at least 10,000 entries
	// Compared lower-case, whatever the case in the file.
	EXPECT_TRUE(catalog->common_passwords.Contains("password"));
	EXPECT_FALSE(catalog->common_passwords.Contains("PASSWORD"));
	EXPECT_EQ(catalog->sme.industries.size(), 8u);
	EXPECT_FALSE(edition.policy_template.clauses.empty());
}

TEST(CatalogLoaderTest, GroupsCoverItemsOneToTwentyFive) {
	auto catalog = ParseCatalog(testing_support::ShippedContentFiles());
	ASSERT_TRUE(catalog.ok()) << catalog.error().Describe();
	const auto &rules = catalog->DefaultEdition().selfcheck_rules;
	ASSERT_EQ(rules.groups.size(), 3u);
	EXPECT_EQ(rules.groups[0].first_item, 1);
	EXPECT_EQ(rules.groups[0].last_item, 5);
	EXPECT_EQ(rules.groups[1].first_item, 6);
	EXPECT_EQ(rules.groups[1].last_item, 18);
	EXPECT_EQ(rules.groups[2].first_item, 19);
	EXPECT_EQ(rules.groups[2].last_item, 25);
	std::set<int> covered;
	for (const auto &group : rules.groups) {
		for (int item = group.first_item; item <= group.last_item; ++item) {
			EXPECT_TRUE(covered.insert(item).second) << item << " in two groups";
		}
	}
	EXPECT_EQ(covered.size(), 25u);
	EXPECT_EQ(*covered.begin(), 1);
	EXPECT_EQ(*covered.rbegin(), 25);
}

TEST(CatalogLoaderTest, EveryItemIsComplete) {
	auto catalog = ParseCatalog(testing_support::ShippedContentFiles());
	ASSERT_TRUE(catalog.ok()) << catalog.error().Describe();
	const Edition &edition = catalog->DefaultEdition();
	for (int number = 1; number <= 25; ++number) {
		const SelfcheckItem *item = edition.FindItem(number);
		ASSERT_NE(item, nullptr) << number;
		EXPECT_GE(item->countermeasures.size(), 2u) << number;
		EXPECT_LE(item->countermeasures.size(), 3u) << number;
		EXPECT_FALSE(item->source.document.empty()) << number;
		EXPECT_FALSE(item->source.location.empty()) << number;
		EXPECT_FALSE(item->damage.empty()) << number;
		EXPECT_FALSE(item->text.empty()) << number;
		const std::string expected_group = number <= 5 ? "basic" : number <= 18 ? "employee" : "organization";
		EXPECT_EQ(item->group, expected_group) << number;
	}
	EXPECT_EQ(edition.FindItem(0), nullptr);
	EXPECT_EQ(edition.FindItem(26), nullptr);
}

TEST(CatalogLoaderTest, DuplicateItemNumberRefused) {
	ContentFiles files = testing_support::ShippedContentFiles();
	Mutate(files, kItems, "  - number: 2\n", "  - number: 1\n");
	const Error error = ExpectRefused(files);
	EXPECT_TRUE(Mentions(error.field, kItems));
	EXPECT_TRUE(Mentions(error.field, "items[1]"));
	EXPECT_TRUE(Mentions(error.message, "found 1"));
}

TEST(CatalogLoaderTest, MissingLastItemRefused) {
	ContentFiles files = testing_support::ShippedContentFiles();
	auto &text = files[kItems];
	const auto pos = text.find("  - number: 25\n");
	ASSERT_NE(pos, std::string::npos);
	text.erase(pos);
	const Error error = ExpectRefused(files);
	EXPECT_TRUE(Mentions(error.field, kItems));
	EXPECT_TRUE(Mentions(error.message, "25"));
	EXPECT_TRUE(Mentions(error.message, "24"));
}

TEST(CatalogLoaderTest, MissingMiddleItemRefused) {
	ContentFiles files = testing_support::ShippedContentFiles();
	auto &text = files[kItems];
	const auto from = text.find("  - number: 13\n");
	const auto to = text.find("  - number: 14\n");
	ASSERT_NE(from, std::string::npos);
	ASSERT_NE(to, std::string::npos);
	text.erase(from, to - from);
	const Error error = ExpectRefused(files);
	EXPECT_TRUE(Mentions(error.field, kItems));
	EXPECT_TRUE(Mentions(error.field, "items[12]"));
	EXPECT_TRUE(Mentions(error.message, "found 14"));
}

TEST(CatalogLoaderTest, ImportantInformationFootnoteOnEveryItemThatUsesTheWord) {
	auto catalog = platform::LoadCatalog(testing_support::SourcePath("content"));
	ASSERT_TRUE(catalog.ok()) << catalog.error().Describe();
	std::set<int> with_note;
	for (const auto &item : catalog->DefaultEdition().selfcheck_items) {
		for (const auto &note : item.footnotes) {
			if (note.mark == "※2") with_note.insert(item.number);
		}
	}
	// 表4 marks 重要情報 in these items (issue 6).
	EXPECT_EQ(with_note, (std::set<int>{4, 8, 11, 12, 13, 18, 22}));
	const auto &item4 = *catalog->DefaultEdition().FindItem(4);
	ASSERT_EQ(item4.footnotes.size(), 1u);
	EXPECT_TRUE(Mentions(item4.footnotes[0].text, "管理責任を伴う情報"));
	EXPECT_EQ(catalog->DefaultEdition().FindItem(2)->footnotes.at(0).mark, "※1");
}

TEST(CatalogLoaderTest, UnusedFootnoteRefused) {
	ContentFiles files = testing_support::ShippedContentFiles();
	Mutate(files, kItems, "    term: \"重要情報\"", "    term: \"極秘情報\"");
	const Error error = ExpectRefused(files);
	EXPECT_TRUE(Mentions(error.message, "important_information"));
}

TEST(CatalogLoaderTest, UnknownSmeBasisRefused) {
	ContentFiles files = testing_support::ShippedContentFiles();
	Mutate(files, "sme_criteria.yaml", "    basis: special_case\n", "    basis: decree\n");
	const Error error = ExpectRefused(files);
	EXPECT_TRUE(Mentions(error.message, "decree"));
}

// The code decides each fact and ground by its id, and every incident must
// get one level, so the incident rules refuse what it could not apply.
TEST(CatalogLoaderTest, IncidentRulesRefuseWhatTheCodeCannotApply) {
	const char *levels = "incident/damage_levels.yaml";
	ContentFiles files = testing_support::ShippedContentFiles();
	Mutate(files, levels, "when_any: [business_impact]", "when_any: [reputation_impact]");
	EXPECT_TRUE(Mentions(ExpectRefused(files).message, "reputation_impact"));
	files = testing_support::ShippedContentFiles();
	Mutate(files, levels, "when_any: [work_impact]", "when_any: []");
	EXPECT_TRUE(Mentions(ExpectRefused(files).message, "only the last level"));
	files = testing_support::ShippedContentFiles();
	Mutate(files, levels, "lead: response_manager", "lead: chief_of_staff");
	EXPECT_TRUE(Mentions(ExpectRefused(files).message, "chief_of_staff"));
	files = testing_support::ShippedContentFiles();
	Mutate(files, "incident/personal_data_report.yaml", "  - id: financial_harm", "  - id: reputation");
	EXPECT_TRUE(Mentions(ExpectRefused(files).message, "reputation"));
	files = testing_support::ShippedContentFiles();
	Mutate(files, "incident/personal_data_report.yaml", "final_days: 30", "final_days: 0");
	const Error error = ExpectRefused(files);
	EXPECT_TRUE(Mentions(error.field, "final_days"));
	// Every kind has steps for every level, once.
	files = testing_support::ShippedContentFiles();
	Mutate(files, "incident/procedures.yaml", "      - levels: [2, 1]\n", "      - levels: [2]\n");
	EXPECT_TRUE(Mentions(ExpectRefused(files).message, "no procedure for damage level 1"));
	files = testing_support::ShippedContentFiles();
	Mutate(files, "incident/procedures.yaml", "      - levels: [1]\n", "      - levels: [1, 2]\n");
	EXPECT_TRUE(Mentions(ExpectRefused(files).message, "level 2 has two procedures"));
	files = testing_support::ShippedContentFiles();
	Mutate(files, "incident/procedures.yaml", "            actor: finder\n", "            actor: bystander\n");
	EXPECT_TRUE(Mentions(ExpectRefused(files).message, "bystander"));
	// The emergency card names steps the manual has, three of them.
	files = testing_support::ShippedContentFiles();
	Mutate(files, "incident/procedures.yaml", "{ kind: malware, step: disconnect }", "{ kind: malware, step: unplug }");
	EXPECT_TRUE(Mentions(ExpectRefused(files).message, "no step 'unplug'"));
	files = testing_support::ShippedContentFiles();
	Mutate(files, "incident/procedures.yaml", "{ kind: malware, step: contact_admin }", "{ kind: flood, step: report }");
	EXPECT_TRUE(Mentions(ExpectRefused(files).message, "unknown kind 'flood'"));
	files = testing_support::ShippedContentFiles();
	Mutate(files, "incident/procedures.yaml", "    - { kind: malware, step: contact_admin }\n", "");
	EXPECT_TRUE(Mentions(ExpectRefused(files).message, "exactly 3 steps"));
}

TEST(CatalogLoaderTest, UnknownGroupRefused) {
	ContentFiles files = testing_support::ShippedContentFiles();
	Mutate(files, kItems, "    group: employee\n", "    group: staff\n");
	const Error error = ExpectRefused(files);
	EXPECT_TRUE(Mentions(error.field, kItems));
	EXPECT_TRUE(Mentions(error.field, "items[5]"));  // item 6 is the first employee item
	EXPECT_TRUE(Mentions(error.message, "staff"));
}

TEST(CatalogLoaderTest, ItemInWrongGroupRefused) {
	ContentFiles files = testing_support::ShippedContentFiles();
	Mutate(files, kItems, "    group: basic\n", "    group: organization\n");
	const Error error = ExpectRefused(files);
	EXPECT_TRUE(Mentions(error.field, "items[0]"));
	EXPECT_TRUE(Mentions(error.message, "organization"));
}

TEST(CatalogLoaderTest, YamlSyntaxErrorRefusedWithLine) {
	ContentFiles files = testing_support::ShippedContentFiles();
	Mutate(files, kItems, "  - number: 3\n", "  - number: [3\n");
	const Error error = ExpectRefused(files);
	EXPECT_TRUE(Mentions(error.field, kItems));
	EXPECT_TRUE(Mentions(error.field, "line "));
	EXPECT_TRUE(Mentions(error.message, "YAML"));
}

TEST(CatalogLoaderTest, YamlSyntaxErrorInEditionRefused) {
	ContentFiles files = testing_support::ShippedContentFiles();
	Mutate(files, kEdition, "  points:\n", "  points: : :\n   - x\n");
	const Error error = ExpectRefused(files);
	EXPECT_TRUE(Mentions(error.field, kEdition));
}

TEST(CatalogLoaderTest, MissingDamageRefused) {
	ContentFiles files = testing_support::ShippedContentFiles();
	auto &text = files[kItems];
	const auto item = text.find("  - number: 4\n");
	ASSERT_NE(item, std::string::npos);
	const auto damage = text.find("    damage:", item);
	const auto end = text.find('\n', damage);
	text.erase(damage, end - damage + 1);
	const Error error = ExpectRefused(files);
	EXPECT_TRUE(Mentions(error.field, kItems));
	EXPECT_TRUE(Mentions(error.field, "items[3]"));
	EXPECT_TRUE(Mentions(error.message, "damage"));
}

TEST(CatalogLoaderTest, TooFewCountermeasuresRefused) {
	ContentFiles files = testing_support::ShippedContentFiles();
	auto &text = files[kItems];
	const auto item = text.find("  - number: 2\n");
	const auto first = text.find("      - \"", item);
	const auto end = text.find('\n', first);
	text.erase(first, end - first + 1);
	const auto second = text.find("      - \"", item);
	text.erase(second, text.find('\n', second) - second + 1);
	// The English repeats the list (content/README.md, Translations); shorten it
	// too, so that the count rule is what refuses the item.
	const auto english = text.find("    en:\n", item);
	for (int removed = 0; removed < 2; ++removed) {
		const auto line = text.find("        - \"", english);
		text.erase(line, text.find('\n', line) - line + 1);
	}
	const Error error = ExpectRefused(files);
	EXPECT_TRUE(Mentions(error.field, "items[1]"));
	EXPECT_TRUE(Mentions(error.message, "countermeasures"));
}

TEST(CatalogLoaderTest, UnknownDefaultEditionRefused) {
	ContentFiles files = testing_support::ShippedContentFiles();
	Mutate(files, "catalog.yaml", "default_edition: \"3.0\"", "default_edition: \"9.9\"");
	const Error error = ExpectRefused(files);
	EXPECT_TRUE(Mentions(error.field, "catalog.yaml"));
	EXPECT_TRUE(Mentions(error.field, "default_edition"));
	EXPECT_TRUE(Mentions(error.message, "9.9"));
}

TEST(CatalogLoaderTest, ListedEditionWithoutFilesRefused) {
	ContentFiles files = testing_support::ShippedContentFiles();
	Mutate(files, "catalog.yaml", "  - \"3.0\"", "  - \"3.0\"\n  - \"4.0\"");
	const Error error = ExpectRefused(files);
	EXPECT_TRUE(Mentions(error.field, "editions/4.0/edition.yaml"));
	EXPECT_TRUE(Mentions(error.message, "missing"));
}

TEST(CatalogLoaderTest, MissingFileRefused) {
	ContentFiles files = testing_support::ShippedContentFiles();
	files.erase("sme_criteria.yaml");
	EXPECT_TRUE(Mentions(ExpectRefused(files).field, "sme_criteria.yaml"));
	files = testing_support::ShippedContentFiles();
	files.erase("common_passwords.txt");
	EXPECT_TRUE(Mentions(ExpectRefused(files).field, "common_passwords.txt"));
	files = testing_support::ShippedContentFiles();
	files.erase(kItems);
	EXPECT_TRUE(Mentions(ExpectRefused(files).field, kItems));
}

TEST(CatalogLoaderTest, BadNumberInEditionRefused) {
	ContentFiles files = testing_support::ShippedContentFiles();
	Mutate(files, kEdition, "implemented: 4", "implemented: four");
	const Error error = ExpectRefused(files);
	EXPECT_TRUE(Mentions(error.field, kEdition));
	EXPECT_TRUE(Mentions(error.field, "implemented"));
}

TEST(CatalogLoaderTest, GroupGapRefused) {
	ContentFiles files = testing_support::ShippedContentFiles();
	Mutate(files, kEdition, "first: 6, last: 18", "first: 7, last: 18");
	const Error error = ExpectRefused(files);
	EXPECT_TRUE(Mentions(error.field, kEdition));
	EXPECT_TRUE(Mentions(error.field, "groups[1]"));
}

TEST(CatalogLoaderTest, LoadCatalogPrefixesTheDirectory) {
	// A broken folder on disk: the error carries the full path of the file.
	const fs::path dir = fs::temp_directory_path() / ("mamori_catalog_test_" + std::to_string(::getpid()));
	fs::remove_all(dir);
	fs::copy(testing_support::SourcePath("content"), dir, fs::copy_options::recursive);
	ContentFiles files = testing_support::ShippedContentFiles();
	Mutate(files, kItems, "  - number: 2\n", "  - number: 1\n");
	ASSERT_TRUE(platform::WriteWholeFile((dir / kItems).string(), files[kItems]).ok());
	auto result = platform::LoadCatalog(dir.string());
	fs::remove_all(dir);
	ASSERT_FALSE(result.ok());
	EXPECT_TRUE(Mentions(result.error().field, (dir / kItems).string()));
}

} // namespace
} // namespace mamori

namespace mamori {
namespace {

// The server builds the list of common passwords on another thread (platform/files.cpp): the
// list the source gives is every language's, and the source is asked once.
TEST(CatalogLoaderTest, CommonPasswordsComeFromTheSourceWhenGiven) {
	const ContentFiles files = testing_support::ShippedContentFiles();
	int asked = 0;
	auto catalogs = ParseCatalogs(files, [&asked] {
		++asked;
		return CommonPasswords::FromText("only-from-the-source\nAnother-One\n");
	});
	ASSERT_TRUE(catalogs.ok()) << catalogs.error().Describe();
	EXPECT_EQ(asked, 1);
	for (Locale locale : kAllLocales) {
		const CommonPasswords &list = catalogs->In(locale).common_passwords;
		EXPECT_EQ(list.size(), 2u) << LocaleCode(locale);
		EXPECT_TRUE(list.Contains("only-from-the-source"));
		EXPECT_TRUE(list.Contains("another-one")) << "lowered as the file's entries are";
		EXPECT_FALSE(list.Contains("password")) << "the file's list is not read";
	}
	// Without a source, the file's list as before.
	auto from_file = ParseCatalogs(files);
	ASSERT_TRUE(from_file.ok());
	EXPECT_TRUE(from_file->Default().common_passwords.Contains("password"));
}

} // namespace
} // namespace mamori
