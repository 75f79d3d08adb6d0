// mamori/storage/sql/connection_pool.cpp
#include "storage/sql/connection_pool.hpp"

#include <cstdio>
#include <utility>

namespace mamori::storage::sql {

ConnectionPool::Lease &ConnectionPool::Lease::operator=(Lease &&other) noexcept {
	if (this != &other) {
		Return();
		pool_ = std::exchange(other.pool_, nullptr);
		connection_ = other.connection_;
	}
	return *this;
}

void ConnectionPool::Lease::Return() {
	if (pool_ != nullptr) {
		std::exchange(pool_, nullptr)->Give(connection_);
	}
}

ConnectionPool::ConnectionPool(std::unique_ptr<Connection> first, Opener open_more, std::size_t limit)
    : open_more_(std::move(open_more)), limit_(limit < 1 ? 1 : limit) {
	idle_.push_back(first.get());
	connections_.push_back(std::move(first));
}

ConnectionPool::~ConnectionPool() = default;

ConnectionPool::Lease ConnectionPool::Acquire() {
	std::unique_lock lock(mutex_);
	while (true) {
		if (!idle_.empty()) {
			Connection *connection = idle_.back();
			idle_.pop_back();
			return Lease(this, connection);
		}
		if (connections_.size() + opening_ < limit_ && open_more_) {
			// Opened outside the lock: a PostgreSQL connection takes a round trip or two.
			++opening_;
			lock.unlock();
			Result<std::unique_ptr<Connection>> opened = open_more_();
			lock.lock();
			--opening_;
			if (opened) {
				Connection *connection = opened->get();
				connections_.push_back(std::move(opened).value());
				return Lease(this, connection);
			}
			// The store works on with the connections it has; the reason goes to the log once.
			std::fprintf(stderr, "mamori: storage: %s; continuing with %zu connection(s)\n",
			             opened.error().Describe().c_str(), connections_.size());
			limit_ = connections_.size();
			continue;
		}
		returned_.wait(lock);
	}
}

void ConnectionPool::Give(Connection *connection) {
	{
		std::lock_guard lock(mutex_);
		idle_.push_back(connection);
	}
	returned_.notify_one();
}

std::size_t ConnectionPool::size() {
	std::lock_guard lock(mutex_);
	return connections_.size();
}

} // namespace mamori::storage::sql
