// mamori/app/documents/document_kinds.hpp
//
// The organisation's documents (issue 8) by their fixed kind names
// (contract.md "CLI: documents"), each built as a format-neutral
// RenderedDocument in the organisation's document language. Which formats
// exist is the adapters' business (export/), not this layer's.
#pragma once

#include "app/app_context.hpp"
#include "app/organizations.hpp"
#include "core/document/regulation_choice.hpp"
#include "core/document/rendered_document.hpp"
#include "core/i18n/message_catalog.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace mamori::app {

//! The kinds `document render --kind` accepts, in the order of the pack.
const std::vector<std::string> &DocumentKinds();

//! One document of the organisation. A kind the firm has not edited renders
//! from the guideline's sample, filled with what mamori knows (company name,
//! dates, answers). kInvalid with field "kind" for an unknown kind.
Result<document::RenderedDocument> BuildDocument(AppContext &ctx, const MessageCatalog &messages,
                                                 const OrgAccess &access, std::string_view kind);

//! `incident_report` for one incident (`document render --incident ID`, the
//! incident page's download); see BuildIncidentReport. Not part of the pack:
//! a record of one event, with its personal-data details, is not a standing rule.
Result<document::RenderedDocument> BuildIncidentReportDocument(AppContext &ctx, const MessageCatalog &messages,
                                                               const OrgAccess &access, std::optional<Id> incident_id);

// --- coaching reports (issue 12) ---
//! `visit_report` for one visit (`document render --visit N`, the coaching page's links); see
//! BuildVisitReport. visit_report and final_report are not in the pack: the lead's hand-over
//! package decides where they go.
Result<document::RenderedDocument> BuildVisitReportDocument(AppContext &ctx, const MessageCatalog &messages,
                                                            const OrgAccess &access, std::optional<int> visit);
// --- end coaching reports ---

//! What the pack's index lists for one document.
struct DocumentSummary {
	std::string kind;
	std::string title;
	std::string state;       // in the document language: 公開 / 下書き / 見本
	std::string revised_on;  // "" when never revised
};

//! Every kind, built, with its summary (the document pack).
struct BuiltDocument {
	DocumentSummary summary;
	document::RenderedDocument document;
};
Result<std::vector<BuiltDocument>> BuildAllDocuments(AppContext &ctx, const MessageCatalog &messages,
                                                     const OrgAccess &access);

//! The numbered file stem of each built document in the pack ("01_basic_policy").
std::vector<std::string> PackStems(const std::vector<BuiltDocument> &built);

//! The pack's index: title, state and 改訂日 of each document, itself a
//! document in the organisation's document language.
document::RenderedDocument BuildPackIndex(const MessageCatalog &messages, const OrgAccess &access,
                                          const std::vector<BuiltDocument> &built);

//! The template a kind is edited through, for kinds made of one template
//! (not basic_policy, selfcheck_report or the many-template regulations).
std::optional<std::string> EditableTemplateOf(const AppContext &ctx, const OrgAccess &access, std::string_view kind);

//! Records the firm's profile answers (which documents and regulations
//! apply); editors only; unknown flags are refused; audited.
Status SetProfileFlags(AppContext &ctx, const Actor &actor, const OrgAccess &access, std::vector<std::string> flags);

//! The 関連規程 proposed for the organisation, each with its reason
//! (regulation_choice.hpp), from the templates in its document language.
Result<std::vector<document::RegulationProposal>> ProposeRegulationsFor(AppContext &ctx, const OrgAccess &access);

} // namespace mamori::app
