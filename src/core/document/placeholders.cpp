// mamori/core/document/placeholders.cpp
#include "core/document/placeholders.hpp"

namespace mamori::document {
namespace {

bool IsNameChar(char c) {
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool IsName(std::string_view text) {
	if (text.empty()) {
		return false;
	}
	for (char c : text) {
		if (!IsNameChar(c)) {
			return false;
		}
	}
	return true;
}

} // namespace

std::vector<TextPiece> SplitPlaceholders(std::string_view text) {
	std::vector<TextPiece> pieces;
	std::string literal;
	size_t at = 0;
	while (at < text.size()) {
		const size_t open = text.find("{{", at);
		if (open == std::string_view::npos) {
			break;
		}
		const size_t close = text.find("}}", open + 2);
		if (close == std::string_view::npos) {
			break;
		}
		const std::string_view name = text.substr(open + 2, close - open - 2);
		if (!IsName(name)) {
			literal.append(text.substr(at, open + 2 - at));
			at = open + 2;
			continue;
		}
		literal.append(text.substr(at, open - at));
		if (!literal.empty()) {
			pieces.push_back({literal, false});
			literal.clear();
		}
		pieces.push_back({std::string(name), true});
		at = close + 2;
	}
	literal.append(text.substr(at));
	if (!literal.empty()) {
		pieces.push_back({literal, false});
	}
	return pieces;
}

std::vector<std::string> PlaceholderNames(std::string_view text) {
	std::vector<std::string> names;
	for (auto &piece : SplitPlaceholders(text)) {
		if (piece.is_placeholder) {
			names.push_back(std::move(piece.text));
		}
	}
	return names;
}

} // namespace mamori::document
