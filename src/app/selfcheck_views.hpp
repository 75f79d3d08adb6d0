// mamori/app/selfcheck_views.hpp
//
// Pure view-model helpers for the 自社診断 pages: wording, ordering and
// small calculations the templates need but the domain core does not own.
// No I/O here, so every rule can be unit-tested without a server.
#pragma once

#include "app/keyed_text.hpp"
#include "core/catalog/edition.hpp"
#include "core/selfcheck/answer.hpp"
#include "core/selfcheck/scoring.hpp"
#include "storage/records.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mamori::app {

//! The day of a stored timestamp ("2025-04-01T03:00:00Z", UTC) or date
//! ("2025-04-01") in Japan as "YYYY-MM-DD", for <time datetime> and for
//! web/'s FormatDate; or "" for text that is not a date. Timestamps are
//! shifted to JST first, so a round started at 23:30 UTC is on the next day.
std::string JapanIsoDate(const std::string &iso);

//! The message key (app_selfcheck.answer_short.*) of a short cell label for
//! tables: 実施／一部／未実施／不明, and — for no answer.
std::string_view AnswerShortLabel(std::optional<Answer> answer);

//! The answer to item `number`, or nullopt when unanswered.
std::optional<Answer> AnswerOf(const AnswerSheet &sheet, int number);

//! Number of items 1..item_count that have an answer.
int AnsweredCount(const AnswerSheet &sheet, int item_count);

//! The first item (1..item_count) without an answer, or nullopt when all
//! are answered; the landing page resumes there (save and resume).
std::optional<int> FirstUnansweredItem(const AnswerSheet &sheet, int item_count);

//! Where one respondent stands in the current round.
enum class ResponseState { kNotStarted, kInProgress, kSubmitted };

struct ResponseProgress {
	ResponseState state = ResponseState::kNotStarted;
	int answered = 0;
	int item_count = 0;
	KeyedText label;  // app_selfcheck.progress.*: 未回答 / 回答中 12／25 / 送信済み
};
ResponseProgress ProgressOf(const storage::SelfcheckResponse *response, int item_count);

//! One row of the overview's respondent table: every department of the
//! organisation (answered or not), then any other respondent names editors
//! answered under, in the order the store listed them.
struct RespondentRow {
	std::string name;
	bool is_department = false;
	ResponseProgress progress;
};
std::vector<RespondentRow> RespondentRows(const std::vector<storage::Department> &departments,
                                          const std::vector<storage::SelfcheckResponse> &responses, int item_count);

//! Weak items (一部実施・実施していない) ordered weakest first: every
//! 実施していない before any 一部実施, then by item number.
std::vector<int> WeakItemsWorstFirst(const AnswerSheet &combined, const std::vector<int> &weak_items);

//! score ÷ max per group, clamped to 0–1 (a negative score draws at the centre).
std::vector<double> GroupRatios(const SelfcheckScore &score);

//! Whole percent of a group's maximum, never below 0: 15/20 → 75.
int GroupPercent(const GroupScore &group);

//! The result page's heading, the finding in words: 「合計 62点：対策が足りていません」.
//! `band` is the band's label from the catalog the score was computed with.
KeyedText ResultHeading(const SelfcheckScore &score);

//! The lowest total the rules allow (every item わからない), for chart axes.
int MinimumTotal(const SelfcheckRules &rules, int item_count);

//! Removes leading and trailing spaces, including the full-width 「　」.
std::string TrimSpaces(const std::string &text);

//! Percent-encodes a query value (UTF-8 bytes; unreserved characters kept).
std::string UrlEncode(std::string_view text);
//! "?a=1&b=2" from the pairs whose value is not empty, or "" when none are.
std::string QueryString(const std::vector<std::pair<std::string, std::string>> &params);

} // namespace mamori::app
