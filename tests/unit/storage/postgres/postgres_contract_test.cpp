// mamori/tests/unit/storage/postgres/postgres_contract_test.cpp
//
// The Store contract for PostgreSQL, on the server MAMORI_TEST_PG_URL names
// (ctest starts a throwaway one: scripts/pg-test-cluster.sh). Each test gets
// a schema of its own, so tests stay independent and may run in parallel;
// without the variable the suite is skipped, not failed.
#include "storage/open_store.hpp"
#include "storage/postgres/pg_test_schema.hpp"
#include "storage/store_contract.hpp"
#include "support/catalog.hpp"

#include <memory>

namespace mamori::storage {
namespace {

StoreBackend PostgresBackend() {
	const std::string migrations = testing_support::SourcePath("migrations");
	// The schema the last test made, for a second store on it (tests of one process run one at a time).
	auto last_url = std::make_shared<std::string>();
	StoreBackend backend{
	    "Postgres",
	    [migrations, last_url](const std::filesystem::path &) -> Result<std::unique_ptr<Store>> {
		    *last_url = MAMORI_TRY(testing_support::FreshPostgresSchema());
		    return OpenStore(*last_url, migrations);
	    },
	    nullptr,
	};
	backend.open_again = [migrations, last_url](const std::filesystem::path &) { return OpenStore(*last_url, migrations); };
	if (testing_support::PostgresTestUrl().empty()) {
		backend.unavailable = "MAMORI_TEST_PG_URL is not set (scripts/pg-test-cluster.sh start)";
	}
	return backend;
}

INSTANTIATE_TEST_SUITE_P(Postgres, StoreContract, ::testing::Values(PostgresBackend()),
                         [](const ::testing::TestParamInfo<StoreBackend> &info) { return info.param.name; });

} // namespace
} // namespace mamori::storage
