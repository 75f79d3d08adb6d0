// mamori/tests/unit/support/catalog.hpp
//
// The shipped content/ catalog, loaded once per test binary. Tests that need
// the real 25 items, threats or templates take it from here instead of each
// loading (and failing on) it their own way.
#pragma once

#include "core/catalog/catalog_loader.hpp"
#include "core/catalog/catalogs.hpp"
#include "core/i18n/message_catalog.hpp"

#include <string>

namespace mamori::testing_support {

//! A path inside the source tree ("content", "tests/golden/table14").
std::string SourcePath(const std::string &relative);

//! content/ as shipped; a broken catalog fails the test run at first use.
const Catalog &ShippedCatalog();

//! ShippedCatalog().DefaultEdition().
const Edition &ShippedEdition();

//! content/ as shipped, with the coaching programmes and every edition (LoadCatalogs).
const Catalogs &ShippedCatalogs();

//! content/'s files as the catalog loader reads them, for tests that change one file.
ContentFiles ShippedContentFiles();

//! migrations/sqlite, the shipped SQLite migrations.
std::string SqliteMigrationsDir();

//! content/messages/ as shipped; a broken message catalog fails the run at first use.
const MessageCatalog &ShippedMessages();

//! The error as a person reads it in `locale`.
std::string Describe(const Error &error, Locale locale = Locale::kJa);

} // namespace mamori::testing_support
