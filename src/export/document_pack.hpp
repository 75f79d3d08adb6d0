// mamori/export/document_pack.hpp
//
// The document pack (issue 8): every document of a firm as PDF and DOCX in
// one ZIP, with an index (itself a document, as HTML and PDF) listing title,
// state and 改訂日. File names are numbered ASCII ("01_basic_policy.pdf"),
// so they survive every unzip tool.
#pragma once

#include "core/common/result.hpp"
#include "core/document/rendered_document.hpp"

#include <string>
#include <vector>

namespace mamori::exporting {

struct PackEntry {
	std::string stem;  // "01_basic_policy"
	const document::RenderedDocument *document = nullptr;
};

//! The ZIP's bytes. Fails when any document cannot be rendered.
Result<std::string> RenderDocumentPack(const std::vector<PackEntry> &entries, const document::RenderedDocument &index);

} // namespace mamori::exporting
