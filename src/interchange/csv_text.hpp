// mamori/interchange/csv_text.hpp
//
// Writing CSV that Japanese Excel opens safely: UTF-8 with a BOM (else mojibake), RFC 4180
// quoting, and a guard against cells Excel would run as formulas (CSV injection).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mamori::interchange {

//! The UTF-8 byte order mark every CSV export starts with.
inline constexpr std::string_view kCsvBom = "\xEF\xBB\xBF";

//! True when Excel would treat the text as a formula (= + - @ first, or a tab / CR first).
bool CsvNeedsFormulaGuard(const std::string &text);

//! One record: fields quoted where needed, formula-like text prefixed with an apostrophe, CRLF.
void CsvAppendRecord(std::string &out, const std::vector<std::string> &fields);

} // namespace mamori::interchange
