// mamori/src/web/work_slots.hpp
//
// A limit on how many requests are worked on at once, granted in arrival order.
//
// cpp-httplib runs each open keep-alive connection on a thread of its own (the
// pool is large so that 64 open browsers do not queue behind each other). On
// 2 cores only two requests make progress at a time anyway, but every request
// in flight holds its working memory: at 64 connections on the register's
// print view that was ~300 MB of heap that glibc then kept (issue 11, "RSS
// after the load"). With a few slots the work is the same, the memory in use
// is bounded by the slots, and the queue is served first come, first served,
// so no request waits behind later ones (the p99 tail).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>

namespace mamori::web {

class WorkSlots {
public:
	explicit WorkSlots(std::uint64_t slots);

	//! Holds one slot from construction to destruction.
	class Held {
	public:
		explicit Held(WorkSlots &slots);
		~Held();
		Held(const Held &) = delete;
		Held &operator=(const Held &) = delete;

	private:
		WorkSlots &slots_;
	};

	//! Slots for this machine: four per core, at least eight, so a request that waits on
	//! the network (a mail to send) does not stop the others.
	static std::uint64_t ForThisMachine();

private:
	void Acquire();
	void Release();

	//! A request waiting for a slot; woken alone when a slot is handed to it.
	struct Waiter {
		std::condition_variable handed;
		bool granted = false;
	};

	const std::uint64_t slots_;
	std::mutex mutex_;
	std::uint64_t in_use_ = 0;
	//! Oldest first. A slot given back goes to the front waiter directly, so
	//! one release wakes one thread: waking every waiter to let one through was
	//! ~50 context switches per request at 64 connections.
	std::deque<Waiter *> waiting_;
};

} // namespace mamori::web
