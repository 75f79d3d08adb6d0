// mamori/tests/unit/core/document/rule_lines_test.cpp
//
// The handbook's rules the firm edits (issue 8): a section's edited lines
// replace the guideline's, printed with the template's own markers (〇 in
// Japanese, ○ in English); lines equal to the guideline's are not stored;
// every refusal names the line ("rules.item_03[2].text"); the stored JSON
// keeps them.
#include "codec/document_codec.hpp"
#include "core/catalog/catalog_loader.hpp"
#include "core/document/document_fill.hpp"
#include "core/document/rule_lines.hpp"
#include "platform/files.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace mamori::document {
namespace {

const DocumentTemplate &Handbook() {
	const DocumentTemplate *tmpl = testing_support::ShippedEdition().FindDocumentTemplate("handbook");
	EXPECT_NE(tmpl, nullptr);
	return *tmpl;
}

FillContext Context() {
	FillContext context;
	context.built_ins = {{"company", "山田製作所"}, {"company_short", "山田製作所"}, {"today", "2026年12月4日"}};
	context.date_pattern = "{{year}}年{{month}}月{{day}}日";
	context.blank_pattern = "【{{label}}】";
	return context;
}

//! The list printed under the section's heading (the block after the heading with its anchor).
const Block *SectionList(const std::vector<Block> &blocks, const std::string &section) {
	for (size_t index = 0; index < blocks.size(); ++index) {
		if (blocks[index].anchor == "handbook-" + section) {
			for (size_t next = index + 1; next < blocks.size() && blocks[next].type != BlockType::kHeading; ++next) {
				if (blocks[next].type == BlockType::kList) return &blocks[next];
			}
		}
	}
	return nullptr;
}

std::string FieldOf(const Status &status) { return status.ok() ? "(ok)" : status.error().field; }

TEST(RuleLines, EveryDiagnosisSectionOfTheHandbookHasRulesAndTheIntroductionHasNone) {
	const DocumentTemplate &handbook = Handbook();
	int with_rules = 0;
	for (const auto &section : handbook.sections) {
		if (section.id.rfind("item_", 0) == 0) {
			EXPECT_NE(RuleListOf(section), nullptr) << section.id;
		}
		with_rules += RuleListOf(section) != nullptr ? 1 : 0;
	}
	EXPECT_EQ(with_rules, 26);  // 25 items and the telework section
	EXPECT_EQ(RuleListOf(handbook.sections.front()), nullptr) << "the 〇/× legend of the introduction is not a rule list";
}

TEST(RuleLines, EditedLinesReplaceTheGuidelinesWithTheTemplatesMarkers) {
	DocumentValues values;
	values.fields["password_min_length"] = "12";
	values.rules["item_03"] = {{RuleMarker::kMust, "パスワードは{{password_min_length}}文字以上にする"},
	                           {RuleMarker::kForbidden, "パスワードを紙に書かない"}};
	ASSERT_TRUE(ValidateValues(Handbook(), values).ok());
	const auto blocks = FillTemplate(Handbook(), values, Context());
	const Block *list = SectionList(blocks, "item_03");
	ASSERT_NE(list, nullptr);
	ASSERT_EQ(list->items.size(), 2u);
	EXPECT_EQ(list->items[0].marker, "〇");
	EXPECT_EQ(PlainText(list->items[0].line), "パスワードは12文字以上にする");
	EXPECT_EQ(list->items[0].line.front().kind, SpanKind::kValue) << "the firm's words print as its entries";
	EXPECT_EQ(list->items[1].marker, "×");
	EXPECT_EQ(PlainText(list->items[1].line), "パスワードを紙に書かない");
	// Other sections keep the guideline's rules.
	const Block *other = SectionList(blocks, "item_01");
	ASSERT_NE(other, nullptr);
	EXPECT_EQ(other->items.size(), 3u);
}

TEST(RuleLines, EnglishTemplatesPrintTheirOwnMustMarker) {
	auto files = platform::ReadContentFiles(testing_support::SourcePath("content"));
	ASSERT_TRUE(files.ok());
	auto english = ParseCatalog(files.value(), Locale::kEn);
	ASSERT_TRUE(english.ok());
	const DocumentTemplate *handbook = english.value().DefaultEdition().FindDocumentTemplate("handbook");
	ASSERT_NE(handbook, nullptr);
	EXPECT_EQ(PrintedMarker(*handbook, RuleMarker::kMust), "\xE2\x97\x8B");  // ○ U+25CB, not the Japanese 〇
	EXPECT_EQ(PrintedMarker(Handbook(), RuleMarker::kMust), "〇");
	EXPECT_EQ(PrintedMarker(*handbook, RuleMarker::kForbidden), "×");
}

TEST(RuleLines, RemovingEveryLineOfASectionWithNothingElseDropsItsHeadingToo) {
	DocumentValues values;
	values.rules["item_05"] = {};
	values.rules["item_11"] = {};  // keeps its backup table
	ASSERT_TRUE(ValidateValues(Handbook(), values).ok());
	const auto blocks = FillTemplate(Handbook(), values, Context());
	auto has_heading = [&](const std::string &section) {
		return std::any_of(blocks.begin(), blocks.end(), [&](const Block &block) { return block.anchor == "handbook-" + section; });
	};
	EXPECT_FALSE(has_heading("item_05"));
	EXPECT_TRUE(has_heading("item_11"));
	EXPECT_TRUE(has_heading("item_06"));
}

TEST(RuleLines, RefusalsNameTheLine) {
	auto refused = [](const std::string &section, RuleLines lines) {
		DocumentValues values;
		values.rules[section] = std::move(lines);
		return ValidateValues(Handbook(), values);
	};
	EXPECT_EQ(FieldOf(refused("item_99", {{RuleMarker::kMust, "x"}})), "rules.item_99");
	EXPECT_EQ(FieldOf(refused("introduction", {{RuleMarker::kMust, "x"}})), "rules.introduction");
	EXPECT_EQ(FieldOf(refused("item_03", {{RuleMarker::kMust, "a"}, {RuleMarker::kMust, ""}})), "rules.item_03[2].text");
	EXPECT_EQ(FieldOf(refused("item_03", {{RuleMarker::kMust, std::string(kMaxRuleTextBytes + 1, 'a')}})),
	          "rules.item_03[1].text");
	EXPECT_TRUE(refused("item_03", {{RuleMarker::kMust, std::string(kMaxRuleTextBytes, 'a')}}).ok());
	EXPECT_EQ(FieldOf(refused("item_03", RuleLines(kMaxRulesPerSection + 1, {RuleMarker::kMust, "a"}))), "rules.item_03");
	const Status placeholder = refused("item_03", {{RuleMarker::kMust, "{{password_min_length}}文字と{{salary}}"}});
	EXPECT_EQ(FieldOf(placeholder), "rules.item_03[1].text");
	EXPECT_EQ(placeholder.error().message, "errors.document.placeholder_unknown");
	EXPECT_TRUE(refused("item_03", {{RuleMarker::kMust, "{{company}}の{{password_min_length}}文字"}}).ok());
}

TEST(RuleLines, LinesEqualToTheGuidelinesAreNotStored) {
	const DocumentTemplate &handbook = Handbook();
	DocumentValues values;
	for (const auto &section : handbook.sections) {
		if (const TemplateBlock *list = RuleListOf(section)) values.rules[section.id] = GuidelineRules(*list);
	}
	values.rules["item_02"].pop_back();
	DropUnchangedRules(handbook, values);
	ASSERT_EQ(values.rules.size(), 1u);
	EXPECT_EQ(values.rules.begin()->first, "item_02");
}

TEST(RuleLines, CountermeasuresBecomeMustLinesWithoutTheFullStop) {
	EXPECT_EQ(RuleFromCountermeasure("更新を適用します。"), (RuleLine{RuleMarker::kMust, "更新を適用します"}));
	EXPECT_EQ(RuleFromCountermeasure("Apply updates. "), (RuleLine{RuleMarker::kMust, "Apply updates"}));
	EXPECT_EQ(RuleFromCountermeasure("そのまま"), (RuleLine{RuleMarker::kMust, "そのまま"}));
}

TEST(RuleLines, TheStoredJsonKeepsTheRulesAndRefusesAnUnknownMarker) {
	DocumentValues values;
	values.left_out_sections = {"item_25"};
	values.rules["item_03"] = {{RuleMarker::kForbidden, "共有しない"}, {RuleMarker::kMust, "{{company}}の規則"}};
	values.rules["item_07"] = {};
	auto back = codec::DocumentValuesFromJson(codec::DocumentValuesToJson(values));
	ASSERT_TRUE(back.ok()) << back.error().Describe();
	EXPECT_EQ(*back, values);
	auto refused = codec::DocumentValuesFromJson(R"({"rules": {"item_03": [{"marker": "maybe", "text": "x"}]}})");
	ASSERT_FALSE(refused.ok());
	EXPECT_EQ(refused.error().field, "rules.item_03[0].marker");
	EXPECT_FALSE(codec::DocumentValuesFromJson(R"({"rules": {"item_03": {"marker": "must"}}})").ok());
}

} // namespace
} // namespace mamori::document
