// mamori/storage/sqlite/sqlite_store_counters.cpp
// SqliteStore: fixed-window counters (migrations/sqlite/0023_rate_counters.sql).
#include "storage/sqlite/sqlite_store.hpp"

#include "storage/sqlite/sqlite_support.hpp"

namespace mamori::storage {

using namespace sqlite_detail;

Result<int> SqliteStore::CountHit(const std::string &key, const std::string &window_start) {
	Result<int> hits = 0;
	Status status = InTransaction([&]() -> Status {
		Result<int> changed = Execute(db(),
		                              "INSERT INTO rate_counters(counter_key, window_start, hits) VALUES (?1, ?2, 1) "
		                              "ON CONFLICT(counter_key, window_start) DO UPDATE SET hits = rate_counters.hits + 1",
		                              [&](Statement &s) { s.Bind(1, key).Bind(2, window_start); });
		if (!changed) {
			return changed.error();
		}
		auto counted = QueryOne<int>(
		    db(), "SELECT hits FROM rate_counters WHERE counter_key = ? AND window_start = ?",
		    [&](Statement &s) { s.Bind(1, key).Bind(2, window_start); },
		    [](const Statement &s) -> Result<int> { return static_cast<int>(s.ColumnInt64(0)); });
		if (!counted) {
			return counted.error();
		}
		if (!counted->has_value()) {
			return Corrupt("the counter just written is missing");
		}
		hits = **counted;
		return OkStatus();
	});
	if (!status) {
		return status.error();
	}
	return hits;
}

Status SqliteStore::PruneCounters(const std::string &before) {
	return InTransaction([&]() -> Status {
		Result<int> done = Execute(db(), "DELETE FROM rate_counters WHERE window_start < ?",
		                           [&](Statement &s) { s.Bind(1, before); });
		return done ? OkStatus() : Status(done.error());
	});
}

} // namespace mamori::storage
