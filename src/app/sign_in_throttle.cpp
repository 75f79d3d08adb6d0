// mamori/app/sign_in_throttle.cpp
#include "app/sign_in_throttle.hpp"

#include "app/alerts.hpp"
#include "app/audit.hpp"
#include "core/security/sign_in_throttle.hpp"

#include <ctime>

namespace mamori::app {

namespace {

constexpr const char *kEmailPrefix = "email:";
constexpr const char *kClientPrefix = "client:";

std::time_t ParseIso(const std::string &iso) { return platform::FixedClock::AtIso(iso).Now(); }

std::string WindowStart(AppContext &ctx) { return ctx.clock.IsoAfter(-kThrottleWindowSeconds); }

const ThrottleRule &RuleFor(const std::string &key) {
	return key.rfind(kClientPrefix, 0) == 0 ? kClientThrottle : kAccountThrottle;
}

long long WaitFor(AppContext &ctx, const storage::SignInFailures &failures) {
	return ThrottleWaitSeconds(failures.failures, ParseIso(failures.last_failed_at), ctx.clock.Now(),
	                           RuleFor(failures.throttle_key));
}

std::vector<std::string> KeysOf(const std::string &normalized_email, const std::string &client) {
	std::vector<std::string> keys{EmailThrottleKey(normalized_email)};
	if (std::string key = ClientThrottleKey(client); !key.empty()) {
		keys.push_back(std::move(key));
	}
	return keys;
}

//! The time in Japan, "HH:MM:SS": the users read the clock in Japan.
std::string JapanTimeAfter(AppContext &ctx, long long seconds) {
	const std::time_t when = ctx.clock.Now() + static_cast<std::time_t>(seconds + 9 * 3600);
	std::tm parts{};
	gmtime_r(&when, &parts);
	char buffer[16];
	std::strftime(buffer, sizeof(buffer), "%H:%M:%S", &parts);
	return buffer;
}

} // namespace

std::string EmailThrottleKey(const std::string &normalized_email) { return kEmailPrefix + normalized_email; }

std::string ClientThrottleKey(const std::string &client) { return client.empty() ? "" : kClientPrefix + client; }

Result<long long> SignInWaitSeconds(AppContext &ctx, const std::string &normalized_email, const std::string &client) {
	auto counted = ctx.store.CountSignInFailures(KeysOf(normalized_email, client), WindowStart(ctx));
	if (!counted) {
		return counted.error();
	}
	long long wait = 0;
	for (const auto &failures : *counted) {
		wait = std::max(wait, WaitFor(ctx, failures));
	}
	return wait;
}

Error ThrottledError(AppContext &ctx, long long wait_seconds, bool wrong_password) {
	return Error::Make(ErrorCode::kRateLimited,
	                   wrong_password ? "app_accounts.login.wrong_then_wait" : "app_accounts.login.wait",
	                   {{"seconds", std::to_string(wait_seconds)}, {"time", JapanTimeAfter(ctx, wait_seconds)}});
}

// Audit rows are bounded, because every row is kept for good (the log is a hash chain) and a
// stranger can try any number of made-up addresses:
//  - account.login_failed is written for the first failure of an e-mail key in the window, and
//    for every wrong password of an existing account (the throttle already limits those);
//  - account.throttled is written once, by the failure that makes a key start waiting.
// Attempts refused while a key waits write nothing at all: they check no password.
Result<long long> RecordFailedSignIn(AppContext &ctx, const std::string &normalized_email, const std::string &client,
                                     std::optional<Id> user_id, const std::string &action) {
	const std::vector<std::string> keys = KeysOf(normalized_email, client);
	const std::string now = ctx.clock.NowIso();
	long long wait = 0;
	auto status = ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.PruneSignInFailures(WindowStart(ctx)));
		for (const auto &key : keys) {
			MAMORI_TRY(ctx.store.RecordSignInFailure(key, now));
		}
		if (user_id) {
			MAMORI_TRY(ctx.store.AddFailedSinceSignIn(*user_id));
		}
		auto counted = ctx.store.CountSignInFailures(keys, WindowStart(ctx));
		if (!counted) {
			return counted.error();
		}
		const std::string target = user_id ? "user:" + std::to_string(*user_id) : "";
		nlohmann::json detail = {{"email", normalized_email}};
		if (!client.empty()) {
			detail["client"] = client;
		}
		int email_failures = 0;
		for (const auto &failures : *counted) {
			if (failures.throttle_key == keys.front()) {
				email_failures = failures.failures;
			}
		}
		detail["failures"] = email_failures;
		if (user_id || email_failures == 1) {
			MAMORI_TRY(Audit(ctx, std::nullopt, user_id, action, target, detail));
		}
		for (const auto &failures : *counted) {
			wait = std::max(wait, WaitFor(ctx, failures));
			if (failures.failures == RuleFor(failures.throttle_key).free_failures + 1) {
				nlohmann::json throttled = detail;
				throttled["key"] = failures.throttle_key.rfind(kClientPrefix, 0) == 0 ? "client" : "email";
				throttled["wait_seconds"] = WaitFor(ctx, failures);
				MAMORI_TRY(Audit(ctx, std::nullopt, user_id, "account.throttled", target, throttled));
			}
		}
		return OkStatus();
	});
	if (!status) {
		return status.error();
	}
	// A password spray tries one password on many accounts: only the sum across them shows it.
	NoteForAlert(ctx, AlertKind::kFailedSignIns, "all");
	return wait;
}

Status ClearEmailThrottle(AppContext &ctx, const std::string &normalized_email) {
	return ctx.store.ClearSignInFailures(EmailThrottleKey(normalized_email));
}

Result<std::set<std::string>> ThrottledEmails(AppContext &ctx) {
	auto listed = ctx.store.ListSignInFailures(kEmailPrefix, WindowStart(ctx));
	if (!listed) {
		return listed.error();
	}
	std::set<std::string> emails;
	for (const auto &failures : *listed) {
		if (WaitFor(ctx, failures) > 0) {
			emails.insert(failures.throttle_key.substr(std::string(kEmailPrefix).size()));
		}
	}
	return emails;
}

} // namespace mamori::app
