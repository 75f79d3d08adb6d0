// mamori/export/policy_pdf.hpp
//
// The printable 情報セキュリティ基本方針: the document an SME signs, posts on
// the wall and files. Built with cairo + pango so Japanese line breaking and
// font subsetting come from the system libraries, not our own code.
#pragma once

#include "core/common/result.hpp"
#include "core/i18n/locale.hpp"
#include "core/i18n/message_catalog.hpp"
#include "core/policy/basic_policy.hpp"

#include <string>

namespace mamori::exporting {

//! The words the PDF adds around the document's own text, with the
//! {{placeholders}} of the documents.policy.* messages.
struct PolicyPdfLabels {
	std::string language;            // "ja": pango's line breaking and glyph choice
	std::string title_with_company;  // {{title}}, {{company}}: the PDF's title metadata
	std::string footer_version;      // {{version}}
	std::string footer_established;  // {{date}}
	std::string footer_separator;
	std::string established;         // {{date}}: signature block
	std::string revised;             // {{date}}
	std::string name_gap;            // between the representative's title and name
};

//! The labels in the document's language.
PolicyPdfLabels PolicyPdfLabelsIn(const MessageCatalog &messages, Locale locale);

//! Renders an A4 portrait PDF of the basic policy with embedded CJK fonts.
//! Returns the PDF bytes; fails with kInternal when cairo cannot produce them.
Result<std::string> RenderPolicyPdf(const MessageCatalog &messages, Locale locale, const PolicyDocument &doc);
Result<std::string> RenderPolicyPdf(const PolicyPdfLabels &labels, const PolicyDocument &doc);

} // namespace mamori::exporting
