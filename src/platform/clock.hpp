// mamori/platform/clock.hpp
#pragma once

#include <string>

namespace mamori::platform {

//! Current UTC time as "YYYY-MM-DDTHH:MM:SSZ" (sorts as text).
std::string NowIso();
//! UTC time `seconds` from now, same format.
std::string IsoAfter(long long seconds);
//! Today's date in Japan (JST, UTC+9) as "YYYY-MM-DD": users date things in local time.
std::string TodayInJapan();

} // namespace mamori::platform
