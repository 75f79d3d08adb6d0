// mamori/app/documents/subject_document_builder.cpp
//
// The kinds with one document per partner or service (outsourcing_nda,
// cloud_checklist) as one rendered document: a chapter per registered
// subject. Kept apart from template_documents.cpp, which only calls in.
#include "app/documents/document_builders.hpp"
#include "app/documents/document_editing.hpp"
#include "app/documents/subject_documents.hpp"

#include <algorithm>

namespace mamori::app {
namespace {

using document::Block;
using document::BlockType;

struct Subject {
	std::string subject;  // "partner:<id>" / "service:<id>"
	std::string name;
};

Result<std::vector<Subject>> SubjectsOf(AppContext &ctx, const OrgAccess &access, std::string_view kind) {
	std::vector<Subject> subjects;
	const auto takes = SubjectKindOf(kind);
	if (takes == SubjectKind::kPartner) {
		for (const auto &partner : MAMORI_TRY(ctx.store.ListPartners(access.org.id))) {
			subjects.push_back({PartnerSubject(partner.id), partner.name});
		}
	} else if (takes == SubjectKind::kService) {
		for (const auto &service : MAMORI_TRY(ctx.store.ListCloudServices(access.org.id))) {
			subjects.push_back({ServiceSubject(service.id), service.name});
		}
	}
	return subjects;
}

//! One subject's document as a chapter titled with its name, on a new page
//! after the first; its own headings one level down.
void AppendChapter(const DocumentWords &words, const document::DocumentTemplate &tmpl, const Subject &subject,
                   std::vector<Block> filled, bool first, std::vector<Block> &blocks) {
	if (!first) {
		blocks.push_back(Block{.type = BlockType::kPageBreak});
	}
	std::string anchor = subject.subject;
	std::replace(anchor.begin(), anchor.end(), ':', '-');
	blocks.push_back(Block{.type = BlockType::kHeading,
	                       .level = 1,
	                       .anchor = anchor,
	                       .line = document::TextLine(
	                           words("documents_subjects.heading", {{"title", tmpl.title}, {"name", subject.name}}))});
	for (auto &block : filled) {
		if (block.type == BlockType::kHeading) {
			block.level = std::min(block.level + 1, 3);
		}
		blocks.push_back(std::move(block));
	}
}

} // namespace

Status AddRegisterFlags(AppContext &ctx, const OrgAccess &access, std::set<std::string> &flags) {
	if (!MAMORI_TRY(ctx.store.ListCloudServices(access.org.id)).empty()) {
		flags.insert("uses_cloud");
	}
	if (!MAMORI_TRY(ctx.store.ListPartners(access.org.id)).empty()) {
		flags.insert("outsources");
	}
	return OkStatus();
}

Result<bool> AppendSubjectDocuments(AppContext &ctx, const DocumentWords &words, const OrgAccess &access,
                                    const document::DocumentTemplate &tmpl, const document::FillContext &context,
                                    document::RenderedDocument &doc) {
	const auto subjects = MAMORI_TRY(SubjectsOf(ctx, access, tmpl.kind));
	if (subjects.empty()) {
		return false;
	}
	bool any_stored = false;
	bool any_unpublished = false;
	std::string revised_on;
	bool first = true;
	for (const auto &subject : subjects) {
		const EditableDocument editable = MAMORI_TRY(OpenDocument(ctx, access, tmpl.id, subject.subject));
		AppendChapter(words, tmpl, subject,
		              document::FillTemplate(tmpl, WithRegisterValues(editable.values, editable.from_register), context), first,
		              doc.blocks);
		if (editable.stored) {
			any_stored = true;
			revised_on = std::max(revised_on, editable.stored->revised_on);
		}
		any_unpublished = any_unpublished || !editable.stored || editable.stored->state != storage::DocumentState::kPublished;
		first = false;
	}
	// Published only when every subject's document is; a sample while none was edited.
	const DocumentState state = !any_stored        ? DocumentState::kSample
	                            : any_unpublished ? DocumentState::kDraft
	                                              : DocumentState::kPublished;
	doc.metadata.push_back({words("documents.metadata.state"), document::TextLine(StateWord(words, state))});
	doc.metadata.push_back({words("documents.metadata.created_on"), document::TextLine(words.Date(ctx.clock.TodayInJapan()))});
	doc.revised_on = revised_on;
	doc.frame = FrameFor(words, access, doc.title, revised_on, state == DocumentState::kDraft);
	return true;
}

} // namespace mamori::app
