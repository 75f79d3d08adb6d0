// mamori/core/catalog/document_template_loader.cpp
#include "core/catalog/document_template_loader.hpp"

#include "core/catalog/content_reader.hpp"
#include "core/document/rule_lines.hpp"
#include "core/document/placeholders.hpp"

#include <set>

namespace mamori {
namespace {

using catalog_detail::ParseFile;
using catalog_detail::Reader;
using document::Applicability;
using document::BlockType;
using document::DocumentTemplate;
using document::FieldColumn;
using document::FieldSpec;
using document::FieldType;
using document::TemplateBlock;
using document::TemplateSection;

constexpr size_t kDefaultMaxLength = 200;

const std::set<std::string> &KnownFlags() {
	static const std::set<std::string> flags(document::ProfileFlagIds().begin(), document::ProfileFlagIds().end());
	return flags;
}

Applicability ReadApplicability(const Reader &entry) {
	Applicability applies;
	if (!entry.Has("applies")) {
		return applies;
	}
	Reader applies_entry = entry.Child("applies");
	applies.any_of_flags = applies_entry.Strings("any_of");
	for (const auto &flag : applies.any_of_flags) {
		if (KnownFlags().count(flag) == 0) {
			applies_entry.Fail("unknown firm-profile flag '" + flag + "'");
		}
	}
	return applies;
}

size_t MaxLength(const Reader &entry) {
	if (!entry.Has("max_length")) {
		return kDefaultMaxLength;
	}
	const long long max = entry.Integer("max_length");
	if (max < 1 || max > 20000) {
		entry.Child("max_length").Fail("must be between 1 and 20000");
	}
	return static_cast<size_t>(max);
}

//! A table row: a list of cells, or a mapping `{cells: [...]}` so that it can
//! carry its own `en:` overlay (overlays translate lists of scalars only).
std::vector<std::string> ReadRow(const Reader &row_entry) {
	if (row_entry.IsMapping()) {
		// Cells may be empty: a check sheet prints blank answer columns.
		std::vector<std::string> row;
		for (const auto &cell : row_entry.Child("cells").Entries()) {
			row.push_back(cell.IsText() ? cell.Text() : std::string());
		}
		return row;
	}
	std::vector<std::string> row;
	for (const auto &cell : row_entry.Entries()) {
		row.push_back(cell.Text());
	}
	return row;
}

FieldSpec ReadField(const Reader &entry) {
	FieldSpec field;
	field.id = entry.String("id");
	const std::string type_name = entry.String("type");
	auto type = document::ParseFieldType(type_name);
	if (!type) {
		entry.Child("type").Fail("unknown field type '" + type_name +
		                         "' (text, long_text, date, person, period, choice, number, table)");
	}
	field.type = *type;
	field.label = entry.String("label");
	field.max_length = MaxLength(entry);
	field.sample = entry.OptionalString("sample");
	if (field.sample.size() > field.max_length) {
		entry.Child("sample").Fail("the sample is longer than the field's " + std::to_string(field.max_length) + " bytes");
	}
	if (field.type == FieldType::kChoice) {
		field.choices = entry.Strings("choices");
		if (!field.sample.empty() &&
		    std::find(field.choices.begin(), field.choices.end(), field.sample) == field.choices.end()) {
			entry.Child("sample").Fail("the sample is not one of the choices");
		}
	}
	if (field.type == FieldType::kPerson) {
		field.role = entry.OptionalString("role");
	}
	if (field.type == FieldType::kTable) {
		std::set<std::string> column_ids;
		for (const auto &column_entry : entry.Items("columns")) {
			FieldColumn column{column_entry.String("id"), column_entry.String("title"),
			                   column_entry.Has("width") ? column_entry.Int("width") : 1, MaxLength(column_entry)};
			if (!column_ids.insert(column.id).second) {
				column_entry.Fail("duplicate column id '" + column.id + "'");
			}
			field.columns.push_back(column);
		}
		if (entry.Has("max_rows")) {
			field.max_rows = entry.Int("max_rows");
		}
		if (entry.Has("sample_rows")) {
			for (const auto &row_entry : entry.Items("sample_rows")) {
				std::vector<std::string> row = ReadRow(row_entry);
				if (row.size() != field.columns.size()) {
					row_entry.Fail("a sample row needs " + std::to_string(field.columns.size()) + " cells");
				}
				field.sample_rows.push_back(row);
			}
		}
	}
	return field;
}

std::vector<document::ListItem> ReadListItems(const Reader &list, const std::string &default_marker) {
	std::vector<document::ListItem> items;
	for (const auto &item : list.Entries()) {
		if (item.IsText()) {
			if (default_marker.empty()) {
				item.Fail("a list of plain items needs a marker on the block (marker: followed by the bullet text)");
			}
			items.push_back({default_marker, document::TextLine(item.Text())});
		} else {
			items.push_back({item.OptionalString("marker", default_marker), document::TextLine(item.String("text"))});
		}
	}
	return items;
}

//! The guideline's rules must fit the limits a firm's own rules have, so
//! that keeping a guideline line while editing its neighbours never fails.
void CheckRuleList(const Reader &entry, const TemplateBlock &block) {
	if (block.items.size() > document::kMaxRulesPerSection) {
		entry.Fail("a rule list holds at most " + std::to_string(document::kMaxRulesPerSection) + " lines");
	}
	for (const auto &item : block.items) {
		if (item.marker.empty() || document::PlainText(item.line).size() > document::kMaxRuleTextBytes) {
			entry.Fail("a rule line needs a marker and at most " + std::to_string(document::kMaxRuleTextBytes) +
			           " bytes of text");
		}
	}
}

TemplateBlock ReadBlock(const Reader &entry) {
	TemplateBlock block;
	if (entry.IsText()) {
		block.type = BlockType::kParagraph;
		block.text = entry.Text();
		return block;
	}
	auto has = [&](const char *key) { return entry.Has(key); };
	if (has("heading")) {
		block.type = BlockType::kHeading;
		block.text = entry.String("heading");
		block.level = entry.Has("level") ? entry.Int("level") : 2;
		if (block.level < 1 || block.level > 3) {
			entry.Child("level").Fail("a heading level is 1, 2 or 3");
		}
	} else if (has("paragraph")) {
		block.text = entry.String("paragraph");
	} else if (has("note")) {
		block.type = BlockType::kNote;
		block.text = entry.String("note");
	} else if (has("list")) {
		block.type = BlockType::kList;
		// The marker is content (「・」, "〇", "×", "1."), so the template names it.
		block.items = ReadListItems(entry.Child("list"), entry.OptionalString("marker"));
		block.rules = entry.Bool("rules", false);
		if (block.rules) {
			CheckRuleList(entry, block);
		}
	} else if (has("table")) {
		block.type = BlockType::kTable;
		Reader table = entry.Child("table");
		if (table.Has("field")) {
			block.table_field = table.String("field");
		} else {
			for (const auto &column : table.Items("columns")) {
				block.columns.push_back({column.String("title"), column.Has("width") ? column.Int("width") : 1});
			}
			for (const auto &row_entry : table.Items("rows")) {
				std::vector<std::string> row = ReadRow(row_entry);
				if (row.size() != block.columns.size()) {
					row_entry.Fail("a row needs " + std::to_string(block.columns.size()) + " cells");
				}
				block.rows.push_back(row);
			}
		}
	} else if (has("signature")) {
		block.type = BlockType::kSignature;
		block.lines = entry.Strings("signature");
	} else if (has("page_break")) {
		block.type = BlockType::kPageBreak;
	} else {
		entry.Fail("a block is text or one of heading, paragraph, note, list, table, signature, page_break");
	}
	return block;
}

//! Every {{name}} the template's text uses must be a declared field or a
//! built-in one, so a typo cannot print a raw placeholder in a firm's document.
void CheckPlaceholders(const Reader &file, const DocumentTemplate &tmpl) {
	std::set<std::string> known(document::BuiltInFields().begin(), document::BuiltInFields().end());
	for (const auto &field : tmpl.fields) {
		known.insert(field.id);
	}
	auto check = [&](const std::string &where, const std::string &text) {
		for (const auto &name : document::PlaceholderNames(text)) {
			if (known.count(name) == 0) {
				file.Fail(where + ": unknown field {{" + name + "}}; declare it under fields");
			}
		}
	};
	for (const auto &section : tmpl.sections) {
		check("section " + section.id, section.title);
		for (const auto &block : section.blocks) {
			check("section " + section.id, block.text);
			for (const auto &item : block.items) {
				check("section " + section.id, document::PlainText(item.line));
			}
			for (const auto &row : block.rows) {
				for (const auto &cell : row) {
					check("section " + section.id, cell);
				}
			}
			for (const auto &line : block.lines) {
				check("section " + section.id, line);
			}
			if (!block.table_field.empty()) {
				const FieldSpec *field = tmpl.FindField(block.table_field);
				if (field == nullptr || field->type != FieldType::kTable) {
					file.Fail("section " + section.id + ": table field '" + block.table_field +
					          "' is not a declared table field");
				}
			}
		}
	}
}

DocumentTemplate ReadTemplate(const Reader &file) {
	DocumentTemplate tmpl;
	tmpl.id = file.String("id");
	tmpl.kind = file.String("kind");
	tmpl.title = file.String("title");
	tmpl.source = file.Source();
	tmpl.applies = ReadApplicability(file);
	if (file.Has("regulation")) {
		Reader regulation = file.Child("regulation");
		tmpl.regulation = document::RegulationInfo{regulation.Int("number"), regulation.OptionalString("risk_category")};
	}
	std::set<std::string> field_ids(document::BuiltInFields().begin(), document::BuiltInFields().end());
	if (file.Has("fields")) {
		for (const auto &entry : file.Items("fields")) {
			FieldSpec field = ReadField(entry);
			if (!field_ids.insert(field.id).second) {
				entry.Fail("field id '" + field.id + "' is used twice or is a built-in field");
			}
			tmpl.fields.push_back(field);
		}
	}
	std::set<std::string> section_ids;
	for (const auto &entry : file.Items("sections")) {
		TemplateSection section;
		section.id = entry.String("id");
		if (!section_ids.insert(section.id).second) {
			entry.Fail("duplicate section id '" + section.id + "'");
		}
		section.title = entry.OptionalString("title");
		section.applies = ReadApplicability(entry);
		for (const auto &block : entry.Items("blocks")) {
			section.blocks.push_back(ReadBlock(block));
		}
		tmpl.sections.push_back(section);
	}
	CheckPlaceholders(file, tmpl);
	return tmpl;
}

} // namespace

std::vector<std::string> DocumentTemplateFileNames(const ContentFiles &files, const std::string &edition_id) {
	const std::string prefix = "editions/" + edition_id + "/documents/";
	std::vector<std::string> names;
	for (const auto &[name, text] : files) {
		if (name.rfind(prefix, 0) == 0 && name.size() > 5 && name.compare(name.size() - 5, 5, ".yaml") == 0) {
			names.push_back(name);
		}
	}
	return names; // a std::map is already sorted by name
}

std::vector<document::DocumentTemplate> ReadDocumentTemplates(const ContentFiles &files, const std::string &edition_id,
                                                              Locale locale) {
	std::vector<DocumentTemplate> templates;
	std::set<std::string> ids;
	for (const auto &name : DocumentTemplateFileNames(files, edition_id)) {
		Reader file = ParseFile(files, name, locale);
		DocumentTemplate tmpl = ReadTemplate(file);
		if (!ids.insert(tmpl.id).second) {
			file.Child("id").Fail("template id '" + tmpl.id + "' is used by another file");
		}
		templates.push_back(std::move(tmpl));
	}
	return templates;
}

} // namespace mamori
