// mamori/export/document_pack.hpp
//
// The document pack (issue 8): every document of a firm as PDF and DOCX in
// one ZIP, with an index (itself a document, as HTML and PDF) listing title,
// state and 改訂日. File names are numbered ASCII ("01_basic_policy.pdf"),
// so they survive every unzip tool.
#pragma once

#include "core/common/result.hpp"
#include "core/document/rendered_document.hpp"
#include "core/transfer/organization_data.hpp"
#include "export/zip_writer.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace mamori::exporting {

struct PackEntry {
	std::string stem;  // "01_basic_policy"
	const document::RenderedDocument *document = nullptr;
};

//! The ZIP's bytes. Fails when any document cannot be rendered.
Result<std::string> RenderDocumentPack(const std::vector<PackEntry> &entries, const document::RenderedDocument &index);

//! The pack's files (index, then each document as PDF and DOCX) under `folder` ("" or "documents/").
Result<std::vector<ZipEntry>> DocumentPackFiles(const std::vector<PackEntry> &entries,
                                                const document::RenderedDocument &index, const std::string &folder);

// The hand-over package (issue 12): the pack's documents under documents/,
// the organisation's data (codec/organization_data_codec) that another mamori
// imports, and its audit log as CSV for people to read (part names in
// core/transfer/organization_data.hpp).

struct HandoverFiles {
	std::string data_json;
	std::string audit_csv;
};

//! `index` null: the data only (a small file to take to a visit and back).
Result<std::string> RenderHandoverPackage(const std::vector<PackEntry> &entries, const document::RenderedDocument *index,
                                          const HandoverFiles &files);

} // namespace mamori::exporting
