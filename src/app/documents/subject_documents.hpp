// mamori/app/documents/subject_documents.hpp
//
// Documents about one subject (issue 8): each outsourcing partner has its
// own 機密保持条項 and 委託先チェックリスト, each cloud service its own
// クラウドサービス安全利用チェック. They are `documents` rows whose subject is
// "partner:<id>" or "service:<id>"; the subject-less row of the same
// template stays the guideline's sample.
//
// What mamori knows from the register (the partner's name, its work, the
// information handed over; the service's name, provider and assets) fills a
// subject document wherever the firm has not entered its own value, so the
// document follows the register until the firm overrides it.
#pragma once

#include "app/app_context.hpp"
#include "app/documents/document_words.hpp"
#include "app/organizations.hpp"
#include "core/document/document_fill.hpp"
#include "core/document/document_values.hpp"
#include "core/document/rendered_document.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace mamori::app {

enum class SubjectKind { kPartner, kService };

struct DocumentSubject {
	SubjectKind kind = SubjectKind::kPartner;
	Id id = 0;
};

std::string PartnerSubject(Id partner_id);  // "partner:<id>"
std::string ServiceSubject(Id service_id);  // "service:<id>"
//! nullopt for "" and for anything that is not "partner:<id>" / "service:<id>".
std::optional<DocumentSubject> ParseSubject(std::string_view subject);

//! Which subjects a template kind takes one document per: partners for
//! outsourcing_nda and outsourcing_checklist, services for cloud_checklist.
std::optional<SubjectKind> SubjectKindOf(std::string_view template_kind);

//! The values mamori fills in for `subject` in `tmpl`; empty for subject "".
//! kNotFound for a subject that is malformed, another organisation's, gone,
//! or of a kind the template does not take.
Result<document::DocumentValues> SubjectValues(AppContext &ctx, const OrgAccess &access,
                                               const document::DocumentTemplate &tmpl, const std::string &subject);

//! The values a subject document shows: the firm's entries, and the
//! register's values where the firm entered none.
document::DocumentValues WithRegisterValues(const document::DocumentValues &entered,
                                            const document::DocumentValues &from_register);

//! The firm's entries without those equal to the register's values, so
//! saving a form that shows them does not freeze them.
document::DocumentValues WithoutRegisterValues(document::DocumentValues entered,
                                               const document::DocumentValues &from_register);

//! The heading of a subject's document inside the joined kind: the
//! template's title with the partner's or service's name.
Result<std::string> SubjectName(AppContext &ctx, const OrgAccess &access, const std::string &subject);

//! The profile flags the registers imply: a registered partner means the
//! firm outsources, a registered cloud service that it uses the cloud.
Status AddRegisterFlags(AppContext &ctx, const OrgAccess &access, std::set<std::string> &flags);

//! For a template with one document per partner or service: one chapter per
//! registered subject (headed with its name, each on a new page, like the
//! 関連規程), with the state and frame of the whole. false when the kind
//! takes no subjects or none is registered: the caller renders the sample.
Result<bool> AppendSubjectDocuments(AppContext &ctx, const DocumentWords &words, const OrgAccess &access,
                                    const document::DocumentTemplate &tmpl, const document::FillContext &context,
                                    document::RenderedDocument &doc);

} // namespace mamori::app
