// mamori/app/documents/template_documents.cpp
//
// The kinds written as templates under content/editions/<id>/documents/:
// one template (handbook, governance, …) or, for the 関連規程, every
// regulation proposed for the firm, each starting on a new page.
#include "app/audit.hpp"
#include "app/documents/document_builders.hpp"
#include "app/documents/document_editing.hpp"
#include "app/documents/document_kinds.hpp"
#include "app/documents/subject_documents.hpp"

#include "app/risk_service.hpp"
#include "core/document/regulation_choice.hpp"

#include <algorithm>

namespace mamori::app {
namespace {

using document::Block;
using document::BlockType;

//! What mamori knows of the firm's way of working: its profile answers, and
//! a register with assets in a cloud service says it uses the cloud even
//! when nobody ticked it (so do the partner and service registers:
//! AddRegisterFlags).
Result<std::set<std::string>> ProfileFlags(AppContext &ctx, const OrgAccess &access) {
	std::set<std::string> flags(access.org.profile_flags.begin(), access.org.profile_flags.end());
	const auto assets = MAMORI_TRY(ctx.store.ListAssets(access.org.id));
	if (std::any_of(assets.begin(), assets.end(), [](const storage::Asset &asset) { return asset.medium == "cloud"; })) {
		flags.insert("uses_cloud");
	}
	MAMORI_TRY(AddRegisterFlags(ctx, access, flags));
	return flags;
}

Result<std::map<std::string, document::CategoryNeed>> CategoryNeeds(AppContext &ctx, const OrgAccess &access) {
	std::map<std::string, document::CategoryNeed> needs;
	const auto analysis = MAMORI_TRY(AnalyzeOrganization(ctx, access, false));
	if (analysis->assets.empty()) {
		return needs;  // no analysis yet
	}
	for (const auto &category : analysis->result.categories) {
		document::CategoryNeed need = document::CategoryNeed::kNotNeeded;
		if (category.need == RegulationNeed::kRequired) {
			need = document::CategoryNeed::kRequired;
		} else if (category.need == RegulationNeed::kRecommended) {
			need = document::CategoryNeed::kRecommended;
		}
		needs[category.category->id] = need;
	}
	return needs;
}

//! A regulation inside the 関連規程: its title as a chapter, its own
//! headings one level down.
void AppendRegulation(const document::DocumentTemplate &regulation, std::vector<Block> filled, bool first,
                      std::vector<Block> &blocks) {
	if (!first) {
		blocks.push_back(Block{.type = BlockType::kPageBreak});
	}
	blocks.push_back(Block{.type = BlockType::kHeading,
	                       .level = 1,
	                       .anchor = regulation.id,
	                       .line = document::TextLine(regulation.title)});
	for (auto &block : filled) {
		if (block.type == BlockType::kHeading) {
			block.level = std::min(block.level + 1, 3);
		}
		blocks.push_back(std::move(block));
	}
}

} // namespace

//! The words of a stored document's state (document_builders.hpp: the もしもマニュアル
//! follows its 管理体制's).
std::string StoredStateWord(const DocumentWords &words, const std::optional<storage::StoredDocument> &stored) {
	if (!stored) {
		return StateWord(words, DocumentState::kSample);
	}
	switch (stored->state) {
	case storage::DocumentState::kDraft:
		return words("documents.state.draft");
	case storage::DocumentState::kPendingApproval:
		return words("documents.state.pending_approval");
	case storage::DocumentState::kApproved:
		return words("documents.state.approved");
	case storage::DocumentState::kPublished:
		return words("documents.state.published");
	}
	return words("documents.state.draft");
}

namespace {

//! 改訂日, 適用範囲, 承認者 and the state, as the guideline's samples head each
//! document; then the revision history at the end, as data.
void AddRecord(const DocumentWords &words, const EditableDocument &editable, AppContext &ctx, const OrgAccess &access,
               document::RenderedDocument &doc) {
	const auto &stored = editable.stored;
	doc.metadata.push_back({words("documents.metadata.state"), document::TextLine(StoredStateWord(words, stored))});
	if (!stored) {
		doc.metadata.push_back({words("documents.metadata.created_on"), document::TextLine(words.Date(ctx.clock.TodayInJapan()))});
		return;
	}
	auto value_or_blank = [&](const std::string &value, const char *label_key) {
		return value.empty() ? document::TextLine(words("documents.frame.blank", {{"label", words(label_key)}}), document::SpanKind::kBlank)
		                     : document::TextLine(value, document::SpanKind::kValue);
	};
	doc.metadata.push_back({words("documents.metadata.revised_on"),
	                        value_or_blank(words.Date(stored->revised_on), "documents.metadata.revised_on")});
	doc.metadata.push_back({words("documents.metadata.scope"), value_or_blank(stored->scope, "documents.metadata.scope")});
	doc.metadata.push_back({words("documents.metadata.approver"), value_or_blank(stored->approver, "documents.metadata.approver")});
	doc.metadata.push_back({words("documents.metadata.revision"), document::TextLine(std::to_string(stored->revision))});
}

} // namespace

Status SetProfileFlags(AppContext &ctx, const Actor &actor, const OrgAccess &access, std::vector<std::string> flags) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	const auto &known = document::ProfileFlagIds();
	for (const auto &flag : flags) {
		if (std::find(known.begin(), known.end(), flag) == known.end()) {
			return Error::Invalid("profile_flags", "errors.document.flag_unknown", {{"flag", flag}});
		}
	}
	std::sort(flags.begin(), flags.end());
	flags.erase(std::unique(flags.begin(), flags.end()), flags.end());
	storage::Organization updated = access.org;
	updated.profile_flags = flags;
	return ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.UpdateOrganization(updated));
		return Audit(ctx, updated.id, actor.user_id, "org.profile_flags", "org:" + std::to_string(updated.id),
		             {{"before", access.org.profile_flags}, {"after", flags}});
	});
}

Result<std::vector<document::RegulationProposal>> ProposeRegulationsFor(AppContext &ctx, const OrgAccess &access) {
	const Edition &edition = access.EditionOf(DocumentContentOf(ctx, access.org));
	const auto flags = MAMORI_TRY(ProfileFlags(ctx, access));
	const auto needs = MAMORI_TRY(CategoryNeeds(ctx, access));
	return document::ProposeRegulations(edition.document_templates, flags, needs);
}

Result<document::RenderedDocument> BuildTemplateDocument(AppContext &ctx, const DocumentWords &words,
                                                         const OrgAccess &access, std::string_view kind) {
	const Edition &edition = access.EditionOf(DocumentContentOf(ctx, access.org));
	document::FillContext context = FillContextFor(ctx, words, access);
	context.flags = MAMORI_TRY(ProfileFlags(ctx, access));
	context.role_holders = MAMORI_TRY(RoleHolders(ctx, access));

	document::RenderedDocument doc;
	doc.kind = std::string(kind);
	doc.locale = words.locale;
	std::string revised_on;
	bool draft = false;
	if (kind == "regulations") {
		doc.title = words("documents.regulations.title");
		bool first = true;
		for (const auto &proposal : MAMORI_TRY(ProposeRegulationsFor(ctx, access))) {
			if (!proposal.proposed) {
				continue;
			}
			const EditableDocument editable = MAMORI_TRY(OpenDocument(ctx, access, proposal.regulation->id));
			AppendRegulation(*proposal.regulation, document::FillTemplate(*proposal.regulation, editable.values, context),
			                 first, doc.blocks);
			if (editable.stored) {
				revised_on = std::max(revised_on, editable.stored->revised_on);
				draft = draft || editable.stored->state != storage::DocumentState::kPublished;
			}
			first = false;
		}
		doc.metadata.push_back({words("documents.metadata.created_on"), document::TextLine(words.Date(ctx.clock.TodayInJapan()))});
	} else {
		const document::DocumentTemplate *found = nullptr;
		for (const auto &tmpl : edition.document_templates) {
			if (tmpl.kind == kind) {
				found = &tmpl;
				break;
			}
		}
		if (found == nullptr) {
			return Error::Make(ErrorCode::kNotFound, "errors.document.no_template", {{"kind", std::string(kind)}});
		}
		doc.title = found->title;
		if (MAMORI_TRY(AppendSubjectDocuments(ctx, words, access, *found, context, doc))) {
			return doc;  // one per registered partner or service (subject_documents.hpp)
		}
		const EditableDocument editable = MAMORI_TRY(OpenDocument(ctx, access, found->id));
		doc.blocks = document::FillTemplate(*found, editable.values, context);
		if (!document::Applies(found->applies, context.flags)) {
			doc.blocks.insert(doc.blocks.begin(),
			                  Block{.type = BlockType::kNote, .line = document::TextLine(words("documents.not_applicable"))});
		}
		AddRecord(words, editable, ctx, access, doc);
		if (editable.stored) {
			revised_on = editable.stored->revised_on;
			draft = editable.stored->state != storage::DocumentState::kPublished;
		}
	}
	doc.revised_on = revised_on;
	doc.frame = FrameFor(words, access, doc.title, revised_on, draft);
	return doc;
}

} // namespace mamori::app
