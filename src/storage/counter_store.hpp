// mamori/storage/counter_store.hpp
//
// Fixed-window counters (migrations/sqlite/0023_rate_counters.sql): the rate limits and the
// alert thresholds of issue 10 count here, in the database, so that several server instances
// on one database see the same numbers. One area of the Store interface (storage/store.hpp).
#pragma once

#include "core/common/result.hpp"

#include <string>

namespace mamori::storage {

class CounterStore {
public:
	virtual ~CounterStore() = default;

	//! Adds one to the counter of `key` in the window starting at `window_start` (ISO text) and
	//! returns its new value (1 for the first hit of the window). Atomic: two instances counting
	//! at once get different numbers.
	virtual Result<int> CountHit(const std::string &key, const std::string &window_start) = 0;
	//! Removes counters of windows that started before `before`.
	virtual Status PruneCounters(const std::string &before) = 0;
};

} // namespace mamori::storage
