// mamori/core/i18n/locale.cpp
#include "core/i18n/locale.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>

namespace mamori {

namespace {

std::string_view Trim(std::string_view text) {
	while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
	while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
	return text;
}

//! The q-value of one Accept-Language entry's parameters (";q=0.5"); 1 when absent,
//! 0 when malformed, so a broken entry never wins.
double QualityOf(std::string_view params) {
	const auto pos = params.find("q=");
	if (pos == std::string_view::npos) return 1.0;
	const std::string number(Trim(params.substr(pos + 2)));
	char *end = nullptr;
	const double value = std::strtod(number.c_str(), &end);
	if (end == number.c_str() || value < 0.0 || value > 1.0) return 0.0;
	return value;
}

} // namespace

std::string_view LocaleCode(Locale locale) {
	switch (locale) {
	case Locale::kJa:
		return "ja";
	case Locale::kEn:
		return "en";
	}
	return "ja";
}

std::optional<Locale> ParseLocale(std::string_view tag) {
	tag = Trim(tag);
	const auto primary = tag.substr(0, tag.find_first_of("-_"));
	std::string lower(primary);
	std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
	for (Locale locale : kAllLocales) {
		if (lower == LocaleCode(locale)) return locale;
	}
	return std::nullopt;
}

std::optional<Locale> NegotiateLocale(std::string_view accept_language) {
	std::optional<Locale> best;
	double best_quality = 0.0;
	while (!accept_language.empty()) {
		const auto comma = accept_language.find(',');
		std::string_view entry = accept_language.substr(0, comma);
		accept_language = comma == std::string_view::npos ? std::string_view{} : accept_language.substr(comma + 1);
		const auto semicolon = entry.find(';');
		const std::string_view tag = Trim(entry.substr(0, semicolon));
		const double quality = semicolon == std::string_view::npos ? 1.0 : QualityOf(entry.substr(semicolon + 1));
		const auto locale = ParseLocale(tag);
		// Strictly greater: among equal q-values the first listed wins, as the client ordered them.
		if (locale && quality > best_quality) {
			best = locale;
			best_quality = quality;
		}
	}
	return best;
}

} // namespace mamori
