// mamori/app/sign_in_throttle.hpp
//
// Throttling of sign-in attempts (issue 10): failed attempts are rows in the
// database, keyed by the e-mail address typed and by the client address, so
// that several server instances on one database agree. The rule itself is
// core/security/sign_in_throttle.hpp. Nothing here ever locks an account: the
// longest wait is the rule's cap.
#pragma once

#include "app/app_context.hpp"

#include <optional>
#include <set>
#include <string>

namespace mamori::app {

//! "email:<address>", the key of an address whether or not an account has it,
//! so a throttled answer does not tell which addresses exist.
std::string EmailThrottleKey(const std::string &normalized_email);
//! "client:<address>", or "" when the address is unknown (the CLI).
std::string ClientThrottleKey(const std::string &client);

//! Seconds a sign-in for this e-mail from this client must still wait; 0 when it may try.
Result<long long> SignInWaitSeconds(AppContext &ctx, const std::string &normalized_email, const std::string &client);

//! The kRateLimited error for a wait: parameters "seconds" (also the Retry-After
//! header) and "time", the Japanese clock time from which to try again.
Error ThrottledError(AppContext &ctx, long long wait_seconds, bool wrong_password);

//! Records a wrong password (or an unknown e-mail) for both keys and returns the
//! wait it causes. Audits boundedly (see the .cpp); counts the failure towards the
//! notice the account's owner gets at their next sign-in. `action` names the audit entry of the
//! failure (a wrong password on the confirm-password page is "account.reauth_failed").
Result<long long> RecordFailedSignIn(AppContext &ctx, const std::string &normalized_email, const std::string &client,
                                     std::optional<Id> user_id, const std::string &action = "account.login_failed");

//! After a successful sign-in, or the administrator's unlock: the address owes no wait.
Status ClearEmailThrottle(AppContext &ctx, const std::string &normalized_email);

//! The e-mail addresses that must wait now, for the administrator's list.
Result<std::set<std::string>> ThrottledEmails(AppContext &ctx);

} // namespace mamori::app
