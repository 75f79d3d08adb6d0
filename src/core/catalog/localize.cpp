// mamori/core/catalog/localize.cpp
#include "core/catalog/localize.hpp"

#include <algorithm>
#include <vector>

namespace mamori {
namespace {

// Code points, not literals: src/ holds no Japanese text (issue 7).
constexpr char32_t kFullwidthOpenParen = 0xFF08;
constexpr char32_t kFullwidthCloseParen = 0xFF09;
constexpr char32_t kOpenCornerBracket = 0x300C;
constexpr char32_t kCloseCornerBracket = 0x300D;

//! Decodes UTF-8 leniently: a broken byte becomes U+FFFD and decoding goes on,
//! since this only classifies text the YAML reader has already accepted.
std::vector<char32_t> CodePoints(std::string_view text) {
	std::vector<char32_t> points;
	size_t pos = 0;
	while (pos < text.size()) {
		const auto lead = static_cast<unsigned char>(text[pos]);
		int length = 1;
		char32_t point = lead;
		if (lead >= 0xF0) {
			length = 4;
			point = lead & 0x07;
		} else if (lead >= 0xE0) {
			length = 3;
			point = lead & 0x0F;
		} else if (lead >= 0xC0) {
			length = 2;
			point = lead & 0x1F;
		}
		if (pos + length > text.size()) {
			points.push_back(0xFFFD);
			break;
		}
		for (int idx = 1; idx < length; ++idx) {
			point = (point << 6) | (static_cast<unsigned char>(text[pos + idx]) & 0x3F);
		}
		points.push_back(point);
		pos += length;
	}
	return points;
}

bool IsJapanese(char32_t point) {
	return (point >= 0x3000 && point <= 0x30FF) ||   // punctuation, hiragana, katakana
	       (point >= 0x31F0 && point <= 0x31FF) ||   // katakana extensions
	       (point >= 0x3400 && point <= 0x4DBF) ||   // kanji, extension A
	       (point >= 0x4E00 && point <= 0x9FFF) ||   // kanji
	       (point >= 0xFF00 && point <= 0xFFEF);     // full-width and half-width forms
}

bool IsOpening(char32_t point) {
	return point == '(' || point == kFullwidthOpenParen || point == kOpenCornerBracket;
}
bool IsClosing(char32_t point) {
	return point == ')' || point == kFullwidthCloseParen || point == kCloseCornerBracket;
}

bool IsOverlayKey(const std::string &key) {
	return std::any_of(std::begin(kAllLocales), std::end(kAllLocales),
	                   [&](Locale locale) { return !OverlayKey(locale).empty() && OverlayKey(locale) == key; });
}

bool HasJapaneseIn(const yaml::Node &value) {
	if (value.IsScalar()) {
		return HasJapanese(value.Scalar());
	}
	if (value.IsSequence()) {
		for (const auto &element : value.Elements()) {
			if (element.IsScalar() && HasJapanese(element.Scalar())) {
				return true;
			}
		}
	}
	return false;
}

bool IsListOfScalars(const yaml::Node &value) {
	if (!value.IsSequence()) {
		return false;
	}
	const auto &elements = value.Elements();
	return std::all_of(elements.begin(), elements.end(), [](const yaml::Node &element) { return element.IsScalar(); });
}

class Localizer {
public:
	Localizer(Locale locale, std::string file) : locale_(locale), file_(std::move(file)) {}

	yaml::Node Copy(const yaml::Node &node, const std::string &path) {
		if (node.IsMap()) {
			return CopyMapping(node, path);
		}
		if (node.IsSequence()) {
			yaml::Node copy(yaml::NodeType::kSequence);
			for (size_t idx = 0; idx < node.size(); ++idx) {
				copy.Append(Copy(node[idx], path + "[" + std::to_string(idx) + "]"));
			}
			return copy;
		}
		return node; // text and nulls are shared: nothing changes them
	}

	const std::string &problem_where() const { return where_; }
	const std::string &problem_what() const { return what_; }
	bool failed() const { return !what_.empty(); }

private:
	static std::string Join(const std::string &path, const std::string &key) {
		return path.empty() ? key : path + "." + key;
	}

	void Fail(const std::string &path, const std::string &what) {
		if (!failed()) {
			where_ = path.empty() ? file_ : file_ + ": " + path;
			what_ = what;
		}
	}

	yaml::Node CopyMapping(const yaml::Node &mapping, const std::string &path) {
		yaml::Node copy(yaml::NodeType::kMap);
		yaml::Node chosen_overlay;
		for (const auto &entry : mapping.Entries()) {
			const std::string &key = entry.first;
			if (IsOverlayKey(key)) {
				CheckOverlay(mapping, entry.second, Join(path, key));
				if (key == OverlayKey(locale_)) {
					chosen_overlay = entry.second;
				}
				continue;
			}
			copy.Set(key, Copy(entry.second, Join(path, key)));
		}
		if (chosen_overlay && chosen_overlay.IsMap() && !failed()) {
			for (const auto &entry : chosen_overlay.Entries()) {
				copy.Set(entry.first, entry.second);
			}
		}
		return copy;
	}

	void CheckOverlay(const yaml::Node &mapping, const yaml::Node &overlay, const std::string &path) {
		if (!overlay.IsMap()) {
			Fail(path, "a translation must be a mapping of this entry's keys");
			return;
		}
		for (const auto &entry : overlay.Entries()) {
			const std::string &key = entry.first;
			const std::string where = Join(path, key);
			const yaml::Node original = mapping[key];
			if (IsOverlayKey(key) || !original.IsDefined() || original.IsNull()) {
				Fail(where, "unknown key '" + key + "': a translation names only keys of its own entry");
				return;
			}
			if (original.IsMap() || (original.IsSequence() && !IsListOfScalars(original))) {
				Fail(where, "'" + key + "' is not text; a nested entry carries its own translation");
				return;
			}
			if (!HasJapaneseIn(original)) {
				Fail(where, "'" + key + "' has no Japanese text; ids, numbers and enum values are never translated");
				return;
			}
			const yaml::Node &translated = entry.second;
			if (original.IsScalar()) {
				if (!translated.IsScalar() || translated.Scalar().find_first_not_of(" \t\r\n") == std::string::npos) {
					Fail(where, "'" + key + "' must be non-empty text, as in the Japanese");
					return;
				}
				continue;
			}
			if (!IsListOfScalars(translated) || translated.size() != original.size()) {
				Fail(where, "'" + key + "' must be a list of " + std::to_string(original.size()) +
				              " texts, as in the Japanese");
				return;
			}
			for (const auto &element : translated.Elements()) {
				if (element.Scalar().find_first_not_of(" \t\r\n") == std::string::npos) {
					Fail(where, "'" + key + "' must have non-empty text in every line");
					return;
				}
			}
		}
	}

	Locale locale_;
	std::string file_;
	std::string where_;
	std::string what_;
};

} // namespace

std::string_view OverlayKey(Locale locale) {
	return locale == Locale::kJa ? std::string_view() : LocaleCode(locale);
}

bool HasJapanese(std::string_view text) {
	const auto points = CodePoints(text);
	return std::any_of(points.begin(), points.end(), IsJapanese);
}

bool HasJapaneseOutsideBrackets(std::string_view text) {
	int depth = 0;
	for (char32_t point : CodePoints(text)) {
		if (IsOpening(point)) {
			++depth;
		} else if (IsClosing(point)) {
			depth = std::max(0, depth - 1);
		} else if (depth == 0 && IsJapanese(point)) {
			return true;
		}
	}
	return false;
}

Result<yaml::Node> Localize(const yaml::Node &root, Locale locale, const std::string &file) {
	Localizer localizer(locale, file);
	yaml::Node localized = localizer.Copy(root, "");
	if (localizer.failed()) {
		return Error{ErrorCode::kCatalogInvalid, localizer.problem_where(), localizer.problem_what()};
	}
	return localized;
}

} // namespace mamori
