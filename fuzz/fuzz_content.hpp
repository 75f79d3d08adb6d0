// mamori/fuzz/fuzz_content.hpp
//
// What every harness parses against: the real content/ of this checkout
// (catalogs and message catalog), read once per process. The harnesses feed
// mutated input to one parser at a time; the rest of the world stays valid,
// so the fuzzer reaches the parser's deep paths instead of failing at the
// first missing piece.
#pragma once

#include "core/catalog/catalog_loader.hpp"
#include "core/catalog/catalogs.hpp"
#include "core/i18n/message_catalog.hpp"
#include "interchange/register_format.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace mamori::fuzz {

struct FuzzContent {
	ContentFiles files;  // content/*.yaml and *.txt as ParseCatalog reads them
	Catalogs catalogs;
	MessageCatalog messages;

	const Catalog &catalog() const { return catalogs.Default(); }
	const Edition &edition() const { return catalog().DefaultEdition(); }
};

//! Loads $MAMORI_HOME/content (or this checkout's content/) on first use;
//! aborts when it does not load, since every harness would be meaningless.
const FuzzContent &Content();

//! Imports a register file as the web import does (every locale's headers
//! are recognised) and words every cell error in both languages.
void ImportRegister(interchange::RegisterFormat format, const std::string &bytes);

inline std::string AsText(const uint8_t *data, size_t size) {
	return std::string(reinterpret_cast<const char *>(data), size);
}

} // namespace mamori::fuzz
