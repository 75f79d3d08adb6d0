// mamori/core/catalog/localize.hpp
//
// Content files carry their translations beside the Japanese source: any
// mapping may hold an overlay, `en:`, that repeats some of its own keys in
// English (content/README.md, "Translations"). Localize checks every overlay
// and returns the document as one locale sees it. Pure: it is handed parsed
// YAML and never reads files.
#pragma once

#include "core/common/result.hpp"
#include "core/i18n/locale.hpp"

#include "core/yaml/node.hpp"

#include <string>
#include <string_view>

namespace mamori {

//! The overlay key that carries `locale`'s text ("en"); Japanese, the source
//! language, has none.
std::string_view OverlayKey(Locale locale);

//! True when `text` holds kana, kanji or Japanese punctuation outside the
//! brackets （…）, (…) and 「…」. Bracketed Japanese is how English text keeps
//! the guideline's own term, so it does not count.
bool HasJapaneseOutsideBrackets(std::string_view text);

//! True when `text` holds kana, kanji or Japanese punctuation anywhere.
bool HasJapanese(std::string_view text);

//! `root` as `locale` reads it: a new tree (sharing the unchanged parts) in which every overlay of `locale` has replaced the
//! values it names, and every overlay key is gone. Every overlay (of every
//! locale) is checked first: it must be a mapping that names only keys of its
//! own mapping, each holding Japanese text, with the same shape (a scalar for
//! a scalar, a list of the same length for a list of scalars). A nested
//! mapping carries its own overlay. On a broken overlay the error's field is
//! "<file>: <path>" (for example "editions/3.0/five_articles.yaml:
//! articles[0].en.title"), the same form as the catalog loader's errors.
Result<yaml::Node> Localize(const yaml::Node &root, Locale locale, const std::string &file);

} // namespace mamori
