// mamori/core/catalog/content_reader.cpp
#include "core/catalog/content_reader.hpp"

#include "core/catalog/localize.hpp"
#include "core/yaml/load.hpp"

#include <sstream>

namespace mamori::catalog_detail {
namespace {

thread_local ParseMemo *current_memo = nullptr;

yaml::Node ParsedTree(const std::string &name, const std::string &text) {
	ParseMemo *memo = ParseMemo::Current();
	if (memo == nullptr) {
		return yaml::Load(text);
	}
	if (auto kept = memo->trees.find(name); kept != memo->trees.end()) {
		return kept->second;
	}
	yaml::Node tree = yaml::Load(text);
	memo->trees.emplace(name, tree);
	return tree;
}

} // namespace

ParseMemo::ParseMemo() : outer_(current_memo) {
	current_memo = this;
}

ParseMemo::~ParseMemo() {
	current_memo = outer_;
}

ParseMemo *ParseMemo::Current() {
	return current_memo;
}

Reader ParseFile(const ContentFiles &files, const std::string &name, Locale locale) {
	auto found = files.find(name);
	if (found == files.end()) {
		throw CatalogProblem{name, "file is missing"};
	}
	try {
		yaml::Node root = ParsedTree(name, found->second);
		if (!root.IsMap()) {
			throw CatalogProblem{name, "expected a mapping at the top level"};
		}
		auto localized = Localize(root, locale, name);
		if (!localized) {
			throw CatalogProblem{localized.error().field, localized.error().message};
		}
		return Reader(name, localized.value());
	} catch (const yaml::ParseError &error) {
		std::ostringstream where;
		where << name << ": line " << (error.mark.line + 1) << ", column " << (error.mark.column + 1);
		throw CatalogProblem{where.str(), "YAML syntax error: " + error.msg};
	}
}

} // namespace mamori::catalog_detail
