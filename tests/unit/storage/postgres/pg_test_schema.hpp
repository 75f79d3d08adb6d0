// mamori/tests/unit/storage/postgres/pg_test_schema.hpp
//
// A fresh, empty PostgreSQL schema per test on the MAMORI_TEST_PG_URL server.
#pragma once

#include "core/common/result.hpp"

#include <string>

namespace mamori::testing_support {

//! MAMORI_TEST_PG_URL, or empty when unset.
std::string PostgresTestUrl();

//! Creates a new schema and returns a URL whose connections use it
//! (search_path), so the store's migrations build their tables there.
Result<std::string> FreshPostgresSchema();

} // namespace mamori::testing_support
