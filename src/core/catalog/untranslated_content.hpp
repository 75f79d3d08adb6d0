// mamori/core/catalog/untranslated_content.hpp
//
// The completeness check of the content translations (content/README.md,
// "Translations"): every text with Japanese outside brackets needs an English
// value, and the English must itself be English. `mamori catalog check` and a
// unit test report what is missing.
#pragma once

#include "core/catalog/catalog_loader.hpp"

#include <string>
#include <vector>

namespace mamori {

struct UntranslatedEntry {
	std::string file;    // relative to content/ ("editions/3.0/selfcheck_items.yaml")
	std::string path;    // the entry's key path ("items[3].damage", "items[3].countermeasures[1]")
	std::string reason;  // what is wrong, in one sentence
};

//! Lists every gap in the English of the catalog's files (catalog.yaml,
//! sme_criteria.yaml and each listed edition's files): a text with Japanese
//! outside brackets and no English value; English that still has Japanese
//! outside brackets; English that drops or adds a {{placeholder}}. Fails on a
//! file that does not parse or has a malformed overlay (localize.hpp).
Result<std::vector<UntranslatedEntry>> UntranslatedContent(const ContentFiles &files);

} // namespace mamori
