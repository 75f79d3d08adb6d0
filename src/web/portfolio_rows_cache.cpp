// mamori/web/portfolio_rows_cache.cpp
#include "web/portfolio_rows_cache.hpp"

namespace mamori::web {

std::shared_ptr<const PortfolioRows> PortfolioRowsCache::Find(const std::string &reader, const std::string &revision) {
	std::lock_guard lock(mutex_);
	auto found = entries_.find(reader);
	if (found == entries_.end() || found->second.revision != revision) {
		return nullptr;
	}
	return found->second.rows;
}

void PortfolioRowsCache::Keep(const std::string &reader, const std::string &revision,
                              std::shared_ptr<const PortfolioRows> rows) {
	std::lock_guard lock(mutex_);
	auto [entry, added] = entries_.insert_or_assign(reader, Entry{revision, std::move(rows)});
	if (added) {
		order_.push_back(reader);
	}
	while (entries_.size() > capacity_ && !order_.empty()) {
		entries_.erase(order_.front());
		order_.pop_front();
	}
}

PortfolioRowsCache &KeptPortfolioRows() {
	// About 0.7 KB of HTML per client: 32 readers with 300 clients each keep under 7 MB.
	static PortfolioRowsCache cache(32);
	return cache;
}

} // namespace mamori::web
