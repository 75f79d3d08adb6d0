// mamori/storage/open_store.hpp
//
// The one place that turns a database URL into a Store. Everything above
// storage/ (the server, the CLI, the seed command, the tests) opens its store
// here, so adding a backend means filling in one branch, not finding callers.
#pragma once

#include "core/common/result.hpp"
#include "storage/store.hpp"

#include <memory>
#include <string>

namespace mamori::storage {

//! Which backend a database URL names, and where it points.
struct StoreUrl {
	enum class Backend { kSqlite, kPostgres };
	Backend backend = Backend::kSqlite;
	//! The file path (SQLite) or the whole URL (PostgreSQL, for its driver).
	std::string target;
};

//! Accepted forms:
//!   var/mamori.db, /abs/mamori.db    a plain path: SQLite (the default)
//!   sqlite:PATH, sqlite://PATH       SQLite, explicitly
//!   postgresql://..., postgres://... PostgreSQL (any libpq connection URI)
//! Anything else with a scheme ("mysql://...") is kInvalidInput on field "db".
//! A plain path that merely contains a colon (C:\..., ./a:b.db) is a path.
Result<StoreUrl> ParseStoreUrl(const std::string &url);

//! For commands that must not create a database (backup, audit verify, the
//! commands that act in an organisation): true when a SQLite URL's file
//! exists, and for every PostgreSQL URL, whose server answers that itself
//! when connecting. False for a URL that does not parse.
bool StoreExists(const std::string &url);

//! Opens the store `url` names, creating and migrating a new database.
//! migrations_root is the shipped migrations/ folder; each backend reads its
//! own sub-folder (migrations/sqlite, migrations/postgresql).
Result<std::unique_ptr<Store>> OpenStore(const std::string &url, const std::string &migrations_root);

//! Same, with the migrations/ folder found beside the program
//! (platform::LocateResourceDir).
Result<std::unique_ptr<Store>> OpenStore(const std::string &url);

} // namespace mamori::storage
