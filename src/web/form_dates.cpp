// mamori/web/form_dates.cpp
#include "web/form_dates.hpp"

#include "core/common/civil_date.hpp"

#include <array>
#include <cstdio>

namespace mamori::web {
namespace {

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;

bool ReadFixedDigits(std::string_view text, size_t from, size_t count, int &value) {
	value = 0;
	for (size_t i = from; i < from + count; ++i) {
		if (i >= text.size() || text[i] < '0' || text[i] > '9') {
			return false;
		}
		value = value * 10 + (text[i] - '0');
	}
	return true;
}

// The strict core parser, unpacked for the form's three boxes.
bool ParseIso(const std::string &iso, int &year, int &month, int &day) {
	const auto date = ParseIsoDate(iso);
	if (!date) {
		return false;
	}
	year = date->year;
	month = date->month;
	day = date->day;
	return true;
}

std::string Pad(int value, int width) {
	char buffer[16];
	std::snprintf(buffer, sizeof buffer, "%0*d", width, value);
	return buffer;
}

} // namespace

std::optional<std::string> NormalizeDigits(std::string_view text) {
	constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
	std::string digits;
	bool seen_digit = false;
	bool ended = false;  // a space after digits: only more spaces may follow
	for (size_t pos = 0; pos < text.size();) {
		const unsigned char c = static_cast<unsigned char>(text[pos]);
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			ended = seen_digit;
			pos += 1;
		} else if (text.substr(pos, 3) == kIdeographicSpace) {
			ended = seen_digit;
			pos += 3;
		} else if (c >= '0' && c <= '9' && !ended) {
			digits.push_back(static_cast<char>(c));
			seen_digit = true;
			pos += 1;
		} else if (c == 0xEF && pos + 2 < text.size() && static_cast<unsigned char>(text[pos + 1]) == 0xBC &&
		           static_cast<unsigned char>(text[pos + 2]) >= 0x90 && static_cast<unsigned char>(text[pos + 2]) <= 0x99 &&
		           !ended) {
			// U+FF10..U+FF19 (０..９) are EF BC 90..99 in UTF-8.
			digits.push_back(static_cast<char>('0' + (static_cast<unsigned char>(text[pos + 2]) - 0x90)));
			seen_digit = true;
			pos += 3;
		} else {
			return std::nullopt;
		}
	}
	return digits;
}

Result<std::string> ParseDateFields(const DateFields &fields, const std::string &id, const std::string &label,
                                    bool required) {
	struct Part {
		const std::string &raw;
		const char *suffix;
		const char *not_digits;  // message keys naming the box (「{{label}}の年は数字で…」)
		const char *missing;
	};
	const std::array<Part, 3> parts = {
	    Part{fields.year, "-year", "web_dates.year.not_digits", "web_dates.year.missing"},
	    Part{fields.month, "-month", "web_dates.month.not_digits", "web_dates.month.missing"},
	    Part{fields.day, "-day", "web_dates.day.not_digits", "web_dates.day.missing"}};
	const MessageParams named = {{"label", label}};
	std::array<std::string, 3> digits;
	for (size_t i = 0; i < parts.size(); ++i) {
		auto normalized = NormalizeDigits(parts[i].raw);
		if (!normalized) {
			return Error::Invalid(id + parts[i].suffix, parts[i].not_digits, named);
		}
		digits[i] = *normalized;
	}
	if (digits[0].empty() && digits[1].empty() && digits[2].empty()) {
		if (required) {
			return Error::Invalid(id + "-year", "web_dates.missing", named);
		}
		return std::string();
	}
	for (size_t i = 0; i < parts.size(); ++i) {
		if (digits[i].empty()) {
			return Error::Invalid(id + parts[i].suffix, parts[i].missing, named);
		}
	}
	if (digits[0].size() != 4) {
		return Error::Invalid(id + "-year", "web_dates.year.four_digits", named);
	}
	const int year = std::stoi(digits[0]);
	if (year < kMinYear || year > kMaxYear) {
		return Error::Invalid(id + "-year", "web_dates.year.range",
		                      {{"label", label}, {"min", std::to_string(kMinYear)}, {"max", std::to_string(kMaxYear)}});
	}
	// Leading zeros are fine ("04"), but a month or day never needs more than 2 digits.
	const auto small_number = [](const std::string &text) {
		const size_t first = text.find_first_not_of('0');
		return first == std::string::npos ? 0 : text.size() - first > 2 ? 100 : std::stoi(text.substr(first));
	};
	const int month = small_number(digits[1]);
	if (month < 1 || month > 12) {
		return Error::Invalid(id + "-month", "web_dates.month.range", named);
	}
	const int day = small_number(digits[2]);
	if (day < 1 || day > 31) {
		return Error::Invalid(id + "-day", "web_dates.day.range", named);
	}
	if (day > mamori::DaysInMonth(year, month)) {
		return Error::Invalid(id + "-day", "web_dates.day.beyond_month",
		                      {{"label", label},
		                       {"year", std::to_string(year)},
		                       {"month", std::to_string(month)},
		                       {"days", std::to_string(mamori::DaysInMonth(year, month))}});
	}
	return Pad(year, 4) + "-" + Pad(month, 2) + "-" + Pad(day, 2);
}

DateFields SplitIsoDate(const std::string &iso) {
	int year = 0;
	int month = 0;
	int day = 0;
	if (!ParseIso(iso, year, month, day)) {
		return {};
	}
	return DateFields{std::to_string(year), std::to_string(month), std::to_string(day)};
}

bool IsRealIsoDate(const std::string &iso) {
	int year = 0;
	int month = 0;
	int day = 0;
	return ParseIso(iso, year, month, day);
}

std::string FormatDate(const MessageCatalog &messages, Locale locale, const std::string &iso, bool with_weekday) {
	int year = 0;
	int month = 0;
	int day = 0;
	if (!ParseIso(iso, year, month, day)) {
		return {};
	}
	static constexpr std::array<const char *, 12> kMonthNames = {
	    "web_dates.month_name.january", "web_dates.month_name.february", "web_dates.month_name.march",
	    "web_dates.month_name.april",   "web_dates.month_name.may",      "web_dates.month_name.june",
	    "web_dates.month_name.july",    "web_dates.month_name.august",   "web_dates.month_name.september",
	    "web_dates.month_name.october", "web_dates.month_name.november", "web_dates.month_name.december"};
	const std::string date = messages.Text(locale, "web_dates.display.date",
	                                       {{"year", std::to_string(year)},
	                                        {"month_name", messages.Text(locale, kMonthNames[static_cast<size_t>(month - 1)])},
	                                        {"day", std::to_string(day)}});
	if (!with_weekday) {
		return date;
	}
	// 1970-01-01 was a Thursday.
	static constexpr std::array<const char *, 7> kWeekdays = {
	    "web_dates.weekday.thursday", "web_dates.weekday.friday", "web_dates.weekday.saturday",
	    "web_dates.weekday.sunday",   "web_dates.weekday.monday", "web_dates.weekday.tuesday",
	    "web_dates.weekday.wednesday"};
	const long long days = DaysSinceEpoch(CivilDate{year, month, day});
	return messages.Text(locale, "web_dates.display.with_weekday",
	                     {{"date", date}, {"weekday", messages.Text(locale, kWeekdays[static_cast<size_t>(((days % 7) + 7) % 7)])}});
}

std::string FormatDateTime(const MessageCatalog &messages, Locale locale, const std::string &utc_timestamp) {
	auto jst = ToJst(utc_timestamp);
	if (!jst) {
		return utc_timestamp;
	}
	return messages.Text(locale, "web_dates.display.date_time",
	                     {{"date", FormatDate(messages, locale, jst->date, false)}, {"time", jst->time}});
}

std::optional<JstTime> ToJst(const std::string &utc_timestamp) {
	// "YYYY-MM-DDTHH:MM:SSZ"; seconds and the zone letter are not needed.
	int year = 0;
	int month = 0;
	int day = 0;
	int hour = 0;
	int minute = 0;
	if (utc_timestamp.size() < 16 || utc_timestamp[10] != 'T' || utc_timestamp[13] != ':' ||
	    !ParseIso(utc_timestamp.substr(0, 10), year, month, day) || !ReadFixedDigits(utc_timestamp, 11, 2, hour) ||
	    !ReadFixedDigits(utc_timestamp, 14, 2, minute) || hour > 23 || minute > 59) {
		return std::nullopt;
	}
	CivilDate date{year, month, day};
	hour += 9;  // JST is UTC+9 all year (no daylight saving)
	if (hour >= 24) {
		hour -= 24;
		date = AddDays(date, 1);
	}
	return JstTime{IsoDate(date), Pad(hour, 2) + ":" + Pad(minute, 2)};
}

nlohmann::json DateFieldsModel(const DateFieldsView &view) {
	nlohmann::json model = {
	    {"id", view.id},
	    {"name", view.name},
	    {"legend", view.legend},
	    {"hint", view.hint},
	    {"optional", view.optional},
	    {"year", view.values.year},
	    {"month", view.values.month},
	    {"day", view.values.day},
	    // Every key is always present: Mustache looks names up in the
	    // enclosing contexts, so a missing one could pick up a page's value.
	    {"error", false},
	    {"year_invalid", false},
	    {"month_invalid", false},
	    {"day_invalid", false},
	};
	if (view.error != nullptr && view.error->field.rfind(view.id + "-", 0) == 0) {
		const std::string part = view.error->field.substr(view.id.size() + 1);
		if (part == "year" || part == "month" || part == "day") {
			model["error"] = view.error_text.empty() ? view.error->message : view.error_text;
			model[part + "_invalid"] = true;
		}
	}
	return model;
}

} // namespace mamori::web
