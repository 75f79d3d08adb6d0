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
#include "core/i18n/message_catalog.hpp"
#include "core/risk/analysis.hpp"
#include "storage/records.hpp"

#include <map>
#include <string>
#include <vector>

namespace mamori::interchange {

//! One column of the 台帳 sheet, in sheet order (表12 + リスク所有者).
struct RegisterColumn {
	std::string key;         // machine name, also the JSON key: "business_category", ...
	const char *header_key;  // message key of the header (業務分類 in Japanese, as in the IPA sheet)
};

//! The input columns, in order. Computed columns (重要度, ...) follow them in exports.
const std::vector<RegisterColumn> &RegisterColumns();

//! The words of an exported file: headers, sheet names, 有/無 and labels in
//! one language. An export is a document of the organisation, so callers pass
//! its document language, and an Edition of the guideline in that language.
struct DocumentText {
	const MessageCatalog &messages;
	Locale locale = kDefaultLocale;

	std::string operator()(std::string_view key, const MessageParams &params = {}) const {
		return messages.Text(locale, key, params);
	}
};

//! The guideline edition in each language. Readers accept medium names of
//! every one; the default locale's must be present (its scales and ids rule).
using EditionsByLocale = std::map<Locale, const Edition *>;

//! What a reader recognises: headers, sheet names and 有/無 of every locale
//! of the message catalog, and the medium names of every edition.
struct ReadingContext {
	EditionsByLocale editions;
	const MessageCatalog &messages;

	const Edition &edition() const { return *editions.at(kDefaultLocale); }
};

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
//! sees it in Excel (the header is row 1); sheet and column name them as the
//! file does, in the file's own language. JSON has no sheet or header row:
//! there sheet is "assets", row is the element's 1-based position in the
//! array and column its key (empty when the element is no object at all).
//! message is a message catalog key with its params, so the reader sees it
//! in their language.
struct CellError {
	std::string sheet;
	int row = 0;
	std::string column;
	std::string message;
	MessageParams params;

	//! The problem alone, in `locale`.
	std::string Message(const MessageCatalog &messages, Locale locale) const;
	//! 「情報資産管理台帳 3行目「機密性」：…」 with the place in front, in `locale`.
	std::string Describe(const MessageCatalog &messages, Locale locale) const;
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

//! Exports in text.locale; `edition` is the guideline in that language.
//! XLSX has the sheets 情報資産管理台帳, 脅威の状況, 対策状況チェック, 診断結果.
Result<std::string> WriteRegisterXlsx(const Edition &edition, const RegisterSnapshot &snapshot,
                                      const DocumentText &text);
std::string WriteRegisterCsv(const Edition &edition, const RegisterSnapshot &snapshot,
                             const DocumentText &text);  // UTF-8 with BOM
std::string WriteRegisterJson(const Edition &edition, const RegisterSnapshot &snapshot, const DocumentText &text);
//! The 診断結果 per category as CSV (UTF-8 with BOM): the 実施率 written as on
//! the page ("62.5%"). A file of its own, so the register CSV stays importable.
std::string WriteDiagnosisCsv(const Edition &edition, const RegisterSnapshot &snapshot, const DocumentText &text);

//! Imports, in any language an export writes. A file that cannot be read at
//! all (not a ZIP, truncated, broken JSON, undecodable text, wrong headers)
//! is an Error (a message key with params); bad cells are collected in the
//! preview's errors.
Result<ImportPreview> ReadRegisterXlsx(const ReadingContext &context, const std::string &bytes);
Result<ImportPreview> ReadRegisterCsv(const ReadingContext &context, const std::string &bytes);
Result<ImportPreview> ReadRegisterJson(const ReadingContext &context, const std::string &bytes);
Result<ImportPreview> ReadRegister(const ReadingContext &context, RegisterFormat format, const std::string &bytes);

} // namespace mamori::interchange
