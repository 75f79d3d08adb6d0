// mamori/app/accounts.cpp
#include "app/accounts.hpp"

#include "app/audit.hpp"
#include "app/sign_in_throttle.hpp"
#include "core/security/password_policy.hpp"
#include "platform/clock.hpp"
#include "platform/crypto.hpp"
#include "platform/password_hash.hpp"

#include <algorithm>
#include <cctype>

namespace mamori::app {

std::string NormalizeEmail(const std::string &email) {
	std::string out = email;
	while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back()))) {
		out.pop_back();
	}
	out.erase(out.begin(), std::find_if(out.begin(), out.end(), [](unsigned char c) { return !std::isspace(c); }));
	std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
	return out;
}

Status ValidateEmail(const std::string &email, const std::string &field) {
	if (email.empty()) {
		return Error::Invalid(field, "app_accounts.email.required");
	}
	if (email.size() > 254) {
		return Error::Invalid(field, "app_accounts.email.too_long");
	}
	const auto at = email.find('@');
	if (at == std::string::npos || at == 0 || at + 1 >= email.size() || email.find('@', at + 1) != std::string::npos ||
	    email.find('.', at) == std::string::npos ||
	    std::any_of(email.begin(), email.end(), [](unsigned char c) { return c <= ' ' || c == '<' || c == '>'; })) {
		return Error::Invalid(field, "app_accounts.email.format");
	}
	return OkStatus();
}

Result<Id> CreateAccount(AppContext &ctx, const NewAccount &account, std::optional<Id> created_by) {
	const std::string email = NormalizeEmail(account.email);
	if (auto status = ValidateEmail(email); !status) {
		return status.error();
	}
	if (auto status = CheckPasswordPolicy(account.password, email, ctx.catalog.common_passwords); !status) {
		return status.error();
	}
	if (account.display_name.size() > 100) {
		return Error::Invalid("display_name", "app_accounts.display_name_too_long");
	}
	auto hash = platform::HashPassword(account.password);
	if (!hash) {
		return hash.error();
	}
	storage::User user;
	user.email = email;
	user.display_name = account.display_name.empty() ? email.substr(0, email.find('@')) : account.display_name;
	user.password_hash = *hash;
	user.is_admin = account.is_admin;
	user.created_at = ctx.clock.NowIso();

	Id new_id = 0;
	auto status = ctx.store.InTransaction([&]() -> Status {
		auto id = ctx.store.CreateUser(user);
		if (!id) {
			if (id.error().code == ErrorCode::kConflict) {
				return Error{ErrorCode::kConflict, "email", "app_accounts.email_taken"};
			}
			return id.error();
		}
		new_id = *id;
		return Audit(ctx, std::nullopt, created_by ? created_by : std::optional<Id>(new_id), "account.create",
		             "user:" + std::to_string(new_id), {{"email", email}, {"is_admin", account.is_admin}});
	});
	if (!status) {
		return status.error();
	}
	return new_id;
}

namespace {

//! The browser's description is for the owner to recognise the session, so a short one will do.
constexpr size_t kUserAgentMaxBytes = 200;
//! The time of a request is written at most this often, so reading a page stays a read.
constexpr long long kSessionTouchSeconds = 60;

//! Cuts text to at most `max_bytes` without splitting a UTF-8 character.
std::string Shorten(const std::string &text, size_t max_bytes) {
	if (text.size() <= max_bytes) {
		return text;
	}
	size_t end = max_bytes;
	while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
		--end;
	}
	return text.substr(0, end);
}

} // namespace

Result<storage::User> Authenticate(AppContext &ctx, const std::string &email, const std::string &password,
                                   const std::string &client) {
	const std::string normalized = NormalizeEmail(email);
	// A waiting key is refused before any password is checked, so guesses cost the
	// guesser time and cost the server nothing (no hashing, no writes).
	auto wait = SignInWaitSeconds(ctx, normalized, client);
	if (!wait) {
		return wait.error();
	}
	if (*wait > 0) {
		return ThrottledError(ctx, *wait, false);
	}
	auto found = ctx.store.FindUserByEmail(normalized);
	if (!found) {
		return found.error();
	}
	const bool usable = found->has_value() && !(*found)->password_hash.empty();
	bool verified = false;
	if (usable) {
		verified = platform::VerifyPassword((*found)->password_hash, password);
	} else {
		// Spend the same work as a real check, so response time does not reveal which e-mails exist.
		static const std::string dummy = platform::HashPassword("mamori-timing-equaliser").value();
		platform::VerifyPassword(dummy, password);
	}
	if (!verified) {
		const std::optional<Id> user_id = found->has_value() ? std::optional<Id>((*found)->id) : std::nullopt;
		auto wait_now = RecordFailedSignIn(ctx, normalized, client, user_id);
		if (!wait_now) {
			return wait_now.error();
		}
		if (*wait_now > 0) {
			return ThrottledError(ctx, *wait_now, true);
		}
		return Error{ErrorCode::kUnauthenticated, "", "app_accounts.login.wrong"};
	}
	// The owner proved themselves: their address owes no wait. The client address keeps its
	// count, or one could clear it with one's own account between guesses at others.
	if (auto cleared = ClearEmailThrottle(ctx, normalized); !cleared) {
		return cleared.error();
	}
	return **found;
}

Result<IssuedSession> StartSession(AppContext &ctx, Id user_id, const std::string &client,
                                   const std::string &user_agent) {
	IssuedSession issued;
	issued.token = ctx.random.Token(32);
	issued.csrf_token = ctx.random.Token(32);
	issued.expires_at = ctx.clock.IsoAfter(kSessionSeconds);
	storage::Session session;
	session.token_hash = platform::Sha256Hex(issued.token);
	session.user_id = user_id;
	session.csrf_token = issued.csrf_token;
	session.created_at = ctx.clock.NowIso();
	session.expires_at = issued.expires_at;
	session.last_seen_at = session.created_at;
	session.password_at = session.created_at;  // every sign-in has just checked the password
	session.client = Shorten(client, 64);
	session.user_agent = Shorten(user_agent, kUserAgentMaxBytes);
	auto status = ctx.store.InTransaction([&]() -> Status {
		session.failed_sign_ins = MAMORI_TRY(ctx.store.TakeFailedSinceSignIn(user_id));
		if (auto created = ctx.store.CreateSession(session); !created) {
			return created;
		}
		return Audit(ctx, std::nullopt, user_id, "session.start", "user:" + std::to_string(user_id),
		             client.empty() ? nlohmann::json::object() : nlohmann::json{{"client", client}});
	});
	if (!status) {
		return status.error();
	}
	return issued;
}

Result<std::optional<SessionUser>> ResolveSession(AppContext &ctx, const std::string &token) {
	if (token.empty() || token.size() > kSessionTokenMaxBytes) {
		return std::optional<SessionUser>();
	}
	// The session and its user in one query: every signed-in request starts here.
	auto found = ctx.store.FindSessionUser(platform::Sha256Hex(token), ctx.clock.NowIso());
	if (!found) {
		return found.error();
	}
	if (!found->has_value()) {
		return std::optional<SessionUser>();
	}
	return LiveSession(ctx, std::move(**found));
}

Result<std::optional<SessionUser>> LiveSession(AppContext &ctx, storage::SessionWithUser found) {
	const storage::Session &session = found.session;
	// Sessions from before the idle timeout have no last_seen_at; their start counts instead.
	const std::string &last_seen = session.last_seen_at.empty() ? session.created_at : session.last_seen_at;
	if (last_seen <= ctx.clock.IsoAfter(-kSessionIdleSeconds)) {
		(void)ctx.store.DeleteSession(session.token_hash);
		return std::optional<SessionUser>();
	}
	if (last_seen <= ctx.clock.IsoAfter(-kSessionTouchSeconds)) {
		if (auto touched = ctx.store.TouchSession(session.token_hash, ctx.clock.NowIso()); !touched) {
			return touched.error();
		}
	}
	return std::optional<SessionUser>(SessionUser{std::move(found.user), session.csrf_token, session.token_hash,
	                                              session.failed_sign_ins, session.password_at});
}

Status EndSession(AppContext &ctx, const std::string &token) {
	return ctx.store.DeleteSession(platform::Sha256Hex(token));
}

Status EndSession(AppContext &ctx, const SessionUser &session) { return ctx.store.DeleteSession(session.token_hash); }

Result<bool> SetupPending(AppContext &ctx) {
	auto users = ctx.store.CountUsers();
	if (!users) {
		return users.error();
	}
	return *users == 0;
}

Result<std::vector<storage::User>> ListAccounts(AppContext &ctx, const Actor &actor) {
	if (!actor.is_admin) {
		return Error::Make(ErrorCode::kNotFound, "errors.not_found");
	}
	return ctx.store.ListUsers(500, 0);
}

Status UnlockAccount(AppContext &ctx, const Actor &actor, Id user_id) {
	if (!actor.is_admin) {
		return Error::Make(ErrorCode::kNotFound, "errors.not_found");
	}
	auto user = ctx.store.FindUserById(user_id);
	if (!user) {
		return user.error();
	}
	if (!user->has_value()) {
		return Error::Make(ErrorCode::kNotFound, "app_accounts.not_found");
	}
	return ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ClearEmailThrottle(ctx, (*user)->email));
		return Audit(ctx, std::nullopt, actor.user_id, "account.unlock", "user:" + std::to_string(user_id), {});
	});
}

Status ChangePassword(AppContext &ctx, Id user_id, const std::string &new_password) {
	auto user = ctx.store.FindUserById(user_id);
	if (!user) {
		return user.error();
	}
	if (!user->has_value()) {
		return Error::Make(ErrorCode::kNotFound, "app_accounts.not_found");
	}
	if (auto status = CheckPasswordPolicy(new_password, (*user)->email, ctx.catalog.common_passwords); !status) {
		return status;
	}
	auto hash = platform::HashPassword(new_password);
	if (!hash) {
		return hash.error();
	}
	return ctx.store.InTransaction([&]() -> Status {
		if (auto status = ctx.store.UpdatePasswordHash(user_id, *hash); !status) {
			return status;
		}
		if (auto status = ctx.store.DeleteSessionsOfUser(user_id); !status) {
			return status;
		}
		return Audit(ctx, std::nullopt, user_id, "account.password_change", "user:" + std::to_string(user_id), {});
	});
}

} // namespace mamori::app
