// mamori/interchange/register_xlsx_reader.cpp
//
// Reads the 情報資産管理台帳 sheet (or an older export's 台帳 sheet) of an XLSX file: the ZIP with libzip, the package
// parts with pugixml. Only what a register needs is understood (shared and
// inline strings, numbers, booleans, date formats); anything broken is an
// Error with a message a firm can act on, never a crash.
#include "interchange/register_internal.hpp"
#include "interchange/zip_archive.hpp"

#include <pugixml.hpp>
#include <zip.h>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>

namespace mamori::interchange {
namespace {

using internal::RawCell;

constexpr int kMaxColumns = 16384; // XFD
constexpr long kMaxRowNumber = 1048576;

//! A damaged workbook; each key says what is wrong and how to recover.
Error Broken(const char *key, MessageParams params = {}) {
	return Error::Invalid("file", key, std::move(params));
}

// A 20 MiB upload inflating past this is a ZIP bomb, not a register.
constexpr std::uint64_t kMaxPartBytes = 128ull * 1024 * 1024;

//! What a broken workbook is called in each way the archive can fail.
const ZipArchive::Messages kWorkbookMessages = {
    "interchange.errors.xlsx.no_reader",       "interchange.errors.xlsx.no_directory",
    "interchange.errors.xlsx.part_unreadable", "interchange.errors.xlsx.part_too_large",
    "interchange.errors.xlsx.part_unopenable", "interchange.errors.xlsx.part_damaged",
};

// Producers may prefix the SpreadsheetML namespace ("x:row"); only the local name matters.
const char *Local(const pugi::xml_node &node) {
	const char *name = node.name();
	const char *colon = std::strrchr(name, ':');
	return colon != nullptr ? colon + 1 : name;
}

bool Is(const pugi::xml_node &node, const char *local) {
	return std::strcmp(Local(node), local) == 0;
}

pugi::xml_node Child(const pugi::xml_node &node, const char *local) {
	for (pugi::xml_node child : node.children()) {
		if (Is(child, local)) {
			return child;
		}
	}
	return pugi::xml_node();
}

// The r:id attribute of <sheet>; the relationship namespace prefix varies.
const char *RelationshipId(const pugi::xml_node &node) {
	for (pugi::xml_attribute attribute : node.attributes()) {
		const char *name = attribute.name();
		const char *colon = std::strrchr(name, ':');
		if (colon != nullptr && std::strcmp(colon + 1, "id") == 0) {
			return attribute.value();
		}
	}
	return "";
}

Status LoadXml(ZipArchive &archive, const std::string &name, pugi::xml_document &document, bool &found) {
	std::string bytes;
	if (auto status = archive.Read(name, bytes, found); !status || !found) {
		return status;
	}
	const pugi::xml_parse_result parsed =
	    document.load_buffer(bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
	if (!parsed) {
		return Broken("interchange.errors.xlsx.bad_xml",
		              {{"part", name}, {"reason", parsed.description()}, {"offset", std::to_string(parsed.offset)}});
	}
	return OkStatus();
}

// Part names are relative to the part that references them; "/xl/..." is absolute.
std::string ResolvePart(const std::string &base_dir, const std::string &target) {
	std::string joined = !target.empty() && target.front() == '/' ? target.substr(1) : base_dir + target;
	std::vector<std::string> parts;
	size_t start = 0;
	while (start <= joined.size()) {
		size_t end = joined.find('/', start);
		if (end == std::string::npos) {
			end = joined.size();
		}
		const std::string part = joined.substr(start, end - start);
		if (part == "..") {
			if (!parts.empty()) {
				parts.pop_back();
			}
		} else if (!part.empty() && part != ".") {
			parts.push_back(part);
		}
		start = end + 1;
	}
	std::string out;
	for (const auto &part : parts) {
		out += (out.empty() ? "" : "/") + part;
	}
	return out;
}

std::string DirectoryOf(const std::string &part) {
	const size_t slash = part.rfind('/');
	return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

std::string RelsOf(const std::string &part) {
	const size_t slash = part.rfind('/');
	return slash == std::string::npos ? "_rels/" + part + ".rels"
	                                  : part.substr(0, slash + 1) + "_rels/" + part.substr(slash + 1) + ".rels";
}

struct Relationship {
	std::string id;
	std::string type; // the last segment of the Type URI: "worksheet", "sharedStrings", ...
	std::string target;
};

Result<std::vector<Relationship>> ReadRels(ZipArchive &archive, const std::string &part) {
	pugi::xml_document document;
	bool found = false;
	if (auto status = LoadXml(archive, RelsOf(part), document, found); !status) {
		return status.error();
	}
	std::vector<Relationship> out;
	for (pugi::xml_node node : Child(document, "Relationships").children()) {
		if (!Is(node, "Relationship") || std::strcmp(node.attribute("TargetMode").value(), "External") == 0) {
			continue;
		}
		std::string type = node.attribute("Type").value();
		type = type.substr(type.rfind('/') + 1);
		out.push_back(
		    {node.attribute("Id").value(), type, ResolvePart(DirectoryOf(part), node.attribute("Target").value())});
	}
	return out;
}

// OOXML writes characters XML cannot carry as _xHHHH_ (libxlsxwriter does so for CR).
std::string DecodeEscapes(const std::string &text) {
	if (text.find("_x") == std::string::npos) {
		return text;
	}
	std::string out;
	for (size_t i = 0; i < text.size(); ++i) {
		if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_' &&
		    std::isxdigit(static_cast<unsigned char>(text[i + 2])) &&
		    std::isxdigit(static_cast<unsigned char>(text[i + 3])) &&
		    std::isxdigit(static_cast<unsigned char>(text[i + 4])) &&
		    std::isxdigit(static_cast<unsigned char>(text[i + 5]))) {
			const unsigned long cp = std::strtoul(text.substr(i + 2, 4).c_str(), nullptr, 16);
			if (cp >= 0xD800 && cp <= 0xDFFF) {
				out += text[i]; // half a surrogate pair is no character: keep the text as written
				continue;
			}
			if (cp < 0x80) {
				out += static_cast<char>(cp);
			} else if (cp < 0x800) {
				out += static_cast<char>(0xC0 | (cp >> 6));
				out += static_cast<char>(0x80 | (cp & 0x3F));
			} else {
				out += static_cast<char>(0xE0 | (cp >> 12));
				out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
				out += static_cast<char>(0x80 | (cp & 0x3F));
			}
			i += 6;
			continue;
		}
		out += text[i];
	}
	return out;
}

// The text of a <si> or <is>: plain <t>, or rich-text runs <r><t>. Phonetic
// guides (<rPh>, the furigana Japanese Excel stores) are not part of the value.
std::string StringItemText(const pugi::xml_node &item) {
	std::string out;
	for (pugi::xml_node child : item.children()) {
		if (Is(child, "t")) {
			out += child.text().get();
		} else if (Is(child, "r")) {
			out += Child(child, "t").text().get();
		}
	}
	return DecodeEscapes(out);
}

// Built-in number formats that show a date (ECMA-376 18.8.30, plus the
// Japanese-locale ids Excel uses for 和暦 and 年月日).
bool BuiltinDateFormat(int id) {
	return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

bool CustomDateFormat(const std::string &code) {
	// Strip literals ("…", \x) and sections in brackets ([$-411], [Red]) before looking for y/d.
	bool quoted = false;
	int bracket = 0;
	for (size_t i = 0; i < code.size(); ++i) {
		const char c = code[i];
		if (quoted) {
			quoted = c != '"';
		} else if (c == '"') {
			quoted = true;
		} else if (c == '\\') {
			++i;
		} else if (c == '[') {
			++bracket;
		} else if (c == ']') {
			bracket = bracket > 0 ? bracket - 1 : 0;
		} else if (bracket == 0 && (c == 'y' || c == 'Y' || c == 'd' || c == 'D')) {
			return true;
		}
	}
	return false;
}

//! Per cell style index (s="…"): does the number show as a date?
std::vector<bool> ReadDateStyles(const pugi::xml_document &styles) {
	const pugi::xml_node sheet = Child(styles, "styleSheet");
	std::map<int, bool> custom;
	for (pugi::xml_node format : Child(sheet, "numFmts").children()) {
		if (Is(format, "numFmt")) {
			custom[format.attribute("numFmtId").as_int()] = CustomDateFormat(format.attribute("formatCode").value());
		}
	}
	std::vector<bool> out;
	for (pugi::xml_node xf : Child(sheet, "cellXfs").children()) {
		if (!Is(xf, "xf")) {
			continue;
		}
		const int id = xf.attribute("numFmtId").as_int();
		const auto found = custom.find(id);
		out.push_back(found != custom.end() ? found->second : BuiltinDateFormat(id));
	}
	return out;
}

//! "AA12" → column 26, row 12. False when the reference is not a cell.
bool ParseCellRef(const char *ref, int &column, long &row) {
	column = 0;
	size_t i = 0;
	for (; std::isalpha(static_cast<unsigned char>(ref[i])) && i < 3; ++i) {
		column = column * 26 + (std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
	}
	if (i == 0 || column > kMaxColumns || !std::isdigit(static_cast<unsigned char>(ref[i]))) {
		return false;
	}
	--column;
	row = 0;
	for (; std::isdigit(static_cast<unsigned char>(ref[i])); ++i) {
		row = row * 10 + (ref[i] - '0');
		if (row > kMaxRowNumber) {
			return false;
		}
	}
	return ref[i] == '\0' && row >= 1;
}

struct SheetContext {
	const std::vector<std::string> &shared;
	const std::vector<bool> &date_styles;
	bool date1904 = false;
	std::string part; // for messages
};

Result<RawCell> ReadCell(const SheetContext &context, const pugi::xml_node &cell) {
	RawCell out;
	const std::string type = cell.attribute("t").value();
	const std::string value = Child(cell, "v").text().get();
	if (type == "s") {
		char *end = nullptr;
		const unsigned long index = std::strtoul(value.c_str(), &end, 10);
		if (value.empty() || *end != '\0' || index >= context.shared.size()) {
			return Broken("interchange.errors.xlsx.bad_shared_string",
			              {{"part", context.part}, {"cell", cell.attribute("r").value()}});
		}
		out.text = context.shared[index];
	} else if (type == "inlineStr") {
		out.text = StringItemText(Child(cell, "is"));
	} else if (type == "str" || type == "e") {
		out.text = DecodeEscapes(value);
	} else if (type == "b") {
		out.text = value == "1" ? "TRUE" : value.empty() ? "" : "FALSE";
	} else if (type == "d") {
		out.text = value; // ISO 8601; the date parser ignores the time part
	} else if (!value.empty()) {
		out.text = value;
		out.numeric = true;
		const size_t style = cell.attribute("s").as_uint();
		if (style < context.date_styles.size() && context.date_styles[style]) {
			// Shown as a date in Excel, so it means that date even in a text column (保存期限).
			if (auto date = internal::ExcelSerialToDate(std::strtod(value.c_str(), nullptr), context.date1904)) {
				out.text = *date;
				out.numeric = false;
			}
		}
	}
	return out;
}

//! Cells of one <row>, by column, up to `limit` columns (all when limit is 0).
Status ReadRow(const SheetContext &context, const pugi::xml_node &row, long row_number, size_t limit,
               std::vector<RawCell> &cells) {
	cells.clear();
	int column = -1;
	for (pugi::xml_node cell : row.children()) {
		if (!Is(cell, "c")) {
			continue;
		}
		const char *ref = cell.attribute("r").value();
		if (*ref != '\0') {
			long cell_row = 0;
			if (!ParseCellRef(ref, column, cell_row) || cell_row != row_number) {
				return Broken("interchange.errors.xlsx.bad_cell_ref",
				              {{"part", context.part}, {"cell", internal::Excerpt(ref)}});
			}
		} else if (++column >= kMaxColumns) {
			return Broken("interchange.errors.xlsx.too_many_columns", {{"part", context.part}});
		}
		if (limit != 0 && static_cast<size_t>(column) >= limit) {
			continue;
		}
		auto read = ReadCell(context, cell);
		if (!read) {
			return read.error();
		}
		if (cells.size() <= static_cast<size_t>(column)) {
			cells.resize(static_cast<size_t>(column) + 1);
		}
		cells[static_cast<size_t>(column)] = std::move(*read);
	}
	return OkStatus();
}

} // namespace

Result<ImportPreview> ReadRegisterXlsx(const ReadingContext &context, const std::string &bytes) {
	if (bytes.size() > internal::kMaxFileBytes) {
		return Error{ErrorCode::kPayloadTooLarge, "file", "interchange.errors.too_large", {}};
	}
	if (bytes.compare(0, 4, "\xD0\xCF\x11\xE0") == 0) {
		return Error::Invalid("file", "interchange.errors.xlsx.legacy_xls");
	}
	if (bytes.compare(0, 2, "PK") != 0) {
		return Error::Invalid("file", "interchange.errors.xlsx.not_xlsx");
	}
	ZipArchive archive(kWorkbookMessages, kMaxPartBytes);
	if (auto status = archive.Open(bytes); !status) {
		return status.error();
	}

	// _rels/.rels names the workbook part; xl/workbook.xml when it does not.
	std::string workbook_part = "xl/workbook.xml";
	auto package_rels = ReadRels(archive, "");
	if (!package_rels) {
		return package_rels.error();
	}
	for (const auto &rel : *package_rels) {
		if (rel.type == "officeDocument") {
			workbook_part = rel.target;
		}
	}
	pugi::xml_document workbook;
	bool found = false;
	if (auto status = LoadXml(archive, workbook_part, workbook, found); !status) {
		return status.error();
	}
	if (!found) {
		return Broken("interchange.errors.xlsx.part_missing", {{"part", workbook_part}});
	}
	const pugi::xml_node workbook_root = Child(workbook, "workbook");
	const bool date1904 = Child(workbook_root, "workbookPr").attribute("date1904").as_bool();
	// The register sheet under its name in any language; else a 「台帳」 sheet, as older mamori exports name it.
	struct FoundSheet {
		std::string rel_id;
		std::string name;
		Locale locale = kDefaultLocale;
	};
	std::optional<FoundSheet> register_sheet;
	std::optional<FoundSheet> legacy_sheet;
	std::vector<std::string> sheet_names;
	for (pugi::xml_node sheet : Child(workbook_root, "sheets").children()) {
		if (!Is(sheet, "sheet")) {
			continue;
		}
		const std::string name = sheet.attribute("name").value();
		sheet_names.push_back(name);
		for (Locale locale : kAllLocales) {
			const std::string trimmed = internal::Trim(name);
			if (!register_sheet && trimmed == context.messages.Text(locale, internal::kRegisterSheetKey)) {
				register_sheet = FoundSheet{RelationshipId(sheet), trimmed, locale};
			} else if (!legacy_sheet && trimmed == context.messages.Text(locale, internal::kLegacyRegisterSheetKey)) {
				legacy_sheet = FoundSheet{RelationshipId(sheet), trimmed, locale};
			}
		}
	}
	if (!register_sheet) {
		register_sheet = legacy_sheet;
	}
	if (!register_sheet) {
		if (sheet_names.empty()) {
			return Error::Invalid("file", "interchange.errors.xlsx.missing_sheet_none");
		}
		// The names are the file's; they are listed as the guideline's language lists things.
		std::string listed;
		for (const auto &name : sheet_names) {
			listed += (listed.empty() ? "" : context.messages.Text(kDefaultLocale, "interchange.list_separator")) + name;
		}
		return Error::Invalid("file", "interchange.errors.xlsx.missing_sheet", {{"sheets", listed}});
	}
	const std::string sheet_rel_id = register_sheet->rel_id;

	auto workbook_rels = ReadRels(archive, workbook_part);
	if (!workbook_rels) {
		return workbook_rels.error();
	}
	std::string sheet_part;
	std::string shared_part = DirectoryOf(workbook_part) + "sharedStrings.xml";
	std::string styles_part = DirectoryOf(workbook_part) + "styles.xml";
	for (const auto &rel : *workbook_rels) {
		if (rel.id == sheet_rel_id) {
			sheet_part = rel.target;
		} else if (rel.type == "sharedStrings") {
			shared_part = rel.target;
		} else if (rel.type == "styles") {
			styles_part = rel.target;
		}
	}
	if (sheet_part.empty()) {
		return Broken("interchange.errors.xlsx.sheet_unlocated", {{"sheet", register_sheet->name}});
	}

	std::vector<std::string> shared;
	{
		pugi::xml_document document;
		if (auto status = LoadXml(archive, shared_part, document, found); !status) {
			return status.error();
		}
		for (pugi::xml_node item : Child(document, "sst").children()) {
			if (Is(item, "si")) {
				shared.push_back(StringItemText(item));
			}
		}
	}
	std::vector<bool> date_styles;
	{
		pugi::xml_document document;
		if (auto status = LoadXml(archive, styles_part, document, found); !status) {
			return status.error();
		}
		date_styles = ReadDateStyles(document);
	}

	pugi::xml_document sheet;
	if (auto status = LoadXml(archive, sheet_part, sheet, found); !status) {
		return status.error();
	}
	if (!found) {
		return Broken("interchange.errors.xlsx.part_missing", {{"part", sheet_part}});
	}
	const SheetContext sheet_context{shared, date_styles, date1904, sheet_part};
	const pugi::xml_node sheet_data = Child(Child(sheet, "worksheet"), "sheetData");

	internal::RowImporter importer(context, register_sheet->locale);
	std::vector<RawCell> cells;
	long row_number = 0;
	bool headers_set = false;
	for (pugi::xml_node row : sheet_data.children()) {
		if (!Is(row, "row")) {
			continue;
		}
		const long given = row.attribute("r").as_llong(0);
		if (given != 0 && (given <= row_number || given > kMaxRowNumber)) {
			return Broken("interchange.errors.xlsx.bad_row_number",
			              {{"part", sheet_part}, {"row", std::to_string(given)}});
		}
		row_number = given != 0 ? given : row_number + 1;
		if (!headers_set) {
			// The headers must be on row 1; a sheet whose first row is later has none.
			std::vector<std::string> headers;
			if (row_number == 1) {
				if (auto status = ReadRow(sheet_context, row, row_number, 0, cells); !status) {
					return status.error();
				}
				for (const auto &cell : cells) {
					headers.push_back(cell.text);
				}
			}
			if (auto status = importer.SetHeaders(headers); !status) {
				return status.error();
			}
			headers_set = true;
			if (row_number == 1) {
				continue;
			}
		}
		if (auto status = ReadRow(sheet_context, row, row_number, importer.ColumnCount(), cells); !status) {
			return status.error();
		}
		if (auto status = importer.AddRow(static_cast<int>(row_number), cells); !status) {
			return status.error();
		}
	}
	if (!headers_set) {
		if (auto status = importer.SetHeaders({}); !status) {
			return status.error();
		}
	}
	return importer.Finish();
}

} // namespace mamori::interchange
