// mamori/app/documents/policy_document.cpp
//
// The 基本方針 (付録2) as a RenderedDocument: the published version when
// there is one, else the latest draft, else the sample filled with the
// company's name.
#include "app/documents/document_builders.hpp"

#include "app/policy_service.hpp"

namespace mamori::app {

Result<document::RenderedDocument> BuildPolicyVersionDocument(const DocumentWords &words, const OrgAccess &access,
                                                              const PolicyTemplate &tmpl, const PolicyInput &input,
                                                              int version, DocumentState state) {
	using document::Block;
	using document::BlockType;
	const PolicyDocument policy = MAMORI_TRY(BuildPolicyDocument(words.messages, words.locale, tmpl, input, version));
	const bool published = state == DocumentState::kPublished;

	document::RenderedDocument doc;
	doc.kind = "basic_policy";
	doc.title = policy.title;
	doc.locale = words.locale;
	const std::string revised = input.revised_on.empty() ? input.established_on : input.revised_on;
	doc.revised_on = revised;
	doc.frame = FrameFor(words, access, policy.title + " " + words("documents.policy.footer_version", {{"version", std::to_string(version)}}),
	                     revised, !published);
	doc.metadata.push_back({words("documents.metadata.version"),
	                        document::TextLine(words("documents.policy.footer_version", {{"version", std::to_string(version)}}))});
	doc.metadata.push_back({words("documents.metadata.state"), document::TextLine(StateWord(words, state))});
	doc.blocks.push_back(Block{.type = BlockType::kParagraph, .line = document::TextLine(policy.preamble)});
	for (const auto &section : policy.sections) {
		doc.blocks.push_back(Block{.type = BlockType::kHeading,
		                           .level = 2,
		                           .anchor = "policy-" + std::to_string(section.number),
		                           .line = document::TextLine(std::to_string(section.number) + ". " + section.title)});
		doc.blocks.push_back(Block{.type = BlockType::kParagraph, .line = document::TextLine(section.text)});
	}
	Block signature{.type = BlockType::kSignature};
	if (!policy.established_on_display.empty()) {
		signature.lines.push_back(document::TextLine(words("documents.policy.established", {{"date", policy.established_on_display}})));
	}
	if (!policy.revised_on_display.empty()) {
		signature.lines.push_back(document::TextLine(words("documents.policy.revised", {{"date", policy.revised_on_display}})));
	}
	signature.lines.push_back(document::TextLine(policy.company_name, document::SpanKind::kValue));
	std::string representative = policy.representative_title;
	if (!representative.empty() && !policy.representative_name.empty()) {
		representative += words("documents.policy.name_gap");
	}
	representative += policy.representative_name;
	if (!representative.empty()) {
		signature.lines.push_back(document::TextLine(representative, document::SpanKind::kValue));
	}
	doc.blocks.push_back(std::move(signature));
	return doc;
}

Result<document::RenderedDocument> BuildBasicPolicyDocument(AppContext &ctx, const DocumentWords &words,
                                                            const OrgAccess &access) {
	const PolicyState state = MAMORI_TRY(LoadPolicyState(ctx, access));
	const Edition &edition = access.EditionOf(DocumentContentOf(ctx, access.org));
	const std::optional<PolicyVersion> &chosen = state.published ? state.published : state.latest;
	if (!chosen) {
		return BuildPolicyVersionDocument(words, access, edition.policy_template, DefaultPolicyInput(edition, access.org),
		                                  1, DocumentState::kSample);
	}
	return BuildPolicyVersionDocument(
	    words, access, edition.policy_template, chosen->input, chosen->version,
	    chosen->status == PolicyStatus::kPublished ? DocumentState::kPublished : DocumentState::kDraft);
}

} // namespace mamori::app
