// mamori/core/security/sign_in_throttle.hpp
//
// The rule that slows down password guessing (issue 10, "throttling instead of
// lockout"). A lockout lets anyone who knows an e-mail address shut its owner
// out; a growing delay keeps guessing slow while the owner, who types the right
// password once the short wait is over, always gets in.
//
// Failures are counted per key (the e-mail typed, and the client address) over
// a sliding window. The first few are free; after that each failure makes the
// key wait 2^(n - free) seconds from that failure, capped.
#pragma once

#include <ctime>

namespace mamori {

struct ThrottleRule {
	int free_failures;      // failures in the window that cost no wait
	long long cap_seconds;  // the longest wait, however many failures
};

//! Per e-mail address: a person mistyping a few times waits not at all.
inline constexpr ThrottleRule kAccountThrottle{3, 15 * 60};
//! Per client address: one office behind one address may hold many people,
//! so more failures are free there before the address has to wait.
inline constexpr ThrottleRule kClientThrottle{10, 15 * 60};
//! Failures older than this no longer count (and may be pruned).
inline constexpr long long kThrottleWindowSeconds = 60 * 60;

//! The wait after `failures` failures in the window: 0 up to rule.free_failures,
//! then 2^(failures - free_failures) seconds, never more than rule.cap_seconds.
//! Never decreases as failures grow.
long long ThrottleDelaySeconds(int failures, const ThrottleRule &rule);

//! Seconds still to wait at `now` when the last of `failures` failures was at
//! `last_failure`; 0 when the key may try again.
long long ThrottleWaitSeconds(int failures, std::time_t last_failure, std::time_t now, const ThrottleRule &rule);

} // namespace mamori
