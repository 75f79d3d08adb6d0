// mamori/core/catalog/catalogs.hpp
//
// The content catalog once per locale. The guideline content is the same in
// every locale apart from its text, so each Catalog is complete on its own and
// a caller picks one by the reader's language (or an organisation's document
// language) and never mixes them.
#pragma once

#include "core/catalog/edition.hpp"
#include "core/common/result.hpp"
#include "core/i18n/locale.hpp"

#include <map>
#include <string>
#include <functional>
#include <utility>

namespace mamori {

class Catalogs {
public:
	const Catalog &In(Locale locale) const { return by_locale_.at(locale); }
	//! Japanese: the guideline's own language.
	const Catalog &Default() const { return In(kDefaultLocale); }

private:
	// Only ParseCatalogs builds one, so every locale of kAllLocales is present.
	friend Result<Catalogs> ParseCatalogs(const std::map<std::string, std::string> &files,
	                                      std::function<CommonPasswords()> common_passwords);
	explicit Catalogs(std::map<Locale, Catalog> by_locale) : by_locale_(std::move(by_locale)) {}

	std::map<Locale, Catalog> by_locale_;
};

} // namespace mamori
