// mamori/core/document/document_fill.hpp
//
// Fills a template with a firm's values: the step between the template as
// data and the format-neutral RenderedDocument. A field the firm has not
// filled shows the guideline's sample when there is one (a document the firm
// has not edited renders from the sample), else what mamori knows (the
// holder of a 管理体制 role), else a visible blank such as 【承認者】.
#pragma once

#include "core/document/document_template.hpp"
#include "core/document/document_values.hpp"
#include "core/document/rendered_document.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace mamori::document {

struct FillContext {
	std::map<std::string, std::string> built_ins;     // company, company_short, today (BuiltInFields)
	std::map<std::string, std::string> role_holders;  // 管理体制 role id → "name" of who holds it
	std::set<std::string> flags;                      // the firm-profile flags that are true
	std::string date_pattern;                         // {{year}} {{month}} {{day}}, in the document's language
	std::string blank_pattern;                        // "【{{label}}】": an unfilled field
};

//! Whether a section or template applies to a firm with these flags.
bool Applies(const Applicability &applies, const std::set<std::string> &flags);

//! The template's sections that apply and that the firm kept, as blocks.
//! Each section with a title starts with a level-1 heading.
std::vector<Block> FillTemplate(const DocumentTemplate &tmpl, const DocumentValues &values, const FillContext &context);

//! One text with its placeholders filled, as spans.
Line FillText(const DocumentTemplate &tmpl, std::string_view text, const DocumentValues &values,
              const FillContext &context);

} // namespace mamori::document
