// mamori/app/training_status.hpp
//
// Who still owes what (issue 9): each member's part in the held sessions
// (attended? quiz passed?) and the overdue rule of core/training/overdue
// with `overdue_days` from content/training/quizzes.yaml. The 責任者 can mail
// the overdue members a reminder when the installation has a mail relay.
#pragma once

#include "app/training.hpp"
#include "core/i18n/message_catalog.hpp"
#include "core/training/overdue.hpp"

#include <string>
#include <vector>

namespace mamori::app {

//! Overdue (session, member) pairs on `today` (YYYY-MM-DD, Japan time).
std::vector<training::OverdueItem> OverdueTraining(const TrainingRecords &records,
                                                   const training::TrainingContent &content, const std::string &today);

//! One session as one member sees it.
struct MyTrainingItem {
	storage::TrainingSession session;
	bool attended = false;
	bool has_quiz = false;
	bool passed = false;
	std::optional<storage::TrainingQuizResult> latest;  // the member's last attempt
	bool overdue = false;
};

//! The sessions whose audience includes `user_id`, in plan order.
std::vector<MyTrainingItem> MyTraining(const TrainingRecords &records, const training::TrainingContent &content,
                                       Id user_id, const std::string &today);

struct ReminderOutcome {
	std::vector<std::string> sent;    // addresses the relay accepted
	std::vector<std::string> failed;  // addresses it refused
};

//! Mails each overdue member the sessions they owe (in the organisation's
//! document language), then audits "training.remind" with the addresses.
//! kConflict "app_training.mail_not_configured" without a relay; nothing
//! overdue sends nothing (and audits nothing). 責任者/組織管理者 only.
Result<ReminderOutcome> SendTrainingReminders(AppContext &ctx, const MessageCatalog &messages, const Actor &actor,
                                              const OrgAccess &access, const std::string &training_url);

} // namespace mamori::app
