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

#include <functional>
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

//! Checks one file of the set (relative name, as in ContentFiles) the way
//! ParseCatalog reads it, with only the files it leans on: an edition file
//! with its edition.yaml (and risk_catalog.yaml for asset_templates.yaml),
//! incident and training files as their group. Any other name (catalog.yaml,
//! a document template) is checked by parsing the whole catalog. It finds the
//! same problems in that file as ParseCatalog does, but not the ones that
//! only arise between files it does not read (the incident kinds' threats
//! against the default edition). The fuzzer and quick content checks use it.
Status CheckCatalogFile(const ContentFiles &files, const std::string &name, Locale locale);

//! Where ParseCatalogs takes the list of common passwords from, when not from
//! common_passwords.txt: the server builds it on another thread meanwhile.
using CommonPasswordsSource = std::function<CommonPasswords()>;

//! One catalog per locale; fails if any locale fails, naming it.
Result<Catalogs> ParseCatalogs(const ContentFiles &files, CommonPasswordsSource common_passwords = nullptr);

} // namespace mamori
