// mamori/tests/unit/storage/sqlite/sqlite_contract_test.cpp
//
// The Store contract for SQLite: real files (WAL needs a file, not
// :memory:) and the shipped migrations, opened through OpenStore, the same
// door the server and the CLI use.
#include "storage/open_store.hpp"
#include "storage/store_contract.hpp"
#include "support/catalog.hpp"

namespace mamori::storage {
namespace {

StoreBackend SqliteBackend() {
	const std::string migrations = testing_support::SourcePath("migrations");
	auto open_file = [migrations](const std::filesystem::path &dir) {
		return OpenStore("sqlite:" + (dir / "mamori.db").string(), migrations);
	};
	StoreBackend backend{
	    "Sqlite",
	    open_file,
	    // The backup is an ordinary database file; a plain path opens it.
	    [migrations](const std::string &path) { return OpenStore(path, migrations); },
	};
	backend.open_again = open_file;
	return backend;
}

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContract, ::testing::Values(SqliteBackend()),
                         [](const ::testing::TestParamInfo<StoreBackend> &info) { return info.param.name; });

} // namespace
} // namespace mamori::storage
