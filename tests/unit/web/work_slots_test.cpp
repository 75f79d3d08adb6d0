// mamori/tests/unit/web/work_slots_test.cpp
#include "web/work_slots.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace mamori::web {
namespace {

TEST(WorkSlotsTest, NeverMoreRequestsAtOnceThanSlots) {
	WorkSlots slots(3);
	std::atomic<int> inside{0};
	std::atomic<int> most{0};
	std::vector<std::thread> threads;
	for (int t = 0; t < 16; ++t) {
		threads.emplace_back([&] {
			for (int round = 0; round < 50; ++round) {
				const WorkSlots::Held held(slots);
				const int now = ++inside;
				int seen = most.load();
				while (now > seen && !most.compare_exchange_weak(seen, now)) {
				}
				std::this_thread::yield();
				--inside;
			}
		});
	}
	for (auto &thread : threads) thread.join();
	EXPECT_LE(most.load(), 3);
	EXPECT_GE(most.load(), 1);
	EXPECT_EQ(inside.load(), 0);
}

TEST(WorkSlotsTest, AWaitingRequestRunsOnceASlotIsGivenBack) {
	WorkSlots slots(1);
	std::atomic<bool> second_ran{false};
	std::thread second;
	{
		const WorkSlots::Held first(slots);
		second = std::thread([&] {
			const WorkSlots::Held held(slots);
			second_ran = true;
		});
		std::this_thread::sleep_for(std::chrono::milliseconds(20));
		EXPECT_FALSE(second_ran.load()); // the only slot is held
	}
	second.join();
	EXPECT_TRUE(second_ran.load());
}

} // namespace
} // namespace mamori::web
