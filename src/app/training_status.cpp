// mamori/app/training_status.cpp
#include "app/training_status.hpp"

#include "app/audit.hpp"
#include "app/languages.hpp"

#include <map>

namespace mamori::app {

std::vector<training::OverdueItem> OverdueTraining(const TrainingRecords &records,
                                                   const training::TrainingContent &content, const std::string &today) {
	std::vector<training::HeldSession> held;
	for (const auto &session : records.sessions) {
		if (!session.held || !session.held_on) {
			continue;
		}
		auto marks = [&](const std::map<Id, std::set<Id>> &by_session) {
			auto found = by_session.find(session.id);
			return found == by_session.end() ? std::set<std::int64_t>{}
			                                 : std::set<std::int64_t>(found->second.begin(), found->second.end());
		};
		const bool has_quiz = !session.quiz_set.empty() && content.FindQuizSet(session.quiz_set) != nullptr;
		held.push_back({session.id, *session.held_on, has_quiz, marks(records.audience), marks(records.attended),
		                marks(records.passed)});
	}
	return training::FindOverdue(held, today, content.overdue_days);
}

std::vector<MyTrainingItem> MyTraining(const TrainingRecords &records, const training::TrainingContent &content,
                                       Id user_id, const std::string &today) {
	const auto overdue = OverdueTraining(records, content, today);
	std::vector<MyTrainingItem> items;
	for (const auto &session : records.sessions) {
		if (!records.InAudience(session.id, user_id)) {
			continue;
		}
		MyTrainingItem item;
		item.session = session;
		item.attended = records.attended.count(session.id) > 0 && records.attended.at(session.id).count(user_id) > 0;
		item.has_quiz = !session.quiz_set.empty() && content.FindQuizSet(session.quiz_set) != nullptr;
		item.passed = records.passed.count(session.id) > 0 && records.passed.at(session.id).count(user_id) > 0;
		for (const auto &result : records.results) {
			if (result.session_id == session.id && result.user_id == user_id) {
				item.latest = result;
			}
		}
		for (const auto &due : overdue) {
			item.overdue = item.overdue || (due.session_id == session.id && due.user_id == user_id);
		}
		items.push_back(std::move(item));
	}
	return items;
}

Result<ReminderOutcome> SendTrainingReminders(AppContext &ctx, const MessageCatalog &messages, const Actor &actor,
                                              const OrgAccess &access, const std::string &training_url) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	if (ctx.mailer == nullptr) {
		return Error::Make(ErrorCode::kConflict, "app_training.mail_not_configured");
	}
	const auto records = MAMORI_TRY(LoadTrainingRecords(ctx, access));
	const auto overdue = OverdueTraining(records, ctx.catalog.training, ctx.clock.TodayInJapan());
	// One mail per member, naming only their own sessions.
	std::map<Id, std::vector<const storage::TrainingSession *>> owed;
	for (const auto &item : overdue) {
		owed[item.user_id].push_back(records.FindSession(item.session_id));
	}
	const Locale locale = DocumentLocaleOf(access.org);
	ReminderOutcome outcome;
	for (const auto &[user_id, sessions] : owed) {
		const storage::Membership *member = records.FindMember(user_id);
		if (member == nullptr || member->email.empty()) {
			continue;
		}
		std::string list;
		for (const auto *session : sessions) {
			list += "- " + session->title + " (" + session->held_on.value_or("") + ")\n";
		}
		platform::MailMessage message;
		message.to = {member->email};
		message.subject = messages.Text(locale, "mail_training.reminder_subject", {{"org", access.org.name}});
		message.body = messages.Text(locale, "mail_training.reminder_body",
		                             {{"org", access.org.name}, {"sessions", list}, {"url", training_url}});
		(ctx.mailer->Send(message) ? outcome.sent : outcome.failed).push_back(member->email);
	}
	if (outcome.sent.empty() && outcome.failed.empty()) {
		return outcome;
	}
	MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
		return Audit(ctx, access.org.id, actor.user_id, "training.remind", "training",
		             {{"sent", outcome.sent}, {"failed", outcome.failed}});
	}));
	return outcome;
}

} // namespace mamori::app
