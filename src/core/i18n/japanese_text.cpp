// mamori/core/i18n/japanese_text.cpp
#include "core/i18n/japanese_text.hpp"

#include <cstdint>

namespace mamori {

namespace {

//! Decodes the code point at `pos` and advances past it; invalid bytes
//! decode as themselves so the scan never stops early.
char32_t NextCodePoint(std::string_view text, size_t &pos) {
	const auto byte = static_cast<unsigned char>(text[pos]);
	int length = 1;
	char32_t code = byte;
	if (byte >= 0xF0) {
		length = 4;
		code = byte & 0x07;
	} else if (byte >= 0xE0) {
		length = 3;
		code = byte & 0x0F;
	} else if (byte >= 0xC0) {
		length = 2;
		code = byte & 0x1F;
	}
	if (pos + length > text.size()) {
		++pos;
		return byte;
	}
	for (int idx = 1; idx < length; ++idx) {
		code = (code << 6) | (static_cast<unsigned char>(text[pos + idx]) & 0x3F);
	}
	pos += length;
	return code;
}

bool IsJapanese(char32_t code) {
	return (code >= 0x3000 && code <= 0x30FF)     // punctuation 、。「」, hiragana, katakana
	       || (code >= 0x3400 && code <= 0x4DBF)  // CJK extension A
	       || (code >= 0x4E00 && code <= 0x9FFF)  // CJK unified ideographs
	       || (code >= 0xF900 && code <= 0xFAFF)  // compatibility ideographs
	       || (code >= 0xFF01 && code <= 0xFF5E)  // full-width ASCII forms （）：
	       || (code >= 0xFF61 && code <= 0xFF9F); // half-width katakana
}

bool Opens(char32_t code) { return code == U'（' || code == U'(' || code == U'「' || code == U'『'; }
bool Closes(char32_t code) { return code == U'）' || code == U')' || code == U'」' || code == U'』'; }

} // namespace

bool ContainsJapanese(std::string_view text) {
	for (size_t pos = 0; pos < text.size();) {
		if (IsJapanese(NextCodePoint(text, pos))) return true;
	}
	return false;
}

bool ContainsJapaneseOutsideBrackets(std::string_view text) {
	int depth = 0;
	for (size_t pos = 0; pos < text.size();) {
		const char32_t code = NextCodePoint(text, pos);
		if (Opens(code)) {
			++depth;
		} else if (Closes(code)) {
			depth = depth > 0 ? depth - 1 : 0;
		} else if (depth == 0 && IsJapanese(code)) {
			return true;
		}
	}
	return false;
}

} // namespace mamori
