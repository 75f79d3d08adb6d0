// mamori/core/i18n/locale.hpp
//
// The languages mamori speaks. Japanese is the first language and the
// fallback for everything; English is the second (issue 7).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace mamori {

enum class Locale {
	kJa,  // 日本語: the guideline's own language, always complete
	kEn,  // English
};

//! Every locale, Japanese first.
inline constexpr Locale kAllLocales[] = {Locale::kJa, Locale::kEn};
inline constexpr Locale kDefaultLocale = Locale::kJa;

//! "ja" / "en": the BCP 47 tag used in <html lang>, ?lang= and files.
std::string_view LocaleCode(Locale locale);

//! Accepts "ja", "en" and regional variants ("en-GB", "ja_JP"), any case.
std::optional<Locale> ParseLocale(std::string_view tag);

//! The best supported locale for an Accept-Language header, honouring
//! q-values; nullopt when the header names no supported language.
std::optional<Locale> NegotiateLocale(std::string_view accept_language);

} // namespace mamori
