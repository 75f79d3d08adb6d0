// mamori/tests/unit/core/security/sign_in_throttle_test.cpp
//
// The throttle rule: free failures first, then doubling waits, capped, and a
// wait that never shrinks as failures grow.
#include "core/security/sign_in_throttle.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace mamori {
namespace {

TEST(SignInThrottle, TheFirstFailuresAreFree) {
	for (int failures = 0; failures <= kAccountThrottle.free_failures; ++failures) {
		EXPECT_EQ(ThrottleDelaySeconds(failures, kAccountThrottle), 0) << failures;
	}
}

TEST(SignInThrottle, ThenTheWaitDoublesUpToTheCap) {
	EXPECT_EQ(ThrottleDelaySeconds(4, kAccountThrottle), 2);
	EXPECT_EQ(ThrottleDelaySeconds(5, kAccountThrottle), 4);
	EXPECT_EQ(ThrottleDelaySeconds(6, kAccountThrottle), 8);
	EXPECT_EQ(ThrottleDelaySeconds(12, kAccountThrottle), 512);
	EXPECT_EQ(ThrottleDelaySeconds(13, kAccountThrottle), 15 * 60);
	EXPECT_EQ(ThrottleDelaySeconds(1'000'000, kAccountThrottle), 15 * 60);
}

TEST(SignInThrottle, TheClientAddressHasMoreFreeFailures) {
	EXPECT_EQ(ThrottleDelaySeconds(10, kClientThrottle), 0);
	EXPECT_EQ(ThrottleDelaySeconds(11, kClientThrottle), 2);
}

TEST(SignInThrottle, TheWaitCountsFromTheLastFailure) {
	EXPECT_EQ(ThrottleWaitSeconds(5, 1000, 1000, kAccountThrottle), 4);
	EXPECT_EQ(ThrottleWaitSeconds(5, 1000, 1003, kAccountThrottle), 1);
	EXPECT_EQ(ThrottleWaitSeconds(5, 1000, 1004, kAccountThrottle), 0);
	EXPECT_EQ(ThrottleWaitSeconds(3, 1000, 1000, kAccountThrottle), 0);
}

RC_GTEST_PROP(SignInThrottleProperty, MoreFailuresNeverWaitLessAndNeverBeyondTheCap, ()) {
	const int failures = *rc::gen::inRange(0, 100'000);
	const int more = failures + *rc::gen::inRange(0, 100);
	const ThrottleRule rule = *rc::gen::element(kAccountThrottle, kClientThrottle);
	const long long delay = ThrottleDelaySeconds(failures, rule);
	RC_ASSERT(delay <= ThrottleDelaySeconds(more, rule));
	RC_ASSERT(delay >= 0);
	RC_ASSERT(delay <= rule.cap_seconds);
}

} // namespace
} // namespace mamori
