// mamori/core/document/document_fill.cpp
#include "core/document/document_fill.hpp"

#include "core/common/civil_date.hpp"
#include "core/document/placeholders.hpp"

#include <algorithm>
#include <iterator>

namespace mamori::document {
namespace {

std::string Blank(const FillContext &context, const std::string &label) {
	std::string text = context.blank_pattern;
	const std::string marker = "{{label}}";
	const size_t at = text.find(marker);
	if (at == std::string::npos) {
		return label;
	}
	return text.replace(at, marker.size(), label);
}

//! A value as the document prints it: dates in the document's style.
std::string Printed(const FieldSpec &field, const std::string &value, const FillContext &context) {
	if (field.type == FieldType::kDate) {
		if (auto date = ParseIsoDate(value)) {
			return FormatCivilDate(context.date_pattern, *date);
		}
	}
	return value;
}

Span FieldSpan(const FieldSpec &field, const DocumentValues &values, const FillContext &context) {
	if (auto entered = values.fields.find(field.id); entered != values.fields.end() && !entered->second.empty()) {
		return {Printed(field, entered->second, context), SpanKind::kValue};
	}
	if (field.type == FieldType::kPerson && !field.role.empty()) {
		if (auto holder = context.role_holders.find(field.role); holder != context.role_holders.end()) {
			return {holder->second, SpanKind::kValue};
		}
	}
	if (!field.sample.empty()) {
		return {Printed(field, field.sample, context), SpanKind::kText};
	}
	return {Blank(context, field.label), SpanKind::kBlank};
}

void Append(Line &line, Span span) {
	if (!line.empty() && line.back().kind == span.kind) {
		line.back().text += span.text;
	} else if (!span.text.empty()) {
		line.push_back(std::move(span));
	}
}

Block TableFromField(const FieldSpec &field, const DocumentValues &values, const FillContext &context) {
	Block block;
	block.type = BlockType::kTable;
	for (const auto &column : field.columns) {
		block.columns.push_back({column.title, column.width});
	}
	auto entered = values.tables.find(field.id);
	const bool has_rows = entered != values.tables.end() && !entered->second.empty();
	const TableRows &rows = has_rows ? entered->second : field.sample_rows;
	const SpanKind kind = has_rows ? SpanKind::kValue : SpanKind::kText;
	for (const auto &row : rows) {
		std::vector<Line> cells;
		for (const auto &cell : row) {
			cells.push_back(TextLine(cell, kind));
		}
		block.rows.push_back(std::move(cells));
	}
	if (block.rows.empty()) {
		// An empty table still shows its columns and one blank row to fill in.
		std::vector<Line> cells;
		for (const auto &column : field.columns) {
			cells.push_back(TextLine(Blank(context, column.title), SpanKind::kBlank));
		}
		block.rows.push_back(std::move(cells));
	}
	return block;
}

//! The firm's rule lines in place of the guideline's: the template's markers,
//! and the same filling, so a line kept from the guideline prints as it did.
Block RulesFromValues(const DocumentTemplate &tmpl, const RuleLines &lines, const DocumentValues &values,
                      const FillContext &context) {
	Block block;
	block.type = BlockType::kList;
	const std::string must = PrintedMarker(tmpl, RuleMarker::kMust);
	const std::string forbidden = PrintedMarker(tmpl, RuleMarker::kForbidden);
	for (const auto &line : lines) {
		Line filled;
		for (auto span : FillText(tmpl, line.text, values, context)) {
			if (span.kind == SpanKind::kText) {
				span.kind = SpanKind::kValue;  // the firm's words, as its table rows are
			}
			Append(filled, std::move(span));
		}
		block.items.push_back({line.marker == RuleMarker::kMust ? must : forbidden, std::move(filled)});
	}
	return block;
}

Block FillBlock(const DocumentTemplate &tmpl, const TemplateSection &section, const TemplateBlock &source,
                const DocumentValues &values, const FillContext &context) {
	auto fill = [&](std::string_view text) { return FillText(tmpl, text, values, context); };
	if (source.type == BlockType::kTable && !source.table_field.empty()) {
		return TableFromField(*tmpl.FindField(source.table_field), values, context);
	}
	if (source.rules && RuleListOf(section) == &source) {
		if (auto edited = values.rules.find(section.id); edited != values.rules.end()) {
			return RulesFromValues(tmpl, edited->second, values, context);
		}
	}
	Block block;
	block.type = source.type;
	block.level = source.level;
	block.line = fill(source.text);
	for (const auto &item : source.items) {
		block.items.push_back({item.marker, fill(PlainText(item.line))});
	}
	block.columns = source.columns;
	for (const auto &row : source.rows) {
		std::vector<Line> cells;
		for (const auto &cell : row) {
			cells.push_back(fill(cell));
		}
		block.rows.push_back(std::move(cells));
	}
	for (const auto &line : source.lines) {
		block.lines.push_back(fill(line));
	}
	return block;
}

} // namespace

bool Applies(const Applicability &applies, const std::set<std::string> &flags) {
	return applies.Always() || std::any_of(applies.any_of_flags.begin(), applies.any_of_flags.end(),
	                                       [&](const std::string &flag) { return flags.count(flag) > 0; });
}

Line FillText(const DocumentTemplate &tmpl, std::string_view text, const DocumentValues &values,
              const FillContext &context) {
	Line line;
	for (const auto &piece : SplitPlaceholders(text)) {
		if (!piece.is_placeholder) {
			Append(line, {piece.text, SpanKind::kText});
		} else if (const FieldSpec *field = tmpl.FindField(piece.text)) {
			Append(line, FieldSpan(*field, values, context));
		} else if (auto known = context.built_ins.find(piece.text); known != context.built_ins.end()) {
			Append(line, {known->second, SpanKind::kValue});
		} else {
			// A built-in field mamori does not know for this firm (the loader
			// refuses every other unknown name).
			Append(line, {Blank(context, piece.text), SpanKind::kBlank});
		}
	}
	return line;
}

std::vector<Block> FillTemplate(const DocumentTemplate &tmpl, const DocumentValues &values, const FillContext &context) {
	std::vector<Block> blocks;
	for (const auto &section : tmpl.sections) {
		if (!Applies(section.applies, context.flags) || values.left_out_sections.count(section.id) > 0) {
			continue;
		}
		std::vector<Block> content;
		for (const auto &block : section.blocks) {
			Block filled = FillBlock(tmpl, section, block, values, context);
			if (filled.type == BlockType::kList && filled.items.empty()) {
				continue;  // the firm removed every rule of the section
			}
			content.push_back(std::move(filled));
		}
		if (content.empty() && !section.blocks.empty()) {
			continue;  // nothing left to print under the heading
		}
		if (!section.title.empty()) {
			Block heading;
			heading.type = BlockType::kHeading;
			heading.level = 1;
			heading.anchor = tmpl.id + "-" + section.id;
			heading.line = FillText(tmpl, section.title, values, context);
			blocks.push_back(std::move(heading));
		}
		std::move(content.begin(), content.end(), std::back_inserter(blocks));
	}
	return blocks;
}

} // namespace mamori::document
