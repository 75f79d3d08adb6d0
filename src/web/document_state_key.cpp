// mamori/web/document_state_key.cpp
#include "web/document_state_key.hpp"

namespace mamori::web {

const char *DocumentStateKey(const std::optional<storage::StoredDocument> &stored) {
	if (!stored) {
		return "web_document_edit.state.sample";
	}
	switch (stored->state) {
	case storage::DocumentState::kDraft:
		return "web_document_edit.state.draft";
	case storage::DocumentState::kPendingApproval:
		return "web_document_edit.state.pending_approval";
	case storage::DocumentState::kApproved:
		return "web_document_edit.state.approved";
	case storage::DocumentState::kPublished:
		return "web_document_edit.state.published";
	}
	return "web_document_edit.state.draft";
}

} // namespace mamori::web
