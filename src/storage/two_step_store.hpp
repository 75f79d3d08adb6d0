// mamori/storage/two_step_store.hpp
//
// Two-step login: each account's TOTP secret and recovery codes, the sign-ins that wait for a
// code, and who requires two-step login. One area of the Store interface (storage/store.hpp),
// which inherits it.
#pragma once

#include "core/common/result.hpp"
#include "storage/records.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mamori::storage {

//! One account's authenticator. The secret is kept readable: checking a code means computing it
//! (migrations/sqlite/0020_two_step.sql says why).
struct TwoStep {
	Id user_id = 0;
	std::string secret;        // base32 (RFC 4648), as the authenticator app is given it
	std::string created_at;
	std::string confirmed_at;  // "" while the enrolment waits for its first code
	std::optional<std::int64_t> last_used_step;
	int failed_codes = 0;
	std::string blocked_until;  // "" when codes may be tried

	bool active() const { return !confirmed_at.empty(); }
};

//! A sign-in whose password was right and whose code is still to come.
struct PendingSignIn {
	std::string token_hash;  // SHA-256 of the cookie value
	Id user_id = 0;
	std::string created_at;
	std::string expires_at;
	int attempts = 0;
};

class TwoStepStore {
public:
	virtual ~TwoStepStore() = default;

	virtual Result<std::optional<TwoStep>> FindTwoStep(Id user_id) = 0;
	//! Starts (or restarts) an enrolment with a new secret. kConflict when two-step login is
	//! already active for the account: an active secret is never replaced silently.
	virtual Status BeginTwoStep(Id user_id, const std::string &secret, const std::string &created_at) = 0;
	//! Activates the enrolment and records the step of the code that confirmed it.
	virtual Status ConfirmTwoStep(Id user_id, const std::string &confirmed_at, std::int64_t step) = 0;
	//! Records `step` as used, only when it is newer than the last used one: false when another
	//! request got there first (two sign-ins racing with one code cannot both pass).
	virtual Result<bool> UseTwoStepStep(Id user_id, std::int64_t step) = 0;
	//! Wrong codes in a row and the pause they earned ("" for none); 0 and "" reset both.
	virtual Status RecordTwoStepFailures(Id user_id, int failed_codes, const std::string &blocked_until) = 0;
	//! Removes the secret and every recovery code of the account.
	virtual Status DeleteTwoStep(Id user_id) = 0;

	//! Replaces the account's recovery codes with these SHA-256 hashes, all unused.
	virtual Status ReplaceRecoveryCodes(Id user_id, const std::vector<std::string> &code_hashes) = 0;
	//! Marks an unused code as used; false when there is no such unused code.
	virtual Result<bool> UseRecoveryCode(Id user_id, const std::string &code_hash, const std::string &used_at) = 0;
	virtual Result<int> CountUnusedRecoveryCodes(Id user_id) = 0;

	virtual Status CreatePendingSignIn(const PendingSignIn &pending) = 0;
	//! Only one that has not expired by `now`.
	virtual Result<std::optional<PendingSignIn>> FindPendingSignIn(const std::string &token_hash,
	                                                               const std::string &now) = 0;
	//! Counts one more wrong code; returns the new count.
	virtual Result<int> CountPendingSignInAttempt(const std::string &token_hash) = 0;
	virtual Status DeletePendingSignIn(const std::string &token_hash) = 0;

	//! Whether the organisation requires two-step login of its members (kNotFound for no such org).
	virtual Result<bool> OrganizationRequiresTwoStep(Id org_id) = 0;
	virtual Status SetOrganizationRequiresTwoStep(Id org_id, bool required) = 0;
};

} // namespace mamori::storage
