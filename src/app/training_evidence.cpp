// mamori/app/training_evidence.cpp
#include "app/training_evidence.hpp"

#include "core/training/overdue.hpp"

namespace mamori::app {
namespace {

int Percent(int part, int whole) { return whole == 0 ? 0 : (part * 100) / whole; }

int CountIn(const std::map<Id, std::set<Id>> &marks, Id session_id, const std::set<Id> &audience) {
	auto found = marks.find(session_id);
	if (found == marks.end()) {
		return 0;
	}
	int count = 0;
	for (Id user : found->second) {
		count += audience.count(user) > 0 ? 1 : 0;
	}
	return count;
}

} // namespace

std::optional<TrainingEvidence> TrainingEvidenceFor(const TrainingRecords &records,
                                                    const training::TrainingContent &content,
                                                    const std::string &today) {
	if (records.sessions.empty()) {
		return std::nullopt;
	}
	TrainingEvidence evidence;
	int audience_total = 0;
	int attended_total = 0;
	int quiz_audience = 0;
	int quiz_passed = 0;
	for (const auto &session : records.sessions) {
		if (!session.held || !session.held_on) {
			continue;
		}
		if (*session.held_on >= evidence.last_held_on) {
			evidence.last_held_on = *session.held_on;
			evidence.last_title = session.title;
		}
		// Held within the window: its due day of hint_within_days is not past.
		if (training::AddDays(*session.held_on, content.hint_within_days) < today) {
			continue;
		}
		++evidence.held_recently;
		const auto &audience = records.audience.at(session.id);
		audience_total += static_cast<int>(audience.size());
		attended_total += CountIn(records.attended, session.id, audience);
		if (!session.quiz_set.empty()) {
			quiz_audience += static_cast<int>(audience.size());
			quiz_passed += CountIn(records.passed, session.id, audience);
		}
	}
	evidence.attendance_percent = Percent(attended_total, audience_total);
	if (quiz_audience > 0) {
		evidence.pass_percent = Percent(quiz_passed, quiz_audience);
	}
	if (evidence.held_recently > 0 && evidence.attendance_percent >= content.hint_attendance_percent) {
		evidence.suggested = Answer::kImplemented;
	} else if (!evidence.last_held_on.empty()) {
		evidence.suggested = Answer::kPartial;
	}
	return evidence;
}

} // namespace mamori::app
