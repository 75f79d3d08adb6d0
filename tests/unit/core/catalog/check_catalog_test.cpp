// mamori/tests/unit/core/catalog/check_catalog_test.cpp
//
// The 対策状況チェック of edition 3.0 against the guideline (issue 6): the
// sheet's 55 items (付録7:「『対策状況チェック』シートで５５項目」), its category
// numbering (（6）物理的セキュリティ対策 with the four questions the guideline
// quotes), every item's source and wording provenance, the design rule that
// every threat is covered by at least two items, the threat defaults that
// 表14 prints, and that migration 0004 maps the old ids exactly as the
// catalog's `replaces` says.
#include "core/catalog/catalog_loader.hpp"
#include "platform/files.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace mamori {
namespace {

namespace fs = std::filesystem;

const std::string kSource = MAMORI_SOURCE_DIR;

std::vector<const CheckItem *> ItemsOf(const RiskCatalog &catalog, const std::string &category) {
	std::vector<const CheckItem *> items;
	for (const auto &item : catalog.check_items) {
		if (item.category == category) items.push_back(&item);
	}
	return items;
}

TEST(CheckCatalogTest, HasTheSheetsFiftyFiveItems) {
	EXPECT_EQ(testing_support::ShippedEdition().risk_catalog.check_items.size(), 55u);
}

TEST(CheckCatalogTest, CategoriesAreNumberedAndNamedAsTheSheet) {
	const RiskCatalog &catalog = testing_support::ShippedEdition().risk_catalog;
	const std::vector<std::pair<int, std::string>> expected = {
	    {1, "組織的セキュリティ対策"},
	    {2, "人的セキュリティ対策"},
	    {3, "情報資産管理"},
	    {4, "アクセス制御及び認証"},
	    {5, "IT機器利用"},
	    {6, "物理的セキュリティ対策"},
	    {7, "IT基盤運用管理"},
	    {8, "システムの開発及び保守"},
	    {9, "委託管理"},
	    {10, "情報セキュリティインシデント対応ならびに事業継続管理"},
	    {11, "個人番号及び特定個人情報の取り扱い"},
	};
	ASSERT_EQ(catalog.categories.size(), expected.size());
	for (size_t idx = 0; idx < expected.size(); ++idx) {
		EXPECT_EQ(catalog.categories[idx].number, expected[idx].first);
		EXPECT_EQ(catalog.categories[idx].name, expected[idx].second);
		EXPECT_FALSE(ItemsOf(catalog, catalog.categories[idx].id).empty()) << expected[idx].second;
	}
	// The numbers and names the guideline's own text shows: （1）〜（4） in the 診断結果
	// example, （6） in the 手順2 ③ example. The rest are mamori's assumption.
	for (const auto &category : catalog.categories) {
		const bool in_seed = category.number <= 4 || category.number == 6;
		EXPECT_EQ(category.numbering == Provenance::kSeed, in_seed) << category.name;
		EXPECT_EQ(category.naming == Provenance::kSeed, in_seed) << category.name;
		EXPECT_GT(category.regulation_number, 0) << category.name;
		EXPECT_FALSE(category.regulation_name.empty()) << category.name;
	}
	// 物理的セキュリティ対策 is regulation 5 of 付録5 (表7) but （6） on the sheet.
	const ControlCategory *physical = catalog.FindCategory("physical");
	ASSERT_NE(physical, nullptr);
	EXPECT_EQ(physical->number, 6);
	EXPECT_EQ(physical->regulation_number, 5);
	EXPECT_EQ(physical->regulation_name, "物理的対策");
}

TEST(CheckCatalogTest, PhysicalHasExactlyTheFourQuestionsTheGuidelineQuotes) {
	const RiskCatalog &catalog = testing_support::ShippedEdition().risk_catalog;
	const auto items = ItemsOf(catalog, "physical");
	const std::vector<std::string> seed = {
	    "業務を行う場所に、第三者が許可なく立入りができないようにするための対策（物理的に区切る、見知らぬ人には声をかける、等）が講じられていますか？",
	    "最終退出者は事務所を施錠し退出の記録（日時・退出者）を残すなどのように、事務所の施錠をしていますか？",
	    "高いセキュリティを確保する区域には、許可された者以外は接近できないような保護措置がなされていますか？",
	    "秘密情報を保管および扱う場所への個人所有のパソコン・記録媒体等の持込み・利用は禁止されていますか？",
	};
	ASSERT_EQ(items.size(), seed.size());
	for (size_t idx = 0; idx < seed.size(); ++idx) {
		EXPECT_EQ(items[idx]->text, seed[idx]);
		EXPECT_EQ(items[idx]->wording, Provenance::kSeed) << items[idx]->id;
		EXPECT_NE(items[idx]->source.location.find("付録7"), std::string::npos) << items[idx]->source.location;
	}
}

TEST(CheckCatalogTest, EveryOtherItemIsMarkedAsMamorisWordingWithASource) {
	const RiskCatalog &catalog = testing_support::ShippedEdition().risk_catalog;
	int seed_worded = 0;
	for (const auto &item : catalog.check_items) {
		EXPECT_FALSE(item.source.document.empty()) << item.id;
		EXPECT_FALSE(item.source.location.empty()) << item.id;
		if (item.wording == Provenance::kSeed) {
			++seed_worded;
			EXPECT_EQ(item.category, "physical") << item.id << ": only （6） is quoted in the guideline";
		} else {
			EXPECT_EQ(item.wording, Provenance::kMamori) << item.id;
			EXPECT_NE(item.source.location.find("mamori"), std::string::npos) << item.id;
		}
	}
	EXPECT_EQ(seed_worded, 4);
}

TEST(CheckCatalogTest, ItemIdsFollowTheSheetNumbering) {
	const RiskCatalog &catalog = testing_support::ShippedEdition().risk_catalog;
	for (const auto &category : catalog.categories) {
		int position = 0;
		for (const CheckItem *item : ItemsOf(catalog, category.id)) {
			char expected[16];
			std::snprintf(expected, sizeof expected, "c%02d-%02d", category.number, ++position);
			EXPECT_EQ(item->id, expected);
		}
	}
}

TEST(CheckCatalogTest, EveryThreatIsCoveredByAtLeastTwoItems) {
	const RiskCatalog &catalog = testing_support::ShippedEdition().risk_catalog;
	std::map<std::string, int> cover;
	for (const auto &item : catalog.check_items) {
		for (const auto &threat : item.threats) ++cover[threat];
	}
	for (const auto &medium : catalog.media) {
		for (const auto &threat : medium.threats) {
			EXPECT_GE(cover[threat.id], 2) << threat.id;
		}
	}
}

TEST(CheckCatalogTest, ThreatDefaultsAreTheGuidelinesWhereItGivesThem) {
	const RiskCatalog &catalog = testing_support::ShippedEdition().risk_catalog;
	const std::map<std::string, int> seed = {
	    {"mobile_loss", 2},        // 表14 ノートパソコン（暗号化せず）の盗難
	    {"cloud_unauthorized", 3}, // 表14 ウェブサイトへの攻撃など不正アクセス
	    {"office_pc_malware", 3},  // 表14 標的型攻撃メール
	    {"server_failure", 1},     // 表14 地震によるサーバーの損傷／手順2 ②
	    {"server_cyber", 3},       // 手順2 ②
	    {"server_insider", 2},     // 手順2 ②
	};
	for (const auto &[id, value] : seed) {
		const RiskThreat *threat = catalog.FindThreat(id);
		ASSERT_NE(threat, nullptr) << id;
		EXPECT_EQ(threat->default_frequency, value) << id;
		EXPECT_FALSE(threat->frequency_source.empty()) << id;
	}
}

TEST(CheckCatalogTest, Table13WordingIsKeptInFull) {
	const Edition &edition = testing_support::ShippedEdition();
	const RiskCatalog &catalog = edition.risk_catalog;
	auto label = [](const std::vector<ScaleLabel> &labels, int value) {
		for (const auto &entry : labels) {
			if (entry.value == value) return entry.label;
		}
		return std::string();
	};
	EXPECT_EQ(label(catalog.frequency_labels, 1), "通常の状況で脅威が発生することはない");
	EXPECT_EQ(label(catalog.frequency_labels, 3), "通常の状況で脅威が発生する（いつ発生してもおかしくない）");
	EXPECT_EQ(label(catalog.vulnerability_labels, 3), "対策を実施していない（ほぼ無防備）");
	EXPECT_EQ(label(catalog.vulnerability_labels, 2), "部分的に対策を実施している");
	EXPECT_EQ(label(catalog.vulnerability_labels, 1), "必要な対策をすべて実施している");
	std::map<std::string, std::string> levels;
	for (const auto &level : edition.risk_scale.levels) levels[level.label] = level.description;
	EXPECT_EQ(levels["大"], "深刻な事故が起きる可能性大");
	EXPECT_EQ(levels["中"], "重大な事故が起きる可能性有");
	EXPECT_EQ(levels["小"], "事故が起きる可能性小、起きても被害は許容範囲");
}

TEST(CheckCatalogTest, Table10CriteriaKeepTheGuidelinesExamples) {
	std::string all;
	for (const auto &[key, values] : testing_support::ShippedEdition().risk_catalog.criteria) {
		for (const auto &value : values) all += value.label + "\n";
	}
	for (const char *example : {"守秘義務", "独自技術・ノウハウ", "取引先リスト", "特許出願前の発明情報",
	                            "ホームページ掲載情報", "決済", "廃版製品カタログ"}) {
		EXPECT_NE(all.find(example), std::string::npos) << example;
	}
}

TEST(CheckCatalogTest, RegulationNeedSaysDefineTheMeasuresForDoubleAndSingleCircle) {
	const RiskCatalog &catalog = testing_support::ShippedEdition().risk_catalog;
	std::map<std::string, RegulationNeedLabel> needs;
	for (const auto &need : catalog.regulation_needs) needs[need.id] = need;
	EXPECT_EQ(needs["required"].mark, "◎");
	EXPECT_EQ(needs["recommended"].mark, "○");
	EXPECT_EQ(needs["required"].advice, "対策を規定して下さい");
	EXPECT_EQ(needs["recommended"].advice, "対策を規定して下さい");
}

// ---- migration 0004 ---------------------------------------------------------------------------

//! The (old id, new id) pairs of migration 0004's successor table.
std::map<std::string, std::string> MigrationMapping() {
	auto sql = platform::ReadWholeFile(kSource + "/migrations/sqlite/0004_check_catalog_55.sql");
	EXPECT_TRUE(sql.ok());
	std::map<std::string, std::string> mapping;
	if (!sql.ok()) return mapping;
	static const std::regex kPair(R"(\('(c\d\d-\d\d)', '(c\d\d-\d\d)', ')");
	for (std::sregex_iterator it(sql->begin(), sql->end(), kPair), end; it != end; ++it) {
		EXPECT_TRUE(mapping.emplace((*it)[1].str(), (*it)[2].str()).second) << (*it)[1].str() << " twice";
	}
	return mapping;
}

TEST(CheckCatalogMigrationTest, MapsEveryOldItemAsTheCatalogSays) {
	std::map<std::string, std::string> from_catalog;
	for (const auto &item : testing_support::ShippedEdition().risk_catalog.check_items) {
		for (const auto &old_id : item.replaces) from_catalog[old_id] = item.id;
	}
	const auto from_migration = MigrationMapping();
	EXPECT_EQ(from_migration, from_catalog);
	// The 59 items of the old catalog: 4, 5, 8, 6, 6, 8, 8, 3, 3, 5, 3 per category.
	const std::vector<int> old_counts = {4, 5, 8, 6, 6, 8, 8, 3, 3, 5, 3};
	std::set<std::string> old_ids;
	for (size_t category = 0; category < old_counts.size(); ++category) {
		for (int n = 1; n <= old_counts[category]; ++n) {
			char id[16];
			std::snprintf(id, sizeof id, "c%02zu-%02d", category + 1, n);
			old_ids.insert(id);
		}
	}
	std::set<std::string> mapped;
	for (const auto &[old_id, new_id] : from_migration) {
		mapped.insert(old_id);
		EXPECT_NE(testing_support::ShippedEdition().risk_catalog.FindCheckItem(new_id), nullptr) << old_id << " → " << new_id;
	}
	EXPECT_EQ(mapped, old_ids);
}

} // namespace
} // namespace mamori
