// mamori/export/document_docx.hpp
//
// Any RenderedDocument as a Word document (DOCX) that Word and LibreOffice
// open and the firm keeps editing: real heading styles, tables with borders
// and a header row repeated on each page, the frame's words in the page
// header and footer with PAGE / NUMPAGES fields. Written with pugixml and
// libzip; Debian has no C++ DOCX library.
#pragma once

#include "core/common/result.hpp"
#include "core/document/rendered_document.hpp"

#include <string>

namespace mamori::exporting {

//! The DOCX bytes. Fails with kInternal (errors.zip.write) only when the
//! archive cannot be built.
Result<std::string> RenderDocumentDocx(const document::RenderedDocument &doc);

} // namespace mamori::exporting
