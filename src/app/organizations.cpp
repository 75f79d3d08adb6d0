// mamori/app/organizations.cpp
#include "app/organizations.hpp"

#include "app/accounts.hpp"
#include "app/audit.hpp"
#include "app/member_rules.hpp"
#include "app/removal.hpp"
#include "core/security/password_policy.hpp"
#include "platform/clock.hpp"
#include "platform/crypto.hpp"
#include "platform/password_hash.hpp"

namespace mamori::app {

static constexpr size_t kMaxNameBytes = 200;
// An invitation link is a bearer secret until it is used, so it lives only as
// long as a person needs to act on it (ASVS 2.3.1): three days covers a
// weekend; an expired link is simply issued again.
static constexpr long long kInvitationSeconds = 3 * 24 * 3600;

static bool Blank(const std::string &text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

//! Gives invitation.user_id a one-time link into the organisation, ending any earlier one: one
//! live link per account, so a link sent to a mistyped address or lost stops working.
static Status IssueLink(AppContext &ctx, Id org_id, Invitation &invitation) {
	MAMORI_TRY(ctx.store.DeletePendingInvitationsOfUser(invitation.user_id));
	invitation.token = ctx.random.Token(32);
	invitation.expires_at = ctx.clock.IsoAfter(kInvitationSeconds);
	return ctx.store.CreateInvitation(
	    {platform::Sha256Hex(invitation.token), org_id, invitation.user_id, invitation.expires_at, ""});
}

//! Whether the account is past its invitation: it has a password, or it was deleted (blanked,
//! never to be claimed again).
static bool HasSignedUp(const storage::User &user) {
	return !user.password_hash.empty() || user.email == DeletedAccountEmail(user.id);
}

//! An account made for an invitation that was never accepted and that belongs nowhere any more
//! (its link expired and the member was taken out): invited again, it needs a new link, or the
//! person could never set a password. A deleted account keeps its placeholder address only.
static Result<bool> IsUnclaimedPlaceholder(AppContext &ctx, const storage::User &user) {
	if (HasSignedUp(user)) {
		return false;
	}
	return MAMORI_TRY(ctx.store.ListMembershipsOfUser(user.id)).empty();
}

Status ValidateOrganizationInput(const AppContext &ctx, const OrganizationInput &input) {
	if (Blank(input.name)) {
		return Error::Invalid("name", "app_orgs.name.required");
	}
	if (input.name.size() > kMaxNameBytes) {
		return Error::Invalid("name", "app_orgs.name.too_long");
	}
	CompanyProfile profile{input.industry, input.capital_yen, input.employees};
	if (auto classified = ClassifySme(ctx.catalog.sme, profile); !classified) {
		return classified.error();
	}
	return OkStatus();
}

Result<Id> CreateOrganization(AppContext &ctx, const Actor &actor, const OrganizationInput &input,
                              storage::Role creator_role) {
	if (auto status = ValidateOrganizationInput(ctx, input); !status) {
		return status.error();
	}
	storage::Organization org;
	org.name = input.name;
	org.industry = input.industry;
	org.capital_yen = input.capital_yen;
	org.employees = input.employees;
	org.edition = ctx.catalog.default_edition;
	org.created_at = ctx.clock.NowIso();
	Id org_id = 0;
	auto status = ctx.store.InTransaction([&]() -> Status {
		auto id = ctx.store.CreateOrganization(org);
		if (!id) {
			return id.error();
		}
		org_id = *id;
		storage::Membership membership;
		membership.org_id = org_id;
		membership.user_id = actor.user_id;
		membership.role = creator_role;
		if (auto added = ctx.store.AddMembership(membership); !added) {
			return added;
		}
		return Audit(ctx, org_id, actor.user_id, "org.create", "org:" + std::to_string(org_id),
		             {{"name", org.name},
		              {"industry", org.industry},
		              {"capital_yen", org.capital_yen},
		              {"employees", org.employees}});
	});
	if (!status) {
		return status.error();
	}
	return org_id;
}

const Edition &OrgAccess::EditionOf(const Catalog &catalog) const {
	const Edition *edition = catalog.FindEdition(org.edition);
	return edition != nullptr ? *edition : catalog.DefaultEdition();
}

namespace {

Result<OrgAccess> AccessOf(std::optional<storage::OrgAccessRow> row) {
	if (!row) {
		return Error::Make(ErrorCode::kNotFound, "app_orgs.not_found");
	}
	return OrgAccess{std::move(row->org), std::move(row->membership), row->org_requires_two_step,
	                 row->installation_setting == std::optional<std::string>("1"), row->revision};
}

} // namespace

Result<OrgAccess> AccessOrganization(AppContext &ctx, Id user_id, Id org_id) {
	// One query for what the gate needs (it was four: membership, organisation, and both two-step
	// requirements), since every organisation page and API call passes here.
	auto row = ctx.store.FindOrgAccess(org_id, user_id, std::string(kInstallationTwoStepSetting));
	if (!row) {
		return row.error();
	}
	return AccessOf(std::move(*row));
}

Result<std::optional<SessionWithOrgAccess>> ResolveSessionWithOrgAccess(AppContext &ctx, const std::string &token,
                                                                       Id org_id) {
	if (token.empty() || token.size() > kSessionTokenMaxBytes) {
		return std::optional<SessionWithOrgAccess>();
	}
	auto found = ctx.store.FindSessionUserWithAccess(platform::Sha256Hex(token), ctx.clock.NowIso(), org_id,
	                                                 std::string(kInstallationTwoStepSetting));
	if (!found) {
		return found.error();
	}
	if (!found->has_value()) {
		return std::optional<SessionWithOrgAccess>();
	}
	auto session = MAMORI_TRY(LiveSession(ctx, std::move((*found)->session_user)));
	if (!session) {
		return std::optional<SessionWithOrgAccess>();
	}
	return std::optional<SessionWithOrgAccess>(
	    SessionWithOrgAccess{std::move(*session), AccessOf(std::move((*found)->access))});
}

Result<OrgAccess> AccessForEdit(AppContext &ctx, Id user_id, Id org_id) {
	auto access = AccessOrganization(ctx, user_id, org_id);
	if (!access) {
		return access;
	}
	if (!access->CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	return access;
}

Status UpdateOrganizationProfile(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                 const OrganizationInput &input) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	if (auto status = ValidateOrganizationInput(ctx, input); !status) {
		return status;
	}
	storage::Organization updated = access.org;
	updated.name = input.name;
	updated.industry = input.industry;
	updated.capital_yen = input.capital_yen;
	updated.employees = input.employees;
	return ctx.store.InTransaction([&]() -> Status {
		if (auto status = ctx.store.UpdateOrganization(updated); !status) {
			return status;
		}
		return Audit(ctx, updated.id, actor.user_id, "org.update", "org:" + std::to_string(updated.id),
		             {{"before",
		               {{"name", access.org.name},
		                {"industry", access.org.industry},
		                {"capital_yen", access.org.capital_yen},
		                {"employees", access.org.employees}}},
		              {"after",
		               {{"name", updated.name},
		                {"industry", updated.industry},
		                {"capital_yen", updated.capital_yen},
		                {"employees", updated.employees}}}});
	});
}

Result<SmeClassification> ClassifyOrganization(const AppContext &ctx, const storage::Organization &org,
                                               const Catalog *content) {
	return ClassifySme((content != nullptr ? *content : ctx.catalog).sme, CompanyProfile{org.industry, org.capital_yen, org.employees});
}

Result<Id> AddDepartment(AppContext &ctx, const Actor &actor, const OrgAccess &access, const std::string &name) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	if (Blank(name)) {
		return Error::Invalid("department_name", "app_orgs.department.required");
	}
	if (name.size() > kMaxNameBytes) {
		return Error::Invalid("department_name", "app_orgs.department.too_long");
	}
	Id department_id = 0;
	auto status = ctx.store.InTransaction([&]() -> Status {
		auto id = ctx.store.CreateDepartment(storage::Department{0, access.org.id, name});
		if (!id) {
			if (id.error().code == ErrorCode::kConflict) {
				return Error{ErrorCode::kConflict, "department_name", "app_orgs.department.duplicate"};
			}
			return id.error();
		}
		department_id = *id;
		return Audit(ctx, access.org.id, actor.user_id, "department.create",
		             "department:" + std::to_string(department_id), {{"name", name}});
	});
	if (!status) {
		return status.error();
	}
	return department_id;
}

Status RemoveDepartment(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id department_id) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	return ctx.store.InTransaction([&]() -> Status {
		if (auto status = ctx.store.DeleteDepartment(access.org.id, department_id); !status) {
			return status;
		}
		return Audit(ctx, access.org.id, actor.user_id, "department.delete",
		             "department:" + std::to_string(department_id), {});
	});
}

Result<Invitation> InviteMember(AppContext &ctx, const Actor &actor, const OrgAccess &access, const InviteInput &input) {
	if (!access.CanManageMembers()) {
		return Error::Make(ErrorCode::kForbidden, "app_orgs.member.add_forbidden");
	}
	const std::string email = NormalizeEmail(input.email);
	if (auto status = ValidateEmail(email); !status) {
		return status.error();
	}
	if (input.role == storage::Role::kRespondent && !input.department_id) {
		return Error::Invalid("department_id", "app_orgs.member.department_required");
	}
	if (input.department_id) {
		auto departments = ctx.store.ListDepartments(access.org.id);
		if (!departments) {
			return departments.error();
		}
		bool known = false;
		for (const auto &department : *departments) {
			known = known || department.id == *input.department_id;
		}
		if (!known) {
			return Error::Invalid("department_id", "app_orgs.member.department_unknown");
		}
	}
	if (input.display_name.size() > 100) {
		return Error::Invalid("display_name", "app_orgs.member.name_too_long");
	}

	Invitation invitation;
	invitation.email = email;
	auto status = ctx.store.InTransaction([&]() -> Status {
		if (access.IsConsultant()) {
			// Read in the transaction: of two concurrent first-admin invitations one sees the other.
			const FirmLead lead = MAMORI_TRY(FirmLeadOf(ctx, access.org.id));
			if (!ConsultantMayInvite(input.role, lead != FirmLead::kNone)) {
				return Error{ErrorCode::kForbidden, "role", ConsultantInviteRefusal(input.role)};
			}
		}
		auto existing = ctx.store.FindUserByEmail(email);
		if (!existing) {
			return existing.error();
		}
		bool needs_link = true;
		if (existing->has_value()) {
			invitation.user_id = (*existing)->id;
			needs_link = MAMORI_TRY(IsUnclaimedPlaceholder(ctx, **existing));
		} else {
			storage::User user;
			user.email = email;
			user.display_name = input.display_name.empty() ? email.substr(0, email.find('@')) : input.display_name;
			user.created_at = ctx.clock.NowIso();
			auto id = ctx.store.CreateUser(user);
			if (!id) {
				return id.error();
			}
			invitation.user_id = *id;
		}
		if (needs_link) {
			MAMORI_TRY(IssueLink(ctx, access.org.id, invitation));
		}
		storage::Membership membership;
		membership.org_id = access.org.id;
		membership.user_id = invitation.user_id;
		membership.role = input.role;
		membership.department_id = input.department_id;
		if (auto added = ctx.store.AddMembership(membership); !added) {
			if (added.error().code == ErrorCode::kConflict) {
				return Error{ErrorCode::kConflict, "email", "app_orgs.member.already"};
			}
			return added;
		}
		return Audit(ctx, access.org.id, actor.user_id, "member.add", "user:" + std::to_string(invitation.user_id),
		             {{"email", email},
		              {"role", std::string(storage::RoleName(input.role))},
		              {"department_id", input.department_id ? nlohmann::json(*input.department_id) : nlohmann::json()}});
	});
	if (!status) {
		return status.error();
	}
	return invitation;
}

Result<Invitation> IssueNewInvitationLink(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id user_id) {
	if (!access.CanManageMembers()) {
		return Error::Make(ErrorCode::kForbidden, "app_orgs.member.add_forbidden");
	}
	Invitation invitation;
	invitation.user_id = user_id;
	auto status = ctx.store.InTransaction([&]() -> Status {
		if (!MAMORI_TRY(ctx.store.FindMembership(access.org.id, user_id))) {
			return Error::Make(ErrorCode::kNotFound, "app_orgs.member.not_found");
		}
		auto user = MAMORI_TRY(ctx.store.FindUserById(user_id));
		if (!user || HasSignedUp(*user)) {
			return Error{ErrorCode::kConflict, "user_id", "app_orgs.member.signed_up_already"};
		}
		invitation.email = user->email;
		MAMORI_TRY(IssueLink(ctx, access.org.id, invitation));
		return Audit(ctx, access.org.id, actor.user_id, "member.new_link", "user:" + std::to_string(user_id), {});
	});
	if (!status) {
		return status.error();
	}
	return invitation;
}

Result<std::set<Id>> MembersNotSignedUp(AppContext &ctx, const std::vector<storage::Membership> &members) {
	std::set<Id> waiting;
	for (const auto &member : members) {
		auto user = MAMORI_TRY(ctx.store.FindUserById(member.user_id));
		if (user && !HasSignedUp(*user)) {
			waiting.insert(member.user_id);
		}
	}
	return waiting;
}

Status RemoveMember(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id user_id) {
	if (!access.CanManageMembers()) {
		return Error::Make(ErrorCode::kForbidden, "app_orgs.member.remove_forbidden");
	}
	if (user_id == actor.user_id) {
		return Error::Invalid("user_id", "app_orgs.member.remove_self");
	}
	return ctx.store.InTransaction([&]() -> Status {
		if (access.IsConsultant()) {
			auto member = MAMORI_TRY(ctx.store.FindMembership(access.org.id, user_id));
			auto user = MAMORI_TRY(ctx.store.FindUserById(user_id));
			if (member && user && !ConsultantMayRemove(member->role, !user->password_hash.empty())) {
				return Error{ErrorCode::kForbidden, "user_id", "app_orgs.member.consultant_remove_forbidden"};
			}
		}
		if (auto status = ctx.store.RemoveMembership(access.org.id, user_id); !status) {
			return status;
		}
		return Audit(ctx, access.org.id, actor.user_id, "member.remove", "user:" + std::to_string(user_id), {});
	});
}

Result<FirmLead> FirmLeadOf(AppContext &ctx, Id org_id) {
	FirmLead lead = FirmLead::kNone;
	for (const auto &member : MAMORI_TRY(ctx.store.ListMembers(org_id))) {
		if (!IsFirmLead(member.role)) {
			continue;
		}
		auto user = MAMORI_TRY(ctx.store.FindUserById(member.user_id));
		if (user && HasSignedUp(*user)) {
			return FirmLead::kSignedUp;
		}
		lead = FirmLead::kInvited;
	}
	return lead;
}

namespace {

//! A link only sets an account's first password, and only while the account belongs to an
//! organisation: it never replaces a password (that would hand the account to whoever holds an
//! old link), and a placeholder removed from every organisation cannot be claimed.
Status CheckInvitationOpen(AppContext &ctx, const storage::Invitation &invitation) {
	auto user = MAMORI_TRY(ctx.store.FindUserById(invitation.user_id));
	if (!user || HasSignedUp(*user) || MAMORI_TRY(ctx.store.ListMembershipsOfUser(invitation.user_id)).empty()) {
		return Error::Make(ErrorCode::kNotFound, "app_orgs.invitation_invalid");
	}
	return OkStatus();
}

} // namespace

Result<storage::Invitation> FindPendingInvitation(AppContext &ctx, const std::string &token) {
	const Error invalid = Error::Make(ErrorCode::kNotFound, "app_orgs.invitation_invalid");
	if (token.empty() || token.size() > 128) {
		return invalid;
	}
	auto found = ctx.store.FindInvitation(platform::Sha256Hex(token), ctx.clock.NowIso());
	if (!found) {
		return found.error();
	}
	if (!found->has_value() || !(*found)->accepted_at.empty()) {
		return invalid;
	}
	MAMORI_TRY(CheckInvitationOpen(ctx, **found));
	return **found;
}

Result<Id> AcceptInvitation(AppContext &ctx, const std::string &token, const std::string &password) {
	auto invitation = FindPendingInvitation(ctx, token);
	if (!invitation) {
		return invitation.error();
	}
	auto user = ctx.store.FindUserById(invitation->user_id);
	if (!user) {
		return user.error();
	}
	if (!user->has_value()) {  // deleted since CheckInvitationOpen looked
		return Error::Make(ErrorCode::kNotFound, "app_orgs.invitation_invalid");
	}
	if (auto status = CheckPasswordPolicy(password, (*user)->email, ctx.catalog.common_passwords); !status) {
		return status.error();
	}
	auto hash = platform::HashPassword(password);
	if (!hash) {
		return hash.error();
	}
	auto status = ctx.store.InTransaction([&]() -> Status {
		// Again in the transaction: of two links accepted at once, the second finds a password.
		MAMORI_TRY(CheckInvitationOpen(ctx, *invitation));
		if (auto updated = ctx.store.UpdatePasswordHash(invitation->user_id, *hash); !updated) {
			return updated;
		}
		if (auto marked = ctx.store.MarkInvitationAccepted(invitation->token_hash, ctx.clock.NowIso()); !marked) {
			return marked;
		}
		return Audit(ctx, invitation->org_id, invitation->user_id, "member.accept_invitation",
		             "user:" + std::to_string(invitation->user_id), {});
	});
	if (!status) {
		return status.error();
	}
	return invitation->user_id;
}

Result<Id> CreateFirstAdministrator(AppContext &ctx, const NewAccount &account, const OrganizationInput &org) {
	Id user_id = 0;
	auto status = ctx.store.InTransaction([&]() -> Status {
		auto created = CreateAccount(ctx, account, std::nullopt);
		if (!created) {
			return created.error();
		}
		user_id = *created;
		auto org_id = CreateOrganization(ctx, Actor{user_id, account.email, true}, org, storage::Role::kAdmin);
		return org_id ? OkStatus() : Status(org_id.error());
	});
	if (!status) {
		return status.error();
	}
	return user_id;
}

Result<std::vector<storage::Membership>> ListMyMemberships(AppContext &ctx, Id user_id) {
	return ctx.store.ListMembershipsOfUser(user_id);
}

Result<std::optional<Id>> HomeOrganization(AppContext &ctx, Id user_id) {
	auto memberships = ctx.store.ListMembershipsOfUser(user_id);
	if (!memberships) {
		return memberships.error();
	}
	if (memberships->size() == 1) {
		return std::optional<Id>(memberships->front().org_id);
	}
	return std::optional<Id>();
}

Result<std::vector<OrganizationWithRole>> ListMyOrganizations(AppContext &ctx, Id user_id) {
	auto memberships = ctx.store.ListMembershipsOfUser(user_id);
	if (!memberships) {
		return memberships.error();
	}
	std::vector<OrganizationWithRole> list;
	for (const auto &membership : *memberships) {
		auto org = ctx.store.FindOrganization(membership.org_id);
		if (org && org->has_value()) {
			list.push_back({**org, membership.role});
		}
	}
	return list;
}

Result<storage::Organization> LoadOrganization(AppContext &ctx, Id org_id) {
	auto org = ctx.store.FindOrganization(org_id);
	if (!org || !org->has_value()) {
		return Error::Make(ErrorCode::kInternal, "organisation vanished");
	}
	return **org;
}

Result<std::vector<storage::Department>> ListDepartments(AppContext &ctx, const OrgAccess &access) {
	return ctx.store.ListDepartments(access.org.id);
}

Result<std::vector<storage::Membership>> ListMembers(AppContext &ctx, const OrgAccess &access) {
	return ctx.store.ListMembers(access.org.id);
}

} // namespace mamori::app
