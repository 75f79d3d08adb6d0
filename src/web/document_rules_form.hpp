// mamori/web/document_rules_form.hpp
//
// The handbook editor's rule lines (issue 8): per section with a rule list,
// its 〇必須 / ×禁止 lines as form rows (marker, text, delete, one blank row
// to add a line), the diagnosis item's latest answer and its countermeasures
// with a button each to add them, and a button to restore the guideline's
// rules. Translating the form only; the rules are core/document/rule_lines.
#pragma once

#include "app/documents/handbook_rules.hpp"
#include "core/document/document_values.hpp"
#include "web/web_app.hpp"

#include <optional>
#include <string>

namespace mamori::web {

//! Reads the posted rule rows into `values.rules` (sections whose rows are
//! not in the form are left alone; rows with no text are dropped), then
//! applies the pressed button: "add:SECTION:N" appends countermeasure N of
//! that section's item, "restore:SECTION" goes back to the guideline's rules.
//! An unknown marker is refused naming the row ("rules.item_03[2].marker").
//! Gives the section a button acted on, or "" when the plain save was pressed.
Result<std::string> ReadRuleForm(const Request &request, const document::DocumentTemplate &tmpl,
                                 const app::HandbookDiagnosis &diagnosis, document::DocumentValues &values);

//! The sections with a rule list, as the editor template shows them.
Json RuleSectionsModel(const document::DocumentTemplate &tmpl, const document::DocumentValues &values,
                       const app::HandbookDiagnosis &diagnosis, const std::optional<Error> &error,
                       const PageText &words);

//! The HTML id an error on a rule line points at ("rule.item_03.1.text" for
//! "rules.item_03[2].text"), or nullopt when the error is not on a rule.
std::optional<std::string> RuleErrorTarget(const std::string &field);

} // namespace mamori::web
