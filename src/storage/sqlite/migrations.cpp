// mamori/storage/sqlite/migrations.cpp
#include "storage/sqlite/migrations.hpp"

#include "storage/sqlite/statement.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <system_error>

namespace mamori::storage::sqlite {
namespace {

Error MigrationError(const std::string &what) {
	return Error::Make(ErrorCode::kStorage, what);
}

Status Exec(SqliteConnection &conn, const char *sql) {
	Result<Statement> stmt = conn.Prepare(sql);
	if (!stmt) {
		return stmt.error();
	}
	return stmt->Run();
}

//! Runs every statement of a migration file. The files hold several
//! statements, so this walks them with prepare_v2's tail pointer.
Status ExecScript(SqliteConnection &conn, const MigrationFile &file) {
	sqlite3 *db = conn.handle();
	const char *cursor = file.sql.c_str();
	const char *const end = cursor + file.sql.size();
	int executed = 0;
	while (cursor < end) {
		sqlite3_stmt *raw = nullptr;
		const char *tail = nullptr;
		const int rc = sqlite3_prepare_v2(db, cursor, static_cast<int>(end - cursor), &raw, &tail);
		if (rc != SQLITE_OK) {
			sqlite3_finalize(raw);
			return MigrationError(file.path + ": " + sqlite3_errmsg(db));
		}
		if (raw == nullptr) {
			// Only whitespace or comments were left.
			break;
		}
		int step = SQLITE_ROW;
		while (step == SQLITE_ROW) {
			step = sqlite3_step(raw);
		}
		if (step != SQLITE_DONE) {
			std::string message = file.path + ": " + sqlite3_errmsg(db) + " in: " + sqlite3_sql(raw);
			sqlite3_finalize(raw);
			return MigrationError(message);
		}
		sqlite3_finalize(raw);
		++executed;
		cursor = tail;
	}
	if (executed == 0) {
		return MigrationError(file.path + ": the migration contains no SQL statements");
	}
	return OkStatus();
}

Result<bool> IsApplied(SqliteConnection &conn, int version) {
	Result<Statement> stmt = conn.Prepare("SELECT 1 FROM schema_migrations WHERE version = ?");
	if (!stmt) {
		return stmt.error();
	}
	stmt->Bind(1, version);
	return stmt->Step();
}

//! Table rebuilds (the SQLite way to alter a column) need foreign keys off
//! while they run, and that pragma is a no-op inside a transaction, so it is
//! switched around each migration; foreign_key_check then catches any
//! migration that leaves dangling references before it commits.
//! True when this call applied the file, false when another process had.
Result<bool> ApplyOne(SqliteConnection &conn, const MigrationFile &file) {
	sqlite3 *db = conn.handle();
	if (Status s = Exec(conn, "BEGIN IMMEDIATE"); !s) {
		return MigrationError(file.path + ": cannot start the migration: " + s.error().message);
	}
	auto fail = [&](Error error) -> Result<bool> {
		if (!sqlite3_get_autocommit(db)) {
			(void)Exec(conn, "ROLLBACK");
		}
		return error;
	};
	// Another process may have applied it while we waited for the write lock.
	Result<bool> applied = IsApplied(conn, file.version);
	if (!applied) {
		return fail(applied.error());
	}
	if (*applied) {
		(void)Exec(conn, "ROLLBACK");
		return false;
	}
	if (Status s = ExecScript(conn, file); !s) {
		return fail(s.error());
	}
	{
		Result<Statement> check = conn.Prepare("PRAGMA foreign_key_check");
		if (!check) {
			return fail(check.error());
		}
		Result<bool> row = check->Step();
		if (!row) {
			return fail(row.error());
		}
		if (*row) {
			return fail(MigrationError(file.path + ": the migration leaves rows in table " + check->ColumnText(0) +
			                           " that refer to missing rows in " + check->ColumnText(2)));
		}
	}
	Result<Statement> record = conn.Prepare(
	    "INSERT INTO schema_migrations(version, applied_at) VALUES (?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
	if (!record) {
		return fail(record.error());
	}
	record->Bind(1, file.version);
	if (Status s = record->Run(); !s) {
		return fail(s.error());
	}
	if (Status s = Exec(conn, "COMMIT"); !s) {
		return fail(MigrationError(file.path + ": cannot commit the migration: " + s.error().message));
	}
	return true;
}

} // namespace

Result<std::vector<MigrationFile>> LoadMigrations(const std::string &dir) {
	namespace fs = std::filesystem;
	std::error_code ec;
	if (!fs::is_directory(dir, ec)) {
		return MigrationError("migrations directory " + dir + " does not exist or is not a directory");
	}
	static const std::regex kName(R"(([0-9]{4})_([A-Za-z0-9_]+)\.sql)");
	std::vector<MigrationFile> files;
	fs::directory_iterator it(dir, ec);
	if (ec) {
		return MigrationError("cannot list migrations directory " + dir + ": " + ec.message());
	}
	for (const fs::directory_entry &entry : it) {
		const std::string name = entry.path().filename().string();
		if (entry.path().extension() != ".sql" || name.starts_with(".")) {
			continue;
		}
		const std::string path = entry.path().string();
		std::smatch match;
		if (!std::regex_match(name, match, kName)) {
			return MigrationError(path + ": migration file names must look like 0001_name.sql");
		}
		MigrationFile file;
		file.version = std::stoi(match[1].str());
		file.name = name;
		file.path = path;
		if (file.version < 1) {
			return MigrationError(path + ": migration numbers start at 0001");
		}
		std::ifstream in(entry.path(), std::ios::binary);
		if (!in) {
			return MigrationError(path + ": cannot read the migration file");
		}
		std::ostringstream text;
		text << in.rdbuf();
		file.sql = text.str();
		// sqlite3_complete catches a truncated file (a statement without its
		// closing semicolon) before anything is applied.
		if (file.sql.find_first_not_of(" \t\r\n") == std::string::npos || !sqlite3_complete(file.sql.c_str())) {
			return MigrationError(path + ": the migration is empty or ends in the middle of a statement");
		}
		files.push_back(std::move(file));
	}
	std::sort(files.begin(), files.end(),
	          [](const MigrationFile &a, const MigrationFile &b) { return a.version < b.version; });
	for (std::size_t i = 0; i < files.size(); ++i) {
		const int expected = static_cast<int>(i) + 1;
		if (files[i].version == expected) {
			continue;
		}
		if (i > 0 && files[i].version == files[i - 1].version) {
			return MigrationError(files[i].path + ": has the same number as " + files[i - 1].name);
		}
		return MigrationError(files[i].path + ": migration number " + std::to_string(expected) +
		                      " is missing before it");
	}
	if (files.empty()) {
		return MigrationError("no migration files (NNNN_name.sql) found in " + dir);
	}
	return files;
}

Result<int> ApplyMigrations(SqliteConnection &conn, const std::string &dir) {
	Result<std::vector<MigrationFile>> files = LoadMigrations(dir);
	if (!files) {
		return files.error();
	}
	return ApplyMigrationFiles(conn, *files);
}

Result<int> ApplyMigrationFiles(SqliteConnection &conn, const std::vector<MigrationFile> &files) {
	if (files.empty()) {
		return 0;
	}
	if (Status s = Exec(conn, "CREATE TABLE IF NOT EXISTS schema_migrations("
	                        "version INTEGER PRIMARY KEY, applied_at TEXT)");
	    !s) {
		return MigrationError("cannot create schema_migrations: " + s.error().message);
	}

	std::set<int> applied;
	{
		Result<Statement> stmt = conn.Prepare("SELECT version FROM schema_migrations ORDER BY version");
		if (!stmt) {
			return stmt.error();
		}
		while (true) {
			Result<bool> row = stmt->Step();
			if (!row) {
				return row.error();
			}
			if (!*row) {
				break;
			}
			applied.insert(stmt->ColumnInt(0));
		}
	}
	const MigrationFile &newest = files.back();
	if (!applied.empty() && *applied.rbegin() > newest.version) {
		return MigrationError("the database is at schema version " + std::to_string(*applied.rbegin()) +
		                      " but the newest migration file is " + newest.path +
		                      " (version " + std::to_string(newest.version) +
		                      "); this mamori is older than the database, so it will not start");
	}

	bool foreign_keys_on = false;
	{
		Result<Statement> stmt = conn.Prepare("PRAGMA foreign_keys");
		if (!stmt) {
			return stmt.error();
		}
		Result<bool> row = stmt->Step();
		if (!row) {
			return row.error();
		}
		foreign_keys_on = *row && stmt->ColumnBool(0);
	}

	int count = 0;
	for (const MigrationFile &file : files) {
		if (applied.contains(file.version)) {
			continue;
		}
		if (Status s = Exec(conn, "PRAGMA foreign_keys = OFF"); !s) {
			return s.error();
		}
		Result<bool> done = ApplyOne(conn, file);
		if (foreign_keys_on) {
			if (Status restored = Exec(conn, "PRAGMA foreign_keys = ON"); !restored && done) {
				return restored.error();
			}
		}
		if (!done) {
			return done.error();
		}
		count += *done ? 1 : 0;
	}
	return count;
}

} // namespace mamori::storage::sqlite
