// mamori/app/two_step.hpp
//
// Two-step login (TOTP, RFC 6238): enrolment with a QR code and a confirming code, ten
// single-use recovery codes, the second step of a sign-in, switching it off, and who requires
// it (an organisation's 責任者 for its members, the installation administrator for everyone).
// Every change runs in a transaction with its audit entry.
#pragma once

#include "app/app_context.hpp"
#include "app/organizations.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mamori::app {

inline constexpr int kRecoveryCodeCount = 10;
//! A recovery code: 28 hex digits (112 bits), shown as four groups of seven.
inline constexpr int kRecoveryCodeHexDigits = 28;
inline constexpr int kRecoveryCodeGroupDigits = 7;
//! The length of the codes issued before (64 bits); they are still accepted.
inline constexpr int kOldRecoveryCodeHexDigits = 16;
//! How long the code page waits after the right password, and how many wrong codes it takes.
inline constexpr long long kPendingSignInSeconds = 5 * 60;
inline constexpr int kPendingSignInAttempts = 5;
//! Wrong codes in a row before checking pauses (30 s, then doubling up to 15 minutes).
inline constexpr int kFreeCodeFailures = 5;

struct TwoStepEnrolment {
	std::string secret;  // base32, for typing into the app by hand
	std::string uri;     // otpauth://totp/mamori:EMAIL?secret=…&issuer=mamori, for the QR code
};

struct TwoStepState {
	bool active = false;
	bool enrolment_pending = false;  // a secret was handed out but not yet confirmed
	int recovery_codes_left = 0;
	std::string confirmed_at;
};

Result<TwoStepState> TwoStepStateOf(AppContext &ctx, Id user_id);

//! A new secret and its otpauth URI; not active until ConfirmEnrolment. Starting again replaces
//! an unconfirmed secret; kConflict while two-step login is active.
Result<TwoStepEnrolment> BeginEnrolment(AppContext &ctx, const Actor &actor);
//! The secret waiting for confirmation (to show the QR code again), or nullopt.
Result<std::optional<TwoStepEnrolment>> PendingEnrolment(AppContext &ctx, const Actor &actor);

//! Activates two-step login when `code` is right for the pending secret (kInvalidInput on
//! field "code" otherwise). Returns the ten recovery codes: shown once, only hashes are kept.
//! Audited account.two_step_enabled.
Result<std::vector<std::string>> ConfirmEnrolment(AppContext &ctx, const Actor &actor, const std::string &code);

//! The second step: a current code from the app, or an unused recovery code (which is then
//! spent). Wrong codes are audited (account.two_step_failed) and counted; after
//! kFreeCodeFailures checking pauses (kRateLimited). A wrong code is kUnauthenticated. A code
//! right for a step already used is refused the same way but audited as account.two_step_reused
//! with the message "app_two_step.code_reused" (IsReusedCode), so the caller can tell the holder.
Status VerifySecondStep(AppContext &ctx, Id user_id, const std::string &code, const std::string &client = "");

//! Switches two-step login off. Needs the account's password and a current code (or a recovery
//! code), so neither a stolen session nor a stolen password alone can do it.
//! Audited account.two_step_disabled.
Status DisableTwoStep(AppContext &ctx, const Actor &actor, const std::string &password, const std::string &code);

//! Ten new recovery codes in place of the old ones, after a current code. Audited.
Result<std::vector<std::string>> RegenerateRecoveryCodes(AppContext &ctx, const Actor &actor, const std::string &code);

//! Whether a refusal of VerifySecondStep (or of the calls that check a code) was a wrong or a reused code.
bool IsRefusedCode(const Error &error);
//! Whether it was a reused code (ASVS 2.8.5: the holder is to be told).
bool IsReusedCode(const Error &error);

// --- requirements ------------------------------------------------------------------------

Result<bool> InstallationRequiresTwoStep(AppContext &ctx);
//! Installation administrators only (others: kNotFound). Audited two_step.required_everyone.
Status SetInstallationRequiresTwoStep(AppContext &ctx, const Actor &actor, bool required);

Result<bool> OrganizationRequiresTwoStep(AppContext &ctx, const OrgAccess &access);
//! The organisation's 責任者 (a role that may edit) only. Switching it on needs two-step login
//! on the actor's own account first, so nobody shuts themselves out. Audited org.two_step_required.
Status SetOrganizationRequiresTwoStep(AppContext &ctx, const Actor &actor, const OrgAccess &access, bool required);

//! Why a user may not enter an organisation yet: two-step login is required there (by the
//! organisation or by the installation) and the account has none.
enum class TwoStepDemand { kNone, kOrganization, kInstallation };
//! From the requirements `access` was read with (AccessOrganization), so a page asks the store
//! again only when two-step login is required.
Result<TwoStepDemand> TwoStepDemandFor(AppContext &ctx, Id user_id, const OrgAccess &access);

// --- the sign-in between password and code ----------------------------------------------

struct PendingSignInTicket {
	std::string token;  // for the HttpOnly cookie; only its hash is stored
	std::string expires_at;
};

//! Whether the account asks for a code after its password.
Result<bool> NeedsSecondStep(AppContext &ctx, Id user_id);

//! After the right password of a two-step account: no session yet, a five-minute ticket instead.
Result<PendingSignInTicket> StartPendingSignIn(AppContext &ctx, Id user_id);
//! The account a ticket belongs to, or nullopt when it is unknown or expired.
Result<std::optional<Id>> PendingSignInUser(AppContext &ctx, const std::string &token);
//! Checks the code for the ticket's account. On success the ticket is spent and the user id is
//! returned (the caller starts the session). kNotFound "app_two_step.sign_in_expired" when the
//! ticket is gone; after kPendingSignInAttempts wrong codes it is dropped, so the password must
//! be given again.
Result<Id> CompletePendingSignIn(AppContext &ctx, const std::string &token, const std::string &code,
                                 const std::string &client = "");
Status EndPendingSignIn(AppContext &ctx, const std::string &token);

} // namespace mamori::app
