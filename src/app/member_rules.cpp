// mamori/app/member_rules.cpp
#include "app/member_rules.hpp"

namespace mamori::app {

bool IsFirmLead(Role role) { return role == Role::kAdmin || role == Role::kManager; }

bool ConsultantMayInvite(Role role, bool firm_has_lead) {
	switch (role) {
	case Role::kConsultant:
	case Role::kRespondent:
	case Role::kViewer:
		return true;
	case Role::kAdmin:
	case Role::kManager:
		return !firm_has_lead;
	case Role::kExecutive:
		return false;
	}
	return false;
}

bool ConsultantMayRemove(Role role, bool signed_up) {
	switch (role) {
	case Role::kConsultant:
	case Role::kRespondent:
	case Role::kViewer:
		return true;
	case Role::kAdmin:
	case Role::kManager:
		return !signed_up;
	case Role::kExecutive:
		return false;
	}
	return false;
}

const char *ConsultantInviteRefusal(Role role) {
	return IsFirmLead(role) ? "app_orgs.member.consultant_lead_taken" : "app_orgs.member.consultant_role_forbidden";
}

} // namespace mamori::app
