// mamori/storage/postgres/postgres_migrations.cpp
#include "storage/postgres/postgres_migrations.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <vector>

namespace mamori::storage::postgres {
namespace {

// Another key than the writers' lock (postgres_connection.cpp): a migration
// runs before any store transaction of this process.
constexpr const char *kMigrationLock = "SELECT pg_advisory_xact_lock(7236837311582470002)";

struct File {
	int version = 0;
	std::string path;
	std::string sql;
};

Error MigrationError(const std::string &what) {
	return Error::Make(ErrorCode::kStorage, what);
}

//! NNNN_name.sql files in version order, numbered without gaps from the first.
Result<std::vector<File>> Load(const std::string &dir) {
	namespace fs = std::filesystem;
	std::error_code ec;
	if (!fs::is_directory(dir, ec)) {
		return MigrationError("migrations directory " + dir + " does not exist or is not a directory");
	}
	static const std::regex kName(R"(([0-9]{4})_([A-Za-z0-9_]+)\.sql)");
	std::vector<File> files;
	for (const fs::directory_entry &entry : fs::directory_iterator(dir, ec)) {
		const std::string name = entry.path().filename().string();
		if (entry.path().extension() != ".sql" || name.starts_with(".")) {
			continue;
		}
		std::smatch match;
		if (!std::regex_match(name, match, kName)) {
			return MigrationError(entry.path().string() + ": migration file names must look like 0022_name.sql");
		}
		std::ifstream in(entry.path(), std::ios::binary);
		std::ostringstream text;
		text << in.rdbuf();
		if (!in || text.str().find_first_not_of(" \t\r\n") == std::string::npos) {
			return MigrationError(entry.path().string() + ": cannot read the migration, or it is empty");
		}
		files.push_back(File{std::stoi(match[1].str()), entry.path().string(), text.str()});
	}
	if (ec) {
		return MigrationError("cannot list migrations directory " + dir + ": " + ec.message());
	}
	if (files.empty()) {
		return MigrationError("no migration files (NNNN_name.sql) found in " + dir);
	}
	std::sort(files.begin(), files.end(), [](const File &a, const File &b) { return a.version < b.version; });
	for (std::size_t i = 1; i < files.size(); ++i) {
		if (files[i].version != files[i - 1].version + 1) {
			return MigrationError(files[i].path + ": migration number " + std::to_string(files[i - 1].version + 1) +
			                      " is missing before it, or two files share a number");
		}
	}
	return files;
}

Status Run(sql::Connection &db, const std::string &sql) {
	return db.ExecuteScript(sql);
}

Result<int> ApplyLocked(sql::Connection &db, const std::vector<File> &files) {
	MAMORI_TRY(Run(db, kMigrationLock));
	MAMORI_TRY(Run(db, "CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY, applied_at TEXT)"));
	int current = 0;
	{
		sql::Statement stmt = MAMORI_TRY(db.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
		if (MAMORI_TRY(stmt.Step())) {
			current = stmt.ColumnInt(0);
		}
	}
	const File &newest = files.back();
	if (current > newest.version) {
		return MigrationError("the database is at schema version " + std::to_string(current) +
		                      " but the newest migration file is " + newest.path +
		                      "; this mamori is older than the database, so it will not start");
	}
	if (current > 0 && current < files.front().version - 1) {
		return MigrationError("the database is at schema version " + std::to_string(current) +
		                      ", older than the baseline " + files.front().path);
	}
	int count = 0;
	for (const File &file : files) {
		if (file.version <= current) {
			continue;
		}
		if (Status s = Run(db, file.sql); !s) {
			return MigrationError(file.path + ": " + s.error().message);
		}
		sql::Statement record = MAMORI_TRY(db.Prepare(
		    "INSERT INTO schema_migrations(version, applied_at) VALUES (?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"));
		record.Bind(1, file.version);
		MAMORI_TRY(record.Run());
		++count;
	}
	return count;
}

} // namespace

Result<int> ApplyMigrations(sql::Connection &db, const std::string &dir) {
	std::vector<File> files = MAMORI_TRY(Load(dir));
	MAMORI_TRY(Run(db, "BEGIN"));
	Result<int> applied = ApplyLocked(db, files);
	if (!applied) {
		(void)Run(db, "ROLLBACK");
		return applied.error();
	}
	MAMORI_TRY(Run(db, "COMMIT"));
	return applied;
}

} // namespace mamori::storage::postgres
