// mamori/web/form_dates.hpp
//
// Dates in HTML forms and on pages. Forms ask for a date as three boxes
// (年/月/日, ui.md §2.10) because a JavaScript calendar fails people on
// phones and screen readers; this file turns the boxes into an ISO date and
// back, and formats stored dates and UTC timestamps in the reader's language.
#pragma once

#include "core/common/result.hpp"
#include "core/i18n/message_catalog.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace mamori::web {

//! The three boxes of one date exactly as typed.
struct DateFields {
	std::string year;
	std::string month;
	std::string day;
};

//! Converts 全角 digits to ASCII and drops surrounding spaces (ASCII and
//! 全角). nullopt when anything other than digits remains.
std::optional<std::string> NormalizeDigits(std::string_view text);

//! Parses the boxes into "YYYY-MM-DD". All boxes blank gives "" when the
//! date is optional. Errors are message keys with the date's name (`label`,
//! already in the reader's language, e.g. 「制定日」) as {{label}}; Error::field is the id of the box to fix: `id` + "-year",
//! "-month" or "-day", so the error summary can link straight to it.
Result<std::string> ParseDateFields(const DateFields &fields, const std::string &id, const std::string &label,
                                    bool required);

//! Splits a stored "YYYY-MM-DD" into boxes for re-showing ("2025-04-01" → 2025 / 4 / 1).
DateFields SplitIsoDate(const std::string &iso);

//! True for a real calendar date "YYYY-MM-DD".
bool IsRealIsoDate(const std::string &iso);

//! A stored date "YYYY-MM-DD" as the reader's language writes it (web_dates.display.*):
//! 「2025年4月1日（火）」 or "Tue 1 April 2025", without the weekday 「2025年4月1日」 or
//! "1 April 2025"; "" when `iso` is not a date.
std::string FormatDate(const MessageCatalog &messages, Locale locale, const std::string &iso, bool with_weekday = true);

//! A UTC timestamp in Japan time as the reader's language writes it:
//! 「2025年4月1日 09:30」 or "1 April 2025, 09:30"; the input unchanged when it cannot be read.
std::string FormatDateTime(const MessageCatalog &messages, Locale locale, const std::string &utc_timestamp);


//! A UTC timestamp ("2025-04-01T00:30:00Z") in Japan time.
struct JstTime {
	std::string date;  // "2025-04-01"
	std::string time;  // "09:30"
};
std::optional<JstTime> ToJst(const std::string &utc_timestamp);


//! The view model of the _date_fields partial.
struct DateFieldsView {
	std::string id;      // element id prefix: "a5-done_on" gives a5-done_on-year ...
	std::string name;    // form name prefix: "done_on" gives done_on_year ...
	std::string legend;  // 「実施した日」, in the reader's language
	std::string hint;    // shown under the legend, in the reader's language
	bool optional = false;
	DateFields values;
	const Error *error = nullptr;  // the error to show when its field is one of this date's boxes
	std::string error_text;        // that error in the reader's language (its message when empty)
};
nlohmann::json DateFieldsModel(const DateFieldsView &view);

//! Reads the boxes named `name`_year, `name`_month, `name`_day from a form.
template <typename Request>
DateFields ReadDateFields(const Request &request, const std::string &name) {
	return DateFields{request.Param(name + "_year"), request.Param(name + "_month"), request.Param(name + "_day")};
}

} // namespace mamori::web
