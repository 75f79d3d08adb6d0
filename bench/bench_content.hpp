// mamori/bench/bench_content.hpp
//
// content/ as shipped, loaded once for the benchmarks that need the catalog.
#pragma once

#include "platform/files.hpp"

#include <cstdlib>
#include <string>

namespace mamori::bench {

inline const Catalog &Content() {
	static const Catalog catalog = [] {
		auto loaded = platform::LoadCatalog(std::string(MAMORI_SOURCE_DIR) + "/content");
		if (!loaded) {
			std::abort();
		}
		return loaded.value();
	}();
	return catalog;
}

} // namespace mamori::bench
