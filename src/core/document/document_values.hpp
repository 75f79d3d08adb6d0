// mamori/core/document/document_values.hpp
//
// What a firm has entered for one document: field values, table rows and the
// sections it left out. Checked against the template before anything is
// stored, so a value that does not fit its slot never reaches a document.
#pragma once

#include "core/common/result.hpp"
#include "core/document/document_template.hpp"

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

	bool Empty() const { return fields.empty() && tables.empty() && left_out_sections.empty(); }
	bool operator==(const DocumentValues &) const = default;
};

//! Checks every value against its field: known field, fits its max_length,
//! a real date, a listed choice, a whole number, table rows of the right
//! width and count; left-out sections must exist. The error names the field
//! ("approver", "backup_targets[2].method") and the problem.
Status ValidateValues(const DocumentTemplate &tmpl, const DocumentValues &values);

} // namespace mamori::document
