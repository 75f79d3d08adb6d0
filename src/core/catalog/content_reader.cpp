// mamori/core/catalog/content_reader.cpp
#include "core/catalog/content_reader.hpp"

#include "core/catalog/localize.hpp"

#include <sstream>

namespace mamori::catalog_detail {

Reader ParseFile(const ContentFiles &files, const std::string &name, Locale locale) {
	auto found = files.find(name);
	if (found == files.end()) {
		throw CatalogProblem{name, "file is missing"};
	}
	try {
		YAML::Node root = YAML::Load(found->second);
		if (!root.IsMap()) {
			throw CatalogProblem{name, "expected a mapping at the top level"};
		}
		auto localized = Localize(root, locale, name);
		if (!localized) {
			throw CatalogProblem{localized.error().field, localized.error().message};
		}
		return Reader(name, localized.value());
	} catch (const YAML::ParserException &error) {
		std::ostringstream where;
		where << name << ": line " << (error.mark.line + 1) << ", column " << (error.mark.column + 1);
		throw CatalogProblem{where.str(), "YAML syntax error: " + error.msg};
	}
}

} // namespace mamori::catalog_detail
