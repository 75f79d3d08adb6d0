// mamori/core/training/overdue.hpp
//
// Who is overdue (issue 9): a member of a held session's audience who, more
// than `overdue_days` after the session was held, has still not attended it
// or, when it has a quiz, not passed the quiz. Pure: the caller gives the
// facts and today's date (Japan time), so a test can fix the day.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace mamori::training {

//! What the rule needs to know of one held session.
struct HeldSession {
	std::int64_t session_id = 0;
	std::string held_on;                 // YYYY-MM-DD
	bool has_quiz = false;
	std::set<std::int64_t> audience;     // user ids
	std::set<std::int64_t> attended;     // user ids
	std::set<std::int64_t> passed;       // user ids with a passing result
};

struct OverdueItem {
	std::int64_t session_id = 0;
	std::int64_t user_id = 0;
	bool missing_attendance = false;
	bool missing_quiz = false;
	std::string due_on;  // held_on + overdue_days
};

//! `date` plus `days` (YYYY-MM-DD); the date as given when it is malformed.
std::string AddDays(const std::string &date, int days);

//! Every (session, member) pair that is overdue on `today`, in session order
//! then by user id. A session whose due day is today is not overdue yet.
std::vector<OverdueItem> FindOverdue(const std::vector<HeldSession> &sessions, const std::string &today,
                                     int overdue_days);

} // namespace mamori::training
