// mamori/platform/clock.hpp
//
// The wall clock. app/ reads the time only through a Clock held by its
// AppContext, so tests can fix "now" and check expiry, lockouts and dates
// exactly; production passes RealClock().
#pragma once

#include <ctime>
#include <string>
#include <string_view>

namespace mamori::platform {

class Clock {
public:
	virtual ~Clock() = default;

	//! Seconds since the Unix epoch (UTC).
	virtual std::time_t Now() const = 0;

	//! Now as "YYYY-MM-DDTHH:MM:SSZ" (UTC; sorts as text).
	std::string NowIso() const;
	//! UTC time `seconds` from now, same format.
	std::string IsoAfter(long long seconds) const;
	//! Today's date in Japan (JST, UTC+9) as "YYYY-MM-DD": users date things in local time.
	std::string TodayInJapan() const;
};

//! The system clock; one instance for the whole program.
const Clock &RealClock();

//! A clock that stands still (until Advance), for tests and reproducible runs.
class FixedClock final : public Clock {
public:
	explicit FixedClock(std::time_t now) : now_(now) {}
	//! From "YYYY-MM-DDTHH:MM:SSZ"; the epoch when the text does not parse.
	static FixedClock AtIso(std::string_view iso);

	std::time_t Now() const override { return now_; }
	void Advance(long long seconds) { now_ += static_cast<std::time_t>(seconds); }

private:
	std::time_t now_;
};

// The real clock's readings as free functions, for code outside app/ (the
// storage layer, the web adapters) that has no AppContext at hand.
std::string NowIso();
std::string IsoAfter(long long seconds);
std::string TodayInJapan();

} // namespace mamori::platform
