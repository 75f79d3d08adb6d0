// mamori/src/platform/memory_release.cpp
#include "platform/memory_release.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <thread>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace mamori::platform {
namespace {

std::atomic<std::uint64_t> finished_requests{0};

} // namespace

void NoteRequestFinished() { finished_requests.fetch_add(1, std::memory_order_relaxed); }

void StartMemoryRelease() {
#ifdef __GLIBC__
	// Once a second at most: a trim walks every arena's free list under its lock
	// (a few milliseconds after a burst), so doing it per request would cost more
	// than the memory is worth.
	std::thread([] {
		std::uint64_t seen = 0;
		for (;;) {
			std::this_thread::sleep_for(std::chrono::seconds(1));
			const std::uint64_t now = finished_requests.load(std::memory_order_relaxed);
			if (now != seen) {
				seen = now;
				malloc_trim(0);
			}
		}
	}).detach();
#endif
}

} // namespace mamori::platform
