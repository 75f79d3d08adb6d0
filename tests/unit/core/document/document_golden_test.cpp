// mamori/tests/unit/core/document/document_golden_test.cpp
//
// Golden cases of field substitution (tests/golden/documents/fill/): each
// *.input.json names a shipped template, the firm's values, the 管理体制
// role holders and profile flags; *.expected.json says what the filled
// document must show: its title, the values printed as the firm's, the
// blanks that must be gone, and no raw {{placeholder}} or untranslated text.
#include "codec/document_codec.hpp"
#include "core/catalog/localize.hpp"
#include "core/document/document_fill.hpp"
#include "platform/files.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

namespace mamori::document {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

std::vector<std::string> Cases() {
	std::vector<std::string> names;
	for (const auto &entry : fs::directory_iterator(testing_support::SourcePath("tests/golden/documents/fill"))) {
		const std::string name = entry.path().filename().string();
		const std::string suffix = ".input.json";
		if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
			names.push_back(name.substr(0, name.size() - suffix.size()));
		}
	}
	std::sort(names.begin(), names.end());
	return names;
}

Json ReadJson(const std::string &path) { return Json::parse(platform::ReadWholeFile(path).value()); }

//! Every span of every block, with its kind.
std::vector<Span> Spans(const std::vector<Block> &blocks) {
	std::vector<Span> spans;
	auto add = [&](const Line &line) { spans.insert(spans.end(), line.begin(), line.end()); };
	for (const auto &block : blocks) {
		add(block.line);
		for (const auto &item : block.items) add(item.line);
		for (const auto &row : block.rows)
			for (const auto &cell : row) add(cell);
		for (const auto &line : block.lines) add(line);
	}
	return spans;
}

class DocumentGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(DocumentGolden, MatchesExpected) {
	const std::string base = testing_support::SourcePath("tests/golden/documents/fill/" + GetParam());
	const Json input = ReadJson(base + ".input.json");
	const Json expected = ReadJson(base + ".expected.json");
	const Locale locale = input.at("locale") == "en" ? Locale::kEn : Locale::kJa;
	static const Catalogs catalogs = [] {
		auto loaded = platform::LoadCatalogs(testing_support::SourcePath("content"));
		EXPECT_TRUE(loaded.ok());
		return std::move(loaded).value();
	}();
	const DocumentTemplate *tmpl = catalogs.In(locale).DefaultEdition().FindDocumentTemplate(input.at("template").get<std::string>());
	ASSERT_NE(tmpl, nullptr) << input.at("template");
	auto values = codec::DocumentValuesFromJson(input.at("values").dump());
	ASSERT_TRUE(values.ok()) << values.error().message;
	ASSERT_TRUE(ValidateValues(*tmpl, *values).ok());

	FillContext context;
	context.built_ins = {{"company", input.at("company")}, {"company_short", input.at("company")}, {"today", "2026-12-04"}};
	context.date_pattern = locale == Locale::kJa ? "{{year}}年{{month}}月{{day}}日" : "{{day}}/{{month}}/{{year}}";
	context.blank_pattern = locale == Locale::kJa ? "【{{label}}】" : "[{{label}}]";
	context.role_holders = input.at("role_holders").get<std::map<std::string, std::string>>();
	for (const auto &flag : input.at("flags")) context.flags.insert(flag.get<std::string>());
	const std::vector<Span> spans = Spans(FillTemplate(*tmpl, *values, context));

	if (expected.contains("title")) {
		EXPECT_EQ(tmpl->title, expected["title"].get<std::string>());
	}
	for (const auto &want : expected.value("value_spans_include", Json::array())) {
		const bool found = std::any_of(spans.begin(), spans.end(), [&](const Span &span) {
			return span.kind == SpanKind::kValue && span.text.find(want.get<std::string>()) != std::string::npos;
		});
		EXPECT_TRUE(found) << GetParam() << ": no value span holds " << want;
	}
	for (const auto &gone : expected.value("blanks_exclude", Json::array())) {
		for (const auto &span : spans) {
			EXPECT_EQ(span.text.find(gone.get<std::string>()), std::string::npos) << GetParam() << ": still shows " << gone;
		}
	}
	for (const auto &span : spans) {
		if (expected.value("no_placeholders", false)) {
			EXPECT_EQ(span.text.find("{{"), std::string::npos) << GetParam() << ": " << span.text;
		}
		if (expected.value("no_japanese_outside_brackets", false)) {
			EXPECT_FALSE(HasJapaneseOutsideBrackets(span.text) && span.kind != SpanKind::kValue) << GetParam() << ": " << span.text;
		}
	}
}

INSTANTIATE_TEST_SUITE_P(Fill, DocumentGolden, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<std::string> &info) { return info.param; });

} // namespace
} // namespace mamori::document
