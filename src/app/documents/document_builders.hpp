// mamori/app/documents/document_builders.hpp
//
// One builder per document kind (internal to app/documents).
#pragma once

#include "app/documents/document_words.hpp"
#include "app/languages.hpp"
#include "core/incident/incident_rules.hpp"
#include "core/policy/basic_policy.hpp"
#include "storage/incident_store.hpp"

#include <string_view>

namespace mamori::app {

//! Where a document stands, as its metadata and the pack's index say it.
enum class DocumentState {
	kSample,     // nothing entered yet: the guideline's sample with what mamori knows
	kDraft,      // 下書き
	kPublished,  // 公開
};
std::string StateWord(const DocumentWords &words, DocumentState state);
//! The state word of a stored template document (見本 while never saved).
std::string StoredStateWord(const DocumentWords &words, const std::optional<storage::StoredDocument> &stored);

//! The 基本方針 as `document render --kind basic_policy` shows it: the
//! published version, else the draft, else the sample.
Result<document::RenderedDocument> BuildBasicPolicyDocument(AppContext &ctx, const DocumentWords &words,
                                                            const OrgAccess &access);
//! One version (第`version`版) of the 基本方針, written from `tmpl`.
Result<document::RenderedDocument> BuildPolicyVersionDocument(const DocumentWords &words, const OrgAccess &access,
                                                              const PolicyTemplate &tmpl, const PolicyInput &input,
                                                              int version, DocumentState state);
Result<document::RenderedDocument> BuildSelfcheckReport(AppContext &ctx, const DocumentWords &words,
                                                        const OrgAccess &access);
//! The もしもマニュアル and the one-page emergency card, built from the
//! incident rules (content/incident/) and the people of the 管理体制.
Result<document::RenderedDocument> BuildIncidentManual(AppContext &ctx, const DocumentWords &words,
                                                       const OrgAccess &access);
Result<document::RenderedDocument> BuildEmergencyCard(AppContext &ctx, const DocumentWords &words,
                                                      const OrgAccess &access);
//! The インシデント報告書 of one closed incident (incident_report.cpp); with
//! no id, the most recently closed one, or a sample of blanks when none is.
//! kForbidden unless the access sees every incident (editors, 経営者).
Result<document::RenderedDocument> BuildIncidentReport(AppContext &ctx, const DocumentWords &words,
                                                       const OrgAccess &access, std::optional<Id> incident_id);
//! The report from given records (no store): the builder's pure part, for tests.
//! `incident` nullptr gives the sample.
document::RenderedDocument ComposeIncidentReport(const DocumentWords &words, const OrgAccess &access,
                                                 const incident::IncidentRules &rules,
                                                 const storage::Incident *incident,
                                                 const std::vector<storage::IncidentEvent> &events);
//! The owner's one-page report for a board or a bank (owner_report.cpp, issue 12).
Result<document::RenderedDocument> BuildOwnerReport(AppContext &ctx, const DocumentWords &words, const OrgAccess &access);
// --- coaching reports (issue 12, coaching_reports.cpp) ---
//! 実施報告書 of one visit of the current engagement (`visit` nullopt: the latest held, else
//! the first); kInvalid with field "visit" for a visit the engagement does not have. Without an
//! engagement, a draft that says so.
Result<document::RenderedDocument> BuildVisitReport(AppContext &ctx, const DocumentWords &words, const OrgAccess &access,
                                                    std::optional<int> visit);
//! 最終報告書 of the current engagement: visits, pre-work, score trend, deliverables, what remains.
Result<document::RenderedDocument> BuildFinalReport(AppContext &ctx, const DocumentWords &words, const OrgAccess &access);
// --- end coaching reports ---
//! A kind written as templates (handbook, regulations, governance, …).
Result<document::RenderedDocument> BuildTemplateDocument(AppContext &ctx, const DocumentWords &words,
                                                         const OrgAccess &access, std::string_view kind);

} // namespace mamori::app
