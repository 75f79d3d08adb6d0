// mamori/tests/unit/web/worker_pool_test.cpp
//
// The server's worker pool starts few threads, grows only while every
// thread is busy, never past its limit, and runs what was queued before it
// stops.
#include "web/worker_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace mamori::web {
namespace {

//! Holds every job that reaches it until Release.
class Gate {
public:
	void Wait() {
		std::unique_lock lock(mutex_);
		++waiting_;
		arrived_.notify_all();
		open_.wait(lock, [this] { return released_; });
	}
	void AwaitWaiting(int count) {
		std::unique_lock lock(mutex_);
		arrived_.wait(lock, [&] { return waiting_ >= count; });
	}
	void Release() {
		{
			std::lock_guard lock(mutex_);
			released_ = true;
		}
		open_.notify_all();
	}

private:
	std::mutex mutex_;
	std::condition_variable arrived_;
	std::condition_variable open_;
	int waiting_ = 0;
	bool released_ = false;
};

TEST(GrowingWorkerPoolTest, StartsWithTheInitialThreadsOnly) {
	GrowingWorkerPool pool(2, 16);
	std::atomic<int> ran{0};
	for (int job = 0; job < 50; ++job) {
		pool.enqueue([&] { ++ran; });
	}
	pool.shutdown();
	EXPECT_EQ(ran.load(), 50);
}

TEST(GrowingWorkerPoolTest, GrowsWhileEveryThreadIsBusy) {
	GrowingWorkerPool pool(1, 16);
	EXPECT_EQ(pool.thread_count(), 1u);
	Gate gate;
	for (int job = 0; job < 6; ++job) {
		pool.enqueue([&] { gate.Wait(); });
	}
	// Six jobs blocked at once need six threads: none waited in the queue.
	gate.AwaitWaiting(6);
	EXPECT_EQ(pool.thread_count(), 6u);
	gate.Release();
	pool.shutdown();
}

TEST(GrowingWorkerPoolTest, NeverPassesItsLimitAndRunsTheQueueBeforeStopping) {
	GrowingWorkerPool pool(1, 3);
	Gate gate;
	std::atomic<int> ran{0};
	for (int job = 0; job < 10; ++job) {
		pool.enqueue([&] {
			gate.Wait();
			++ran;
		});
	}
	gate.AwaitWaiting(3);
	EXPECT_EQ(pool.thread_count(), 3u);
	gate.Release();
	pool.shutdown();
	EXPECT_EQ(ran.load(), 10);
}

} // namespace
} // namespace mamori::web
