// mamori/core/policy/basic_policy.hpp
//
// The 情報セキュリティ基本方針 (付録2) as a document model: the organisation's
// choices applied to the edition's template. Rendering (HTML, PDF) consumes
// PolicyDocument and never looks at the template itself.
#pragma once

#include "core/catalog/edition.hpp"
#include "core/common/result.hpp"
#include "core/i18n/locale.hpp"
#include "core/i18n/message_catalog.hpp"

#include <map>
#include <string>
#include <vector>

namespace mamori {

//! What the organisation chooses; stored as-is.
struct PolicyInput {
	std::string company_name;
	std::string scope;  // fills {{scope}} in the preamble
	std::vector<std::string> clause_ids;  // chosen clauses, in template order
	std::string established_on;  // 制定日, ISO date "YYYY-MM-DD" or empty while drafting
	std::string revised_on;      // 改訂日, ISO date or empty
	std::string representative_title;  // 代表取締役社長
	std::string representative_name;
	//! Why a 付録2 sample clause was left out: clause id → reason. Stored with
	//! the version and shown in its history; only omitted sample clauses keep one.
	std::map<std::string, std::string> omission_reasons;
};

struct PolicySection {
	int number = 0;
	std::string title;
	std::string text;
};

//! Ready to render: every placeholder filled, dates formatted for display.
struct PolicyDocument {
	std::string title;
	std::string preamble;
	std::vector<PolicySection> sections;
	std::string company_name;
	std::string representative_title;
	std::string representative_name;
	std::string established_on;          // ISO, may be empty
	std::string established_on_display;  // 2025年4月1日 or empty
	std::string revised_on;
	std::string revised_on_display;
	int version = 1;
};

//! Checks the input against the template: names the first bad field.
Status ValidatePolicyInput(const PolicyTemplate &tmpl, const PolicyInput &input);

//! The form field that holds the reason for leaving out `clause_id`.
std::string OmissionReasonField(const std::string &clause_id);

//! Every 付録2 sample clause left out has a reason (required, ≤500 characters);
//! the error names the clause and its field (OmissionReasonField). Checked when
//! a version is saved or published, not when a stored one is shown: versions
//! saved before reasons were asked for still render.
Status CheckOmissionReasons(const PolicyTemplate &tmpl, const PolicyInput &input);

//! The reasons worth keeping: trimmed, for omitted sample clauses only.
std::map<std::string, std::string> KeptOmissionReasons(const PolicyTemplate &tmpl, const PolicyInput &input);

//! The sample clauses a version leaves out, in template order, each with its reason ("" when none was recorded).
struct OmittedClause {
	std::string id;
	std::string title;
	std::string reason;
};
std::vector<OmittedClause> OmittedSampleClauses(const PolicyTemplate &tmpl, const PolicyInput &input);

//! Builds the document, its dates written in the document's `locale`
//! (message documents.policy.date). Fails with the same errors as ValidatePolicyInput.
Result<PolicyDocument> BuildPolicyDocument(const MessageCatalog &messages, Locale locale, const PolicyTemplate &tmpl,
                                           const PolicyInput &input, int version);
//! What both build on: date_pattern holds {{year}}, {{month}} and {{day}}.
Result<PolicyDocument> BuildPolicyDocumentWithDatePattern(const PolicyTemplate &tmpl, const PolicyInput &input,
                                                          int version, const std::string &date_pattern);

} // namespace mamori
