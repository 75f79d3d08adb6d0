// mamori/codec/organization_data_codec.cpp
#include "codec/organization_data_codec.hpp"

#include <cstdint>
#include <set>

namespace mamori::codec {
namespace {

constexpr size_t kMaxTables = 500;
constexpr size_t kMaxColumns = 500;
constexpr size_t kMaxNameBytes = 63;
constexpr size_t kMaxCellBytes = 4 * 1024 * 1024;

//! Table and column names go into SQL text (never values), so only plain
//! lower-case identifiers pass; storage then checks them against its schema.
bool IsIdentifier(const std::string &name) {
	if (name.empty() || name.size() > kMaxNameBytes || !(name[0] == '_' || (name[0] >= 'a' && name[0] <= 'z'))) {
		return false;
	}
	for (char c : name) {
		if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
			return false;
		}
	}
	return true;
}

Json OriginJson(const transfer::CopyOrigin &origin) {
	return {{"installation", origin.installation},
	        {"organization", origin.organization},
	        {"revision", origin.revision}};
}

Result<transfer::CopyOrigin> DecodeOrigin(const Json &value, const std::string &field) {
	MAMORI_TRY(RequireObject(value, field));
	transfer::CopyOrigin origin;
	const Json *installation = MAMORI_TRY(RequireMember(value, "installation", FieldPath(field, "installation")));
	origin.installation = MAMORI_TRY(RequireString(*installation, FieldPath(field, "installation"), 200));
	const Json *organization = MAMORI_TRY(RequireMember(value, "organization", FieldPath(field, "organization")));
	origin.organization = MAMORI_TRY(RequireInteger(*organization, FieldPath(field, "organization"), 1, INT64_MAX));
	const Json *revision = MAMORI_TRY(RequireMember(value, "revision", FieldPath(field, "revision")));
	origin.revision = MAMORI_TRY(RequireInteger(*revision, FieldPath(field, "revision"), 0, INT64_MAX));
	return origin;
}

Result<std::string> DecodeName(const Json &value, const std::string &field) {
	std::string name = MAMORI_TRY(RequireString(value, field, kMaxNameBytes));
	if (!IsIdentifier(name)) {
		return Error::Invalid(field, "errors.transfer.name_invalid", {{"name", name}});
	}
	return name;
}

Result<transfer::TableRows> DecodeTable(const Json &value, const std::string &field) {
	MAMORI_TRY(RequireObject(value, field));
	transfer::TableRows table;
	table.name = MAMORI_TRY(DecodeName(*MAMORI_TRY(RequireMember(value, "name", FieldPath(field, "name"))),
	                                   FieldPath(field, "name")));
	const std::string columns_field = FieldPath(field, "columns");
	const Json *columns = MAMORI_TRY(RequireMember(value, "columns", columns_field));
	if (!columns->is_array() || columns->empty() || columns->size() > kMaxColumns) {
		return Error::Invalid(columns_field, "errors.transfer.columns_invalid", {{"max", std::to_string(kMaxColumns)}});
	}
	std::set<std::string> seen;
	for (size_t i = 0; i < columns->size(); ++i) {
		std::string column = MAMORI_TRY(DecodeName((*columns)[i], IndexPath(columns_field, i)));
		if (!seen.insert(column).second) {
			return Error::Invalid(IndexPath(columns_field, i), "errors.transfer.column_repeated", {{"name", column}});
		}
		table.columns.push_back(std::move(column));
	}
	const std::string rows_field = FieldPath(field, "rows");
	const Json *rows = MAMORI_TRY(RequireMember(value, "rows", rows_field));
	if (!rows->is_array()) {
		return Error::Invalid(rows_field, "errors.json.array_required");
	}
	table.rows.reserve(rows->size());
	for (size_t r = 0; r < rows->size(); ++r) {
		const Json &row = (*rows)[r];
		const std::string row_field = IndexPath(rows_field, r);
		if (!row.is_array() || row.size() != table.columns.size()) {
			return Error::Invalid(row_field, "errors.transfer.row_width",
			                      {{"columns", std::to_string(table.columns.size())}});
		}
		std::vector<transfer::Cell> cells;
		cells.reserve(row.size());
		for (size_t c = 0; c < row.size(); ++c) {
			// A stored value may be empty or blank: cells are read as they are.
			const Json &cell = row[c];
			if (cell.is_null()) {
				cells.emplace_back(std::nullopt);
			} else if (!cell.is_string()) {
				return Error::Invalid(IndexPath(row_field, c), "errors.json.string_required");
			} else if (cell.get_ref<const std::string &>().size() > kMaxCellBytes) {
				return Error::Invalid(IndexPath(row_field, c), "errors.json.string_too_long",
				                      {{"max_bytes", std::to_string(kMaxCellBytes)}});
			} else {
				cells.emplace_back(cell.get<std::string>());
			}
		}
		table.rows.push_back(std::move(cells));
	}
	return table;
}

} // namespace

std::string EncodeOrganizationData(const transfer::OrganizationData &data) {
	Json tables = Json::array();
	for (const transfer::TableRows &table : data.tables) {
		Json rows = Json::array();
		for (const std::vector<transfer::Cell> &row : table.rows) {
			Json cells = Json::array();
			for (const transfer::Cell &cell : row) {
				cells.push_back(cell ? Json(*cell) : Json(nullptr));
			}
			rows.push_back(std::move(cells));
		}
		tables.push_back({{"name", table.name}, {"columns", table.columns}, {"rows", std::move(rows)}});
	}
	Json document = {{"format", kOrganizationDataFormat},
	                 {"format_version", transfer::kPackageFormatVersion},
	                 {"schema_version", data.schema_version},
	                 {"exported_at", data.exported_at},
	                 {"origin", OriginJson(data.origin)},
	                 {"based_on", data.based_on ? OriginJson(*data.based_on) : Json(nullptr)},
	                 {"tables", std::move(tables)}};
	return document.dump(1, '\t', false, Json::error_handler_t::replace) + "\n";
}

Result<transfer::OrganizationData> DecodeOrganizationData(const std::string &text) {
	const Json document = MAMORI_TRY(ParseJson(text));
	MAMORI_TRY(RequireObject(document, ""));
	const Json *format = MAMORI_TRY(RequireMember(document, "format", "format"));
	if (MAMORI_TRY(RequireString(*format, "format", 100)) != kOrganizationDataFormat) {
		return Error::Invalid("format", "errors.transfer.not_a_package");
	}
	const Json *version = MAMORI_TRY(RequireMember(document, "format_version", "format_version"));
	const long long format_version = MAMORI_TRY(RequireInteger(*version, "format_version", 1, 1'000'000));
	if (format_version > transfer::kPackageFormatVersion) {
		return Error::Invalid("format_version", "errors.transfer.format_newer",
		                      {{"version", std::to_string(format_version)},
		                       {"supported", std::to_string(transfer::kPackageFormatVersion)}});
	}
	transfer::OrganizationData data;
	const Json *schema = MAMORI_TRY(RequireMember(document, "schema_version", "schema_version"));
	data.schema_version = static_cast<int>(MAMORI_TRY(RequireInteger(*schema, "schema_version", 1, 1'000'000)));
	const Json *exported_at = MAMORI_TRY(RequireMember(document, "exported_at", "exported_at"));
	data.exported_at = MAMORI_TRY(RequireString(*exported_at, "exported_at", 40));
	data.origin = MAMORI_TRY(DecodeOrigin(*MAMORI_TRY(RequireMember(document, "origin", "origin")), "origin"));
	if (auto based_on = document.find("based_on"); based_on != document.end() && !based_on->is_null()) {
		data.based_on = MAMORI_TRY(DecodeOrigin(*based_on, "based_on"));
	}
	const Json *tables = MAMORI_TRY(RequireMember(document, "tables", "tables"));
	if (!tables->is_array() || tables->size() > kMaxTables) {
		return Error::Invalid("tables", "errors.json.array_required");
	}
	std::set<std::string> seen;
	for (size_t i = 0; i < tables->size(); ++i) {
		transfer::TableRows table = MAMORI_TRY(DecodeTable((*tables)[i], IndexPath("tables", i)));
		if (!seen.insert(table.name).second) {
			return Error::Invalid(IndexPath("tables", i), "errors.transfer.table_repeated", {{"name", table.name}});
		}
		data.tables.push_back(std::move(table));
	}
	return data;
}

} // namespace mamori::codec
