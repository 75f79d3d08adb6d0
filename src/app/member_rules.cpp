// mamori/app/member_rules.cpp
#include "app/member_rules.hpp"

namespace mamori::app {

namespace {

//! Where a role stands to a consultant's rights: below them (回答者, 閲覧者, or equal: another
//! 外部専門家), the firm's lead (the first only, and correctable until signed up), or above (経営者).
enum class Standing { kBelow, kFirmLead, kAbove };

Standing StandingOf(Role role) {
	if (IsFirmLead(role)) {
		return Standing::kFirmLead;
	}
	return role == Role::kExecutive ? Standing::kAbove : Standing::kBelow;
}

} // namespace

bool IsFirmLead(Role role) { return role == Role::kAdmin || role == Role::kManager; }

bool ConsultantMayInvite(Role role, bool firm_has_lead) {
	const Standing standing = StandingOf(role);
	return standing == Standing::kBelow || (standing == Standing::kFirmLead && !firm_has_lead);
}

bool ConsultantMayRemove(Role role, bool signed_up) {
	const Standing standing = StandingOf(role);
	return standing == Standing::kBelow || (standing == Standing::kFirmLead && !signed_up);
}

const char *ConsultantInviteRefusal(Role role) {
	return IsFirmLead(role) ? "app_orgs.member.consultant_lead_taken" : "app_orgs.member.consultant_role_forbidden";
}

} // namespace mamori::app
