// mamori/app/account_events.cpp
#include "app/account_events.hpp"

#include <nlohmann/json.hpp>

namespace mamori::app {
namespace {

//! The audit actions about signing in to an account and its credentials (all written with the
//! target "user:ID" and no organisation).
const std::vector<std::string> &SecurityActions() {
	static const std::vector<std::string> actions = {
	    "session.start",           "account.login_failed",          "account.throttled",
	    "account.password_change", "account.two_step_enabled",      "account.two_step_disabled",
	    "account.two_step_failed", "account.two_step_reused",       "account.recovery_code_used",
	    "account.recovery_codes_renewed", "session.end",            "session.end_all",
	    "account.reauth",          "account.reauth_failed",         "account.unlock",
	};
	return actions;
}

std::string ClientOf(const std::string &detail) {
	const auto json = nlohmann::json::parse(detail, nullptr, false);
	if (json.is_object() && json.contains("client") && json["client"].is_string()) {
		return json["client"].get<std::string>();
	}
	return "";
}

} // namespace

Result<std::vector<AccountEvent>> RecentAccountEvents(AppContext &ctx, Id user_id) {
	const auto entries = MAMORI_TRY(ctx.store.ListAccountAudit(user_id, SecurityActions(), kAccountEventsShown));
	std::vector<AccountEvent> events;
	for (const auto &entry : entries) {
		events.push_back(AccountEvent{entry.at, entry.action, ClientOf(entry.detail)});
	}
	return events;
}

} // namespace mamori::app
