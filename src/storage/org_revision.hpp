// mamori/storage/org_revision.hpp
//
// The organisation's revision: a number that changes whenever its data
// changes, the same for every process on the database (issue 11: the server
// keeps derived views of an organisation until it changes,
// app/org_view_cache.hpp).
//
// It is the id of the organisation's newest audit entry. Every change is
// written with its audit entry in one transaction (the app layer's rule; the
// audit log is the one place every change already goes through), and that
// transaction holds the writers' lock across processes (SQLite: BEGIN
// IMMEDIATE; PostgreSQL: the advisory lock after BEGIN), so ids are handed out
// in commit order: the number moves on with every committed change and never
// goes back (ids are AUTOINCREMENT / a sequence, never reused once committed).
// No write can forget it, and no table or migration is needed: the log and
// its (org_id, id) index exist already.
//
// Read it outside transactions only: inside one, the newest entry may be the
// transaction's own and could still roll back (and SQLite would then give its
// id out again).
#pragma once

#include "storage/audit_store.hpp"

#include <cstdint>

namespace mamori::storage {

//! 0 for an organisation without audit entries. One indexed read of one row.
Result<int64_t> OrgRevision(AuditStore &store, Id org_id);

} // namespace mamori::storage
