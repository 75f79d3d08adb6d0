// mamori/storage/records.cpp
//
// Role names and labels (declared in store.hpp next to the interface that
// persists them).
#include "storage/records.hpp"

#include "storage/store.hpp"

namespace mamori::storage {

// The machine names are stored in the database and sent over the API, so
// they must never change.

std::string_view RoleName(Role role) {
	switch (role) {
	case Role::kAdmin:
		return "admin";
	case Role::kManager:
		return "manager";
	case Role::kExecutive:
		return "executive";
	case Role::kRespondent:
		return "respondent";
	case Role::kViewer:
		return "viewer";
	}
	return "viewer";
}

std::optional<Role> ParseRoleName(std::string_view name) {
	for (Role role : {Role::kAdmin, Role::kManager, Role::kExecutive, Role::kRespondent, Role::kViewer}) {
		if (RoleName(role) == name) {
			return role;
		}
	}
	return std::nullopt;
}

std::string_view RoleLabel(Role role) {
	switch (role) {
	case Role::kAdmin:
		return "管理者";
	case Role::kManager:
		return "責任者";
	case Role::kExecutive:
		return "経営者";
	case Role::kRespondent:
		return "回答者";
	case Role::kViewer:
		return "閲覧者";
	}
	return "閲覧者";
}

} // namespace mamori::storage
