// mamori/storage/postgres/postgres_migrations.hpp
//
// The PostgreSQL schema runner. migrations/postgresql/ starts with a baseline
// (0021_baseline.sql, SQLite's schema at version 21); from 0022 on, both
// dialects share numbers and every migration is written once per dialect.
#pragma once

#include "core/common/result.hpp"
#include "storage/sql/connection.hpp"

#include <string>

namespace mamori::storage::postgres {

//! Applies every file in dir numbered above the database's version, all in
//! one transaction under an advisory lock, so two instances starting at once
//! neither race nor half-apply: the second waits and then finds nothing to do.
//! Refuses (kStorage) a database newer than the files. Returns how many ran.
Result<int> ApplyMigrations(sql::Connection &db, const std::string &dir);

} // namespace mamori::storage::postgres
