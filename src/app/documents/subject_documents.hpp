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
#include "app/organizations.hpp"
#include "core/document/document_values.hpp"

#include <optional>
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

} // namespace mamori::app
