// mamori/app/alert_settings.hpp
//
// What makes the server raise an operator alert (issue 10, ASVS 11.1.8): a burst of one kind
// within kAlertWindowSeconds. The defaults are the documented ones (docs/operations.md,
// "Alerts"); `mamori serve --alert-*` changes them. The counting is app/alerts.hpp.
#pragma once

#include "core/i18n/message_catalog.hpp"

#include <string>

namespace mamori::app {

//! Alerts count events in fixed ten-minute windows: long enough to see a slow scan, short
//! enough that an alert still means "now".
inline constexpr long long kAlertWindowSeconds = 10 * 60;

//! Events in one window that raise an alert; 0 turns that kind off. A person makes a few of
//! each by mistake; a probe, a password spray or someone copying data out makes many.
struct AlertThresholds {
	int refusals_per_client = 50;   // refused requests (401/403/404/400/405/429) from one client address
	int failed_sign_ins = 20;       // failed sign-ins, across all accounts
	int exports_per_account = 20;   // downloads of organisation data by one account
	int rate_limited = 5;           // requests refused by a rate limit, across all callers
};

struct AlertSettings {
	AlertThresholds thresholds;
	std::string mail_to;                        // "" = standard error only
	const MessageCatalog *messages = nullptr;   // the mail's text; no mail without it
	Locale locale = kDefaultLocale;             // the mail's language (the operator's terminal)
};

} // namespace mamori::app
