// mamori/app/documents/document_kinds.cpp
#include "app/documents/document_kinds.hpp"

#include "app/documents/document_builders.hpp"

namespace mamori::app {

const std::vector<std::string> &DocumentKinds() {
	static const std::vector<std::string> kinds = {
	    "basic_policy",    "handbook",          "regulations",      "regulation_checklist", "governance",
	    "outsourcing_nda", "cloud_checklist",   "website_checklist", "selfcheck_report",
	    // At the end, so the numbers of the earlier files in the pack stay as they were.
	    "incident_manual", "emergency_card",
	    // The owner's report (issue 12): after the others, for the same reason.
	    "owner_report",
	};
	return kinds;
}

std::string StateWord(const DocumentWords &words, DocumentState state) {
	switch (state) {
	case DocumentState::kSample:
		return words("documents.state.sample");
	case DocumentState::kDraft:
		return words("documents.state.draft");
	case DocumentState::kPublished:
		return words("documents.state.published");
	}
	return words("documents.state.sample");
}

std::vector<std::string> PackStems(const std::vector<BuiltDocument> &built) {
	std::vector<std::string> stems;
	for (size_t i = 0; i < built.size(); ++i) {
		const std::string number = (i + 1 < 10 ? "0" : "") + std::to_string(i + 1);
		stems.push_back(number + "_" + built[i].summary.kind);
	}
	return stems;
}

document::RenderedDocument BuildPackIndex(const MessageCatalog &messages, const OrgAccess &access,
                                          const std::vector<BuiltDocument> &built) {
	const DocumentWords words = DocumentWordsOf(messages, access);
	const std::vector<std::string> stems = PackStems(built);
	document::RenderedDocument index;
	index.kind = "index";
	index.title = words("documents.pack.index_title");
	index.locale = words.locale;
	index.frame = FrameFor(words, access, index.title, "", false);
	document::Block table{.type = document::BlockType::kTable};
	table.columns = {{words("documents.pack.title"), 4},
	                 {words("documents.pack.state"), 2},
	                 {words("documents.pack.revised_on"), 2},
	                 {words("documents.pack.files"), 3}};
	for (size_t i = 0; i < built.size(); ++i) {
		const auto &summary = built[i].summary;
		table.rows.push_back({document::TextLine(summary.title), document::TextLine(summary.state),
		                      document::TextLine(words.Date(summary.revised_on)),
		                      document::TextLine(stems[i] + ".pdf, " + stems[i] + ".docx")});
	}
	index.blocks.push_back(std::move(table));
	return index;
}

std::optional<std::string> EditableTemplateOf(const AppContext &ctx, const OrgAccess &access, std::string_view kind) {
	if (kind == "regulations") {
		return std::nullopt;
	}
	for (const auto &tmpl : access.EditionOf(DocumentContentOf(ctx, access.org)).document_templates) {
		if (tmpl.kind == kind) {
			return tmpl.id;
		}
	}
	return std::nullopt;
}

Result<document::RenderedDocument> BuildDocument(AppContext &ctx, const MessageCatalog &messages,
                                                 const OrgAccess &access, std::string_view kind) {
	const DocumentWords words = DocumentWordsOf(messages, access);
	if (kind == "basic_policy") {
		return BuildBasicPolicyDocument(ctx, words, access);
	}
	if (kind == "selfcheck_report") {
		return BuildSelfcheckReport(ctx, words, access);
	}
	if (kind == "incident_manual") {
		return BuildIncidentManual(ctx, words, access);
	}
	if (kind == "emergency_card") {
		return BuildEmergencyCard(ctx, words, access);
	}
	if (kind == "owner_report") {
		return BuildOwnerReport(ctx, words, access);
	}
	if (kind == "incident_report") {  // not in DocumentKinds(): outside the pack
		return BuildIncidentReport(ctx, words, access, std::nullopt);
	}
	// --- coaching reports (issue 12): outside the pack ---
	if (kind == "visit_report") {
		return BuildVisitReport(ctx, words, access, std::nullopt);
	}
	if (kind == "final_report") {
		return BuildFinalReport(ctx, words, access);
	}
	// --- end coaching reports ---
	if (std::find(DocumentKinds().begin(), DocumentKinds().end(), kind) == DocumentKinds().end()) {
		return Error::Invalid("kind", "errors.document.kind_unknown", {{"kind", std::string(kind)}});
	}
	return BuildTemplateDocument(ctx, words, access, kind);
}

// --- coaching reports (issue 12) ---
Result<document::RenderedDocument> BuildVisitReportDocument(AppContext &ctx, const MessageCatalog &messages,
                                                            const OrgAccess &access, std::optional<int> visit) {
	return BuildVisitReport(ctx, DocumentWordsOf(messages, access), access, visit);
}
// --- end coaching reports ---

Result<std::vector<BuiltDocument>> BuildAllDocuments(AppContext &ctx, const MessageCatalog &messages,
                                                     const OrgAccess &access) {
	std::vector<BuiltDocument> built;
	for (const auto &kind : DocumentKinds()) {
		document::RenderedDocument doc = MAMORI_TRY(BuildDocument(ctx, messages, access, kind));
		DocumentSummary summary{kind, doc.title, "", ""};
		for (const auto &row : doc.metadata) {
			if (row.term == messages.Text(doc.locale, "documents.metadata.state")) {
				summary.state = document::PlainText(row.value);
			}
		}
		summary.revised_on = doc.revised_on;
		built.push_back({std::move(summary), std::move(doc)});
	}
	return built;
}

} // namespace mamori::app
