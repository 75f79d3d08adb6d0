// mamori/codec/document_codec.cpp
#include "codec/document_codec.hpp"

#include "codec/json_input.hpp"

namespace mamori::codec {

namespace {

constexpr size_t kMaxText = 100000;

//! Text that may be empty (a cleared field, a blank cell).
Result<std::string> Text(const Json &value, const std::string &field) {
	if (!value.is_string()) {
		return Error::Invalid(field, "errors.json.string_required");
	}
	std::string text = value.get<std::string>();
	if (text.size() > kMaxText) {
		return Error::Invalid(field, "errors.json.string_too_long", {{"max_bytes", std::to_string(kMaxText)}});
	}
	return text;
}

Result<document::RuleLines> RuleLinesFromJson(const Json &lines, const std::string &path) {
	if (!lines.is_array()) {
		return Error::Invalid(path, "errors.json.array_required");
	}
	document::RuleLines parsed;
	for (size_t index = 0; index < lines.size(); ++index) {
		const std::string where = IndexPath(path, index);
		const Json &line = *MAMORI_TRY(RequireObject(lines[index], where));
		std::string marker;
		if (line.contains("marker")) {
			marker = MAMORI_TRY(Text(line["marker"], where + ".marker"));
		}
		auto kind = document::ParseRuleMarker(marker);
		if (!kind) {
			return Error::Invalid(where + ".marker", "errors.document.rule_marker_unknown", {{"marker", marker}});
		}
		std::string text;
		if (line.contains("text")) {
			text = MAMORI_TRY(Text(line["text"], where + ".text"));
		}
		parsed.push_back({*kind, std::move(text)});
	}
	return parsed;
}

} // namespace

std::string DocumentValuesToJson(const document::DocumentValues &values) {
	Json json = {{"fields", Json::object()}, {"tables", Json::object()}, {"left_out_sections", Json::array()}};
	for (const auto &[id, value] : values.fields) {
		json["fields"][id] = value;
	}
	for (const auto &[id, rows] : values.tables) {
		json["tables"][id] = rows;
	}
	for (const auto &section : values.left_out_sections) {
		json["left_out_sections"].push_back(section);
	}
	if (!values.rules.empty()) {
		json["rules"] = Json::object();
		for (const auto &[section, lines] : values.rules) {
			Json list = Json::array();
			for (const auto &line : lines) {
				list.push_back({{"marker", std::string(document::RuleMarkerName(line.marker))}, {"text", line.text}});
			}
			json["rules"][section] = list;
		}
	}
	return json.dump();
}

Result<document::DocumentValues> DocumentValuesFromJson(const std::string &text) {
	const Json json = MAMORI_TRY(ParseJson(text));
	MAMORI_TRY(RequireObject(json, "values"));
	document::DocumentValues values;
	if (json.contains("fields")) {
		const Json &fields = *MAMORI_TRY(RequireObject(json["fields"], "fields"));
		for (const auto &[id, value] : fields.items()) {
			values.fields[id] = MAMORI_TRY(Text(value, FieldPath("fields", id)));
		}
	}
	if (json.contains("tables")) {
		const Json &tables = *MAMORI_TRY(RequireObject(json["tables"], "tables"));
		for (const auto &[id, rows] : tables.items()) {
			const std::string path = FieldPath("tables", id);
			if (!rows.is_array()) {
				return Error::Invalid(path, "errors.json.array_required");
			}
			document::TableRows table;
			for (size_t row = 0; row < rows.size(); ++row) {
				if (!rows[row].is_array()) {
					return Error::Invalid(IndexPath(path, row), "errors.json.array_required");
				}
				std::vector<std::string> cells;
				for (size_t cell = 0; cell < rows[row].size(); ++cell) {
					cells.push_back(MAMORI_TRY(Text(rows[row][cell], IndexPath(IndexPath(path, row), cell))));
				}
				table.push_back(std::move(cells));
			}
			values.tables[id] = std::move(table);
		}
	}
	if (json.contains("left_out_sections")) {
		const Json &sections = json["left_out_sections"];
		if (!sections.is_array()) {
			return Error::Invalid("left_out_sections", "errors.json.array_required");
		}
		for (size_t index = 0; index < sections.size(); ++index) {
			values.left_out_sections.insert(
			    MAMORI_TRY(Text(sections[index], IndexPath("left_out_sections", index))));
		}
	}
	if (json.contains("rules")) {
		const Json &rules = *MAMORI_TRY(RequireObject(json["rules"], "rules"));
		for (const auto &[section, lines] : rules.items()) {
			values.rules[section] = MAMORI_TRY(RuleLinesFromJson(lines, FieldPath("rules", section)));
		}
	}
	return values;
}

} // namespace mamori::codec
