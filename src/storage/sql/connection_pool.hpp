// mamori/storage/sql/connection_pool.hpp
//
// A few database connections shared by the server's threads (issue 11). One
// connection behind one lock made every request wait for every other
// request's queries, including PostgreSQL's round trips, so 64 connections
// served a third of what one did. The pool opens connections when they are
// first needed, up to a limit, and hands each to one thread at a time.
//
// The pool knows nothing of transactions: SqliteStore binds a leased
// connection to the calling thread for the length of a store call or a
// transaction (sqlite_store.cpp, "Connections").
#pragma once

#include "storage/sql/connection.hpp"

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace mamori::storage::sql {

class ConnectionPool {
  public:
	//! Opens one more connection, configured like the first.
	using Opener = std::function<Result<std::unique_ptr<Connection>>()>;

	//! A connection taken from the pool; it goes back when the lease ends.
	class Lease {
	  public:
		Lease() = default;
		Lease(Lease &&other) noexcept : pool_(other.pool_), connection_(other.connection_) { other.pool_ = nullptr; }
		Lease &operator=(Lease &&other) noexcept;
		Lease(const Lease &) = delete;
		Lease &operator=(const Lease &) = delete;
		~Lease() { Return(); }

		Connection *get() const { return connection_; }
		Connection &operator*() const { return *connection_; }
		Connection *operator->() const { return connection_; }

	  private:
		friend class ConnectionPool;
		Lease(ConnectionPool *pool, Connection *connection) : pool_(pool), connection_(connection) {}
		void Return();

		ConnectionPool *pool_ = nullptr;
		Connection *connection_ = nullptr;
	};

	//! `first` is the connection the store opened (and migrated) itself;
	//! `open_more` adds connections up to `limit` in all. A limit of 1 keeps
	//! the first alone (an in-memory SQLite database exists per connection).
	ConnectionPool(std::unique_ptr<Connection> first, Opener open_more, std::size_t limit);
	~ConnectionPool();
	ConnectionPool(const ConnectionPool &) = delete;
	ConnectionPool &operator=(const ConnectionPool &) = delete;

	//! An idle connection, a new one while under the limit, or else the first
	//! one returned. Never fails: when a new connection cannot be opened the
	//! pool stops growing and waits for the ones it has.
	Lease Acquire();

	//! Connections opened so far.
	std::size_t size();

  private:
	void Give(Connection *connection);

	std::mutex mutex_;
	std::condition_variable returned_;
	std::vector<std::unique_ptr<Connection>> connections_;
	std::vector<Connection *> idle_;
	Opener open_more_;
	std::size_t limit_;
	//! A connection being opened counts against the limit before it exists.
	std::size_t opening_ = 0;
};

} // namespace mamori::storage::sql
