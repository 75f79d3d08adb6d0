// mamori/platform/clock.cpp
#include "platform/clock.hpp"

#include <cstdio>

namespace mamori::platform {

namespace {

std::string Format(std::time_t when, const char *pattern) {
	std::tm parts{};
	gmtime_r(&when, &parts);
	char buffer[32];
	std::strftime(buffer, sizeof(buffer), pattern, &parts);
	return buffer;
}

constexpr const char *kIsoPattern = "%Y-%m-%dT%H:%M:%SZ";
constexpr long long kJapanOffsetSeconds = 9 * 3600;

class SystemClock final : public Clock {
public:
	std::time_t Now() const override { return std::time(nullptr); }
};

} // namespace

std::string Clock::NowIso() const { return Format(Now(), kIsoPattern); }

std::string Clock::IsoAfter(long long seconds) const {
	return Format(Now() + static_cast<std::time_t>(seconds), kIsoPattern);
}

std::string Clock::TodayInJapan() const { return Format(Now() + kJapanOffsetSeconds, "%Y-%m-%d"); }

const Clock &RealClock() {
	static const SystemClock clock;
	return clock;
}

FixedClock FixedClock::AtIso(std::string_view iso) {
	std::tm parts{};
	int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
	const std::string text(iso);
	if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ", &year, &month, &day, &hour, &minute, &second) != 6) {
		return FixedClock(0);
	}
	parts.tm_year = year - 1900;
	parts.tm_mon = month - 1;
	parts.tm_mday = day;
	parts.tm_hour = hour;
	parts.tm_min = minute;
	parts.tm_sec = second;
	return FixedClock(timegm(&parts));
}

std::string NowIso() { return RealClock().NowIso(); }
std::string IsoAfter(long long seconds) { return RealClock().IsoAfter(seconds); }
std::string TodayInJapan() { return RealClock().TodayInJapan(); }

} // namespace mamori::platform
