// mamori/core/catalog/catalog_loader.hpp
//
// Parses and validates the content catalog. The caller (platform layer) reads
// the files; this code only sees their text, so it stays free of I/O and can
// be tested with in-memory content. Every error names the file and the entry.
#pragma once

#include "core/catalog/catalogs.hpp"
#include "core/catalog/edition.hpp"
#include "core/common/result.hpp"
#include "core/i18n/locale.hpp"

#include <map>
#include <string>

namespace mamori {

//! Relative path under content/ (e.g. "editions/3.0/selfcheck_items.yaml") → text.
using ContentFiles = std::map<std::string, std::string>;

//! The files ParseCatalog needs for one edition, relative to content/.
std::vector<std::string> EditionFileNames(const std::string &edition_id);

//! The catalog in Japanese, the guideline's own language.
Result<Catalog> ParseCatalog(const ContentFiles &files);

//! The catalog as `locale` sees it: each file's translation overlays
//! (localize.hpp) are checked and, for a locale other than Japanese, applied.
//! Errors name the file and the entry.
Result<Catalog> ParseCatalog(const ContentFiles &files, Locale locale);

//! One catalog per locale; fails if any locale fails, naming it.
Result<Catalogs> ParseCatalogs(const ContentFiles &files);

} // namespace mamori
