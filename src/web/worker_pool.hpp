// mamori/web/worker_pool.hpp
//
// The server's worker threads. cpp-httplib's own pool starts every thread
// at once; mamori allows 128 (one per busy keep-alive connection, server.cpp)
// and starting them all was a tenth of a `mamori serve` start and a stack
// touched per thread for a firm that never has more than a few browsers
// open. This pool starts a few and adds a thread only when a connection
// arrives while every thread is busy, up to its limit; threads then stay for
// the next burst.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace mamori::web {

class GrowingWorkerPool : public httplib::TaskQueue {
public:
	GrowingWorkerPool(size_t initial_threads, size_t max_threads);
	~GrowingWorkerPool() override;
	GrowingWorkerPool(const GrowingWorkerPool &) = delete;
	GrowingWorkerPool &operator=(const GrowingWorkerPool &) = delete;

	void enqueue(std::function<void()> job) override;
	//! Runs the jobs already queued, then joins every thread.
	void shutdown() override;

	size_t thread_count() const;

private:
	void StartThreadLocked();
	void Work();

	const size_t max_threads_;
	mutable std::mutex mutex_;
	std::condition_variable wake_;
	std::deque<std::function<void()>> jobs_;
	std::vector<std::thread> threads_;
	size_t idle_ = 0;
	bool stopping_ = false;
};

} // namespace mamori::web
