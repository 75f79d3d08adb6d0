// mamori/app/training_evidence.hpp
//
// The training records as evidence for 自社診断 item 20 「従業員にセキュリティに
// 関する教育や注意喚起を行っていますか？」 (issue 9): the last held session, the
// attendance and quiz pass rates of the sessions held within
// `hint_within_days`, and a suggested answer. Only a hint: the respondent
// still chooses.
#pragma once

#include "app/training.hpp"
#include "core/selfcheck/answer.hpp"

#include <optional>
#include <string>

namespace mamori::app {

struct TrainingEvidence {
	std::string last_title;    // the last held session ('' when none was held)
	std::string last_held_on;  // YYYY-MM-DD
	int held_recently = 0;     // sessions held within hint_within_days
	int attendance_percent = 0;          // over those sessions' audiences
	std::optional<int> pass_percent;     // over those with a quiz; nullopt when none had one
	Answer suggested = Answer::kNotImplemented;
};

//! nullopt when nothing is planned or recorded (no hint then: the firm may
//! train without recording it here). Otherwise: a session held within the
//! window with attendance of at least hint_attendance_percent suggests
//! 「実施している」; any held session 「一部実施している」; only plans 「実施していない」.
std::optional<TrainingEvidence> TrainingEvidenceFor(const TrainingRecords &records,
                                                    const training::TrainingContent &content,
                                                    const std::string &today);

} // namespace mamori::app
