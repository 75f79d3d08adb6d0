// mamori/core/i18n/japanese_text.hpp
//
// Recognising Japanese text, for the checks that keep English pages, English
// content and src/ free of untranslated Japanese (issue 7).
#pragma once

#include <string_view>

namespace mamori {

//! True when the UTF-8 text holds a kana, kanji or Japanese punctuation character.
bool ContainsJapanese(std::string_view text);

//! Like ContainsJapanese, but ignores text inside brackets （…）(…)「…」『…』,
//! where English keeps the guideline's own term: 「Detailed risk analysis (詳細リスク分析)」.
bool ContainsJapaneseOutsideBrackets(std::string_view text);

} // namespace mamori
