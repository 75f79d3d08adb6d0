// mamori/core/common/civil_date.hpp
//
// Calendar dates as the guideline's documents write them (制定日, 改訂日):
// no time, no zone. One strict parser, so every boundary refuses the same
// impossible dates ("2025-02-29").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mamori {

struct CivilDate {
	int year = 0;
	int month = 0;
	int day = 0;
	auto operator<=>(const CivilDate &) const = default;
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);

//! Strict YYYY-MM-DD naming a real calendar day, or nullopt.
std::optional<CivilDate> ParseIsoDate(std::string_view text);

//! Days since 1970-01-01 (proleptic Gregorian) and back, so date arithmetic
//! and weekdays need no time-zone database.
long long DaysSinceEpoch(const CivilDate &date);
CivilDate DateFromDaysSinceEpoch(long long days);

//! The date `days` later (earlier when negative).
CivilDate AddDays(const CivilDate &date, long long days);

//! "2025-04-01".
std::string IsoDate(const CivilDate &date);

//! The date in a pattern with {{year}}, {{month}} and {{day}} (unpadded),
//! such as the document language's 「{{year}}年{{month}}月{{day}}日」.
std::string FormatCivilDate(std::string_view pattern, const CivilDate &date);

} // namespace mamori
