// mamori/core/document/document_values.cpp
#include "core/document/document_values.hpp"

#include "core/common/civil_date.hpp"
#include "core/document/placeholders.hpp"

#include <algorithm>

namespace mamori::document {
namespace {

Status CheckLength(const std::string &field, const std::string &value, size_t max_length) {
	if (value.size() > max_length) {
		return Error::Invalid(field, "errors.document.value_too_long",
		                      {{"max", std::to_string(max_length)}, {"chars", std::to_string(max_length / 3)}});
	}
	return OkStatus();
}

Status CheckFieldValue(const FieldSpec &spec, const std::string &value) {
	MAMORI_TRY(CheckLength(spec.id, value, spec.max_length));
	if (value.empty()) {
		return OkStatus();
	}
	switch (spec.type) {
	case FieldType::kDate:
		if (!ParseIsoDate(value)) {
			return Error::Invalid(spec.id, "errors.document.date_invalid");
		}
		break;
	case FieldType::kChoice:
		if (std::find(spec.choices.begin(), spec.choices.end(), value) == spec.choices.end()) {
			return Error::Invalid(spec.id, "errors.document.choice_unknown", {{"value", value}});
		}
		break;
	case FieldType::kNumber:
		if (value.size() > 9 || !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
			return Error::Invalid(spec.id, "errors.document.number_invalid");
		}
		break;
	case FieldType::kTable:
		return Error::Invalid(spec.id, "errors.document.table_as_text");
	default:
		break;
	}
	return OkStatus();
}

Status CheckTable(const FieldSpec &spec, const TableRows &rows) {
	if (static_cast<int>(rows.size()) > spec.max_rows) {
		return Error::Invalid(spec.id, "errors.document.too_many_rows", {{"max", std::to_string(spec.max_rows)}});
	}
	for (size_t row = 0; row < rows.size(); ++row) {
		const std::string where = spec.id + "[" + std::to_string(row + 1) + "]";
		if (rows[row].size() != spec.columns.size()) {
			return Error::Invalid(where, "errors.document.row_width", {{"count", std::to_string(spec.columns.size())}});
		}
		for (size_t column = 0; column < spec.columns.size(); ++column) {
			MAMORI_TRY(CheckLength(where + "." + spec.columns[column].id, rows[row][column], spec.columns[column].max_length));
		}
	}
	return OkStatus();
}

const TemplateSection *FindSection(const DocumentTemplate &tmpl, const std::string &id) {
	for (const auto &section : tmpl.sections) {
		if (section.id == id) {
			return &section;
		}
	}
	return nullptr;
}

//! The firm's text goes through the same filling as the guideline's, so it
//! may name the same fields; any other {{name}} would print raw.
Status CheckRulePlaceholders(const DocumentTemplate &tmpl, const std::string &where, const std::string &text) {
	const auto &built_ins = BuiltInFields();
	for (const auto &name : PlaceholderNames(text)) {
		if (tmpl.FindField(name) == nullptr && std::find(built_ins.begin(), built_ins.end(), name) == built_ins.end()) {
			return Error::Invalid(where, "errors.document.placeholder_unknown", {{"name", name}});
		}
	}
	return OkStatus();
}

Status CheckRules(const DocumentTemplate &tmpl, const std::string &section_id, const RuleLines &lines) {
	const std::string path = "rules." + section_id;
	const TemplateSection *section = FindSection(tmpl, section_id);
	if (section == nullptr || RuleListOf(*section) == nullptr) {
		return Error::Invalid(path, "errors.document.rules_section_unknown", {{"section", section_id}});
	}
	if (lines.size() > kMaxRulesPerSection) {
		return Error::Invalid(path, "errors.document.too_many_rules", {{"max", std::to_string(kMaxRulesPerSection)}});
	}
	for (size_t index = 0; index < lines.size(); ++index) {
		const std::string where = path + "[" + std::to_string(index + 1) + "].text";
		if (lines[index].text.empty()) {
			return Error::Invalid(where, "errors.document.rule_empty");
		}
		MAMORI_TRY(CheckLength(where, lines[index].text, kMaxRuleTextBytes));
		MAMORI_TRY(CheckRulePlaceholders(tmpl, where, lines[index].text));
	}
	return OkStatus();
}

} // namespace

Status ValidateValues(const DocumentTemplate &tmpl, const DocumentValues &values) {
	for (const auto &[id, value] : values.fields) {
		const FieldSpec *spec = tmpl.FindField(id);
		if (spec == nullptr) {
			return Error::Invalid(id, "errors.document.field_unknown", {{"field", id}});
		}
		MAMORI_TRY(CheckFieldValue(*spec, value));
	}
	for (const auto &[id, rows] : values.tables) {
		const FieldSpec *spec = tmpl.FindField(id);
		if (spec == nullptr || spec->type != FieldType::kTable) {
			return Error::Invalid(id, "errors.document.field_unknown", {{"field", id}});
		}
		MAMORI_TRY(CheckTable(*spec, rows));
	}
	for (const auto &section : values.left_out_sections) {
		const bool known = std::any_of(tmpl.sections.begin(), tmpl.sections.end(),
		                               [&](const TemplateSection &candidate) { return candidate.id == section; });
		if (!known) {
			return Error::Invalid("left_out_sections", "errors.document.section_unknown", {{"section", section}});
		}
	}
	for (const auto &[section, lines] : values.rules) {
		MAMORI_TRY(CheckRules(tmpl, section, lines));
	}
	return OkStatus();
}

void DropUnchangedRules(const DocumentTemplate &tmpl, DocumentValues &values) {
	for (auto it = values.rules.begin(); it != values.rules.end();) {
		const TemplateSection *section = FindSection(tmpl, it->first);
		const TemplateBlock *rule_list = section != nullptr ? RuleListOf(*section) : nullptr;
		if (rule_list != nullptr && GuidelineRules(*rule_list) == it->second) {
			it = values.rules.erase(it);
		} else {
			++it;
		}
	}
}

} // namespace mamori::document

namespace mamori::document {
namespace {

//! Adds "prefix.key" for every key whose value differs (or exists on one side only).
template <typename Map>
void AddChangedKeys(const std::string &prefix, const Map &before, const Map &after, std::set<std::string> &parts) {
	for (const auto &[key, value] : before) {
		auto other = after.find(key);
		if (other == after.end() || !(other->second == value)) {
			parts.insert(prefix + "." + key);
		}
	}
	for (const auto &[key, value] : after) {
		if (before.count(key) == 0) {
			parts.insert(prefix + "." + key);
		}
	}
}

} // namespace

std::vector<std::string> ChangedParts(const DocumentValues &before, const DocumentValues &after) {
	std::set<std::string> parts;
	AddChangedKeys("fields", before.fields, after.fields, parts);
	AddChangedKeys("tables", before.tables, after.tables, parts);
	AddChangedKeys("rules", before.rules, after.rules, parts);
	for (const auto &section : before.left_out_sections) {
		if (after.left_out_sections.count(section) == 0) {
			parts.insert("left_out_sections." + section);
		}
	}
	for (const auto &section : after.left_out_sections) {
		if (before.left_out_sections.count(section) == 0) {
			parts.insert("left_out_sections." + section);
		}
	}
	return {parts.begin(), parts.end()};
}

} // namespace mamori::document
