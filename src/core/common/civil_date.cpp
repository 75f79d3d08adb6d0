// mamori/core/common/civil_date.cpp
#include "core/common/civil_date.hpp"

#include <cstdio>

namespace mamori {

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
	static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (month == 2 && IsLeapYear(year)) {
		return 29;
	}
	return kDays[month - 1];
}

std::optional<CivilDate> ParseIsoDate(std::string_view text) {
	if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
		return std::nullopt;
	}
	auto digits = [&](std::size_t from, std::size_t count, int &value) {
		value = 0;
		for (std::size_t i = from; i < from + count; ++i) {
			if (text[i] < '0' || text[i] > '9') {
				return false;
			}
			value = value * 10 + (text[i] - '0');
		}
		return true;
	};
	CivilDate date;
	if (!digits(0, 4, date.year) || !digits(5, 2, date.month) || !digits(8, 2, date.day)) {
		return std::nullopt;
	}
	if (date.year < 1 || date.month < 1 || date.month > 12) {
		return std::nullopt;
	}
	if (date.day < 1 || date.day > DaysInMonth(date.year, date.month)) {
		return std::nullopt;
	}
	return date;
}

// Howard Hinnant's days_from_civil and civil_from_days.
long long DaysSinceEpoch(const CivilDate &date) {
	const int year = date.year - (date.month <= 2 ? 1 : 0);
	const long long era = (year >= 0 ? year : year - 399) / 400;
	const long long yoe = year - era * 400;
	const long long doy = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;
	const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

CivilDate DateFromDaysSinceEpoch(long long days) {
	days += 719468;
	const long long era = (days >= 0 ? days : days - 146096) / 146097;
	const long long doe = days - era * 146097;
	const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	const long long mp = (5 * doy + 2) / 153;
	CivilDate date;
	date.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
	date.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
	date.year = static_cast<int>(yoe + era * 400 + (date.month <= 2 ? 1 : 0));
	return date;
}

CivilDate AddDays(const CivilDate &date, long long days) {
	return DateFromDaysSinceEpoch(DaysSinceEpoch(date) + days);
}

std::string IsoDate(const CivilDate &date) {
	char text[16];
	std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year % 10000, date.month % 100, date.day % 100);
	return text;
}

std::string FormatCivilDate(std::string_view pattern, const CivilDate &date) {
	std::string out;
	size_t at = 0;
	while (at < pattern.size()) {
		if (pattern.compare(at, 8, "{{year}}") == 0) {
			out += std::to_string(date.year);
			at += 8;
		} else if (pattern.compare(at, 9, "{{month}}") == 0) {
			out += std::to_string(date.month);
			at += 9;
		} else if (pattern.compare(at, 7, "{{day}}") == 0) {
			out += std::to_string(date.day);
			at += 7;
		} else {
			out += pattern[at++];
		}
	}
	return out;
}

} // namespace mamori
