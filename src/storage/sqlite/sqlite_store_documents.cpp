// mamori/storage/sqlite/sqlite_store_documents.cpp
// SqliteStore: the firm's documents and their revisions (issue 8).
#include "storage/sqlite/sqlite_store.hpp"

#include "storage/sqlite/sqlite_support.hpp"

namespace mamori::storage {

using namespace sqlite_detail;

namespace {

// The time of a save or state change: the caller's (app/ stamps it with its
// clock, so a test can fix it), or the database's when the caller gives none.
#define MAMORI_DOCUMENT_UPDATED_AT "COALESCE(NULLIF(?, ''), " MAMORI_SQL_NOW ")"

const std::string kDocumentColumns =
    "SELECT id, org_id, template_id, subject, state, revision, values_json, scope, approver, revised_on, "
    "updated_at, updated_by FROM documents ";

Result<StoredDocument> ReadDocument(const Statement &s) {
	StoredDocument document;
	document.id = s.ColumnInt64(0);
	document.org_id = s.ColumnInt64(1);
	document.template_id = s.ColumnText(2);
	document.subject = s.ColumnText(3);
	const std::string state = s.ColumnText(4);
	auto parsed = ParseDocumentState(state);
	if (!parsed) {
		return Corrupt("document state '" + state + "'");
	}
	document.state = *parsed;
	document.revision = s.ColumnInt(5);
	document.values_json = s.ColumnText(6);
	document.scope = s.ColumnText(7);
	document.approver = s.ColumnText(8);
	document.revised_on = s.ColumnText(9);
	document.updated_at = s.ColumnText(10);
	document.updated_by = s.ColumnOptionalInt64(11);
	return document;
}

Result<DocumentRevision> ReadRevision(const Statement &s) {
	DocumentRevision revision;
	revision.revision = s.ColumnInt(0);
	const std::string state = s.ColumnText(1);
	auto parsed = ParseDocumentState(state);
	if (!parsed) {
		return Corrupt("document revision state '" + state + "'");
	}
	revision.state = *parsed;
	revision.values_json = s.ColumnText(2);
	revision.changed_by = s.ColumnOptionalInt64(3);
	revision.changed_by_email = s.ColumnText(4);
	revision.changed_at = s.ColumnText(5);
	revision.note = s.ColumnText(6);
	return revision;
}

//! The one document of (org, template, subject): the key every lookup here uses.
Result<std::optional<StoredDocument>> QueryDocument(Connection *db, Id org_id, const std::string &template_id,
                                                    const std::string &subject) {
	return QueryOne<StoredDocument>(db, kDocumentColumns + "WHERE org_id = ? AND template_id = ? AND subject = ?",
	                                [&](Statement &s) { s.Bind(1, org_id).Bind(2, template_id).Bind(3, subject); },
	                                ReadDocument);
}

} // namespace

Result<std::optional<StoredDocument>> SqliteStore::FindDocument(Id org_id, const std::string &template_id,
                                                                const std::string &subject) {
	ConnectionUse use = Use();
	return QueryDocument(db(), org_id, template_id, subject);
}

Result<std::vector<StoredDocument>> SqliteStore::ListDocuments(Id org_id) {
	ConnectionUse use = Use();
	return QueryAll<StoredDocument>(db(), kDocumentColumns + "WHERE org_id = ? ORDER BY template_id, subject",
	                                [&](Statement &s) { s.Bind(1, org_id); }, ReadDocument);
}

Result<StoredDocument> SqliteStore::SaveDocument(const StoredDocument &document, const std::string &note) {
	std::optional<StoredDocument> saved;
	Status status = InTransaction([&]() -> Status {
		if (document.revision == 0) {
			auto existing = QueryDocument(db(), document.org_id, document.template_id, document.subject);
			if (!existing) {
				return existing.error();
			}
			if (existing->has_value()) {
				// Another editor created it first.
				return Error::Make(ErrorCode::kConflict, "errors.document.saved_meanwhile");
			}
			auto id = Inserted(db(), Execute(db(),
			                                "INSERT INTO documents(org_id, template_id, subject, state, revision, values_json, "
			                                "scope, approver, revised_on, updated_at, updated_by) "
			                                "VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, " MAMORI_DOCUMENT_UPDATED_AT ", ?)",
			                                [&](Statement &s) {
				                                s.Bind(1, document.org_id)
				                                    .Bind(2, document.template_id)
				                                    .Bind(3, document.subject)
				                                    .Bind(4, DocumentStateName(document.state))
				                                    .Bind(5, document.values_json)
				                                    .Bind(6, document.scope)
				                                    .Bind(7, document.approver)
				                                    .Bind(8, document.revised_on)
				                                    .Bind(9, document.updated_at)
				                                    .Bind(10, document.updated_by);
			                                }));
			if (!id) {
				return id.error();
			}
		} else {
			auto changed = Execute(db(),
			                       "UPDATE documents SET state = ?, revision = revision + 1, values_json = ?, scope = ?, "
			                       "approver = ?, revised_on = ?, updated_at = " MAMORI_DOCUMENT_UPDATED_AT ", updated_by = ? "
			                       "WHERE org_id = ? AND id = ? AND revision = ?",
			                       [&](Statement &s) {
				                       s.Bind(1, DocumentStateName(document.state))
				                           .Bind(2, document.values_json)
				                           .Bind(3, document.scope)
				                           .Bind(4, document.approver)
				                           .Bind(5, document.revised_on)
				                           .Bind(6, document.updated_at)
				                           .Bind(7, document.updated_by)
				                           .Bind(8, document.org_id)
				                           .Bind(9, document.id)
				                           .Bind(10, document.revision);
			                       });
			if (!changed) {
				return changed.error();
			}
			if (*changed == 0) {
				return Error::Make(ErrorCode::kConflict, "errors.document.saved_meanwhile");
			}
		}
		auto stored = QueryDocument(db(), document.org_id, document.template_id, document.subject);
		if (!stored) {
			return stored.error();
		}
		if (!stored->has_value()) {
			return Error::Make(ErrorCode::kStorage, "the saved document cannot be read back");
		}
		saved = **stored;
		auto appended = Execute(db(),
		                      "INSERT INTO document_revisions(document_id, revision, state, values_json, changed_by, "
		                      "changed_at, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
		                      [&](Statement &s) {
			                      s.Bind(1, saved->id)
			                          .Bind(2, saved->revision)
			                          .Bind(3, DocumentStateName(saved->state))
			                          .Bind(4, saved->values_json)
			                          .Bind(5, saved->updated_by)
			                          .Bind(6, saved->updated_at)
			                          .Bind(7, note);
		                      });
		return appended ? OkStatus() : Status(appended.error());
	});
	if (!status) {
		return status.error();
	}
	return *saved;
}

Result<std::vector<DocumentRevision>> SqliteStore::ListDocumentRevisions(Id org_id, Id document_id) {
	ConnectionUse use = Use();
	return QueryAll<DocumentRevision>(
	    db(),
	    "SELECT r.revision, r.state, r.values_json, r.changed_by, COALESCE(u.email, ''), r.changed_at, r.note "
	    "FROM document_revisions r JOIN documents d ON d.id = r.document_id "
	    "LEFT JOIN users u ON u.id = r.changed_by WHERE d.org_id = ? AND d.id = ? ORDER BY r.revision",
	    [&](Statement &s) { s.Bind(1, org_id).Bind(2, document_id); }, ReadRevision);
}

Status SqliteStore::ConfirmDocumentRead(Id org_id, Id document_id, Id user_id, int revision) {
	return InTransaction([&]() -> Status {
		// The document must be the organisation's: a read of another firm's
		// document is "not found", never recorded.
		auto changed = Execute(db(),
		                       "INSERT INTO document_reads(document_id, user_id, revision, read_at) "
		                       "SELECT id, ?, ?, " MAMORI_SQL_NOW " FROM documents WHERE org_id = ? AND id = ? "
		                       "ON CONFLICT DO NOTHING",
		                       [&](Statement &s) { s.Bind(1, user_id).Bind(2, revision).Bind(3, org_id).Bind(4, document_id); });
		if (!changed) {
			return changed.error();
		}
		if (*changed == 0) {
			auto exists = QueryOne<int>(db(), "SELECT 1 FROM documents WHERE org_id = ? AND id = ?",
			                            [&](Statement &s) { s.Bind(1, org_id).Bind(2, document_id); },
			                            [](const Statement &) -> Result<int> { return 1; });
			if (!exists) {
				return exists.error();
			}
			if (!exists->has_value()) {
				return Error::Make(ErrorCode::kNotFound, "errors.not_found");
			}
		}
		return OkStatus();
	});
}

Result<std::vector<DocumentRead>> SqliteStore::ListDocumentReads(Id org_id, Id document_id, int revision) {
	ConnectionUse use = Use();
	return QueryAll<DocumentRead>(
	    db(),
	    "SELECT r.user_id, r.read_at FROM document_reads r JOIN documents d ON d.id = r.document_id "
	    "WHERE d.org_id = ? AND d.id = ? AND r.revision = ? ORDER BY r.read_at, r.user_id",
	    [&](Statement &s) { s.Bind(1, org_id).Bind(2, document_id).Bind(3, revision); },
	    [](const Statement &s) -> Result<DocumentRead> { return DocumentRead{s.ColumnInt64(0), s.ColumnText(1)}; });
}

} // namespace mamori::storage
