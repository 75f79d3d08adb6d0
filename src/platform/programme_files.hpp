// mamori/platform/programme_files.hpp
// Reads the shipped coaching programmes (content/programmes/*.yaml, issue 12).
#pragma once

#include "core/coaching/programme.hpp"

#include <string>
#include <vector>

namespace mamori::platform {

struct ProgrammeFile {
	std::string path;
	std::string text;
	coaching::Programme programme;
};

//! Every content/programmes/*.yaml, by file name, parsed as shipped content. An error names the
//! file and the entry (kCatalogInvalid), as the catalog loader's do.
Result<std::vector<ProgrammeFile>> LoadProgrammes(const std::string &content_dir,
                                                  const std::vector<std::string> &document_kinds);

} // namespace mamori::platform
