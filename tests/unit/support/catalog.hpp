// mamori/tests/unit/support/catalog.hpp
//
// The shipped content/ catalog, loaded once per test binary. Tests that need
// the real 25 items, threats or templates take it from here instead of each
// loading (and failing on) it their own way.
#pragma once

#include "core/catalog/catalog_loader.hpp"

#include <string>

namespace mamori::testing_support {

//! A path inside the source tree ("content", "tests/golden/table14").
std::string SourcePath(const std::string &relative);

//! content/ as shipped; a broken catalog fails the test run at first use.
const Catalog &ShippedCatalog();

//! ShippedCatalog().DefaultEdition().
const Edition &ShippedEdition();

} // namespace mamori::testing_support
