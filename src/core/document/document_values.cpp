// mamori/core/document/document_values.cpp
#include "core/document/document_values.hpp"

#include "core/common/civil_date.hpp"

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
	return OkStatus();
}

} // namespace mamori::document
