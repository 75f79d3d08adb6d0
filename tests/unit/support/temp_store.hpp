// mamori/tests/unit/support/temp_store.hpp
//
// A fresh store for tests above storage/ (app/ use cases): a SQLite file in a
// test's TempDir, migrated with the shipped migrations and opened through
// OpenStore, exactly as the server opens its database.
#pragma once

#include "storage/store.hpp"
#include "support/temp_dir.hpp"

#include <memory>

namespace mamori::testing_support {

//! Fails the current test (and returns nullptr) when the store cannot open.
std::unique_ptr<storage::Store> OpenTempStore(const TempDir &dir);

} // namespace mamori::testing_support
