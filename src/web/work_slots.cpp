// mamori/src/web/work_slots.cpp
#include "web/work_slots.hpp"

#include "platform/memory_release.hpp"

#include <algorithm>
#include <thread>

namespace mamori::web {

WorkSlots::WorkSlots(std::uint64_t slots) : slots_(std::max<std::uint64_t>(slots, 1)) {}

std::uint64_t WorkSlots::ForThisMachine() {
	const std::uint64_t cores = std::max(1U, std::thread::hardware_concurrency());
	return std::max<std::uint64_t>(8, 4 * cores);
}

// A request runs at once while a slot is free and nobody waits; otherwise it
// joins the queue and runs when a release hands it a slot, in arrival order.
void WorkSlots::Acquire() {
	std::unique_lock lock(mutex_);
	if (in_use_ < slots_ && waiting_.empty()) {
		++in_use_;
		return;
	}
	Waiter waiter;
	waiting_.push_back(&waiter);
	waiter.handed.wait(lock, [&] { return waiter.granted; });
}

void WorkSlots::Release() {
	platform::NoteRequestFinished();
	std::lock_guard lock(mutex_);
	if (waiting_.empty()) {
		--in_use_;
		return;
	}
	// The slot passes on without being counted free. Notified under the lock:
	// the waiter cannot see `granted`, return and destroy its condition variable
	// before this call is done with it.
	Waiter *next = waiting_.front();
	waiting_.pop_front();
	next->granted = true;
	next->handed.notify_one();
}

WorkSlots::Held::Held(WorkSlots &slots) : slots_(slots) { slots_.Acquire(); }

WorkSlots::Held::~Held() { slots_.Release(); }

} // namespace mamori::web
