// mamori/app/rate_limits.hpp
//
// Rate limits for signed-in use (issue 10, ASVS 11.1.2-11.1.4): API calls, exports and
// imports are counted per account (per client address before sign-in) in fixed windows kept
// in the database (storage/counter_store.hpp), so instances sharing one database agree. The
// numbers are core/security/rate_limit.hpp. A refusal is kRateLimited with the seconds to
// wait, which the web layer sends as 429 with Retry-After.
#pragma once

#include "app/app_context.hpp"

#include <optional>
#include <string>

namespace mamori::app {

enum class RateKind { kApi, kExport, kImport };

//! Whom a request is counted for: "user:ID" when signed in, else "client:ADDRESS".
std::string RateSubject(std::optional<Id> user_id, const std::string &client);

//! Counts one use of `kind` for `subject`. Ok while within the limit; otherwise a
//! kRateLimited error whose "seconds" parameter is the wait (also the Retry-After header).
//! A refusal also counts towards the rate-limit alert (app/alerts.hpp).
Status TakeRate(AppContext &ctx, RateKind kind, const std::string &subject);

//! The ISO start of the fixed window of `window_seconds` that now falls in.
std::string CurrentWindowStart(AppContext &ctx, long long window_seconds);

//! Counts one event under `key` in the current window of `window_seconds`; returns the count.
//! Old windows are pruned when a new one starts. Shared by the limits and the alerts.
Result<int> CountInWindow(AppContext &ctx, const std::string &key, long long window_seconds);

} // namespace mamori::app
