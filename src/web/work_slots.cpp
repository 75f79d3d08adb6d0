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

// Ticket t may run while fewer than `slots_` tickets before it are still held:
// t < released_ + slots_. Tickets are taken in arrival order, so they are
// served in that order too.
void WorkSlots::Acquire() {
	std::unique_lock lock(mutex_);
	const std::uint64_t ticket = next_ticket_++;
	freed_.wait(lock, [&] { return ticket < released_ + slots_; });
}

void WorkSlots::Release() {
	platform::NoteRequestFinished();
	{
		std::lock_guard lock(mutex_);
		++released_;
	}
	freed_.notify_all();
}

WorkSlots::Held::Held(WorkSlots &slots) : slots_(slots) { slots_.Acquire(); }

WorkSlots::Held::~Held() { slots_.Release(); }

} // namespace mamori::web
