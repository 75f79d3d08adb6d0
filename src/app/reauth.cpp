// mamori/app/reauth.cpp
#include "app/reauth.hpp"

#include "app/audit.hpp"
#include "app/sign_in_throttle.hpp"
#include "platform/password_hash.hpp"

namespace mamori::app {

bool HasRecentPassword(AppContext &ctx, const SessionUser &session) {
	return !session.password_at.empty() && session.password_at > ctx.clock.IsoAfter(-kRecentPasswordSeconds);
}

std::string RecentPasswordUntil(AppContext &ctx, const SessionUser &session) {
	if (!HasRecentPassword(ctx, session)) {
		return "";
	}
	const long long left = platform::FixedClock::AtIso(session.password_at).Now() + kRecentPasswordSeconds - ctx.clock.Now();
	return ctx.clock.IsoAfter(left);
}

Status ConfirmPassword(AppContext &ctx, SessionUser &session, const std::string &password, const std::string &client) {
	if (password.empty()) {
		return Error::Invalid("password", "app_reauth.password_required");
	}
	const std::string &email = session.user.email;
	// The same waits as sign-in: a session thief cannot guess the password here faster than there.
	const long long wait = MAMORI_TRY(SignInWaitSeconds(ctx, email, client));
	if (wait > 0) {
		return ThrottledError(ctx, wait, false);
	}
	if (!platform::VerifyPassword(session.user.password_hash, password)) {
		MAMORI_TRY(RecordFailedSignIn(ctx, email, client, session.user.id, "account.reauth_failed"));
		return Error::Invalid("password", "app_reauth.password_wrong");
	}
	const std::string now = ctx.clock.NowIso();
	MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.MarkPasswordEntered(session.token_hash, now));
		nlohmann::json detail = nlohmann::json::object();
		if (!client.empty()) {
			detail["client"] = client;
		}
		return Audit(ctx, std::nullopt, session.user.id, "account.reauth", "user:" + std::to_string(session.user.id),
		             detail);
	}));
	session.password_at = now;
	return OkStatus();
}

} // namespace mamori::app
