// mamori/app/two_step.cpp
#include "app/two_step.hpp"

#include "app/audit.hpp"
#include "core/security/totp.hpp"
#include "platform/crypto.hpp"
#include "platform/hmac.hpp"
#include "platform/password_hash.hpp"

#include <algorithm>
#include <cctype>

namespace mamori::app {
namespace {

constexpr long long kFirstPauseSeconds = 30;
constexpr long long kLongestPauseSeconds = 15 * 60;

std::string UserTarget(Id user_id) { return "user:" + std::to_string(user_id); }

std::string HexToBytes(const std::string &hex) {
	std::string bytes;
	for (size_t i = 0; i + 1 < hex.size(); i += 2) {
		bytes.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
	}
	return bytes;
}

//! 160 random bits as base32. Drawn through ctx.random (hashed, so any token shape works), so
//! tests get predictable secrets and production gets OpenSSL's.
std::string NewSecret(AppContext &ctx) {
	return totp::Base32Encode(HexToBytes(platform::Sha256Hex(ctx.random.Token(32)).substr(0, 2 * totp::kSecretBytes)));
}

//! Percent-encoding for the otpauth URI's label (RFC 3986 unreserved characters pass).
std::string UriEncode(const std::string &text) {
	static const char *kHex = "0123456789ABCDEF";
	std::string out;
	for (unsigned char c : text) {
		if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '@') {
			out.push_back(static_cast<char>(c));
		} else {
			out.push_back('%');
			out.push_back(kHex[c >> 4]);
			out.push_back(kHex[c & 0x0F]);
		}
	}
	return out;
}

TwoStepEnrolment EnrolmentFor(const std::string &email, const std::string &secret) {
	return {secret, "otpauth://totp/mamori:" + UriEncode(email) + "?secret=" + secret +
	                    "&issuer=mamori&algorithm=SHA1&digits=6&period=30"};
}

//! A recovery code as typed: lower case, without spaces and hyphens.
std::string NormalizeRecoveryCode(const std::string &typed) {
	std::string out;
	for (unsigned char c : totp::NormalizeCode(typed)) {
		out.push_back(static_cast<char>(std::tolower(c)));
	}
	return out;
}

//! 112 random bits as 28 hex digits, shown as four groups of seven ("1a2b3c4-d5e6f7a-…"):
//! ASVS 2.6.2 asks lookup secrets for at least 112 bits of entropy, however they are stored.
std::string NewRecoveryCode(AppContext &ctx) {
	const std::string hex = platform::Sha256Hex(ctx.random.Token(32)).substr(0, kRecoveryCodeHexDigits);
	std::string grouped;
	for (int group = 0; group < kRecoveryCodeHexDigits / kRecoveryCodeGroupDigits; ++group) {
		grouped += (group > 0 ? "-" : "") + hex.substr(group * kRecoveryCodeGroupDigits, kRecoveryCodeGroupDigits);
	}
	return grouped;
}

//! Codes handed out before issue 10's second round had 16 hex digits (64 bits); those already
//! written down keep working until used or renewed.
bool HasRecoveryCodeLength(const std::string &normalized) {
	return normalized.size() == static_cast<size_t>(kRecoveryCodeHexDigits) ||
	       normalized.size() == static_cast<size_t>(kOldRecoveryCodeHexDigits);
}

//! What is stored of a recovery code: SHA-256 over the account's own TOTP secret and the code.
//! The secret is 160 random bits unique to the account, so it salts every code (ASVS 2.6.2): a
//! stolen table cannot be matched against one precomputed list of all 2^64 codes.
std::string RecoveryCodeHash(const std::string &salt, const std::string &normalized_code) {
	return platform::Sha256Hex(salt + ":" + normalized_code);
}

//! Stores the salted hashes of ten new codes and returns the codes themselves (shown once).
Result<std::vector<std::string>> IssueRecoveryCodes(AppContext &ctx, Id user_id, const std::string &salt) {
	std::vector<std::string> codes;
	std::vector<std::string> hashes;
	while (static_cast<int>(codes.size()) < kRecoveryCodeCount) {
		std::string code = NewRecoveryCode(ctx);
		std::string hash = RecoveryCodeHash(salt, NormalizeRecoveryCode(code));
		if (std::find(hashes.begin(), hashes.end(), hash) != hashes.end()) {
			continue;
		}
		codes.push_back(std::move(code));
		hashes.push_back(std::move(hash));
	}
	if (auto stored = ctx.store.ReplaceRecoveryCodes(user_id, hashes); !stored) {
		return stored.error();
	}
	return codes;
}

//! The HMAC key: the secret's bytes, as the authenticator app decodes them from base32.
std::string SecretKey(const std::string &base32) { return totp::Base32Decode(base32).value_or(std::string()); }

Result<storage::TwoStep> ActiveTwoStep(AppContext &ctx, Id user_id) {
	auto row = ctx.store.FindTwoStep(user_id);
	if (!row) {
		return row.error();
	}
	if (!row->has_value() || !(*row)->active()) {
		return Error::Make(ErrorCode::kConflict, "app_two_step.not_active");
	}
	return **row;
}

//! A wrong code: counted, audited, and paused after too many. A reused code (`reused`) is audited
//! as account.two_step_reused, so the holder's notice and their account page can name it.
Status RecordWrongCode(AppContext &ctx, const storage::TwoStep &row, const std::string &client, bool reused) {
	const int failures = row.failed_codes + 1;
	std::string blocked_until;
	if (failures >= kFreeCodeFailures) {
		const int doublings = std::min(failures - kFreeCodeFailures, 10);
		blocked_until = ctx.clock.IsoAfter(std::min(kLongestPauseSeconds, kFirstPauseSeconds << doublings));
	}
	return ctx.store.InTransaction([&]() -> Status {
		if (auto recorded = ctx.store.RecordTwoStepFailures(row.user_id, failures, blocked_until); !recorded) {
			return recorded;
		}
		nlohmann::json detail = {{"failures", failures}};
		if (!client.empty()) {
			detail["client"] = client;
		}
		return Audit(ctx, std::nullopt, row.user_id, reused ? "account.two_step_reused" : "account.two_step_failed",
		             UserTarget(row.user_id), detail);
	});
}

//! Checks a code against an active two-step row and spends it. Not in a transaction of its own
//! on failure, so the failure count survives the caller's rollback.
Status CheckAndSpendCode(AppContext &ctx, const storage::TwoStep &row, const std::string &typed,
                         const std::string &client) {
	const Error wrong = Error{ErrorCode::kUnauthenticated, "code", "app_two_step.code_wrong"};
	if (!row.blocked_until.empty() && row.blocked_until > ctx.clock.NowIso()) {
		return Error::Make(ErrorCode::kRateLimited, "app_two_step.paused");
	}
	const std::string code = totp::NormalizeCode(typed);
	if (code.empty()) {
		return Error{ErrorCode::kUnauthenticated, "code", "app_two_step.code_required"};
	}
	bool reused = false;
	if (code.size() == static_cast<size_t>(totp::kDigits)) {
		const std::string key = SecretKey(row.secret);
		const auto step = totp::VerifyCode(key, code, ctx.clock.Now(), row.last_used_step, platform::HmacSha1);
		if (step) {
			auto used = ctx.store.UseTwoStepStep(row.user_id, *step);
			if (!used) {
				return used.error();
			}
			if (*used) {
				return OkStatus();
			}
			reused = true;  // another request spent the same step a moment ago
		} else if (row.last_used_step) {
			// Right for a step already spent: someone may have seen the code (ASVS 2.8.5).
			reused = totp::VerifyCode(key, code, ctx.clock.Now(), std::nullopt, platform::HmacSha1).has_value();
		}
	} else {
		const std::string recovery = NormalizeRecoveryCode(code);
		if (HasRecoveryCodeLength(recovery)) {
			bool spent = false;
			auto status = ctx.store.InTransaction([&]() -> Status {
				auto used =
				    ctx.store.UseRecoveryCode(row.user_id, RecoveryCodeHash(row.secret, recovery), ctx.clock.NowIso());
				if (!used) {
					return used.error();
				}
				spent = *used;
				if (!spent) {
					return OkStatus();
				}
				if (auto reset = ctx.store.RecordTwoStepFailures(row.user_id, 0, ""); !reset) {
					return reset;
				}
				auto left = ctx.store.CountUnusedRecoveryCodes(row.user_id);
				if (!left) {
					return left.error();
				}
				return Audit(ctx, std::nullopt, row.user_id, "account.recovery_code_used", UserTarget(row.user_id),
				             {{"left", *left}});
			});
			if (!status) {
				return status;
			}
			if (spent) {
				return OkStatus();
			}
		}
	}
	if (auto recorded = RecordWrongCode(ctx, row, client, reused); !recorded) {
		return recorded;
	}
	return reused ? Error{ErrorCode::kUnauthenticated, "code", "app_two_step.code_reused"} : wrong;
}

Result<storage::User> FindUser(AppContext &ctx, Id user_id) {
	auto user = ctx.store.FindUserById(user_id);
	if (!user) {
		return user.error();
	}
	if (!user->has_value()) {
		return Error::Make(ErrorCode::kNotFound, "app_accounts.not_found");
	}
	return **user;
}

} // namespace

bool IsRefusedCode(const Error &error) {
	return error.message == "app_two_step.code_wrong" || error.message == "app_two_step.code_reused";
}

bool IsReusedCode(const Error &error) { return error.message == "app_two_step.code_reused"; }

Result<TwoStepState> TwoStepStateOf(AppContext &ctx, Id user_id) {
	auto row = ctx.store.FindTwoStep(user_id);
	if (!row) {
		return row.error();
	}
	TwoStepState state;
	if (row->has_value()) {
		state.active = (*row)->active();
		state.enrolment_pending = !state.active;
		state.confirmed_at = (*row)->confirmed_at;
	}
	if (state.active) {
		auto left = ctx.store.CountUnusedRecoveryCodes(user_id);
		if (!left) {
			return left.error();
		}
		state.recovery_codes_left = *left;
	}
	return state;
}

Result<TwoStepEnrolment> BeginEnrolment(AppContext &ctx, const Actor &actor) {
	auto user = FindUser(ctx, actor.user_id);
	if (!user) {
		return user.error();
	}
	const std::string secret = NewSecret(ctx);
	auto status = ctx.store.InTransaction([&]() -> Status {
		auto begun = ctx.store.BeginTwoStep(actor.user_id, secret, ctx.clock.NowIso());
		if (!begun && begun.error().code == ErrorCode::kConflict) {
			return Error::Make(ErrorCode::kConflict, "app_two_step.already_active");
		}
		return begun;
	});
	if (!status) {
		return status.error();
	}
	return EnrolmentFor(user->email, secret);
}

Result<std::optional<TwoStepEnrolment>> PendingEnrolment(AppContext &ctx, const Actor &actor) {
	auto row = ctx.store.FindTwoStep(actor.user_id);
	if (!row) {
		return row.error();
	}
	if (!row->has_value() || (*row)->active()) {
		return std::optional<TwoStepEnrolment>();
	}
	auto user = FindUser(ctx, actor.user_id);
	if (!user) {
		return user.error();
	}
	return std::optional<TwoStepEnrolment>(EnrolmentFor(user->email, (*row)->secret));
}

Result<std::vector<std::string>> ConfirmEnrolment(AppContext &ctx, const Actor &actor, const std::string &typed) {
	auto row = ctx.store.FindTwoStep(actor.user_id);
	if (!row) {
		return row.error();
	}
	if (!row->has_value()) {
		return Error::Make(ErrorCode::kConflict, "app_two_step.no_enrolment");
	}
	if ((*row)->active()) {
		return Error::Make(ErrorCode::kConflict, "app_two_step.already_active");
	}
	const std::string code = totp::NormalizeCode(typed);
	if (code.empty()) {
		return Error::Invalid("code", "app_two_step.code_required");
	}
	const auto step = totp::VerifyCode(SecretKey((*row)->secret), code, ctx.clock.Now(), std::nullopt, platform::HmacSha1);
	if (!step) {
		return Error::Invalid("code", "app_two_step.confirm_wrong");
	}
	std::vector<std::string> codes;
	auto status = ctx.store.InTransaction([&]() -> Status {
		if (auto confirmed = ctx.store.ConfirmTwoStep(actor.user_id, ctx.clock.NowIso(), *step); !confirmed) {
			return confirmed;
		}
		auto issued = IssueRecoveryCodes(ctx, actor.user_id, (*row)->secret);
		if (!issued) {
			return issued.error();
		}
		codes = std::move(*issued);
		return Audit(ctx, std::nullopt, actor.user_id, "account.two_step_enabled", UserTarget(actor.user_id), {});
	});
	if (!status) {
		return status.error();
	}
	return codes;
}

Status VerifySecondStep(AppContext &ctx, Id user_id, const std::string &code, const std::string &client) {
	auto row = ActiveTwoStep(ctx, user_id);
	if (!row) {
		return row.error();
	}
	return CheckAndSpendCode(ctx, *row, code, client);
}

Status DisableTwoStep(AppContext &ctx, const Actor &actor, const std::string &password, const std::string &code) {
	auto user = FindUser(ctx, actor.user_id);
	if (!user) {
		return user.error();
	}
	auto row = ActiveTwoStep(ctx, actor.user_id);
	if (!row) {
		return row.error();
	}
	if (password.empty()) {
		return Error::Invalid("password", "app_two_step.password_required");
	}
	if (!platform::VerifyPassword(user->password_hash, password)) {
		return Error::Invalid("password", "app_two_step.password_wrong");
	}
	if (auto checked = CheckAndSpendCode(ctx, *row, code, ""); !checked) {
		Error error = checked.error();
		if (error.code == ErrorCode::kUnauthenticated) {
			error.code = ErrorCode::kInvalidInput;  // the session is fine; the form field is wrong
		}
		return error;
	}
	return ctx.store.InTransaction([&]() -> Status {
		if (auto deleted = ctx.store.DeleteTwoStep(actor.user_id); !deleted) {
			return deleted;
		}
		return Audit(ctx, std::nullopt, actor.user_id, "account.two_step_disabled", UserTarget(actor.user_id), {});
	});
}

Result<std::vector<std::string>> RegenerateRecoveryCodes(AppContext &ctx, const Actor &actor, const std::string &code) {
	auto row = ActiveTwoStep(ctx, actor.user_id);
	if (!row) {
		return row.error();
	}
	if (auto checked = CheckAndSpendCode(ctx, *row, code, ""); !checked) {
		Error error = checked.error();
		if (error.code == ErrorCode::kUnauthenticated) {
			error.code = ErrorCode::kInvalidInput;
		}
		return error;
	}
	std::vector<std::string> codes;
	auto status = ctx.store.InTransaction([&]() -> Status {
		auto issued = IssueRecoveryCodes(ctx, actor.user_id, row->secret);
		if (!issued) {
			return issued.error();
		}
		codes = std::move(*issued);
		return Audit(ctx, std::nullopt, actor.user_id, "account.recovery_codes_renewed", UserTarget(actor.user_id), {});
	});
	if (!status) {
		return status.error();
	}
	return codes;
}

Result<bool> InstallationRequiresTwoStep(AppContext &ctx) {
	auto value = ctx.store.GetSetting(kInstallationTwoStepSetting);
	if (!value) {
		return value.error();
	}
	return value->has_value() && **value == "1";
}

namespace {

//! Only someone who uses two-step login may require it of others, so nobody locks themselves out.
Status RequireOwnTwoStep(AppContext &ctx, const Actor &actor) {
	const auto own = MAMORI_TRY(TwoStepStateOf(ctx, actor.user_id));
	if (!own.active) {
		return Error::Invalid("require_two_step", "app_two_step.enable_own_first");
	}
	return OkStatus();
}

} // namespace

Status SetInstallationRequiresTwoStep(AppContext &ctx, const Actor &actor, bool required) {
	if (!actor.is_admin) {
		return Error::Make(ErrorCode::kNotFound, "errors.not_found");
	}
	if (required) {
		MAMORI_TRY(RequireOwnTwoStep(ctx, actor));
	}
	return ctx.store.InTransaction([&]() -> Status {
		if (auto put = ctx.store.PutSetting(kInstallationTwoStepSetting, required ? "1" : "0"); !put) {
			return put;
		}
		return Audit(ctx, std::nullopt, actor.user_id, "installation.two_step_required", "installation",
		             {{"required", required}});
	});
}

Result<bool> OrganizationRequiresTwoStep(AppContext &ctx, const OrgAccess &access) {
	return ctx.store.OrganizationRequiresTwoStep(access.org.id);
}

Status SetOrganizationRequiresTwoStep(AppContext &ctx, const Actor &actor, const OrgAccess &access, bool required) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	if (required) {
		MAMORI_TRY(RequireOwnTwoStep(ctx, actor));
	}
	return ctx.store.InTransaction([&]() -> Status {
		if (auto set = ctx.store.SetOrganizationRequiresTwoStep(access.org.id, required); !set) {
			return set;
		}
		return Audit(ctx, access.org.id, actor.user_id, "org.two_step_required", "org:" + std::to_string(access.org.id),
		             {{"required", required}});
	});
}

Result<TwoStepDemand> TwoStepDemandFor(AppContext &ctx, Id user_id, const OrgAccess &access) {
	const bool organization = access.org_requires_two_step;
	if (!access.installation_requires_two_step && !organization) {
		return TwoStepDemand::kNone;
	}
	auto needs = NeedsSecondStep(ctx, user_id);
	if (!needs) {
		return needs.error();
	}
	if (*needs) {
		return TwoStepDemand::kNone;
	}
	return organization ? TwoStepDemand::kOrganization : TwoStepDemand::kInstallation;
}

Result<bool> NeedsSecondStep(AppContext &ctx, Id user_id) {
	auto row = ctx.store.FindTwoStep(user_id);
	if (!row) {
		return row.error();
	}
	return row->has_value() && (*row)->active();
}

Result<PendingSignInTicket> StartPendingSignIn(AppContext &ctx, Id user_id) {
	PendingSignInTicket ticket;
	ticket.token = ctx.random.Token(32);
	ticket.expires_at = ctx.clock.IsoAfter(kPendingSignInSeconds);
	storage::PendingSignIn pending;
	pending.token_hash = platform::Sha256Hex(ticket.token);
	pending.user_id = user_id;
	pending.created_at = ctx.clock.NowIso();
	pending.expires_at = ticket.expires_at;
	if (auto created = ctx.store.CreatePendingSignIn(pending); !created) {
		return created.error();
	}
	return ticket;
}

Result<std::optional<Id>> PendingSignInUser(AppContext &ctx, const std::string &token) {
	if (token.empty() || token.size() > 128) {
		return std::optional<Id>();
	}
	auto pending = ctx.store.FindPendingSignIn(platform::Sha256Hex(token), ctx.clock.NowIso());
	if (!pending) {
		return pending.error();
	}
	return pending->has_value() ? std::optional<Id>((*pending)->user_id) : std::optional<Id>();
}

Result<Id> CompletePendingSignIn(AppContext &ctx, const std::string &token, const std::string &code,
                                 const std::string &client) {
	const Error expired = Error::Make(ErrorCode::kNotFound, "app_two_step.sign_in_expired");
	auto user_id = PendingSignInUser(ctx, token);
	if (!user_id) {
		return user_id.error();
	}
	if (!user_id->has_value()) {
		return expired;
	}
	const std::string token_hash = platform::Sha256Hex(token);
	auto verified = VerifySecondStep(ctx, **user_id, code, client);
	if (verified) {
		if (auto ended = ctx.store.DeletePendingSignIn(token_hash); !ended) {
			return ended.error();
		}
		return **user_id;
	}
	if (verified.error().code == ErrorCode::kUnauthenticated && IsRefusedCode(verified.error())) {
		auto attempts = ctx.store.CountPendingSignInAttempt(token_hash);
		if (!attempts) {
			return attempts.error();
		}
		if (*attempts >= kPendingSignInAttempts) {
			if (auto ended = ctx.store.DeletePendingSignIn(token_hash); !ended) {
				return ended.error();
			}
			return Error::Make(ErrorCode::kNotFound, "app_two_step.sign_in_again");
		}
	}
	return verified.error();
}

Status EndPendingSignIn(AppContext &ctx, const std::string &token) {
	return ctx.store.DeletePendingSignIn(platform::Sha256Hex(token));
}

} // namespace mamori::app
