// mamori/tests/unit/storage/postgres/pg_test_schema.cpp
#include "storage/postgres/pg_test_schema.hpp"

#include "storage/postgres/postgres_connection.hpp"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>

namespace mamori::testing_support {

std::string PostgresTestUrl() {
	const char *url = std::getenv("MAMORI_TEST_PG_URL");
	return url != nullptr ? url : "";
}

Result<std::string> FreshPostgresSchema() {
	const std::string base = PostgresTestUrl();
	if (base.empty()) {
		return Error::Make(ErrorCode::kInternal, "MAMORI_TEST_PG_URL is not set");
	}
	static std::atomic<int> counter{0};
	const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
	const std::string schema =
	    "t_" + std::to_string(::getpid()) + "_" + std::to_string(++counter) + "_" + std::to_string(now % 1000000007);
	auto admin = MAMORI_TRY(storage::postgres::PostgresConnection::Connect(base));
	MAMORI_TRY(admin->ExecuteScript("CREATE SCHEMA " + schema));
	const char separator = base.find('?') == std::string::npos ? '?' : '&';
	return base + separator + "options=-csearch_path%3D" + schema;
}

} // namespace mamori::testing_support
