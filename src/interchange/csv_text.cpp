// mamori/interchange/csv_text.cpp
#include "interchange/csv_text.hpp"

namespace mamori::interchange {

namespace {

void AppendField(std::string &out, const std::string &raw) {
	const std::string text = CsvNeedsFormulaGuard(raw) ? "'" + raw : raw;
	const bool quote = text.find_first_of(",\"\r\n") != std::string::npos ||
	                   (!text.empty() && (text.front() == ' ' || text.back() == ' '));
	if (!quote) {
		out += text;
		return;
	}
	out += '"';
	for (char c : text) {
		if (c == '"') {
			out += '"';
		}
		out += c;
	}
	out += '"';
}

} // namespace

// Excel runs a cell that starts with = + - @ as a formula, which an attacker
// can use to run commands on the reader's PC (CSV injection). A leading
// apostrophe makes Excel show the text as is; import strips it again.
bool CsvNeedsFormulaGuard(const std::string &text) {
	if (text.empty()) {
		return false;
	}
	const char first = text.front();
	return ((first == '=' || first == '+' || first == '-' || first == '@') && text.size() > 1) || first == '\t' ||
	       first == '\r';
}

void CsvAppendRecord(std::string &out, const std::vector<std::string> &fields) {
	for (size_t i = 0; i < fields.size(); ++i) {
		if (i > 0) {
			out += ',';
		}
		AppendField(out, fields[i]);
	}
	out += "\r\n"; // RFC 4180
}

} // namespace mamori::interchange
