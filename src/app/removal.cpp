// mamori/app/removal.cpp
#include "app/removal.hpp"

#include "app/audit.hpp"
#include "app/sign_in_throttle.hpp"
#include "platform/password_hash.hpp"

#include <algorithm>
#include <optional>

namespace mamori::app {

namespace {

//! The password again, throttled like a sign-in: someone at an unattended, signed-in computer
//! must not delete what is not theirs, nor guess the password here.
Status CheckPasswordAgain(AppContext &ctx, const SessionUser &session, const std::string &password,
                          const std::string &client) {
	if (password.empty()) {
		return Error::Invalid("password", "removal.password_required");
	}
	const std::string email = NormalizeEmail(session.user.email);
	const long long wait = MAMORI_TRY(SignInWaitSeconds(ctx, email, client));
	if (wait > 0) {
		return ThrottledError(ctx, wait, false);
	}
	if (!platform::VerifyPassword(session.user.password_hash, password)) {
		MAMORI_TRY(RecordFailedSignIn(ctx, email, client, session.user.id));
		return Error::Invalid("password", "removal.password_wrong");
	}
	return OkStatus();
}

std::string JoinNames(const std::vector<storage::Organization> &orgs) {
	std::string names;
	for (const auto &org : orgs) {
		names += (names.empty() ? "" : ", ") + org.name;
	}
	return names;
}

//! The refusal while the account is the last lead of some organisation: the firm's own
//! 組織管理者 or 責任者 hand the role over or delete the organisation; a 外部専門家 whose client has
//! no lead of its own invites the firm's 組織管理者 first (the one role above theirs they may give).
std::optional<Error> LastLeadRefusal(const std::vector<storage::Organization> &led,
                                     const std::vector<storage::Membership> &memberships) {
	std::vector<storage::Organization> own, coached;
	for (const auto &org : led) {
		const bool consultant = std::any_of(memberships.begin(), memberships.end(), [&](const auto &membership) {
			return membership.org_id == org.id && membership.role == storage::Role::kConsultant;
		});
		(consultant ? coached : own).push_back(org);
	}
	if (own.empty() && coached.empty()) {
		return std::nullopt;
	}
	Error refused = own.empty()
	                    ? Error::Make(ErrorCode::kConflict, "removal.account.client_without_lead", {{"organizations", JoinNames(coached)}})
	                    : Error::Make(ErrorCode::kConflict, "removal.account.last_lead", {{"organizations", JoinNames(own)}});
	refused.field = "confirm_email";
	return refused;
}

} // namespace

std::string DeletedAccountEmail(Id user_id) { return "deleted-" + std::to_string(user_id) + "@deleted.invalid"; }

Status DeleteMyAccount(AppContext &ctx, const SessionUser &session, const AccountDeletion &deletion) {
	if (NormalizeEmail(deletion.confirm_email) != NormalizeEmail(session.user.email)) {
		return Error::Invalid("confirm_email", "removal.account.confirm_mismatch");
	}
	MAMORI_TRY(CheckPasswordAgain(ctx, session, deletion.password, deletion.client));
	const Id user_id = session.user.id;
	return ctx.store.InTransaction([&]() -> Status {
		auto led = ctx.store.OrganizationsLedOnlyBy(user_id);
		if (!led) {
			return led.error();
		}
		auto memberships = ctx.store.ListMembershipsOfUser(user_id);
		if (!memberships) {
			return memberships.error();
		}
		if (auto refused = LastLeadRefusal(*led, *memberships)) {
			return *refused;
		}
		MAMORI_TRY(ctx.store.AnonymizeUser(user_id, DeletedAccountEmail(user_id), ctx.clock.NowIso()));
		MAMORI_TRY(ClearEmailThrottle(ctx, NormalizeEmail(session.user.email)));
		// The organisations see that a member left; the person's own entry holds no address.
		for (const auto &membership : *memberships) {
			MAMORI_TRY(Audit(ctx, membership.org_id, user_id, "member.account_deleted", "user:" + std::to_string(user_id), {}));
		}
		return Audit(ctx, std::nullopt, user_id, "account.delete", "user:" + std::to_string(user_id),
		             {{"organizations_left", memberships->size()}});
	});
}

Status DeleteOrganization(AppContext &ctx, const SessionUser &session, const OrgAccess &access,
                          const OrganizationDeletion &deletion) {
	if (access.membership.role != storage::Role::kAdmin) {
		return Error::Make(ErrorCode::kForbidden, "removal.organization.admin_only");
	}
	if (deletion.confirm_name != access.org.name) {
		return Error::Invalid("confirm_name", "removal.organization.confirm_mismatch");
	}
	MAMORI_TRY(CheckPasswordAgain(ctx, session, deletion.password, deletion.client));
	return ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.EmptyOrganization(access.org.id, ctx.clock.NowIso()));
		return Audit(ctx, access.org.id, session.user.id, "org.delete", "org", {});
	});
}

} // namespace mamori::app
