// mamori/core/document/document_values.hpp
//
// What a firm has entered for one document: field values, table rows and the
// sections it left out. Checked against the template before anything is
// stored, so a value that does not fit its slot never reaches a document.
#pragma once

#include "core/common/result.hpp"
#include "core/document/document_template.hpp"
#include "core/document/rule_lines.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace mamori::document {

using TableRows = std::vector<std::vector<std::string>>;

struct DocumentValues {
	std::map<std::string, std::string> fields;  // field id → value as entered (dates as YYYY-MM-DD)
	std::map<std::string, TableRows> tables;    // table field id → rows, one cell per column
	std::set<std::string> left_out_sections;    // section ids the firm removed
	// Section id → the firm's rule lines, replacing the section's guideline
	// rules (its list marked `rules: true`); a section not here prints the guideline's.
	std::map<std::string, RuleLines> rules;

	bool Empty() const { return fields.empty() && tables.empty() && left_out_sections.empty() && rules.empty(); }
	bool operator==(const DocumentValues &) const = default;
};

//! Checks every value against its field: known field, fits its max_length,
//! a real date, a listed choice, a whole number, table rows of the right
//! width and count; left-out sections must exist; rules belong to a section
//! with a rule list, at most kMaxRulesPerSection lines of non-empty text up to
//! kMaxRuleTextBytes, using only the template's placeholders. The error names
//! the field ("approver", "backup_targets[2].method", "rules.item_03[2].text")
//! and the problem.
Status ValidateValues(const DocumentTemplate &tmpl, const DocumentValues &values);

//! What differs between two sets of values, as paths in the stored JSON's
//! terms, sorted: "fields.approver", "tables.backup_targets", "rules.item_03",
//! "left_out_sections.item_25". For the revision history ("what changed").
std::vector<std::string> ChangedParts(const DocumentValues &before, const DocumentValues &after);

//! Drops the rule lists that equal their section's guideline rules, so a form
//! that posts every section's lines stores only what the firm changed (and a
//! later edition's wording reaches the sections it did not touch).
void DropUnchangedRules(const DocumentTemplate &tmpl, DocumentValues &values);

} // namespace mamori::document
