// mamori/tests/unit/core/document/handbook_rules_golden_test.cpp
//
// Golden case of the handbook with the firm's rules (tests/golden/documents/
// handbook_rules/): edited rule lines in place of the guideline's (with the
// template's 〇 and ×, fields still filled inside them), a section whose
// rules were all removed, a left-out section and a filled backup table. The
// filled document is written as text, the firm's values in «», and compared
// exactly.
#include "codec/document_codec.hpp"
#include "core/document/document_fill.hpp"
#include "platform/files.hpp"
#include "support/catalog.hpp"
#include "support/golden_text.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace mamori::document {
namespace {

using Json = nlohmann::json;

std::string Text(const Line &line) {
	std::string text;
	for (const auto &span : line) {
		text += span.kind == SpanKind::kValue ? "«" + span.text + "»" : span.text;
	}
	return text;
}

std::string AsText(const std::vector<Block> &blocks) {
	std::string out;
	for (const auto &block : blocks) {
		switch (block.type) {
		case BlockType::kHeading: out += std::string(block.level, '#') + " " + Text(block.line) + "\n"; break;
		case BlockType::kList:
			for (const auto &item : block.items) out += item.marker + " " + Text(item.line) + "\n";
			break;
		case BlockType::kTable:
			for (const auto &row : block.rows) {
				out += "|";
				for (const auto &cell : row) out += " " + Text(cell) + " |";
				out += "\n";
			}
			break;
		case BlockType::kNote: out += "(note) " + Text(block.line) + "\n"; break;
		default: out += Text(block.line) + "\n"; break;
		}
	}
	return out;
}

TEST(HandbookRulesGolden, EditedRulesAndALeftOutSection) {
	const std::string base = testing_support::SourcePath("tests/golden/documents/handbook_rules/edited");
	const Json input = Json::parse(platform::ReadWholeFile(base + ".input.json").value());
	const DocumentTemplate *tmpl = testing_support::ShippedEdition().FindDocumentTemplate(input.at("template").get<std::string>());
	ASSERT_NE(tmpl, nullptr);
	auto values = codec::DocumentValuesFromJson(input.at("values").dump());
	ASSERT_TRUE(values.ok()) << values.error().Describe();
	ASSERT_TRUE(ValidateValues(*tmpl, *values).ok());
	FillContext context;
	context.built_ins = {{"company", input.at("company")}, {"company_short", input.at("company")}, {"today", "2026年12月4日"}};
	context.date_pattern = "{{year}}年{{month}}月{{day}}日";
	context.blank_pattern = "【{{label}}】";
	context.role_holders = input.at("role_holders").get<std::map<std::string, std::string>>();
	for (const auto &flag : input.at("flags")) context.flags.insert(flag.get<std::string>());
	const std::string problem = golden::CompareTextFile(base + ".expected.txt", AsText(FillTemplate(*tmpl, *values, context)));
	EXPECT_TRUE(problem.empty()) << problem;
}

} // namespace
} // namespace mamori::document
