// mamori/app/reauth.hpp
//
// Re-authentication before sensitive actions (ASVS 3.7.1, 3.3.4, 4.3.3): signing out everywhere
// or ending another session, adding or removing members, the organisation's two-step
// requirement and the installation administrator's pages need the password to have been entered
// for this session a short while ago. A session left open on an unattended computer, or taken
// over by a thief, cannot do them without the password. The route gate asks (web/route_table).
#pragma once

#include "app/accounts.hpp"

#include <string>

namespace mamori::app {

//! How long an entered password counts as recent. Ten minutes covers one sitting of
//! administration (adding several members, then requiring two-step login) without asking again,
//! and is a third of the idle timeout, so a computer left open for a coffee break asks again.
inline constexpr long long kRecentPasswordSeconds = 10 * 60;

//! Whether the session's password was entered within kRecentPasswordSeconds.
bool HasRecentPassword(AppContext &ctx, const SessionUser &session);

//! When the recent password stops counting (ISO UTC), or "" when it is not recent.
std::string RecentPasswordUntil(AppContext &ctx, const SessionUser &session);

//! Checks the session user's password again (throttled like sign-in: kRateLimited while the
//! e-mail or client must wait) and marks the session as having a recent password. A wrong or
//! missing password is kInvalidInput on field "password". Audited account.reauth (success) and
//! account.reauth_failed (with the client), both with the client address.
Status ConfirmPassword(AppContext &ctx, SessionUser &session, const std::string &password, const std::string &client);

} // namespace mamori::app
