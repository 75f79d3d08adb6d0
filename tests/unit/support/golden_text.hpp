// mamori/tests/unit/support/golden_text.hpp
//
// Golden files compared as whole text (tests/golden/documents/*.expected.txt):
// every character counts. MAMORI_UPDATE_GOLDEN=1 rewrites an existing file
// with the actual text (it never creates one); review that diff like any other.
#pragma once

#include "platform/files.hpp"
#include "support/golden.hpp"

#include <fstream>
#include <string>

namespace mamori::golden {

//! "" when the file holds exactly `actual`, else what differs (the first
//! differing line of each side).
inline std::string CompareTextFile(const std::string &path, const std::string &actual) {
	auto expected = platform::ReadWholeFile(path);
	if (!expected.ok()) {
		return path + ": cannot read (a new case needs a hand-written expected file)";
	}
	if (*expected == actual) {
		return "";
	}
	if (UpdateRequested()) {
		std::ofstream(path, std::ios::binary) << actual;
		return "";
	}
	size_t line = 1;
	size_t at = 0;
	while (at < expected->size() && at < actual.size() && (*expected)[at] == actual[at]) {
		line += (*expected)[at] == '\n' ? 1 : 0;
		++at;
	}
	auto line_at = [&](const std::string &text) {
		const size_t start = text.rfind('\n', at == 0 ? 0 : at - 1);
		const size_t from = start == std::string::npos || at == 0 ? 0 : start + 1;
		return text.substr(from, text.find('\n', from) - from);
	};
	return path + ": line " + std::to_string(line) + " differs\n  expected: " + line_at(*expected) +
	       "\n  actual:   " + line_at(actual);
}

} // namespace mamori::golden
