// mamori/core/security/rate_limit.hpp
//
// Request-volume limits for signed-in use (issue 10, ASVS 11.1.2-11.1.4): how many API calls,
// exports and imports one account (or one client address, before sign-in) may make in a
// fixed window. The counters live in the database (app/rate_limits.cpp), so several server
// instances on one database share them. This file is the rule only: no I/O.
#pragma once

#include <ctime>

namespace mamori {

struct RateLimit {
	int max_hits;             // allowed in one window; the next is refused
	long long window_seconds; // fixed windows, aligned to multiples of this since the epoch
};

// The numbers are far above what a person clicking through pages does and far below what a
// script copying data out or flooding the server needs, so nobody at work ever meets them:
//  - a page of the web app makes at most a handful of API calls; 300 a minute is five a second;
//  - an export is one file chosen by hand (a document, the register, the audit log): 30 in
//    ten minutes is one every 20 seconds, more than a review session needs;
//  - an import is a register file uploaded, previewed and committed: 20 in ten minutes is ten
//    imports, each with its preview.
inline constexpr RateLimit kApiRequestLimit{300, 60};
inline constexpr RateLimit kExportLimit{30, 10 * 60};
inline constexpr RateLimit kImportLimit{20, 10 * 60};

//! The API limit an operator chose (`serve --api-rate-limit N|off`): N calls a minute per account,
//! or no counting at all when a proxy in front already limits (each counted call is a write).
struct ApiRateSetting {
	bool counted = true;
	RateLimit limit = kApiRequestLimit;
};

//! The start of the fixed window `now` falls in.
inline std::time_t FixedWindowStart(std::time_t now, long long window_seconds) {
	return now - static_cast<std::time_t>(now % window_seconds);
}

//! Seconds from `now` until the window ends (at least 1): what a refused client waits.
inline long long SecondsLeftInWindow(std::time_t now, long long window_seconds) {
	return FixedWindowStart(now, window_seconds) + window_seconds - now;
}

//! Whether the hit numbered `hits` (1 = the first in the window) is over the limit.
inline bool OverLimit(int hits, const RateLimit &limit) { return hits > limit.max_hits; }

} // namespace mamori
