// mamori/storage/sqlite/migrations.hpp
//
// Numbered schema migrations. The SQL lives in files named NNNN_name.sql
// (migrations/sqlite/ in the source tree, installed next to the binary), so
// the schema can be read and reviewed as plain SQL. The database records what
// it has applied in schema_migrations(version, applied_at).
#pragma once

#include "core/common/result.hpp"

#include <string>
#include <vector>


namespace mamori::storage::sqlite {

class SqliteConnection;

struct MigrationFile {
	int version = 0;    // NNNN of the file name
	std::string name;   // file name, for messages: "0001_initial.sql"
	std::string path;
	std::string sql;
};

//! Reads and checks every *.sql file in dir, ordered by version. Fails with
//! kStorage naming the file when a name is not NNNN_name.sql, two files share
//! a version, the numbering has a gap, or the SQL is empty or incomplete.
//! Other files (README, editor backups without .sql) are ignored.
Result<std::vector<MigrationFile>> LoadMigrations(const std::string &dir);

//! Brings db up to date: applies each missing migration in version order,
//! each in its own transaction together with its schema_migrations row.
//! Refuses (kStorage) to touch a database whose schema is newer than the
//! files, since an older program would misread it. Returns how many were applied.
Result<int> ApplyMigrations(SqliteConnection &db, const std::string &dir);

//! The same for files already loaded (a prefix of them builds a database at
//! an older schema: the hand-over package's upgrade, storage/transfer/).
Result<int> ApplyMigrationFiles(SqliteConnection &db, const std::vector<MigrationFile> &files);

} // namespace mamori::storage::sqlite
