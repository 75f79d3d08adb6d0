// mamori/app/sessions.cpp
#include "app/sessions.hpp"

#include "app/audit.hpp"
#include "app/sign_in_throttle.hpp"
#include "core/security/password_policy.hpp"
#include "platform/crypto.hpp"
#include "platform/password_hash.hpp"

namespace mamori::app {

namespace {

//! A prefix of the token's hash: enough to tell a user's few sessions apart, and since
//! the hash is of a random token, nothing about the token can be learnt from it.
constexpr size_t kHandleLength = 16;

std::string HandleOf(const std::string &token_hash) { return token_hash.substr(0, kHandleLength); }

std::string UserTarget(Id user_id) { return "user:" + std::to_string(user_id); }

//! Creates the replacement session and deletes the old one; the caller holds the transaction.
//! `password_entered`: the request checked the password, so the new session counts it as recent.
Result<IssuedSession> ReplaceSession(AppContext &ctx, SessionUser &session, bool password_entered = false) {
	auto old = ctx.store.FindSession(session.token_hash, ctx.clock.NowIso());
	if (!old) {
		return old.error();
	}
	if (!old->has_value()) {
		return Error::Make(ErrorCode::kUnauthenticated, "web_api.not_logged_in");
	}
	IssuedSession issued;
	issued.token = ctx.random.Token(32);
	issued.csrf_token = ctx.random.Token(32);
	issued.expires_at = (*old)->expires_at;  // rotation does not lengthen the session
	storage::Session replacement = **old;
	replacement.token_hash = platform::Sha256Hex(issued.token);
	replacement.csrf_token = issued.csrf_token;
	replacement.last_seen_at = ctx.clock.NowIso();
	if (password_entered) {
		replacement.password_at = replacement.last_seen_at;
	}
	MAMORI_TRY(ctx.store.CreateSession(replacement));
	MAMORI_TRY(ctx.store.DeleteSession(session.token_hash));
	session.token_hash = replacement.token_hash;
	session.csrf_token = replacement.csrf_token;
	session.password_at = replacement.password_at;
	return issued;
}

} // namespace

Result<IssuedSession> RotateSession(AppContext &ctx, SessionUser &session) {
	Result<IssuedSession> issued = IssuedSession{};
	SessionUser rotated = session;
	auto status = ctx.store.InTransaction([&]() -> Status {
		issued = ReplaceSession(ctx, rotated);
		return issued ? OkStatus() : Status(issued.error());
	});
	if (!status) {
		return status.error();
	}
	session = rotated;
	return issued;
}

Result<std::vector<ActiveSession>> ListMySessions(AppContext &ctx, const SessionUser &session) {
	auto stored = ctx.store.ListSessionsOfUser(session.user.id, ctx.clock.NowIso());
	if (!stored) {
		return stored.error();
	}
	const std::string idle_limit = ctx.clock.IsoAfter(-kSessionIdleSeconds);
	std::vector<ActiveSession> sessions;
	for (const auto &each : *stored) {
		const std::string &last_seen = each.last_seen_at.empty() ? each.created_at : each.last_seen_at;
		if (last_seen <= idle_limit) {
			continue;  // ended by the idle timeout, though not yet deleted
		}
		sessions.push_back(ActiveSession{HandleOf(each.token_hash), each.created_at, last_seen, each.client,
		                                 each.user_agent, each.token_hash == session.token_hash});
	}
	return sessions;
}

Status EndMySession(AppContext &ctx, const SessionUser &session, const std::string &handle) {
	auto stored = ctx.store.ListSessionsOfUser(session.user.id, ctx.clock.NowIso());
	if (!stored) {
		return stored.error();
	}
	for (const auto &each : *stored) {
		if (handle.size() == kHandleLength && HandleOf(each.token_hash) == handle) {
			return ctx.store.InTransaction([&]() -> Status {
				MAMORI_TRY(ctx.store.DeleteSessionOfUser(session.user.id, each.token_hash));
				return Audit(ctx, std::nullopt, session.user.id, "session.end", UserTarget(session.user.id),
				             {{"session", handle}, {"client", each.client}});
			});
		}
	}
	return Error::Make(ErrorCode::kNotFound, "my_account.sessions.not_found");
}

Result<int> EndMyOtherSessions(AppContext &ctx, const SessionUser &session) {
	int ended = 0;
	auto status = ctx.store.InTransaction([&]() -> Status {
		ended = MAMORI_TRY(ctx.store.DeleteOtherSessionsOfUser(session.user.id, session.token_hash));
		return Audit(ctx, std::nullopt, session.user.id, "session.end_all", UserTarget(session.user.id),
		             {{"ended", ended}});
	});
	if (!status) {
		return status.error();
	}
	return ended;
}

Status AcknowledgeFailedSignIns(AppContext &ctx, SessionUser &session) {
	if (session.failed_sign_ins == 0) {
		return OkStatus();
	}
	MAMORI_TRY(ctx.store.ClearSessionFailedSignIns(session.token_hash));
	session.failed_sign_ins = 0;
	return OkStatus();
}

Result<IssuedSession> ChangeMyPassword(AppContext &ctx, SessionUser &session, const PasswordChange &change) {
	const std::string &email = session.user.email;
	if (change.current_password.empty()) {
		return Error::Invalid("current_password", "my_account.password.current_required");
	}
	// Someone at an unattended, signed-in computer must not learn the password by guessing here.
	auto wait = SignInWaitSeconds(ctx, email, change.client);
	if (!wait) {
		return wait.error();
	}
	if (*wait > 0) {
		return ThrottledError(ctx, *wait, false);
	}
	if (!platform::VerifyPassword(session.user.password_hash, change.current_password)) {
		auto wait_now = RecordFailedSignIn(ctx, email, change.client, session.user.id);
		if (!wait_now) {
			return wait_now.error();
		}
		return Error::Invalid("current_password", "my_account.password.current_wrong");
	}
	if (change.new_password.empty()) {
		return Error::Invalid("new_password", "my_account.password.new_required");
	}
	MAMORI_TRY(CheckPasswordPolicy(change.new_password, email, ctx.catalog.common_passwords, "new_password"));
	if (change.new_password != change.new_password_confirm) {
		return Error::Invalid("new_password_confirm", "my_account.password.mismatch");
	}
	const std::string hash = MAMORI_TRY(platform::HashPassword(change.new_password));
	Result<IssuedSession> issued = IssuedSession{};
	SessionUser rotated = session;
	auto status = ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.UpdatePasswordHash(session.user.id, hash));
		const int ended = MAMORI_TRY(ctx.store.DeleteOtherSessionsOfUser(session.user.id, session.token_hash));
		issued = ReplaceSession(ctx, rotated, true);
		if (!issued) {
			return issued.error();
		}
		return Audit(ctx, std::nullopt, session.user.id, "account.password_change", UserTarget(session.user.id),
		             {{"other_sessions_ended", ended}});
	});
	if (!status) {
		return status.error();
	}
	rotated.user.password_hash = hash;
	session = rotated;
	return issued;
}

} // namespace mamori::app
