// mamori/app/documents/document_kinds.cpp
#include "app/documents/document_kinds.hpp"

#include "app/documents/document_builders.hpp"

namespace mamori::app {

const std::vector<std::string> &DocumentKinds() {
	static const std::vector<std::string> kinds = {
	    "basic_policy",    "handbook",          "regulations",      "regulation_checklist", "governance",
	    "outsourcing_nda", "cloud_checklist",   "website_checklist", "selfcheck_report",
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
	if (std::find(DocumentKinds().begin(), DocumentKinds().end(), kind) == DocumentKinds().end()) {
		return Error::Invalid("kind", "errors.document.kind_unknown", {{"kind", std::string(kind)}});
	}
	return BuildTemplateDocument(ctx, words, access, kind);
}

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
		summary.revised_on = doc.frame.header_right;
		built.push_back({std::move(summary), std::move(doc)});
	}
	return built;
}

} // namespace mamori::app
