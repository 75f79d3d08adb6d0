// mamori/tests/unit/storage/store_contract_transactions_test.cpp
//
// Store contract: InTransaction (rollback, nesting, exceptions) and writers on several threads.
// Runs for every backend through the Store interface (store_contract.hpp).
#include "storage/store_contract.hpp"

#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

namespace mamori::storage {
namespace {

TEST_P(StoreContract, FailedTransactionLeavesNothing) {
	auto status = store_->InTransaction([&]() -> Status {
		MakeOrg("A社");
		EXPECT_EQ(*store_->CountOrganizations(), 1);  // visible inside
		return Error::Make(ErrorCode::kConflict, "stop");
	});
	ASSERT_FALSE(status.ok());
	EXPECT_EQ(status.error().message, "stop");
	EXPECT_EQ(*store_->CountOrganizations(), 0);

	EXPECT_THROW(store_->InTransaction([&]() -> Status {
		MakeOrg("B社");
		throw std::runtime_error("boom");
	}),
	             std::runtime_error);
	EXPECT_EQ(*store_->CountOrganizations(), 0);

	// The store is usable afterwards.
	MakeOrg("C社");
	EXPECT_EQ(*store_->CountOrganizations(), 1);
}

TEST_P(StoreContract, NestedTransactions) {
	auto status = store_->InTransaction([&]() -> Status {
		MakeOrg("outer-1");
		auto inner = store_->InTransaction([&]() -> Status {
			MakeOrg("inner");
			return Error::Make(ErrorCode::kInvalidInput, "inner fails");
		});
		EXPECT_FALSE(inner.ok());
		MakeOrg("outer-2");
		return OkStatus();
	});
	ASSERT_TRUE(status.ok()) << status.error().Describe();
	EXPECT_EQ(*store_->CountOrganizations(), 2);

	// An inner success is still undone when the outer level fails.
	status = store_->InTransaction([&]() -> Status {
		EXPECT_TRUE(store_->InTransaction([&]() -> Status {
			MakeOrg("inner-ok");
			return OkStatus();
		}).ok());
		return Error::Make(ErrorCode::kInternal, "outer fails");
	});
	ASSERT_FALSE(status.ok());
	EXPECT_EQ(*store_->CountOrganizations(), 2);

	// A failing store call inside a transaction undoes only itself.
	status = store_->InTransaction([&]() -> Status {
		MakeUser("x@example.jp");
		User dup;
		dup.email = "x@example.jp";
		EXPECT_EQ(store_->CreateUser(dup).error().code, ErrorCode::kConflict);
		return OkStatus();
	});
	ASSERT_TRUE(status.ok());
	EXPECT_EQ(*store_->CountUsers(), 1);
}

TEST_P(StoreContract, ConcurrentWritersFromThreads) {
	std::vector<std::thread> threads;
	for (int t = 0; t < 4; ++t) {
		threads.emplace_back([&, t] {
			for (int i = 0; i < 25; ++i) {
				Organization org;
				org.name = "org-" + std::to_string(t) + "-" + std::to_string(i);
				EXPECT_TRUE(store_->CreateOrganization(org).ok());
			}
		});
	}
	for (std::thread &thread : threads) {
		thread.join();
	}
	EXPECT_EQ(*store_->CountOrganizations(), 100);
}

// The store has several connections (sqlite_store.hpp): a reader does not wait for a
// transaction another thread holds open, and does not see its writes before the commit.
TEST_P(StoreContract, ReadersGoOnWhileAnotherThreadHoldsATransaction) {
	MakeOrg("before");
	std::promise<void> written;
	std::future<Result<int>> counted;
	auto status = store_->InTransaction([&]() -> Status {
		MakeOrg("inside");
		counted = std::async(std::launch::async, [&] { return store_->CountOrganizations(); });
		// With one connection for all threads the reader would wait for this transaction,
		// which waits for the reader: the test fails here instead of hanging.
		if (counted.wait_for(std::chrono::seconds(30)) != std::future_status::ready) {
			ADD_FAILURE() << "the reader waited for the open transaction";
			return Error::Make(ErrorCode::kInternal, "reader blocked");
		}
		return OkStatus();
	});
	ASSERT_TRUE(status.ok()) << status.error().Describe();
	Result<int> seen = counted.get();
	ASSERT_TRUE(seen.ok()) << seen.error().Describe();
	EXPECT_EQ(*seen, 1) << "the other thread saw the uncommitted organisation";
	EXPECT_EQ(*store_->CountOrganizations(), 2);
}

// Store calls made inside InTransaction run in that transaction's connection, on every
// thread at once: each sees its own uncommitted rows and none is lost.
TEST_P(StoreContract, TransactionsOnManyThreadsSeeTheirOwnWrites) {
	constexpr int kThreads = 8;
	constexpr int kEach = 10;
	std::vector<std::thread> threads;
	for (int t = 0; t < kThreads; ++t) {
		threads.emplace_back([&, t] {
			for (int i = 0; i < kEach; ++i) {
				auto status = store_->InTransaction([&]() -> Status {
					Organization org;
					org.name = "org-" + std::to_string(t) + "-" + std::to_string(i);
					const Id id = MAMORI_TRY(store_->CreateOrganization(org));
					std::optional<Organization> found = MAMORI_TRY(store_->FindOrganization(id));
					EXPECT_TRUE(found.has_value()) << org.name << " not visible in its own transaction";
					return OkStatus();
				});
				EXPECT_TRUE(status.ok()) << status.error().Describe();
				// A read outside any transaction on the same thread, between the writes.
				EXPECT_TRUE(store_->CountOrganizations().ok());
			}
		});
	}
	for (std::thread &thread : threads) {
		thread.join();
	}
	EXPECT_EQ(*store_->CountOrganizations(), kThreads * kEach);
}

} // namespace
} // namespace mamori::storage
