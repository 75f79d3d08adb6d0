// mamori/app/account_events.hpp
//
// The account's own recent security events, read from the audit log, for the account page
// (ASVS 2.2.3, 2.5.5): sign-ins with their client address, failed passwords and codes, and
// changes of the password and two-step login. The owner sees them even when no mail relay is
// configured, so a sign-in or change they did not make does not go unnoticed.
#pragma once

#include "app/app_context.hpp"

#include <string>
#include <vector>

namespace mamori::app {

//! How many events the account page shows: enough for the last few days of an ordinary user.
inline constexpr int kAccountEventsShown = 10;

struct AccountEvent {
	std::string at;      // ISO UTC
	std::string action;  // the audit action, e.g. "session.start"
	std::string client;  // the address it came from, when recorded
};

//! The user's newest security events first, at most kAccountEventsShown.
Result<std::vector<AccountEvent>> RecentAccountEvents(AppContext &ctx, Id user_id);

} // namespace mamori::app
