// mamori/app/documents/template_documents.cpp
//
// The kinds written as templates under content/editions/<id>/documents/:
// one template (handbook, governance, …) or, for the 関連規程, every
// regulation proposed for the firm, each starting on a new page.
#include "app/documents/document_builders.hpp"
#include "app/documents/document_kinds.hpp"

#include "app/risk_service.hpp"
#include "core/document/regulation_choice.hpp"

#include <algorithm>

namespace mamori::app {
namespace {

using document::Block;
using document::BlockType;

//! What mamori knows of the firm's way of working. Until the firm answers
//! the profile questions itself, a register with assets in a cloud service
//! says it uses the cloud.
Result<std::set<std::string>> ProfileFlags(AppContext &ctx, const OrgAccess &access) {
	std::set<std::string> flags;
	const auto assets = MAMORI_TRY(ctx.store.ListAssets(access.org.id));
	if (std::any_of(assets.begin(), assets.end(), [](const storage::Asset &asset) { return asset.medium == "cloud"; })) {
		flags.insert("uses_cloud");
	}
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
	const document::DocumentValues values;  // the firm's own values come with stored documents

	document::RenderedDocument doc;
	doc.kind = std::string(kind);
	doc.locale = words.locale;
	if (kind == "regulations") {
		doc.title = words("documents.regulations.title");
		bool first = true;
		for (const auto &proposal : MAMORI_TRY(ProposeRegulationsFor(ctx, access))) {
			if (!proposal.proposed) {
				continue;
			}
			AppendRegulation(*proposal.regulation, document::FillTemplate(*proposal.regulation, values, context), first,
			                 doc.blocks);
			first = false;
		}
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
		doc.blocks = document::FillTemplate(*found, values, context);
		if (!document::Applies(found->applies, context.flags)) {
			doc.blocks.insert(doc.blocks.begin(),
			                  Block{.type = BlockType::kNote, .line = document::TextLine(words("documents.not_applicable"))});
		}
	}
	doc.frame = FrameFor(words, access, doc.title, "", false);
	doc.metadata.push_back({words("documents.metadata.state"), document::TextLine(StateWord(words, DocumentState::kSample))});
	doc.metadata.push_back({words("documents.metadata.created_on"), document::TextLine(words.Date(ctx.clock.TodayInJapan()))});
	return doc;
}

} // namespace mamori::app
