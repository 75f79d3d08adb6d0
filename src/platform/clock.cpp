// mamori/platform/clock.cpp
#include "platform/clock.hpp"

#include <ctime>

namespace mamori::platform {

static std::string Format(std::time_t when, const char *pattern) {
	std::tm parts{};
	gmtime_r(&when, &parts);
	char buffer[32];
	std::strftime(buffer, sizeof(buffer), pattern, &parts);
	return buffer;
}

std::string NowIso() { return Format(std::time(nullptr), "%Y-%m-%dT%H:%M:%SZ"); }

std::string IsoAfter(long long seconds) {
	return Format(std::time(nullptr) + static_cast<std::time_t>(seconds), "%Y-%m-%dT%H:%M:%SZ");
}

std::string TodayInJapan() { return Format(std::time(nullptr) + 9 * 3600, "%Y-%m-%d"); }

} // namespace mamori::platform
