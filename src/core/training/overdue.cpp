// mamori/core/training/overdue.cpp
#include "core/training/overdue.hpp"

#include <chrono>
#include <cstdio>

namespace mamori::training {

std::string AddDays(const std::string &date, int days) {
	int year = 0;
	unsigned month = 0;
	unsigned day = 0;
	if (date.size() != 10 || std::sscanf(date.c_str(), "%4d-%2u-%2u", &year, &month, &day) != 3) {
		return date;
	}
	const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
	if (!ymd.ok()) {
		return date;
	}
	const std::chrono::year_month_day later{std::chrono::sys_days{ymd} + std::chrono::days{days}};
	char text[16];
	std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(later.year()),
	              static_cast<unsigned>(later.month()), static_cast<unsigned>(later.day()));
	return text;
}

std::vector<OverdueItem> FindOverdue(const std::vector<HeldSession> &sessions, const std::string &today,
                                     int overdue_days) {
	std::vector<OverdueItem> items;
	for (const auto &session : sessions) {
		const std::string due_on = AddDays(session.held_on, overdue_days);
		// ISO dates compare as text; the due day itself still leaves time.
		if (session.held_on.empty() || !(due_on < today)) {
			continue;
		}
		for (std::int64_t user : session.audience) {
			OverdueItem item{session.session_id, user, session.attended.count(user) == 0,
			                 session.has_quiz && session.passed.count(user) == 0, due_on};
			if (item.missing_attendance || item.missing_quiz) {
				items.push_back(item);
			}
		}
	}
	return items;
}

} // namespace mamori::training
