// mamori/export/zip_writer.hpp
//
// A ZIP archive built in memory with libzip: the container of a DOCX, and of
// the document pack (issue 8).
#pragma once

#include "core/common/result.hpp"

#include <string>
#include <vector>

namespace mamori::exporting {

struct ZipEntry {
	std::string name; // path inside the archive, "/"-separated ("word/document.xml")
	std::string bytes;
};

//! The archive's bytes, entries deflated and in the order given (OOXML
//! readers look for [Content_Types].xml first). Every entry carries the same
//! fixed time, so the same input gives the same bytes. Fails with kInternal
//! (errors.zip.write) when libzip cannot build it.
Result<std::string> WriteZipArchive(const std::vector<ZipEntry> &entries);

} // namespace mamori::exporting
