// mamori/storage/sqlite/sqlite_store_audit.cpp
// SqliteStore: the audit log, kept as a hash chain (core/security/audit_chain.hpp).
#include "storage/sqlite/sqlite_store.hpp"

#include "platform/crypto.hpp"
#include "storage/sqlite/sqlite_support.hpp"

#include <limits>

namespace mamori::storage {

using namespace sqlite_detail;

namespace {

// Set in settings once the entries written before the audit chain migration (NNNN_audit_chain.sql) are sealed; from then on an
// entry without a hash is damage for `audit verify` to report, never something to seal again
// (else blanking hashes would be a way to have altered entries re-sealed).
constexpr const char *kSealedSetting = "audit_chain_sealed";

constexpr const char *kChainColumns = "id, at, org_id, user_id, action, target, detail, prev_hash, hash";

Result<AuditChainEntry> ReadChainEntry(const Statement &s) {
	AuditChainEntry entry;
	entry.id = s.ColumnInt64(0);
	entry.at = s.ColumnText(1);
	entry.org_id = s.ColumnOptionalInt64(2);
	entry.user_id = s.ColumnOptionalInt64(3);
	entry.action = s.ColumnText(4);
	entry.target = s.ColumnText(5);
	entry.detail = s.ColumnText(6);
	entry.prev_hash = s.ColumnText(7);
	entry.hash = s.ColumnText(8);
	return entry;
}

//! The hash of the entry with the highest id below `before` (all entries when nullopt).
Result<std::string> LastHash(Connection *db, std::optional<Id> before) {
	auto last = QueryOne<std::string>(
	    db, "SELECT COALESCE(hash, '') FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1",
	    [&](Statement &s) { s.Bind(1, before.value_or(std::numeric_limits<Id>::max())); },
	    [](const Statement &s) -> Result<std::string> { return s.ColumnText(0); });
	if (!last) {
		return last.error();
	}
	return last->has_value() ? **last : AuditChainZeroHash();
}

//! Links the stored entry `id` to `prev_hash` and stores its hash.
Status SealEntry(Connection *db, Id id, const std::string &prev_hash) {
	auto entry = QueryOne<AuditChainEntry>(
	    db, std::string("SELECT ") + kChainColumns + " FROM audit_log WHERE id = ?", [&](Statement &s) { s.Bind(1, id); },
	    ReadChainEntry);
	if (!entry) {
		return entry.error();
	}
	if (!entry->has_value()) {
		return Error::Make(ErrorCode::kStorage, "audit entry " + std::to_string(id) + " vanished while being sealed");
	}
	AuditChainEntry sealed = **entry;
	sealed.prev_hash = prev_hash;
	const std::string hash = AuditChainHash(sealed, platform::Sha256Hex);
	Result<int> done = Execute(db, "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?",
	                           [&](Statement &s) { s.Bind(1, prev_hash).Bind(2, hash).Bind(3, id); });
	return done ? OkStatus() : Status(done.error());
}

} // namespace

// --- audit --------------------------------------------------------------------------------

Status SqliteStore::AppendAudit(const AuditEntry &entry) {
	// The outermost transaction holds the writers' lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: an
	// advisory lock taken after BEGIN, across processes), so reading the last hash and inserting
	// after it cannot interleave with another writer.
	return InTransaction([&]() -> Status {
		Result<std::string> prev_hash = LastHash(db(), std::nullopt);
		if (!prev_hash) {
			return prev_hash.error();
		}
		Result<int> done = Execute(db(),
		                           "INSERT INTO audit_log(org_id, user_id, at, action, target, detail) "
		                           "VALUES (?, ?, COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW "), ?, ?, ?)",
		                           [&](Statement &s) {
			                           s.Bind(1, entry.org_id)
			                               .Bind(2, entry.user_id)
			                               .Bind(3, entry.at)
			                               .Bind(4, entry.action)
			                               .Bind(5, entry.target)
			                               .Bind(6, entry.detail);
		                           });
		if (!done) {
			return done.error();
		}
		// Hashed from the stored row, so the hash covers exactly what was written (the time
		// SQLite filled in, the text as stored).
		return SealEntry(db(), static_cast<Id>(MAMORI_TRY(db()->LastInsertId())), *prev_hash);
	});
}

Result<std::vector<AuditEntry>> SqliteStore::ListAudit(Id org_id, int limit, int offset) {
	ConnectionUse use = Use();
	// A negative limit means "all"; bound as the largest count, since
	// PostgreSQL refuses SQLite's LIMIT -1.
	return QueryAll<AuditEntry>(db(),
	                            "SELECT a.id, a.org_id, a.user_id, COALESCE(u.email, ''), a.at, a.action, a.target, "
	                            "a.detail, COALESCE(a.hash, '') FROM audit_log a LEFT JOIN users u ON u.id = a.user_id "
	                            "WHERE a.org_id = ? ORDER BY a.id DESC LIMIT ? OFFSET ?",
	                            [&](Statement &s) { s.Bind(1, org_id).Bind(2, NoLimitIfNegative(limit)).Bind(3, offset < 0 ? 0 : offset); },
	                            ReadAudit);
}

Result<int64_t> SqliteStore::NewestAuditId(Id org_id) {
	ConnectionUse use = Use();
	// One reverse step on the audit_log_org (org_id, id) index; read on every kept page or view.
	auto newest = QueryOne<int64_t>(db(), "SELECT id FROM audit_log WHERE org_id = ? ORDER BY id DESC LIMIT 1",
	                                [&](Statement &s) { s.Bind(1, org_id); },
	                                [](const Statement &s) -> Result<int64_t> { return s.ColumnInt64(0); });
	if (!newest) {
		return newest.error();
	}
	return newest->value_or(0);
}

Result<std::vector<AuditEntry>> SqliteStore::ListAccountAudit(Id user_id, const std::vector<std::string> &actions,
                                                             int limit) {
	if (actions.empty()) {
		return std::vector<AuditEntry>();
	}
	std::string placeholders;
	for (size_t i = 0; i < actions.size(); ++i) {
		placeholders += i == 0 ? "?" : ", ?";
	}
	ConnectionUse use = Use();
	return QueryAll<AuditEntry>(db(),
	                            "SELECT a.id, a.org_id, a.user_id, COALESCE(u.email, ''), a.at, a.action, a.target, "
	                            "a.detail, COALESCE(a.hash, '') FROM audit_log a LEFT JOIN users u ON u.id = a.user_id "
	                            "WHERE a.target = ? AND a.org_id IS NULL AND a.action IN (" + placeholders +
	                                ") ORDER BY a.id DESC LIMIT ?",
	                            [&](Statement &s) {
		                            int index = 1;
		                            s.Bind(index++, "user:" + std::to_string(user_id));
		                            for (const auto &action : actions) {
			                            s.Bind(index++, action);
		                            }
		                            s.Bind(index, limit);
	                            },
	                            ReadAudit);
}

Result<std::vector<AuditChainEntry>> SqliteStore::ListAuditChain() {
	ConnectionUse use = Use();
	return QueryAll<AuditChainEntry>(db(), std::string("SELECT ") + kChainColumns + " FROM audit_log ORDER BY id",
	                                 [](Statement &) {}, ReadChainEntry);
}

Result<std::string> SqliteStore::AuditHead() {
	ConnectionUse use = Use();
	return LastHash(db(), std::nullopt);
}

Status SqliteStore::SealUnchainedAudit() {
	return InTransaction([&]() -> Status {
		// Checked inside the write transaction: two processes opening the database together seal once.
		Result<bool> sealed =
		    Exists(db(), "SELECT 1 FROM settings WHERE key = ?", [](Statement &s) { s.Bind(1, kSealedSetting); });
		if (!sealed) {
			return sealed.error();
		}
		if (*sealed) {
			return OkStatus();
		}
		// Tests open SQLite databases at an older schema (before the audit chain migration): nothing
		// to seal yet. PostgreSQL's schema starts after it (migrations/postgresql/0021_baseline.sql).
		if (db()->dialect() == Connection::Dialect::kSqlite) {
			Result<bool> chained = Exists(db(), "SELECT 1 FROM pragma_table_info('audit_log') WHERE name = 'hash'",
			                              [](Statement &) {});
			if (!chained) {
				return chained.error();
			}
			if (!*chained) {
				return OkStatus();
			}
		}
		auto ids = QueryAll<Id>(db(), "SELECT id FROM audit_log WHERE hash IS NULL ORDER BY id", [](Statement &) {},
		                        [](const Statement &s) -> Result<Id> { return s.ColumnInt64(0); });
		if (!ids) {
			return ids.error();
		}
		for (Id id : *ids) {
			Result<std::string> prev_hash = LastHash(db(), id);
			if (!prev_hash) {
				return prev_hash.error();
			}
			MAMORI_TRY(SealEntry(db(), id, *prev_hash));
		}
		Result<int> done = Execute(db(), "INSERT INTO settings(key, value) VALUES (?, '1')",
		                           [](Statement &s) { s.Bind(1, kSealedSetting); });
		return done ? OkStatus() : Status(done.error());
	});
}

} // namespace mamori::storage
