// mamori/storage/records.cpp
//
// Role names and labels (declared in store.hpp next to the interface that
// persists them).
#include "storage/records.hpp"

#include "storage/store.hpp"

namespace mamori::storage {

// The machine names are stored in the database and sent over the API, so
// they must never change. The labels follow 表5 of the guideline where it
// names the role (情報セキュリティ責任者); the organisation's administrator is
// 組織管理者 so that nobody takes it for 表5's システム管理者 (who runs IT
// systems) or for the installation's mamori運用管理者 (User::is_admin).

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
	case Role::kConsultant:
		return "consultant";
	}
	return "viewer";
}

std::optional<Role> ParseRoleName(std::string_view name) {
	for (Role role : {Role::kAdmin, Role::kManager, Role::kExecutive, Role::kRespondent, Role::kViewer, Role::kConsultant}) {
		if (RoleName(role) == name) {
			return role;
		}
	}
	return std::nullopt;
}

const char *DocumentStateName(DocumentState state) {
	switch (state) {
	case DocumentState::kDraft:
		return "draft";
	case DocumentState::kPendingApproval:
		return "pending_approval";
	case DocumentState::kApproved:
		return "approved";
	case DocumentState::kPublished:
		return "published";
	}
	return "draft";
}

std::optional<DocumentState> ParseDocumentState(std::string_view name) {
	for (DocumentState state : {DocumentState::kDraft, DocumentState::kPendingApproval, DocumentState::kApproved,
	                            DocumentState::kPublished}) {
		if (name == DocumentStateName(state)) {
			return state;
		}
	}
	return std::nullopt;
}

} // namespace mamori::storage
