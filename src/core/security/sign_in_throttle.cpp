// mamori/core/security/sign_in_throttle.cpp
#include "core/security/sign_in_throttle.hpp"

namespace mamori {

long long ThrottleDelaySeconds(int failures, const ThrottleRule &rule) {
	if (failures <= rule.free_failures) {
		return 0;
	}
	const int doublings = failures - rule.free_failures;
	// 2^doublings overflows long before the count could matter; the cap is reached at 2^10.
	if (doublings >= 40) {
		return rule.cap_seconds;
	}
	const long long delay = 1LL << doublings;
	return delay < rule.cap_seconds ? delay : rule.cap_seconds;
}

long long ThrottleWaitSeconds(int failures, std::time_t last_failure, std::time_t now, const ThrottleRule &rule) {
	const long long until = static_cast<long long>(last_failure) + ThrottleDelaySeconds(failures, rule);
	const long long wait = until - static_cast<long long>(now);
	return wait > 0 ? wait : 0;
}

} // namespace mamori
