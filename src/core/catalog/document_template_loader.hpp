// mamori/core/catalog/document_template_loader.hpp
//
// Reads the document templates of an edition (content/editions/<id>/documents/
// *.yaml) into DocumentTemplate. A template that names a field it does not
// declare, declares a field twice or gives a sample longer than the field's
// slot is refused, naming the file and the entry.
#pragma once

#include "core/catalog/catalog_loader.hpp"
#include "core/document/document_template.hpp"

#include <string>
#include <vector>

namespace mamori {

//! The template files of an edition, relative to content/, sorted by name.
std::vector<std::string> DocumentTemplateFileNames(const ContentFiles &files, const std::string &edition_id);

//! Every template of the edition as `locale` sees it. Throws the loader's
//! internal problem type; call it only from ParseCatalog.
std::vector<document::DocumentTemplate> ReadDocumentTemplates(const ContentFiles &files, const std::string &edition_id,
                                                              Locale locale);

} // namespace mamori
