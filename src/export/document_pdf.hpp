// mamori/export/document_pdf.hpp
//
// Any RenderedDocument as an A4 PDF: cairo + pango, so Japanese line
// breaking and font subsetting come from the system libraries (Noto CJK
// embedded), and the text stays text that can be searched and copied. Every
// page carries the frame: header_left / draft mark / header_right at the
// top, footer_left and the page number from page_pattern at the foot.
#pragma once

#include "core/common/result.hpp"
#include "core/document/rendered_document.hpp"

#include <string>

namespace mamori::exporting {

//! The PDF bytes; the title metadata is the document's title and headings
//! become the PDF's outline. Fails with kInternal (errors.pdf.*) when there
//! is nothing to print or cairo cannot produce the file.
Result<std::string> RenderDocumentPdf(const document::RenderedDocument &doc);

} // namespace mamori::exporting
