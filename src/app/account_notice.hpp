// mamori/app/account_notice.hpp
//
// The owner of an account hears by mail when its password or two-step login
// changes (ASVS 2.5.5). If it was not them, the mail is how they find out in
// time. The change is already stored: a relay that refuses undoes nothing.
#pragma once

#include "app/app_context.hpp"
#include "core/i18n/message_catalog.hpp"

#include <string>

namespace mamori::app {

enum class AccountChange {
	kPasswordChanged,
	kTwoStepEnabled,
	kTwoStepDisabled,
	kRecoveryCodesRenewed,
	kTwoStepCodeReused,  // a used code was typed again and refused (ASVS 2.8.5)
};

//! Mails `user` (in their language, Japanese when not chosen) what changed and
//! when, with `account_url` to check their sessions. Without a relay it does
//! nothing; a refused mail is audited (`account.notice_failed`), not an error.
Status NotifyAccountChange(AppContext &ctx, const MessageCatalog &messages, const storage::User &user,
                           AccountChange change, const std::string &account_url);
//! The same for an account known by its id (when no session holds it, e.g. during sign-in).
Status NotifyAccountChange(AppContext &ctx, const MessageCatalog &messages, Id user_id, AccountChange change,
                           const std::string &account_url);

} // namespace mamori::app
