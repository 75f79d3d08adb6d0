// mamori/interchange/register_internal.hpp
//
// Shared by the XLSX, CSV and JSON readers and writers: limits, text helpers,
// and the one place that turns a header row and raw cells into validated
// assets, so every format reports bad cells the same way.
#pragma once

#include "interchange/register_format.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mamori::interchange::internal {

// Limits on what an upload may hold (the issue's: 20 MiB, 20000 rows).
constexpr size_t kMaxFileBytes = 20 * 1024 * 1024;
constexpr size_t kMaxRows = 20000;
// Same limits as app::ValidateAsset, so an import never accepts what the form refuses.
constexpr size_t kMaxTextBytes = 200;
constexpr size_t kMaxNoteBytes = 1000;

// Message keys of the sheet names. The register sheet is the IPA workbook's
// own (付録7, 手順2 ④「情報資産管理台帳」シート).
inline constexpr const char *kRegisterSheetKey = "interchange.sheet.register";
// What mamori called the sheet before; its exports are still read.
inline constexpr const char *kLegacyRegisterSheetKey = "interchange.sheet.legacy_register";
inline constexpr const char *kThreatSheetKey = "interchange.sheet.threats";
inline constexpr const char *kCheckSheetKey = "interchange.sheet.check";
inline constexpr const char *kResultSheetKey = "interchange.sheet.result";

//! A message catalog key with its params: what is wrong with a cell.
struct CellProblem {
	std::string key;
	MessageParams params;
};

//! A cell as a reader found it, before validation.
struct RawCell {
	std::string text;
	// An XLSX number cell: text is the stored number ("2", "45383"). Readers
	// turn date-formatted numbers into "YYYY-MM-DD" text themselves.
	bool numeric = false;
	// Set by a reader that already knows the value is unusable (a JSON object
	// where text belongs); reported as the cell's error instead of parsing.
	std::optional<CellProblem> error;
};

//! Turns rows of raw cells into assets and cell errors. Readers feed it the
//! header row, then each data row with its number as the user sees it.
//! Headers, 有/無 and written dates are read in every language of the
//! catalog; errors name the sheet and columns in the language of the file's
//! headers, as the person sees them in the file.
class RowImporter {
  public:
	//! sheet_locale: the language of the sheet's name (XLSX); nullopt when
	//! the file has no sheet names (CSV) and the headers' language names it.
	//! json_keys: the "headers" are the JSON keys; errors then name the key.
	RowImporter(const ReadingContext &context, std::optional<Locale> sheet_locale, bool json_keys = false);

	//! Maps the header row (index = column position). Error when a required
	//! header is missing or an input header appears twice.
	Status SetHeaders(const std::vector<std::string> &headers);

	//! Columns past this one hold nothing the importer reads.
	size_t ColumnCount() const { return column_count_; }

	//! Validates one row (index = column position; short rows are padded
	//! with empty cells). Error only when the file has too many rows.
	Status AddRow(int row_number, const std::vector<RawCell> &cells);

	//! Refuses a whole row with one message (a JSON element that is no object).
	Status RejectRow(int row_number, std::string column, CellProblem problem);

	ImportPreview Finish() { return std::move(preview_); }

  private:
	Status CountRow();
	std::string Words(std::string_view key, const MessageParams &params = {}) const;
	std::optional<CellProblem> ApplyCell(const std::string &key, const RawCell &cell, storage::Asset &asset) const;
	std::optional<CellProblem> ParseBool(const RawCell &cell, bool &value) const;
	std::optional<CellProblem> ParseMedium(const RawCell &cell, std::string &medium) const;
	std::optional<CellProblem> ParseRegisteredOn(const RawCell &cell, std::string &date) const;

	const ReadingContext &context_;
	std::optional<Locale> sheet_locale_;
	bool json_keys_;
	Locale file_locale_ = kDefaultLocale;  // the language of the headers
	std::string sheet_;
	std::vector<std::string> yes_words_;  // normalized (NormalizeForMatch)
	std::vector<std::string> no_words_;
	std::vector<std::string> date_patterns_;  // 「{{year}}年{{month}}月{{day}}日」, ...
	std::vector<std::optional<size_t>> field_column_; // per RegisterColumns() index
	size_t column_count_ = 0;
	size_t data_rows_ = 0;
	ImportPreview preview_;
};

// --- Text helpers --------------------------------------------------------

//! True when `text` is well-formed UTF-8; otherwise *bad_offset is the first bad byte.
bool IsValidUtf8(std::string_view text, size_t *bad_offset = nullptr);

//! Strips ASCII white space and the ideographic space (U+3000) at both ends.
std::string Trim(std::string_view text);

//! Full-width ASCII (！..～, U+FF01–FF5E) to ASCII and ASCII letters to lower
//! case: how people type numbers and yes/no on a Japanese keyboard.
std::string NormalizeForMatch(std::string_view text);

//! Number of columns the text takes in a spreadsheet (East Asian wide = 2).
size_t DisplayWidth(std::string_view text);

//! At most `max_chars` code points of `text`, with "…" when cut.
std::string Excerpt(std::string_view text, size_t max_chars = 30);

//! "YYYY-MM-DD" for a valid civil date.
std::string FormatDate(int year, int month, int day);

//! Parses "YYYY-MM-DD" / "YYYY/M/D" (an optional time part is ignored).
std::optional<std::string> ParseDateText(std::string_view text);

//! Parses a date written by hand after `pattern`, a message with {{year}},
//! {{month}} and {{day}} (「{{year}}年{{month}}月{{day}}日」); the text after
//! the day may be left out. "YYYY-MM-DD" when it matches and is a real date.
std::optional<std::string> ParseWrittenDate(std::string_view text, std::string_view pattern);

//! Excel serial day number (1900 system, or 1904 when date1904) to "YYYY-MM-DD".
std::optional<std::string> ExcelSerialToDate(double serial, bool date1904 = false);

//! Inverse of ExcelSerialToDate for "YYYY-MM-DD" (1900 system).
std::optional<int> DateToExcelSerial(const std::string &date);

//! The medium's catalog name, or the stored id when the catalog does not know it.
std::string MediumLabel(const Edition &edition, const std::string &medium_id);

//! The analysis to show: the snapshot's own, or one computed here when the
//! caller passed none (or one that does not match the assets).
struct AnalysisView {
	AnalysisInput input; // keeps the RegisterAssets that `owned` points into
	AnalysisResult owned;
	const AnalysisResult *result = nullptr;
};
void PrepareAnalysis(const Edition &edition, const RegisterSnapshot &snapshot, AnalysisView &view);

//! Labels of the computed 台帳 columns, in order.
std::vector<std::string> ComputedHeaders(const DocumentText &text);

//! Computed 台帳 values of one asset; unset when the analysis has no such asset.
struct ComputedRow {
	std::optional<int> importance;
	std::optional<int> risk_value;
	std::string level;          // 大 / 中 / 小
	std::string driving_threat; // name of the threat with the largest risk
};
ComputedRow Computed(const AnalysisView &view, size_t index);

//! One row of the 診断結果 (対策状況チェックの診断結果), as every export writes it.
struct DiagnosisRow {
	int number = 0;
	std::string category;    // 「（6）物理的セキュリティ対策」
	std::string need;        // required / recommended / not_needed
	std::string mark;        // ◎ / ○ / —
	std::string rate;        // FormatImplementationRate: 「62.5%」, 「—」
	std::optional<int> rate_permille;
	std::string advice;      // 対策を規定して下さい
	std::string regulation;  // 付録5 の規程: 「5 物理的対策」
	int implemented = 0;
	int partial = 0;
	int not_implemented = 0;
	int not_applicable = 0;
	int unanswered = 0;
};
std::vector<DiagnosisRow> DiagnosisRows(const Edition &edition, const AnalysisView &view, const DocumentText &text);

//! The headers of the 診断結果 table: the IPA sheet's four columns, then the counts.
std::vector<std::string> DiagnosisHeaders(const DocumentText &text);

//! 「（6）物理的セキュリティ対策」: how the 診断結果 names a category.
std::string CategoryTitle(const DocumentText &text, int number, const std::string &name);

//! 有 / 無 in the document's language.
std::string FlagText(const DocumentText &text, bool value);

//! The header of each register column in the document's language.
std::vector<std::string> RegisterHeaders(const DocumentText &text);

} // namespace mamori::interchange::internal
