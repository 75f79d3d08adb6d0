// mamori/interchange/register_format.hpp
//
// The asset register (情報資産管理台帳) as files a firm can edit: XLSX laid
// out like the IPA 付録7 workbook, CSV (UTF-8, or Shift_JIS as Japanese
// Excel writes it) and JSON. Import is parse-and-validate only: it returns
// the rows and every bad cell, and never touches storage; the caller commits
// all rows or none.
#pragma once

#include "core/catalog/edition.hpp"
#include "core/common/result.hpp"
#include "core/risk/analysis.hpp"
#include "storage/records.hpp"

#include <map>
#include <string>
#include <vector>

namespace mamori::interchange {

//! One column of the 台帳 sheet, in sheet order (表12 + リスク所有者).
struct RegisterColumn {
	std::string key;     // machine name, also the JSON key: "business_category", ...
	std::string header;  // Japanese header as in the IPA sheet: 業務分類, ...
};

//! The input columns, in order. Computed columns (重要度, ...) follow them in exports.
const std::vector<RegisterColumn> &RegisterColumns();

//! Everything an export shows: the register, the firm's threat situation,
//! its check answers, and the analysis computed from them.
struct RegisterSnapshot {
	std::string organization_name;
	std::vector<storage::Asset> assets;
	std::map<std::string, int> frequencies;  // threat id → 1..3 (missing: catalog default)
	CheckAnswers answers;
	const AnalysisResult *analysis = nullptr;  // assets in the same order as `assets`
};

//! A problem with one cell of an imported file. row is 1-based as the user
//! sees it in Excel (the header is row 1); column is the header text.
//! JSON has no sheet or header row: there sheet is "assets", row is the
//! element's 1-based position in the array and column its key (empty when
//! the element is no object at all).
struct CellError {
	std::string sheet;
	int row = 0;
	std::string column;
	std::string message;

	std::string Describe() const;
};

//! rows holds the valid rows only, in file order; a row with any bad cell
//! appears in errors instead. Completely empty rows are in neither.
struct ImportPreview {
	std::vector<storage::Asset> rows;  // org_id and id are 0; medium is the catalog id
	std::vector<CellError> errors;     // empty when every row is valid

	bool ok() const { return errors.empty(); }
};

enum class RegisterFormat { kXlsx, kCsv, kJson };

Result<RegisterFormat> ParseRegisterFormat(const std::string &name);

//! Exports. XLSX has the sheets 情報資産管理台帳, 脅威の状況, 対策状況チェック, 診断結果.
Result<std::string> WriteRegisterXlsx(const Edition &edition, const RegisterSnapshot &snapshot);
std::string WriteRegisterCsv(const Edition &edition, const RegisterSnapshot &snapshot);  // UTF-8 with BOM
std::string WriteRegisterJson(const Edition &edition, const RegisterSnapshot &snapshot);
//! The 診断結果 per category as CSV (UTF-8 with BOM): the 実施率 written as on
//! the page ("62.5%"). A file of its own, so the register CSV stays importable.
std::string WriteDiagnosisCsv(const Edition &edition, const RegisterSnapshot &snapshot);

//! Imports. A file that cannot be read at all (not a ZIP, truncated, broken
//! JSON, undecodable text, wrong headers) is an Error; bad cells are
//! collected in the preview's errors.
Result<ImportPreview> ReadRegisterXlsx(const Edition &edition, const std::string &bytes);
Result<ImportPreview> ReadRegisterCsv(const Edition &edition, const std::string &bytes);
Result<ImportPreview> ReadRegisterJson(const Edition &edition, const std::string &bytes);
Result<ImportPreview> ReadRegister(const Edition &edition, RegisterFormat format, const std::string &bytes);

} // namespace mamori::interchange
