// mamori/tests/unit/platform/clock_test.cpp
//
// The injectable clock: a FixedClock reads exactly what it was set to, and
// the Japanese date turns over at 15:00 UTC (midnight JST).
#include "platform/clock.hpp"

#include <gtest/gtest.h>

namespace mamori::platform {
namespace {

TEST(ClockTest, FixedClockReadsWhatItWasSetTo) {
	FixedClock clock = FixedClock::AtIso("2025-04-01T09:00:00Z");
	EXPECT_EQ(clock.NowIso(), "2025-04-01T09:00:00Z");
	EXPECT_EQ(clock.IsoAfter(8 * 3600), "2025-04-01T17:00:00Z");
	clock.Advance(60);
	EXPECT_EQ(clock.NowIso(), "2025-04-01T09:01:00Z");
	EXPECT_EQ(FixedClock::AtIso("not a time").Now(), 0);
}

TEST(ClockTest, TodayInJapanTurnsOverAtMidnightJst) {
	EXPECT_EQ(FixedClock::AtIso("2025-03-31T14:59:59Z").TodayInJapan(), "2025-03-31");
	EXPECT_EQ(FixedClock::AtIso("2025-03-31T15:00:00Z").TodayInJapan(), "2025-04-01");
}

TEST(ClockTest, RealClockIsNotFixed) {
	// The real clock is past the day this code was written.
	EXPECT_GT(RealClock().NowIso(), "2025-01-01T00:00:00Z");
}

} // namespace
} // namespace mamori::platform
