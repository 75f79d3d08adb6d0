// mamori/storage/copy_store.hpp
//
// `mamori migrate-store`: a firm's database copied between backends
// (SQLite -> PostgreSQL when it joins an operator, and back).
#pragma once

#include "core/common/result.hpp"

#include <cstdint>
#include <string>

namespace mamori::storage {

struct StoreCopy {
	int tables = 0;
	std::int64_t rows = 0;
};

//! Copies every row of the database `from` names into the empty database `to`
//! names, keeping ids, in one transaction on `to`, and compares the row count
//! of every table before committing; any difference rolls the copy back
//! (kStorage, naming the table). One side must be SQLite (two PostgreSQL
//! databases are pg_dump's work). kInvalidInput on field "to" when `to`
//! already holds accounts, organisations or audit entries.
Result<StoreCopy> CopyStore(const std::string &from, const std::string &to, const std::string &migrations_root);

} // namespace mamori::storage
