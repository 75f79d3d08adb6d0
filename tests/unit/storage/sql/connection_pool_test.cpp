// mamori/tests/unit/storage/sql/connection_pool_test.cpp
//
// ConnectionPool (storage/sql/connection_pool.hpp): grows on demand up to its limit, hands a
// connection to one holder at a time, waits when all are out, and works on with what it has
// when a new connection cannot be opened.
#include "storage/sql/connection_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <set>
#include <thread>
#include <vector>

namespace mamori::storage::sql {
namespace {

//! A connection that only has an identity; the pool never runs SQL.
class PoolProbeConnection final : public Connection {
  public:
	Dialect dialect() const override { return Dialect::kSqlite; }
	Result<Statement> Prepare(std::string_view) override { return Error::Make(ErrorCode::kInternal, "unused"); }
	int Changes() override { return 0; }
	Result<std::int64_t> LastInsertId() override { return std::int64_t{0}; }
	Status ExecuteScript(std::string_view) override { return OkStatus(); }
	Status Begin() override { return OkStatus(); }
	bool InTransaction() override { return false; }
};

struct CountingOpener {
	std::atomic<int> opened{0};
	std::atomic<bool> fail{false};
	ConnectionPool::Opener Opener() {
		return [this]() -> Result<std::unique_ptr<Connection>> {
			if (fail) {
				return Error::Make(ErrorCode::kStorage, "the server refuses more connections");
			}
			++opened;
			return std::unique_ptr<Connection>(std::make_unique<PoolProbeConnection>());
		};
	}
};

TEST(ConnectionPool, ReusesAnIdleConnectionBeforeOpeningAnother) {
	CountingOpener opener;
	ConnectionPool pool(std::make_unique<PoolProbeConnection>(), opener.Opener(), 4);
	Connection *first = nullptr;
	{
		ConnectionPool::Lease lease = pool.Acquire();
		first = lease.get();
	}
	ConnectionPool::Lease again = pool.Acquire();
	EXPECT_EQ(again.get(), first);
	EXPECT_EQ(opener.opened, 0);
	EXPECT_EQ(pool.size(), 1U);
}

TEST(ConnectionPool, OpensUpToItsLimitAndGivesEachConnectionToOneHolder) {
	CountingOpener opener;
	ConnectionPool pool(std::make_unique<PoolProbeConnection>(), opener.Opener(), 3);
	std::vector<ConnectionPool::Lease> leases;
	std::set<Connection *> distinct;
	for (int i = 0; i < 3; ++i) {
		leases.push_back(pool.Acquire());
		distinct.insert(leases.back().get());
	}
	EXPECT_EQ(distinct.size(), 3U);
	EXPECT_EQ(opener.opened, 2);

	// A fourth holder waits until one of the three comes back, and gets that one.
	std::future<Connection *> waiting = std::async(std::launch::async, [&] { return pool.Acquire().get(); });
	EXPECT_EQ(waiting.wait_for(std::chrono::milliseconds(50)), std::future_status::timeout);
	Connection *returned = leases.front().get();
	leases.erase(leases.begin());
	ASSERT_EQ(waiting.wait_for(std::chrono::seconds(30)), std::future_status::ready);
	EXPECT_EQ(waiting.get(), returned);
	EXPECT_EQ(pool.size(), 3U);
}

TEST(ConnectionPool, ALimitOfOneKeepsTheFirstConnectionAlone) {
	CountingOpener opener;
	ConnectionPool pool(std::make_unique<PoolProbeConnection>(), opener.Opener(), 1);
	ConnectionPool::Lease held = pool.Acquire();
	Connection *first = held.get();
	std::future<Connection *> waiting = std::async(std::launch::async, [&] { return pool.Acquire().get(); });
	EXPECT_EQ(waiting.wait_for(std::chrono::milliseconds(50)), std::future_status::timeout);
	held = ConnectionPool::Lease();
	ASSERT_EQ(waiting.wait_for(std::chrono::seconds(30)), std::future_status::ready);
	EXPECT_EQ(waiting.get(), first);
	EXPECT_EQ(opener.opened, 0);
}

TEST(ConnectionPool, WorksOnWithTheConnectionsItHasWhenOpeningFails) {
	CountingOpener opener;
	opener.fail = true;
	ConnectionPool pool(std::make_unique<PoolProbeConnection>(), opener.Opener(), 8);
	ConnectionPool::Lease held = pool.Acquire();
	std::future<Connection *> waiting = std::async(std::launch::async, [&] { return pool.Acquire().get(); });
	EXPECT_EQ(waiting.wait_for(std::chrono::milliseconds(50)), std::future_status::timeout);
	Connection *first = held.get();
	held = ConnectionPool::Lease();
	ASSERT_EQ(waiting.wait_for(std::chrono::seconds(30)), std::future_status::ready);
	EXPECT_EQ(waiting.get(), first);
	EXPECT_EQ(pool.size(), 1U);
}

TEST(ConnectionPool, ManyThreadsNeverShareAConnection) {
	CountingOpener opener;
	ConnectionPool pool(std::make_unique<PoolProbeConnection>(), opener.Opener(), 4);
	std::mutex holders_mutex;
	std::set<Connection *> held_now;
	std::atomic<int> shared{0};
	std::vector<std::thread> threads;
	for (int t = 0; t < 16; ++t) {
		threads.emplace_back([&] {
			for (int i = 0; i < 200; ++i) {
				ConnectionPool::Lease lease = pool.Acquire();
				{
					std::lock_guard lock(holders_mutex);
					if (!held_now.insert(lease.get()).second) {
						++shared;
					}
				}
				std::this_thread::yield();
				std::lock_guard lock(holders_mutex);
				held_now.erase(lease.get());
			}
		});
	}
	for (std::thread &thread : threads) {
		thread.join();
	}
	EXPECT_EQ(shared, 0);
	EXPECT_LE(pool.size(), 4U);
}

} // namespace
} // namespace mamori::storage::sql
