// mamori/web/retention_timer.cpp
#include "web/retention_timer.hpp"

#include <chrono>
#include <iostream>

namespace mamori::web {

namespace {

constexpr auto kBetweenRuns = std::chrono::hours(24);

} // namespace

RetentionTimer::RetentionTimer(app::AppContext ctx, RetentionSchedule schedule)
    : ctx_(ctx), schedule_(std::move(schedule)), thread_([this] { Loop(); }) {}

RetentionTimer::~RetentionTimer() {
	{
		std::lock_guard lock(mutex_);
		stopping_ = true;
	}
	wake_.notify_all();
	thread_.join();
}

void RetentionTimer::Loop() {
	std::unique_lock lock(mutex_);
	while (!stopping_) {
		lock.unlock();
		auto summary = app::RunRetention(ctx_, schedule_);
		if (!summary) {
			std::cerr << "mamori: retention run failed: " << summary.error().Describe() << std::endl;
		} else if (summary->total() > 0) {
			std::cerr << "mamori: retention removed " << summary->total() << " rows" << std::endl;
		}
		lock.lock();
		wake_.wait_for(lock, kBetweenRuns, [this] { return stopping_; });
	}
}

} // namespace mamori::web
