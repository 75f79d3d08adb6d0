// mamori/platform/files.hpp
//
// The file-system touch points: reading whole files, finding the resource
// folders (content/, migrations/, web/) that ship beside the binary, and
// loading the content catalog.
#pragma once

#include "core/catalog/catalog_loader.hpp"
#include "core/common/result.hpp"

#include <string>

namespace mamori::platform {

Result<std::string> ReadWholeFile(const std::string &path);
Status WriteWholeFile(const std::string &path, const std::string &bytes);
bool FileExists(const std::string &path);

//! Finds a resource folder shipped with mamori (e.g. "content"): first
//! $MAMORI_HOME/<name>, then beside the executable's parent (build/../<name>),
//! then beside the executable, then the working directory.
Result<std::string> LocateResourceDir(const std::string &name);

//! Reads the catalog's files under content/ as ParseCatalog expects them.
Result<ContentFiles> ReadContentFiles(const std::string &content_dir);

//! Reads content/ and validates it, in Japanese. Errors name the file and entry.
Result<Catalog> LoadCatalog(const std::string &content_dir);

//! Reads content/ once and builds the catalog for every locale.
Result<Catalogs> LoadCatalogs(const std::string &content_dir);

} // namespace mamori::platform
