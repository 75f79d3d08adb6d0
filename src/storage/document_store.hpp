// mamori/storage/document_store.hpp
//
// The firm's documents (issue 8): values entered into a template, the state
// (下書き → 承認待ち → 承認済み → 公開) and every revision. One area of the
// Store interface (storage/store.hpp); the organisation-scoping rule stated
// there holds here too.
#pragma once

#include "core/common/result.hpp"
#include "storage/records.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mamori::storage {

class DocumentStore {
public:
	virtual ~DocumentStore() = default;

	virtual Result<std::optional<StoredDocument>> FindDocument(Id org_id, const std::string &template_id,
	                                                           const std::string &subject) = 0;
	virtual Result<std::vector<StoredDocument>> ListDocuments(Id org_id) = 0;
	//! Creates the document (document.revision == 0) or updates it when its
	//! stored revision still equals document.revision (else kConflict: someone
	//! saved in between), and appends the new revision with `note`, in one
	//! transaction. Returns the document as stored, its revision one higher.
	virtual Result<StoredDocument> SaveDocument(const StoredDocument &document, const std::string &note) = 0;
	//! Oldest first.
	virtual Result<std::vector<DocumentRevision>> ListDocumentRevisions(Id org_id, Id document_id) = 0;

	//! Records that the user has read `revision` of the organisation's
	//! document (again: no change). kNotFound unless the document is org_id's.
	virtual Status ConfirmDocumentRead(Id org_id, Id document_id, Id user_id, int revision) = 0;
	//! The users who confirmed `revision`, with when.
	virtual Result<std::vector<DocumentRead>> ListDocumentReads(Id org_id, Id document_id, int revision) = 0;
};

} // namespace mamori::storage
