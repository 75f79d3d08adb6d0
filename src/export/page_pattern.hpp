// mamori/export/page_pattern.hpp
//
// The frame's page pattern ("{{page}} / {{pages}}", "Page {{page}} of
// {{pages}}") cut into its words and its two numbers, so each format can put
// its own page counter where the pattern says: the PDF its page numbers, DOCX
// a PAGE / NUMPAGES field, CSS counter(page) / counter(pages).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mamori::exporting {

struct PagePatternPart {
	enum class Kind {
		kText,  // words of the pattern, printed as they are
		kPage,  // {{page}}: this page's number
		kPages, // {{pages}}: the number of pages
	};
	Kind kind = Kind::kText;
	std::string text; // kText only
};

//! The pattern in order; any other {{placeholder}} stays as text.
std::vector<PagePatternPart> SplitPagePattern(std::string_view pattern);

//! The pattern with both numbers filled in.
std::string FillPagePattern(std::string_view pattern, int page, int pages);

} // namespace mamori::exporting
