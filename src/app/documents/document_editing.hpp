// mamori/app/documents/document_editing.hpp
//
// Editing a document made from a template (issue 8): the firm's values are
// checked against the template's fields, stored with a revision, and the
// document moves 下書き → 承認待ち → 承認済み → 公開. Saving new values
// always makes a draft again, so what was approved is what gets published.
#pragma once

#include "app/app_context.hpp"
#include "app/organizations.hpp"
#include "core/document/document_values.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mamori::app {

struct EditableDocument {
	const document::DocumentTemplate *tmpl = nullptr;  // in the organisation's document language
	std::optional<storage::StoredDocument> stored;      // nullopt until first saved
	document::DocumentValues values;                    // what the firm entered
	std::string subject;                                // "" or "partner:<id>" / "service:<id>" (subject_documents.hpp)
	document::DocumentValues from_register;             // what the register fills in where the firm entered nothing
};

//! The template and what the firm has stored for it (for one partner or
//! service when `subject` is given). kNotFound for an unknown template id or
//! a subject the organisation does not have or the template does not take.
Result<EditableDocument> OpenDocument(AppContext &ctx, const OrgAccess &access, const std::string &template_id,
                                      const std::string &subject = "");

struct DocumentEdit {
	document::DocumentValues values;
	std::string scope;        // 適用範囲
	std::string approver;     // 承認者
	std::string revised_on;   // 改訂日, YYYY-MM-DD or ""
	int expected_revision = 0;  // the revision the form was opened at (0: new)
	std::string subject;        // the partner or service the document is about ("" for none)
};

//! Saves the values as a draft; editors only. Errors name the field.
Result<storage::StoredDocument> SaveDocumentDraft(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                                  const std::string &template_id, const DocumentEdit &edit);

enum class DocumentAction {
	kSubmit,   // 下書き → 承認待ち (editors)
	kApprove,  // 承認待ち → 承認済み (経営者, 組織管理者 or 情報セキュリティ責任者)
	kPublish,  // 承認済み → 公開 (editors)
};
//! "submit" / "approve" / "publish", or nullopt.
std::optional<DocumentAction> ParseDocumentAction(std::string_view name);

Result<storage::StoredDocument> ChangeDocumentState(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                                    const std::string &template_id, DocumentAction action,
                                                    int expected_revision, const std::string &subject = "");

Result<std::vector<storage::DocumentRevision>> DocumentHistory(AppContext &ctx, const OrgAccess &access,
                                                               const storage::StoredDocument &stored);

//! The published ハンドブック for employees: its stored record, or nullopt
//! while it is not published.
Result<std::optional<storage::StoredDocument>> PublishedHandbook(AppContext &ctx, const OrgAccess &access);

//! Any member confirms having read the published handbook (its current
//! revision). kNotFound while there is none.
Status ConfirmHandbookRead(AppContext &ctx, const Actor &actor, const OrgAccess &access);

struct HandbookReader {
	storage::Membership member;
	std::optional<std::string> read_at;  // nullopt: has not confirmed this revision
};
//! Every member and whether they confirmed the published revision; for the
//! 責任者, to see who has not read it. Empty while nothing is published.
Result<std::vector<HandbookReader>> HandbookReaders(AppContext &ctx, const OrgAccess &access);

//! Who holds each 管理体制 role, from the governance document's person
//! fields: the one source every other document takes names from.
Result<std::map<std::string, std::string>> RoleHolders(AppContext &ctx, const OrgAccess &access);

} // namespace mamori::app
