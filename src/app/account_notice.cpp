// mamori/app/account_notice.cpp
#include "app/account_notice.hpp"

#include "app/audit.hpp"
#include "app/incidents.hpp"
#include "app/languages.hpp"
#include "platform/clock.hpp"

namespace mamori::app {
namespace {

const char *ChangeKey(AccountChange change) {
	switch (change) {
	case AccountChange::kPasswordChanged:
		return "mail.account_change.password_changed";
	case AccountChange::kTwoStepEnabled:
		return "mail.account_change.two_step_enabled";
	case AccountChange::kTwoStepDisabled:
		return "mail.account_change.two_step_disabled";
	case AccountChange::kRecoveryCodesRenewed:
		return "mail.account_change.recovery_codes_renewed";
	case AccountChange::kTwoStepCodeReused:
		return "mail.account_change.two_step_code_reused";
	}
	return "mail.account_change.password_changed";
}

} // namespace

Status NotifyAccountChange(AppContext &ctx, const MessageCatalog &messages, const storage::User &user,
                           AccountChange change, const std::string &account_url) {
	if (ctx.mailer == nullptr) {
		return OkStatus();
	}
	const Locale locale = ChosenLocaleOf(user).value_or(kDefaultLocale);
	platform::MailMessage message;
	message.to = {user.email};
	message.subject = messages.Text(locale, "mail.account_change.subject");
	message.body = messages.Text(locale, "mail.account_change.body",
	                             {{"email", user.email},
	                              {"what", messages.Text(locale, ChangeKey(change))},
	                              {"at", JapanMinuteNow(ctx.clock)},  // "YYYY-MM-DDTHH:MM", Japan time
	                              {"url", account_url}});
	if (auto sent = ctx.mailer->Send(message); !sent) {
		return ctx.store.InTransaction([&]() -> Status {
			return Audit(ctx, std::nullopt, user.id, "account.notice_failed", "user:" + std::to_string(user.id),
			             {{"reason", sent.error().Describe()}});
		});
	}
	return OkStatus();
}

Status NotifyAccountChange(AppContext &ctx, const MessageCatalog &messages, Id user_id, AccountChange change,
                           const std::string &account_url) {
	if (ctx.mailer == nullptr) {
		return OkStatus();
	}
	const auto user = MAMORI_TRY(ctx.store.FindUserById(user_id));
	if (!user) {
		return OkStatus();  // no such account: nobody to tell
	}
	return NotifyAccountChange(ctx, messages, *user, change, account_url);
}

} // namespace mamori::app
