// mamori/app/organizations.hpp
//
// Organisations, their profile and departments, membership and invitations.
// AccessOrganization is the gate every organisation-scoped request passes:
// no role means kNotFound, so a stranger cannot even learn that an
// organisation exists.
#pragma once

#include "app/accounts.hpp"
#include "app/app_context.hpp"
#include "app/records.hpp"
#include "core/sme/classification.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace mamori::app {

struct OrganizationInput {
	std::string name;
	std::string industry;
	long long capital_yen = 0;
	int employees = 0;
};

//! Validates name (required, ≤200 bytes), industry, capital and employees.
Status ValidateOrganizationInput(const AppContext &ctx, const OrganizationInput &input);

//! Creates the organisation under the default edition; the creator becomes its 責任者.
Result<Id> CreateOrganization(AppContext &ctx, const Actor &actor, const OrganizationInput &input,
                              storage::Role creator_role = storage::Role::kManager);

//! Creates the first account (an installation administrator) and its first
//! organisation, with that account as 組織管理者, all or nothing.
Result<Id> CreateFirstAdministrator(AppContext &ctx, const NewAccount &account, const OrganizationInput &org);

//! The setting by which the installation's administrator requires two-step login of everyone.
inline constexpr const char *kInstallationTwoStepSetting = "installation.require_two_step";

struct OrgAccess {
	storage::Organization org;
	storage::Membership membership;
	//! Read with the membership by AccessOrganization, for the two-step gate (TwoStepDemandFor).
	bool org_requires_two_step = false;
	bool installation_requires_two_step = false;
	//! The organisation's data revision (storage/org_revision.hpp) read with the access, before
	//! any of the request's own reads. Valid for views of a request that has written nothing
	//! since (a GET); after a write, read it again (storage::OrgRevision).
	int64_t revision = 0;

	//! 責任者 and 組織管理者, and the 外部専門家 who coaches the firm (issue 12): an expert works on
	//! the firm's documents, risks and diagnosis with it, as 003's coaching has them do.
	bool CanEdit() const {
		return membership.role == storage::Role::kAdmin || membership.role == storage::Role::kManager ||
		       membership.role == storage::Role::kConsultant;
	}
	bool IsConsultant() const { return membership.role == storage::Role::kConsultant; }
	bool CanManageMembers() const { return CanEdit(); }
	bool IsRespondent() const { return membership.role == storage::Role::kRespondent; }
	//! 経営者 approves accepting a 大 risk; an 組織管理者 may stand in.
	bool CanApproveRisk() const {
		return membership.role == storage::Role::kExecutive || membership.role == storage::Role::kAdmin;
	}
	const Edition &EditionOf(const Catalog &catalog) const;
};

//! kNotFound unless the user has a role in the organisation.
Result<OrgAccess> AccessOrganization(AppContext &ctx, Id user_id, Id org_id);
//! A signed-in request to an organisation's page or API: the session and the user's access to
//! the organisation the path names, read in one query (issue 11: one round trip on PostgreSQL).
struct SessionWithOrgAccess {
	SessionUser session;
	Result<OrgAccess> access;  // AccessOrganization's answer for (the session's user, org_id)
};
//! ResolveSession and AccessOrganization together; nullopt as ResolveSession says.
Result<std::optional<SessionWithOrgAccess>> ResolveSessionWithOrgAccess(AppContext &ctx, const std::string &token,
                                                                       Id org_id);
//! AccessOrganization, then kForbidden unless the role may edit.
Result<OrgAccess> AccessForEdit(AppContext &ctx, Id user_id, Id org_id);

Status UpdateOrganizationProfile(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                 const OrganizationInput &input);

//! `content`: the catalog whose industry names the caller shows (a page passes
//! the reader's language); nullptr means ctx.catalog.
Result<SmeClassification> ClassifyOrganization(const AppContext &ctx, const storage::Organization &org,
                                               const Catalog *content = nullptr);

Result<Id> AddDepartment(AppContext &ctx, const Actor &actor, const OrgAccess &access, const std::string &name);
Status RemoveDepartment(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id department_id);

struct Invitation {
	Id user_id = 0;
	std::string email;  // of the account invited
	std::string token;  // shown once to the inviter as a link
	std::string expires_at;
};

struct InviteInput {
	std::string email;
	std::string display_name;
	storage::Role role = storage::Role::kRespondent;
	std::optional<Id> department_id;  // required for 回答者
};

//! Adds a member. A new e-mail gets a placeholder account and a one-time
//! link to set its password; an existing account is simply given the role (an account whose
//! invitation was never accepted and that belongs nowhere any more gets a new link). A 外部専門家 may
//! give only the roles app/member_rules.hpp allows (kForbidden, field `role`).
Result<Invitation> InviteMember(AppContext &ctx, const Actor &actor, const OrgAccess &access, const InviteInput &input);
//! A new invitation link for member `user_id`, who has not set a password yet (the first link
//! was lost or has expired); the earlier link stops working. Needs the right to manage members
//! (kForbidden); kNotFound when the account is not a member here; kConflict (field user_id) when
//! it has signed up already: its owner signs in instead. Audited member.new_link.
Result<Invitation> IssueNewInvitationLink(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id user_id);
//! Which of `members` have not set a password yet (invited, not signed up): the members page
//! marks them and offers a new link. One read per member (an organisation's members are few).
Result<std::set<Id>> MembersNotSignedUp(AppContext &ctx, const std::vector<storage::Membership> &members);
//! A 外部専門家 may not remove a 組織管理者, 責任者 who has signed up, nor a 経営者 (kForbidden).
Status RemoveMember(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id user_id);

//! Whether the firm has its own 組織管理者 or 責任者 (issue 12): none, only invited (not yet
//! signed up), or signed up. A client a consultant registered starts with none.
enum class FirmLead { kNone, kInvited, kSignedUp };
Result<FirmLead> FirmLeadOf(AppContext &ctx, Id org_id);

//! The organisations the user has a role in, with the role.
Result<std::vector<storage::Membership>> ListMyMemberships(AppContext &ctx, Id user_id);
//! The organisation to open on sign-in: the only one, or nullopt when there are none or several.
Result<std::optional<Id>> HomeOrganization(AppContext &ctx, Id user_id);

struct OrganizationWithRole {
	storage::Organization org;
	storage::Role role;
};
//! The user's organisations in full (the API's list).
Result<std::vector<OrganizationWithRole>> ListMyOrganizations(AppContext &ctx, Id user_id);
//! One organisation by id; kInternal when it is missing (the caller has just created or opened it).
Result<storage::Organization> LoadOrganization(AppContext &ctx, Id org_id);

Result<std::vector<storage::Department>> ListDepartments(AppContext &ctx, const OrgAccess &access);
Result<std::vector<storage::Membership>> ListMembers(AppContext &ctx, const OrgAccess &access);

//! Looks up a pending invitation by its raw token.
Result<storage::Invitation> FindPendingInvitation(AppContext &ctx, const std::string &token);
//! Sets the password of the invited account and marks the invitation used.
Result<Id> AcceptInvitation(AppContext &ctx, const std::string &token, const std::string &password);

} // namespace mamori::app
