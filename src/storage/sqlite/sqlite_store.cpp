// mamori/storage/sqlite/sqlite_store.cpp
// SqliteStore: opening the database, transactions, settings and backups.
#include "storage/sqlite/sqlite_store.hpp"

#include "storage/postgres/postgres_connection.hpp"
#include "storage/postgres/postgres_migrations.hpp"
#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/sqlite_support.hpp"
#include "storage/transfer/schema_model.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace mamori::storage {

using namespace sqlite_detail;

namespace {

void RemoveBackupFiles(const std::string &path) {
	for (const char *suffix : {"", "-journal", "-wal", "-shm"}) {
		std::remove((path + suffix).c_str());
	}
}

} // namespace

// --- lifecycle ----------------------------------------------------------------

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string &db_path, const std::string &migrations_dir) {
	::sqlite3 *db = nullptr;
	// A new installation may name a database in a folder that does not exist yet.
	if (const auto parent = std::filesystem::path(db_path).parent_path(); !parent.empty()) {
		std::error_code ignored;
		std::filesystem::create_directories(parent, ignored);
	}
	const int rc = sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
	if (rc != SQLITE_OK) {
		std::string message = "cannot open database " + db_path + ": " +
		                      (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		sqlite3_close(db);
		return Error::Make(ErrorCode::kStorage, message);
	}
	// From here the store owns the handle and closes it on every path.
	std::unique_ptr<SqliteStore> store(new SqliteStore(std::make_unique<sqlite::SqliteConnection>(db)));
	sqlite3_extended_result_codes(db, 1);
	Connection *connection = store->db_;

	auto fail = [&](const Error &error) {
		return Error::Make(ErrorCode::kStorage, "cannot open database " + db_path + ": " + error.message);
	};
	// busy_timeout first, so that switching to WAL waits for another process
	// instead of failing. WAL lets readers proceed while one writer commits;
	// synchronous=NORMAL is the durable-enough setting for WAL (a power cut
	// can lose the last commits but never corrupts).
	for (const char *pragma : {"PRAGMA busy_timeout = 5000", "PRAGMA journal_mode = WAL",
	                           "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON"}) {
		if (Status s = ExecuteSimple(connection, pragma); !s) {
			return fail(s.error());
		}
	}
	// A build without foreign-key support would silently ignore the pragma.
	Result<int> foreign_keys = QueryInt(connection, "PRAGMA foreign_keys");
	if (!foreign_keys) {
		return fail(foreign_keys.error());
	}
	if (*foreign_keys != 1) {
		return fail(Error::Make(ErrorCode::kStorage, "this SQLite does not enforce foreign keys"));
	}
	Result<int> applied = sqlite::ApplyMigrations(static_cast<sqlite::SqliteConnection &>(*connection), migrations_dir);
	if (!applied) {
		return fail(applied.error());
	}
	if (Status sealed = store->SealUnchainedAudit(); !sealed) {
		return fail(sealed.error());
	}
	store->sqlite_migrations_dir_ = migrations_dir;
	return store;
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::OpenPostgres(const std::string &url,
                                                               const std::string &migrations_dir) {
	Result<std::unique_ptr<postgres::PostgresConnection>> connection = postgres::PostgresConnection::Connect(url);
	if (!connection) {
		return connection.error();
	}
	std::unique_ptr<SqliteStore> store(new SqliteStore(std::move(connection).value()));
	auto fail = [](const Error &error) {
		return Error::Make(ErrorCode::kStorage, "cannot open the PostgreSQL database: " + error.message);
	};
	if (Result<int> applied = postgres::ApplyMigrations(*store->db_, migrations_dir); !applied) {
		return fail(applied.error());
	}
	if (Status sealed = store->SealUnchainedAudit(); !sealed) {
		return fail(sealed.error());
	}
	// migrations/postgresql → migrations/sqlite: the same schema, described in
	// the dialect storage/transfer reads (SQLite's pragmas).
	std::filesystem::path postgres_dir(migrations_dir);
	if (!postgres_dir.has_filename()) {
		postgres_dir = postgres_dir.parent_path();
	}
	store->sqlite_migrations_dir_ = (postgres_dir.parent_path() / "sqlite").string();
	return store;
}

SqliteStore::SqliteStore(std::unique_ptr<sql::Connection> connection)
    : connection_(std::move(connection)), db_(connection_.get()) {}

SqliteStore::~SqliteStore() = default;

// Transactions: the outermost level is BEGIN IMMEDIATE rather than a
// SAVEPOINT, so the write lock is taken up front; a deferred transaction
// that reads first and then writes can hit SQLITE_BUSY in WAL mode when
// another process (the CLI) committed meanwhile, which busy_timeout cannot
// resolve. Inner levels are savepoints, so a failing inner step undoes only
// its own changes. All levels share one savepoint name: RELEASE and
// ROLLBACK TO always address the innermost one, which is the one we opened.
Status SqliteStore::InTransaction(const std::function<Status()> &fn) {
	std::lock_guard lock(mutex_);
	const bool outermost = depth_ == 0;
	if (Status s = outermost ? db_->Begin() : ExecuteSimple(db_, "SAVEPOINT mamori_tx"); !s) {
		return s;
	}
	++depth_;
	auto roll_back = [&] {
		--depth_;
		// SQLite rolls the whole transaction back by itself after some errors
		// (disk full, I/O); then there is nothing left to undo here.
		if (!db_->InTransaction()) {
			return;
		}
		if (outermost) {
			(void)ExecuteSimple(db_, "ROLLBACK");
		} else {
			(void)ExecuteSimple(db_, "ROLLBACK TO mamori_tx");
			(void)ExecuteSimple(db_, "RELEASE mamori_tx");
		}
	};
	Status result = OkStatus();
	try {
		result = fn();
	} catch (...) {
		roll_back();
		throw;
	}
	if (!result) {
		roll_back();
		return result;
	}
	if (Status s = ExecuteSimple(db_, outermost ? "COMMIT" : "RELEASE mamori_tx"); !s) {
		roll_back();
		return s;
	}
	--depth_;
	return OkStatus();
}

// --- installation ---------------------------------------------------------------

Result<std::optional<std::string>> SqliteStore::GetSetting(const std::string &key) {
	std::lock_guard lock(mutex_);
	return QueryOne<std::string>(
	    db_, "SELECT value FROM settings WHERE key = ?", [&](Statement &s) { s.Bind(1, key); },
	    [](const Statement &s) -> Result<std::string> { return s.ColumnText(0); });
}

Status SqliteStore::PutSetting(const std::string &key, const std::string &value) {
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db_,
		                           "INSERT INTO settings(key, value) VALUES (?, ?) "
		                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
		                           [&](Statement &s) { s.Bind(1, key).Bind(2, value); });
		return done ? OkStatus() : Status(done.error());
	});
}

Result<int> SqliteStore::CountUsers() {
	std::lock_guard lock(mutex_);
	return QueryInt(db_, "SELECT COUNT(*) FROM users");
}

// --- maintenance ----------------------------------------------------------------------------

Status SqliteStore::BackupTo(const std::string &path) {
	std::lock_guard lock(mutex_);
	auto *sqlite_connection = dynamic_cast<sqlite::SqliteConnection *>(db_);
	if (sqlite_connection == nullptr) {
		// PostgreSQL has its own consistent online copy, which operators know.
		return Error::Make(ErrorCode::kInvalidInput,
		                   "mamori backup copies SQLite databases; back up PostgreSQL with pg_dump "
		                   "(docs/operations.md, \"PostgreSQL\")");
	}
	::sqlite3 *source = sqlite_connection->handle();
	if (depth_ > 0) {
		// The copy would contain this transaction's uncommitted changes.
		return Error::Make(ErrorCode::kInternal, "a backup cannot be taken inside a transaction");
	}
	// O_EXCL makes "must not exist" and "create" one step, so nothing that
	// appears at the path meanwhile can be overwritten. 0600: the backup
	// holds password hashes.
	const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EEXIST) {
			return Error::Invalid("path", "the backup file " + path + " already exists; choose a new name");
		}
		return Error::Make(ErrorCode::kStorage, "cannot create the backup file " + path + ": " + std::strerror(errno));
	}
	::close(fd);

	::sqlite3 *dest = nullptr;
	auto fail = [&](const std::string &message) -> Status {
		if (dest != nullptr) {
			sqlite3_close_v2(dest);
		}
		RemoveBackupFiles(path);
		return Error::Make(ErrorCode::kStorage, "backup to " + path + " failed: " + message);
	};
	if (sqlite3_open_v2(path.c_str(), &dest, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
		return fail(dest != nullptr ? sqlite3_errmsg(dest) : "cannot open the file");
	}
	sqlite3_backup *backup = sqlite3_backup_init(dest, "main", source, "main");
	if (backup == nullptr) {
		return fail(sqlite3_errmsg(dest));
	}
	// -1 copies every page in one step, so the copy is one consistent
	// snapshot. BUSY/LOCKED (another process writing) is retried briefly.
	int rc = SQLITE_OK;
	for (int attempt = 0; attempt < 100; ++attempt) {
		rc = sqlite3_backup_step(backup, -1);
		if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) {
			break;
		}
		sqlite3_sleep(50);
	}
	const int finished = sqlite3_backup_finish(backup);
	if (rc != SQLITE_DONE) {
		return fail(sqlite3_errstr(rc));
	}
	if (finished != SQLITE_OK) {
		return fail(sqlite3_errmsg(dest));
	}
	// The last backup step committed and synced the copy; closing cannot lose it.
	sqlite3_close_v2(dest);
	return OkStatus();
}

} // namespace mamori::storage
