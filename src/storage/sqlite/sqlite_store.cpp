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
#include <cstdlib>
#include <cstring>
#include <vector>

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

namespace {

// Connections per store. SQLite in WAL mode reads on several connections at
// once while one writes; an in-memory database exists once per connection, so
// it keeps one. PostgreSQL's limit matches the requests the server works on
// at once on two cores (web/work_slots.hpp: 4 per core), so a request never
// waits for a connection while the server has room for it.
constexpr std::size_t kSqliteConnections = 4;
constexpr std::size_t kPostgresConnections = 8;

bool InMemory(const std::string &db_path) {
	return db_path.empty() || db_path.find(":memory:") != std::string::npos || db_path.find("mode=memory") != std::string::npos;
}

// SQLite calls this while another connection holds the write lock. Another
// connection of this process commits within a millisecond or so, so the first
// naps are short (busy_timeout's first nap is a whole millisecond and they grow
// to 100 ms); another process (the CLI, a backup) is waited for 5 s in all.
int WaitWhileBusy(void *, int tries) {
	constexpr int kShortNaps = 100;  // 100 x 100 us
	constexpr int kLongNaps = 500;   // 500 x 10 ms
	if (tries < kShortNaps) {
		::usleep(100);
		return 1;
	}
	if (tries < kShortNaps + kLongNaps) {
		::usleep(10'000);
		return 1;
	}
	return 0;
}

//! One configured connection to the database at db_path; `first` also
//! switches the file to WAL (which then stays so for every later connection).
Result<std::unique_ptr<sqlite::SqliteConnection>> OpenSqliteConnection(const std::string &db_path, bool first) {
	::sqlite3 *db = nullptr;
	const int rc = sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
	if (rc != SQLITE_OK) {
		std::string message = "cannot open database " + db_path + ": " +
		                      (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		sqlite3_close(db);
		return Error::Make(ErrorCode::kStorage, message);
	}
	// From here the connection owns the handle and closes it on every path.
	auto connection = std::make_unique<sqlite::SqliteConnection>(db);
	sqlite3_extended_result_codes(db, 1);
	auto fail = [&](const Error &error) {
		return Error::Make(ErrorCode::kStorage, "cannot open database " + db_path + ": " + error.message);
	};
	// The busy handler first, so that switching to WAL waits for another
	// process instead of failing. WAL lets readers proceed while one writer
	// commits; synchronous=NORMAL is the durable-enough setting for WAL (a
	// power cut can lose the last commits but never corrupts).
	sqlite3_busy_handler(db, WaitWhileBusy, nullptr);
	std::vector<const char *> pragmas = {"PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON"};
	if (first) {
		pragmas.insert(pragmas.begin(), "PRAGMA journal_mode = WAL");
	}
	for (const char *pragma : pragmas) {
		if (Status s = ExecuteSimple(connection.get(), pragma); !s) {
			return fail(s.error());
		}
	}
	// A build without foreign-key support would silently ignore the pragma.
	Result<int> foreign_keys = QueryInt(connection.get(), "PRAGMA foreign_keys");
	if (!foreign_keys) {
		return fail(foreign_keys.error());
	}
	if (*foreign_keys != 1) {
		return fail(Error::Make(ErrorCode::kStorage, "this SQLite does not enforce foreign keys"));
	}
	return connection;
}

} // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string &db_path, const std::string &migrations_dir) {
	// A new installation may name a database in a folder that does not exist yet.
	if (const auto parent = std::filesystem::path(db_path).parent_path(); !parent.empty()) {
		std::error_code ignored;
		std::filesystem::create_directories(parent, ignored);
	}
	std::unique_ptr<sqlite::SqliteConnection> first = MAMORI_TRY(OpenSqliteConnection(db_path, true));
	sqlite::SqliteConnection &migrating = *first;
	auto open_more = [db_path]() -> Result<std::unique_ptr<sql::Connection>> {
		std::unique_ptr<sql::Connection> connection = MAMORI_TRY(OpenSqliteConnection(db_path, false));
		return connection;
	};
	std::unique_ptr<SqliteStore> store(
	    new SqliteStore(std::move(first), open_more, InMemory(db_path) ? 1 : kSqliteConnections));
	auto fail = [&](const Error &error) {
		return Error::Make(ErrorCode::kStorage, "cannot open database " + db_path + ": " + error.message);
	};
	Result<int> applied = sqlite::ApplyMigrations(migrating, migrations_dir);
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
	std::unique_ptr<postgres::PostgresConnection> first = MAMORI_TRY(postgres::PostgresConnection::Connect(url));
	sql::Connection &migrating = *first;
	auto open_more = [url]() -> Result<std::unique_ptr<sql::Connection>> {
		std::unique_ptr<sql::Connection> connection = MAMORI_TRY(postgres::PostgresConnection::Connect(url));
		return connection;
	};
	std::unique_ptr<SqliteStore> store(new SqliteStore(std::move(first), open_more, kPostgresConnections));
	auto fail = [](const Error &error) {
		return Error::Make(ErrorCode::kStorage, "cannot open the PostgreSQL database: " + error.message);
	};
	if (Result<int> applied = postgres::ApplyMigrations(migrating, migrations_dir); !applied) {
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

SqliteStore::SqliteStore(std::unique_ptr<sql::Connection> first, sql::ConnectionPool::Opener open_more,
                         std::size_t limit)
    : pool_(std::make_unique<sql::ConnectionPool>(std::move(first), std::move(open_more), limit)) {}

SqliteStore::~SqliteStore() = default;

// --- connections --------------------------------------------------------------
//
// The store's code names its connection db(): the one the calling thread's
// outermost ConnectionUse leased. App code calls store methods inside
// InTransaction on the same thread, so they find the transaction's
// connection bound and run in it. Bindings are per store, so a thread may use
// two stores at once (copying one database into another).

namespace {

struct Binding {
	const SqliteStore *store = nullptr;
	sql::ConnectionPool::Lease lease;
	int uses = 0;
	int depth = 0;
};

// unique_ptr: a binding stays where it is while another store's is added.
thread_local std::vector<std::unique_ptr<Binding>> t_bindings;

Binding *BindingOf(const SqliteStore *store) {
	for (const auto &binding : t_bindings) {
		if (binding->store == store) {
			return binding.get();
		}
	}
	return nullptr;
}

} // namespace

SqliteStore::ConnectionUse::ConnectionUse(SqliteStore &store) : store_(store) {
	if (Binding *bound = BindingOf(&store)) {
		++bound->uses;
		return;
	}
	auto binding = std::make_unique<Binding>();
	binding->store = &store;
	binding->lease = store.pool_->Acquire();
	binding->uses = 1;
	t_bindings.push_back(std::move(binding));
}

SqliteStore::ConnectionUse::~ConnectionUse() {
	for (auto it = t_bindings.begin(); it != t_bindings.end(); ++it) {
		if ((*it)->store == &store_) {
			if (--(*it)->uses == 0) {
				t_bindings.erase(it);  // the lease goes back to the pool
			}
			return;
		}
	}
}

namespace {

Binding &BindingInUse(const SqliteStore *store) {
	Binding *bound = BindingOf(store);
	if (bound == nullptr) {
		// A store method reached SQL without Use(): a programming error, never input.
		std::fprintf(stderr, "mamori: storage: a query ran without a connection in use\n");
		std::abort();
	}
	return *bound;
}

} // namespace

sql::Connection *SqliteStore::db() { return BindingInUse(this).lease.get(); }

int &SqliteStore::TransactionDepth() { return BindingInUse(this).depth; }

// Transactions: the outermost level is BEGIN IMMEDIATE rather than a
// SAVEPOINT, so the write lock is taken up front; a deferred transaction
// that reads first and then writes can hit SQLITE_BUSY in WAL mode when
// another process (the CLI) committed meanwhile, which a busy handler cannot
// resolve. Inner levels are savepoints, so a failing inner step undoes only
// its own changes. All levels share one savepoint name: RELEASE and
// ROLLBACK TO always address the innermost one, which is the one we opened.
Status SqliteStore::InTransaction(const std::function<Status()> &fn) {
	ConnectionUse use = Use();
	Connection *connection = db();
	int &depth = TransactionDepth();
	const bool outermost = depth == 0;
	std::unique_lock<std::mutex> writer_turn;
	if (outermost && connection->dialect() == Connection::Dialect::kSqlite) {
		writer_turn = std::unique_lock(sqlite_writer_);
	}
	if (Status s = outermost ? connection->Begin() : ExecuteSimple(connection, "SAVEPOINT mamori_tx"); !s) {
		return s;
	}
	++depth;
	auto roll_back = [&] {
		--depth;
		// SQLite rolls the whole transaction back by itself after some errors
		// (disk full, I/O); then there is nothing left to undo here.
		if (!connection->InTransaction()) {
			return;
		}
		if (outermost) {
			(void)ExecuteSimple(connection, "ROLLBACK");
		} else {
			(void)ExecuteSimple(connection, "ROLLBACK TO mamori_tx");
			(void)ExecuteSimple(connection, "RELEASE mamori_tx");
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
	if (Status s = ExecuteSimple(connection, outermost ? "COMMIT" : "RELEASE mamori_tx"); !s) {
		roll_back();
		return s;
	}
	--depth;
	return OkStatus();
}

// --- installation ---------------------------------------------------------------

Result<std::optional<std::string>> SqliteStore::GetSetting(const std::string &key) {
	ConnectionUse use = Use();
	return QueryOne<std::string>(
	    db(), "SELECT value FROM settings WHERE key = ?", [&](Statement &s) { s.Bind(1, key); },
	    [](const Statement &s) -> Result<std::string> { return s.ColumnText(0); });
}

Status SqliteStore::PutSetting(const std::string &key, const std::string &value) {
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db(),
		                           "INSERT INTO settings(key, value) VALUES (?, ?) "
		                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
		                           [&](Statement &s) { s.Bind(1, key).Bind(2, value); });
		return done ? OkStatus() : Status(done.error());
	});
}

Result<int> SqliteStore::CountUsers() {
	ConnectionUse use = Use();
	return QueryInt(db(), "SELECT COUNT(*) FROM users");
}

// --- maintenance ----------------------------------------------------------------------------

Status SqliteStore::BackupTo(const std::string &path) {
	ConnectionUse use = Use();
	auto *sqlite_connection = dynamic_cast<sqlite::SqliteConnection *>(db());
	if (sqlite_connection == nullptr) {
		// PostgreSQL has its own consistent online copy, which operators know.
		return Error::Make(ErrorCode::kInvalidInput,
		                   "mamori backup copies SQLite databases; back up PostgreSQL with pg_dump "
		                   "(docs/operations.md, \"PostgreSQL\")");
	}
	::sqlite3 *source = sqlite_connection->handle();
	if (TransactionDepth() > 0) {
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
