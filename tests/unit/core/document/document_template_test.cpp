// mamori/tests/unit/core/document/document_template_test.cpp
//
// Templates as data (issue 8): the loader refuses a template that names an
// unknown field or whose sample does not fit its slot; values are checked
// against their fields; filling shows the firm's value, else the holder of
// the 管理体制 role, else the guideline's sample, else a visible blank.
#include "core/catalog/catalog_loader.hpp"
#include "core/document/document_fill.hpp"
#include "core/document/placeholders.hpp"
#include "support/catalog.hpp"
#include "platform/files.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace mamori::document {
namespace {

namespace fs = std::filesystem;

const std::string kTemplateFile = "editions/3.0/documents/zz_test_template.yaml";

const char *kTemplate = R"(id: zz_test_template
kind: test_kind
title: "Test document"
source: { document: "test", location: "here" }
fields:
  - { id: approver, type: person, label: "Approver", role: information_security_officer, max_length: 20 }
  - { id: month, type: period, label: "Month", sample: "every April" }
  - { id: method, type: choice, label: "Method", choices: ["shred", "burn"] }
  - { id: since, type: date, label: "Since" }
  - id: backups
    type: table
    label: "Backups"
    max_rows: 2
    columns: [ { id: device, title: "Device", max_length: 10 }, { id: how, title: "How" } ]
    sample_rows: [ { cells: ["server", "nightly"] } ]
sections:
  - id: one
    title: "1 First"
    blocks:
      - paragraph: "{{company}} checks in {{month}}, approved by {{approver}} with {{method}} since {{since}}."
      - list: ["a {{approver}}", "b"]
        marker: "-"
      - table: { field: backups }
  - id: cloud_only
    title: "2 Cloud"
    applies: { any_of: [uses_cloud] }
    blocks:
      - paragraph: "Cloud rules."
)";

ContentFiles RealFilesWith(const std::string &name, const std::string &text) {
	ContentFiles files;
	const fs::path content = testing_support::SourcePath("content");
	for (const auto &entry : fs::recursive_directory_iterator(content)) {
		const std::string ext = entry.path().extension().string();
		if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".txt")) continue;
		files[fs::relative(entry.path(), content).generic_string()] = platform::ReadWholeFile(entry.path().string()).value();
	}
	files[name] = text;
	return files;
}

const DocumentTemplate &LoadedTemplate() {
	static const Catalog catalog = ParseCatalog(RealFilesWith(kTemplateFile, kTemplate)).value();
	const DocumentTemplate *tmpl = catalog.DefaultEdition().FindDocumentTemplate("zz_test_template");
	EXPECT_NE(tmpl, nullptr);
	return *tmpl;
}

FillContext TemplateContext() {
	FillContext context;
	context.built_ins = {{"company", "ACME"}};
	context.date_pattern = "{{day}}/{{month}}/{{year}}";
	context.blank_pattern = "[{{label}}]";
	return context;
}

TEST(DocumentTemplate, PlaceholdersAreAsciiNamesBetweenBraces) {
	EXPECT_EQ(PlaceholderNames("a {{x}} b {{y_2}} {{not a name}} {{"), (std::vector<std::string>{"x", "y_2"}));
	const auto pieces = SplitPlaceholders("{{a}}text{{b}}");
	ASSERT_EQ(pieces.size(), 3u);
	EXPECT_TRUE(pieces[0].is_placeholder);
	EXPECT_EQ(pieces[1].text, "text");
}

TEST(DocumentTemplate, LoadsFieldsSectionsAndBlocks) {
	const DocumentTemplate &tmpl = LoadedTemplate();
	EXPECT_EQ(tmpl.kind, "test_kind");
	ASSERT_EQ(tmpl.fields.size(), 5u);
	EXPECT_EQ(tmpl.fields[0].type, FieldType::kPerson);
	EXPECT_EQ(tmpl.fields[0].max_length, 20u);
	EXPECT_EQ(tmpl.fields[4].columns.size(), 2u);
	ASSERT_EQ(tmpl.sections.size(), 2u);
	EXPECT_EQ(tmpl.sections[0].blocks.size(), 3u);
	EXPECT_EQ(tmpl.sections[1].applies.any_of_flags, (std::vector<std::string>{"uses_cloud"}));
}

TEST(DocumentTemplate, RefusesAnUnknownField) {
	std::string text = kTemplate;
	text.replace(text.find("{{method}}"), 10, "{{methd}}");
	auto catalog = ParseCatalog(RealFilesWith(kTemplateFile, text));
	ASSERT_FALSE(catalog.ok());
	EXPECT_NE(catalog.error().message.find("unknown field {{methd}}"), std::string::npos) << catalog.error().message;
	EXPECT_NE(catalog.error().field.find("zz_test_template.yaml"), std::string::npos) << catalog.error().field;
}

TEST(DocumentTemplate, RefusesASampleLongerThanItsSlot) {
	std::string text = kTemplate;
	text.replace(text.find("sample: \"every April\""), 21, "sample: \"every April\", max_length: 5");
	auto catalog = ParseCatalog(RealFilesWith(kTemplateFile, text));
	ASSERT_FALSE(catalog.ok());
	EXPECT_NE(catalog.error().message.find("longer than the field's 5 bytes"), std::string::npos) << catalog.error().message;
}

TEST(DocumentTemplate, RefusesAnUnknownFlagAndATypo) {
	std::string flag = kTemplate;
	flag.replace(flag.find("uses_cloud"), 10, "uses_clouds");
	EXPECT_FALSE(ParseCatalog(RealFilesWith(kTemplateFile, flag)).ok());
	std::string type = kTemplate;
	type.replace(type.find("type: period"), 12, "type: periods");
	EXPECT_FALSE(ParseCatalog(RealFilesWith(kTemplateFile, type)).ok());
}

TEST(DocumentValues, NamesTheFieldAndTheProblem) {
	const DocumentTemplate &tmpl = LoadedTemplate();
	DocumentValues values;
	values.fields["approver"] = std::string(21, 'x');
	auto status = ValidateValues(tmpl, values);
	ASSERT_FALSE(status.ok());
	EXPECT_EQ(status.error().field, "approver");
	EXPECT_EQ(status.error().message, "errors.document.value_too_long");

	values.fields = {{"method", "dissolve"}};
	EXPECT_EQ(ValidateValues(tmpl, values).error().field, "method");
	values.fields = {{"since", "2025-02-29"}};
	EXPECT_EQ(ValidateValues(tmpl, values).error().message, "errors.document.date_invalid");
	values.fields = {{"nope", "x"}};
	EXPECT_EQ(ValidateValues(tmpl, values).error().message, "errors.document.field_unknown");
	values.fields = {};
	values.tables["backups"] = {{"a", "b"}, {"c", "d"}, {"e", "f"}};
	EXPECT_EQ(ValidateValues(tmpl, values).error().message, "errors.document.too_many_rows");
	values.tables["backups"] = {{"a very long device", "b"}};
	EXPECT_EQ(ValidateValues(tmpl, values).error().field, "backups[1].device");
	values.tables["backups"] = {{"a"}};
	EXPECT_EQ(ValidateValues(tmpl, values).error().message, "errors.document.row_width");
	values.tables = {};
	values.fields = {{"method", "burn"}, {"since", "2025-04-01"}, {"approver", "Sato"}};
	values.left_out_sections = {"one"};
	EXPECT_TRUE(ValidateValues(tmpl, values).ok());
	values.left_out_sections = {"three"};
	EXPECT_EQ(ValidateValues(tmpl, values).error().message, "errors.document.section_unknown");
}

TEST(DocumentFill, ValueThenRoleHolderThenSampleThenBlank) {
	const DocumentTemplate &tmpl = LoadedTemplate();
	FillContext context = TemplateContext();
	const std::string text = "{{company}}|{{approver}}|{{month}}|{{method}}|{{since}}";
	EXPECT_EQ(PlainText(FillText(tmpl, text, {}, context)), "ACME|[Approver]|every April|[Method]|[Since]");
	context.role_holders["information_security_officer"] = "Yamada";
	DocumentValues values;
	values.fields = {{"method", "burn"}, {"since", "2025-04-01"}, {"month", "every May"}};
	const Line line = FillText(tmpl, text, values, context);
	EXPECT_EQ(PlainText(line), "ACME|Yamada|every May|burn|1/4/2025");
	values.fields["approver"] = "Sato";
	EXPECT_EQ(PlainText(FillText(tmpl, text, values, context)), "ACME|Sato|every May|burn|1/4/2025");
	// What the firm (or mamori) supplied is marked as a value; blanks as blanks.
	const Line blank = FillText(tmpl, "{{method}}", {}, TemplateContext());
	ASSERT_EQ(blank.size(), 1u);
	EXPECT_EQ(blank[0].kind, SpanKind::kBlank);
	const Line sample = FillText(tmpl, "{{month}}", {}, TemplateContext());
	EXPECT_EQ(sample[0].kind, SpanKind::kText);
}

TEST(DocumentFill, SectionsFollowFlagsAndWhatTheFirmLeftOut) {
	const DocumentTemplate &tmpl = LoadedTemplate();
	FillContext context = TemplateContext();
	auto headings = [&](const DocumentValues &values) {
		std::vector<std::string> titles;
		for (const auto &block : FillTemplate(tmpl, values, context)) {
			if (block.type == BlockType::kHeading) titles.push_back(PlainText(block.line));
		}
		return titles;
	};
	EXPECT_EQ(headings({}), (std::vector<std::string>{"1 First"}));
	context.flags = {"uses_cloud"};
	EXPECT_EQ(headings({}), (std::vector<std::string>{"1 First", "2 Cloud"}));
	DocumentValues values;
	values.left_out_sections = {"one"};
	EXPECT_EQ(headings(values), (std::vector<std::string>{"2 Cloud"}));
}

TEST(DocumentFill, TablesShowTheFirmsRowsElseTheSample) {
	const DocumentTemplate &tmpl = LoadedTemplate();
	auto table = [&](const DocumentValues &values) {
		for (const auto &block : FillTemplate(tmpl, values, TemplateContext())) {
			if (block.type == BlockType::kTable) return block;
		}
		return Block{};
	};
	Block sample = table({});
	ASSERT_EQ(sample.rows.size(), 1u);
	EXPECT_EQ(PlainText(sample.rows[0][0]), "server");
	EXPECT_EQ(sample.columns[1].title, "How");
	DocumentValues values;
	values.tables["backups"] = {{"NAS", "weekly"}, {"PC", "daily"}};
	Block firm = table(values);
	ASSERT_EQ(firm.rows.size(), 2u);
	EXPECT_EQ(PlainText(firm.rows[1][1]), "daily");
	EXPECT_EQ(firm.rows[1][1][0].kind, SpanKind::kValue);
}

} // namespace
} // namespace mamori::document
