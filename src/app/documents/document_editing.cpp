// mamori/app/documents/document_editing.cpp
#include "app/documents/document_editing.hpp"

#include "app/audit.hpp"
#include "app/documents/subject_documents.hpp"
#include "app/languages.hpp"
#include "codec/document_codec.hpp"
#include "core/common/civil_date.hpp"

namespace mamori::app {
namespace {

constexpr size_t kMaxMetadata = 200;

const document::DocumentTemplate *FindTemplate(const AppContext &ctx, const OrgAccess &access,
                                               const std::string &template_id) {
	return access.EditionOf(DocumentContentOf(ctx, access.org)).FindDocumentTemplate(template_id);
}

Status CheckMetadata(const DocumentEdit &edit) {
	if (edit.scope.size() > kMaxMetadata) {
		return Error::Invalid("scope", "errors.document.value_too_long",
		                      {{"max", std::to_string(kMaxMetadata)}, {"chars", std::to_string(kMaxMetadata / 3)}});
	}
	if (edit.approver.size() > kMaxMetadata) {
		return Error::Invalid("approver", "errors.document.value_too_long",
		                      {{"max", std::to_string(kMaxMetadata)}, {"chars", std::to_string(kMaxMetadata / 3)}});
	}
	if (!edit.revised_on.empty() && !ParseIsoDate(edit.revised_on)) {
		return Error::Invalid("revised_on", "errors.document.date_invalid");
	}
	return OkStatus();
}

//! The audit target of a document: its template, and its subject if any.
std::string AuditTarget(const std::string &template_id, const std::string &subject) {
	return "document:" + template_id + (subject.empty() ? "" : "/" + subject);
}

bool MayApprove(const OrgAccess &access) {
	return access.CanEdit() || access.membership.role == storage::Role::kExecutive;
}

} // namespace

Result<EditableDocument> OpenDocument(AppContext &ctx, const OrgAccess &access, const std::string &template_id,
                                      const std::string &subject) {
	EditableDocument editable;
	editable.tmpl = FindTemplate(ctx, access, template_id);
	if (editable.tmpl == nullptr) {
		return Error::Make(ErrorCode::kNotFound, "errors.document.no_template", {{"kind", template_id}});
	}
	editable.subject = subject;
	editable.from_register = MAMORI_TRY(SubjectValues(ctx, access, *editable.tmpl, subject));
	editable.stored = MAMORI_TRY(ctx.store.FindDocument(access.org.id, template_id, subject));
	if (editable.stored) {
		editable.values = MAMORI_TRY(codec::DocumentValuesFromJson(editable.stored->values_json));
	}
	return editable;
}

Result<storage::StoredDocument> SaveDocumentDraft(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                                  const std::string &template_id, const DocumentEdit &edit) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	const EditableDocument current = MAMORI_TRY(OpenDocument(ctx, access, template_id, edit.subject));
	document::DocumentValues values = edit.values;
	document::DropUnchangedRules(*current.tmpl, values);  // the form posts every section's rules
	MAMORI_TRY(document::ValidateValues(*current.tmpl, values));
	MAMORI_TRY(CheckMetadata(edit));
	storage::StoredDocument next = current.stored.value_or(storage::StoredDocument{});
	next.org_id = access.org.id;
	next.template_id = template_id;
	next.subject = edit.subject;
	next.state = storage::DocumentState::kDraft;
	next.values_json = codec::DocumentValuesToJson(WithoutRegisterValues(values, current.from_register));
	next.scope = edit.scope;
	next.approver = edit.approver;
	next.revised_on = edit.revised_on;
	next.updated_by = actor.user_id;
	next.updated_at = ctx.clock.NowIso();
	// The revision the form saw: a save over someone else's newer one is refused.
	next.revision = edit.expected_revision;
	storage::StoredDocument saved;
	MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
		saved = MAMORI_TRY(ctx.store.SaveDocument(next, "save"));
		return Audit(ctx, access.org.id, actor.user_id, "document.save", AuditTarget(template_id, edit.subject),
		             {{"revision", saved.revision}});
	}));
	return saved;
}

std::optional<DocumentAction> ParseDocumentAction(std::string_view name) {
	if (name == "submit") {
		return DocumentAction::kSubmit;
	}
	if (name == "approve") {
		return DocumentAction::kApprove;
	}
	if (name == "publish") {
		return DocumentAction::kPublish;
	}
	return std::nullopt;
}

Result<storage::StoredDocument> ChangeDocumentState(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                                    const std::string &template_id, DocumentAction action,
                                                    int expected_revision, const std::string &subject) {
	const EditableDocument current = MAMORI_TRY(OpenDocument(ctx, access, template_id, subject));
	if (!current.stored) {
		return Error::Invalid("action", "errors.document.save_first");
	}
	using storage::DocumentState;
	DocumentState from = DocumentState::kDraft;
	DocumentState to = DocumentState::kPendingApproval;
	const char *note = "submit";
	bool allowed = access.CanEdit();
	switch (action) {
	case DocumentAction::kSubmit:
		break;
	case DocumentAction::kApprove:
		from = DocumentState::kPendingApproval;
		to = DocumentState::kApproved;
		note = "approve";
		allowed = MayApprove(access);
		break;
	case DocumentAction::kPublish:
		from = DocumentState::kApproved;
		to = DocumentState::kPublished;
		note = "publish";
		break;
	}
	if (!allowed) {
		return Error::Make(ErrorCode::kForbidden, "errors.document.may_not");
	}
	if (current.stored->state != from) {
		return Error::Make(ErrorCode::kConflict, "errors.document.wrong_state");
	}
	storage::StoredDocument next = *current.stored;
	next.state = to;
	next.updated_by = actor.user_id;
	next.updated_at = ctx.clock.NowIso();
	next.revision = expected_revision;
	storage::StoredDocument saved;
	MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
		saved = MAMORI_TRY(ctx.store.SaveDocument(next, note));
		return Audit(ctx, access.org.id, actor.user_id, std::string("document.") + note, AuditTarget(template_id, subject),
		             {{"revision", saved.revision}});
	}));
	return saved;
}

Result<std::vector<storage::DocumentRevision>> DocumentHistory(AppContext &ctx, const OrgAccess &access,
                                                               const storage::StoredDocument &stored) {
	return ctx.store.ListDocumentRevisions(access.org.id, stored.id);
}

Result<std::optional<storage::StoredDocument>> PublishedHandbook(AppContext &ctx, const OrgAccess &access) {
	auto stored = MAMORI_TRY(ctx.store.FindDocument(access.org.id, "handbook", ""));
	if (!stored || stored->state != storage::DocumentState::kPublished) {
		return std::optional<storage::StoredDocument>();
	}
	return stored;
}

Status ConfirmHandbookRead(AppContext &ctx, const Actor &actor, const OrgAccess &access) {
	const auto handbook = MAMORI_TRY(PublishedHandbook(ctx, access));
	if (!handbook) {
		return Error::Make(ErrorCode::kNotFound, "errors.document.handbook_not_published");
	}
	return ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.ConfirmDocumentRead(access.org.id, handbook->id, actor.user_id, handbook->revision));
		return Audit(ctx, access.org.id, actor.user_id, "document.read", "document:handbook",
		             {{"revision", handbook->revision}});
	});
}

Result<std::vector<HandbookReader>> HandbookReaders(AppContext &ctx, const OrgAccess &access) {
	std::vector<HandbookReader> readers;
	const auto handbook = MAMORI_TRY(PublishedHandbook(ctx, access));
	if (!handbook) {
		return readers;
	}
	const auto reads = MAMORI_TRY(ctx.store.ListDocumentReads(access.org.id, handbook->id, handbook->revision));
	for (const auto &member : MAMORI_TRY(ctx.store.ListMembers(access.org.id))) {
		HandbookReader reader{member, std::nullopt};
		for (const auto &read : reads) {
			if (read.user_id == member.user_id) {
				reader.read_at = read.read_at;
			}
		}
		readers.push_back(std::move(reader));
	}
	return readers;
}

Result<std::map<std::string, std::string>> RoleHolders(AppContext &ctx, const OrgAccess &access) {
	std::map<std::string, std::string> holders;
	const document::DocumentTemplate *governance = FindTemplate(ctx, access, "governance");
	if (governance == nullptr) {
		return holders;
	}
	auto stored = MAMORI_TRY(ctx.store.FindDocument(access.org.id, "governance", ""));
	if (!stored) {
		return holders;
	}
	const document::DocumentValues values = MAMORI_TRY(codec::DocumentValuesFromJson(stored->values_json));
	for (const auto &field : governance->fields) {
		auto value = values.fields.find(field.id);
		if (field.type == document::FieldType::kPerson && !field.role.empty() && value != values.fields.end() &&
		    !value->second.empty()) {
			holders.emplace(field.role, value->second);
		}
	}
	return holders;
}

} // namespace mamori::app
