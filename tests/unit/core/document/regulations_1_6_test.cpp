// mamori/tests/unit/core/document/regulations_1_6_test.cpp
//
// The shipped 関連規程 templates 1–6 (付録5 of the 3.0 list): each is a
// `regulations` template with its 付録5 number, points at the risk category
// whose regulation need (◎/○/—) proposes it, keeps the section structure of
// reference-notes.md §3.1, and fills without leaving a raw {{placeholder}}
// even when the firm has entered nothing and 管理体制 is empty.
#include "core/document/document_fill.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mamori::document {
namespace {

struct ExpectedRegulation {
	std::string id;
	int number;
	std::string risk_category;
	std::vector<std::string> sections;
};

const std::vector<ExpectedRegulation> &Expected() {
	static const std::vector<ExpectedRegulation> expected = {
	    {"regulation_01_organizational", 1, "organizational", {"s1_1", "s1_2", "s1_3"}},
	    {"regulation_02_human", 2, "human", {"s2_1", "s2_2", "s2_3", "s2_4", "s2_5"}},
	    {"regulation_03_assets", 3, "asset_management", {"s3_1", "s3_2", "s3_3", "s3_4"}},
	    {"regulation_04_access", 4, "access_control",
	     {"s4_1", "s4_2", "s4_3", "s4_4", "s4_5", "s4_6", "s4_7", "s4_8", "s4_9"}},
	    {"regulation_05_physical", 5, "physical", {"s5_1", "s5_2", "s5_3", "s5_4"}},
	    {"regulation_06_it_equipment", 6, "it_equipment", {"s6_1", "s6_2", "s6_3", "s6_4", "s6_5", "s6_6"}},
	};
	return expected;
}

const DocumentTemplate *Find(const std::string &id) {
	return testing_support::ShippedEdition().FindDocumentTemplate(id);
}

FillContext RegulationsJapaneseContext() {
	FillContext context;
	context.built_ins = {{"company", "テスト株式会社"}};
	context.date_pattern = "{{year}}年{{month}}月{{day}}日";
	context.blank_pattern = "【{{label}}】";
	return context;
}

//! Every text a filled block carries, one string per line or cell.
std::vector<std::string> Texts(const Block &block) {
	std::vector<std::string> texts = {PlainText(block.line)};
	for (const auto &item : block.items) {
		texts.push_back(item.marker + PlainText(item.line));
	}
	for (const auto &column : block.columns) {
		texts.push_back(column.title);
	}
	for (const auto &row : block.rows) {
		for (const auto &cell : row) {
			texts.push_back(PlainText(cell));
		}
	}
	for (const auto &line : block.lines) {
		texts.push_back(PlainText(line));
	}
	return texts;
}

TEST(Regulations1To6, AreRegulationsWithTheirNumberAndRiskCategory) {
	const RiskCatalog &risks = testing_support::ShippedEdition().risk_catalog;
	for (const auto &expected : Expected()) {
		SCOPED_TRACE(expected.id);
		const DocumentTemplate *tmpl = Find(expected.id);
		ASSERT_NE(tmpl, nullptr);
		EXPECT_EQ(tmpl->kind, "regulations");
		ASSERT_TRUE(tmpl->regulation.has_value());
		EXPECT_EQ(tmpl->regulation->number, expected.number);
		EXPECT_EQ(tmpl->regulation->risk_category, expected.risk_category);
		const ControlCategory *category = risks.FindCategory(tmpl->regulation->risk_category);
		ASSERT_NE(category, nullptr);
		// The category's need for a regulation must lead to this very regulation.
		EXPECT_EQ(category->regulation_number, expected.number);
	}
}

TEST(Regulations1To6, KeepTheSectionStructureOfAppendix5) {
	for (const auto &expected : Expected()) {
		SCOPED_TRACE(expected.id);
		const DocumentTemplate *tmpl = Find(expected.id);
		ASSERT_NE(tmpl, nullptr);
		std::vector<std::string> ids;
		for (const auto &section : tmpl->sections) {
			ids.push_back(section.id);
			EXPECT_FALSE(section.title.empty()) << section.id;
			EXPECT_FALSE(section.blocks.empty()) << section.id;
		}
		EXPECT_EQ(ids, expected.sections);
	}
}

TEST(Regulations1To6, AssetManagementHasTheBackupTableWithAnExampleRow) {
	const DocumentTemplate *tmpl = Find("regulation_03_assets");
	ASSERT_NE(tmpl, nullptr);
	const FieldSpec *backups = tmpl->FindField("backup_targets");
	ASSERT_NE(backups, nullptr);
	EXPECT_EQ(backups->type, FieldType::kTable);
	std::vector<std::string> titles;
	for (const auto &column : backups->columns) {
		titles.push_back(column.title);
	}
	EXPECT_EQ(titles, (std::vector<std::string>{"機器名", "対象", "方法", "保管媒体/保管先", "頻度"}));
	ASSERT_FALSE(backups->sample_rows.empty());
	EXPECT_EQ(backups->sample_rows[0][0], "ファイルサーバ");

	bool table_shown = false;
	for (const auto &block : FillTemplate(*tmpl, {}, RegulationsJapaneseContext())) {
		if (block.type == BlockType::kTable && !block.columns.empty() && block.columns[0].title == "機器名") {
			table_shown = true;
			EXPECT_EQ(block.rows.size(), backups->sample_rows.size());
		}
	}
	EXPECT_TRUE(table_shown);
}

TEST(Regulations1To6, FillWithoutARawPlaceholder) {
	for (const auto &expected : Expected()) {
		SCOPED_TRACE(expected.id);
		const DocumentTemplate *tmpl = Find(expected.id);
		ASSERT_NE(tmpl, nullptr);
		const std::vector<Block> blocks = FillTemplate(*tmpl, {}, RegulationsJapaneseContext());
		ASSERT_FALSE(blocks.empty());
		bool company_named = false;
		for (const auto &block : blocks) {
			for (const auto &text : Texts(block)) {
				EXPECT_EQ(text.find("{{"), std::string::npos) << text;
				company_named = company_named || text.find("テスト株式会社") != std::string::npos;
			}
		}
		EXPECT_TRUE(company_named) << "the company name should appear in the regulation";
	}
}

} // namespace
} // namespace mamori::document
