// mamori/app/alerts.hpp
//
// Operator alerts on bursts (issue 10, ASVS 11.1.8, 8.1.4, 11.1.7): refusals from one client,
// failed sign-ins across accounts, exports by one account and rate-limit refusals are counted
// in the database (the fixed-window counters of app/rate_limits.hpp, shared by every instance).
// When a count reaches its threshold (app/alert_settings.hpp), the server writes one line
//   mamori: ALERT KIND subject=WHO count=N window=600s
// on standard error and mails the operator's address through the configured relay; at most once
// per window and kind, however many instances and subjects cross it.
#pragma once

#include "app/app_context.hpp"

#include <string>

namespace mamori::app {

enum class AlertKind { kRefusals, kFailedSignIns, kExports, kRateLimited };

//! "refusals", "failed_sign_ins", "exports", "rate_limited": the KIND of the line.
const char *AlertKindName(AlertKind kind);

//! Counts one event of `kind` for `subject` ("client:ADDRESS", "user:ID", "all") and raises the
//! alert when the count reaches the threshold. Never fails the request it is called from: a
//! counter or relay that fails is reported on standard error instead.
void NoteForAlert(AppContext &ctx, AlertKind kind, const std::string &subject);

} // namespace mamori::app
