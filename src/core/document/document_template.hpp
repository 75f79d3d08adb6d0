// mamori/core/document/document_template.hpp
//
// A document kind's template as data (content/editions/<id>/documents/…):
// sections of blocks whose text holds {{field}} placeholders, and the typed
// fields a firm fills in (the red and blue parts of the guideline's samples).
// Filling a template with the firm's values gives a RenderedDocument
// (document_fill.hpp); nothing here knows a format or a particular kind.
#pragma once

#include "core/catalog/source_ref.hpp"
#include "core/document/rendered_document.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mamori::document {

enum class FieldType {
	kText,      // one line
	kLongText,  // a paragraph
	kDate,      // YYYY-MM-DD, written in the document's date style
	kPerson,    // a name; filled from the holder of `role` in 管理体制 unless typed
	kPeriod,    // 「毎年4月」, 「3か月ごと」: free text, kept apart for validation and help
	kChoice,    // one of `choices`
	kNumber,    // a whole number, 0 or more
	kTable,     // rows of `columns` (the backup table: 機器名, 対象, 方法, 保管媒体, 頻度)
};

//! The field type's name in template files ("text", "date", …), or nullopt.
std::optional<FieldType> ParseFieldType(std::string_view name);

struct FieldColumn {
	std::string id;
	std::string title;
	int width = 1;
	size_t max_length = 200;  // bytes of UTF-8
};

struct FieldSpec {
	std::string id;
	FieldType type = FieldType::kText;
	std::string label;        // shown on the form and, when blank, in the document as 【label】
	size_t max_length = 200;  // bytes of UTF-8, for every type but kTable
	std::vector<std::string> choices;             // kChoice
	std::string role;                             // kPerson: the 管理体制 role that fills it
	std::string sample;                           // the guideline's example value, "" when it has none
	std::vector<FieldColumn> columns;             // kTable
	std::vector<std::vector<std::string>> sample_rows;  // kTable: the guideline's example rows
	int max_rows = 50;                            // kTable
};

//! One block as written in the template. Text may hold {{field}} placeholders.
struct TemplateBlock {
	BlockType type = BlockType::kParagraph;
	int level = 2;                          // kHeading
	std::string text;                       // kHeading, kParagraph, kNote
	std::vector<ListItem> items;            // kList: markers as given, item text in `line[0].text` before filling
	bool rules = false;                     // kList: 〇必須 / ×禁止 rules the firm may rewrite (rule_lines.hpp)
	std::string table_field;                // kTable from a kTable field
	std::vector<TableColumn> columns;       // kTable written out in the template
	std::vector<std::vector<std::string>> rows;
	std::vector<std::string> lines;         // kSignature
};

//! When a section (or a whole regulation) applies to a firm. Empty: always.
//! Flags are the firm-profile answers (uses_cloud, telework, develops_systems,
//! handles_my_number, has_website, outsources); any one of them is enough.
struct Applicability {
	std::vector<std::string> any_of_flags;
	bool Always() const { return any_of_flags.empty(); }
};

struct TemplateSection {
	std::string id;
	std::string title;  // printed as a level-1 heading; may be empty
	Applicability applies;
	std::vector<TemplateBlock> blocks;
};

//! What a 関連規程 template adds: its place in 付録5 and the risk category
//! (付録7 診断結果) whose regulation need (◎/○/—) proposes it.
struct RegulationInfo {
	int number = 0;
	std::string risk_category;  // RiskCategory::id, "" when no category leads to it
};

struct DocumentTemplate {
	std::string id;     // file stem: "governance", "regulation_03_assets"
	std::string kind;   // the `document render --kind` it belongs to
	std::string title;
	SourceRef source;
	std::vector<FieldSpec> fields;
	std::vector<TemplateSection> sections;
	Applicability applies;               // the whole template (a regulation that only some firms need)
	std::optional<RegulationInfo> regulation;

	const FieldSpec *FindField(std::string_view id) const;
};

//! The firm-profile flags templates and regulations may depend on, in the
//! order a form asks about them.
const std::vector<std::string> &ProfileFlagIds();

//! Placeholders every template may use without declaring them: what mamori
//! knows of the firm and the document (company name, its short form, dates).
const std::vector<std::string> &BuiltInFields();

} // namespace mamori::document
