// mamori/web/worker_pool.cpp
#include "web/worker_pool.hpp"

#include <algorithm>

namespace mamori::web {

GrowingWorkerPool::GrowingWorkerPool(size_t initial_threads, size_t max_threads)
    : max_threads_(std::max<size_t>(1, max_threads)) {
	std::lock_guard lock(mutex_);
	while (threads_.size() < std::min(initial_threads, max_threads_)) {
		StartThreadLocked();
	}
}

GrowingWorkerPool::~GrowingWorkerPool() {
	shutdown();
}

void GrowingWorkerPool::enqueue(std::function<void()> job) {
	{
		std::lock_guard lock(mutex_);
		jobs_.push_back(std::move(job));
		// A woken thread counts as idle until it takes a job, so compare with
		// the queue: more waiting jobs than idle threads means none is free.
		if (idle_ < jobs_.size() && threads_.size() < max_threads_ && !stopping_) {
			StartThreadLocked();
		}
	}
	wake_.notify_one();
}

void GrowingWorkerPool::shutdown() {
	std::vector<std::thread> joining;
	{
		std::lock_guard lock(mutex_);
		stopping_ = true;
		joining.swap(threads_);
	}
	wake_.notify_all();
	for (auto &thread : joining) {
		thread.join();
	}
}

size_t GrowingWorkerPool::thread_count() const {
	std::lock_guard lock(mutex_);
	return threads_.size();
}

void GrowingWorkerPool::StartThreadLocked() {
	++idle_; // idle from the start, so a burst does not start two threads for one job
	threads_.emplace_back([this] { Work(); });
}

void GrowingWorkerPool::Work() {
	std::unique_lock lock(mutex_);
	for (;;) {
		wake_.wait(lock, [this] { return !jobs_.empty() || stopping_; });
		if (jobs_.empty()) {
			--idle_;
			return; // stopping, and nothing is left to run
		}
		std::function<void()> job = std::move(jobs_.front());
		jobs_.pop_front();
		--idle_;
		lock.unlock();
		job();
		job = nullptr; // the connection's state goes before the thread waits again
		lock.lock();
		++idle_;
	}
}

} // namespace mamori::web
