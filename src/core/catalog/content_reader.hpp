// mamori/core/catalog/content_reader.hpp
//
// The YAML reading shared by the catalog's loaders (catalog_loader.cpp,
// document_template_loader.cpp). Internal to core/catalog: every problem is
// thrown as a CatalogProblem naming the file and the entry, and ParseCatalog
// turns it into an Error.
#pragma once

#include "core/catalog/catalog_loader.hpp"
#include "core/security/common_passwords.hpp"

#include "core/yaml/node.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mamori::catalog_detail {

// Thrown inside the catalog loaders only and turned into an Error at their
// boundary (ParseCatalog), so the many small checks stay one line each.
struct CatalogProblem {
	std::string where;
	std::string what;
};

class Reader {
public:
	Reader(std::string file, yaml::Node node, std::string path = "")
	    : file_(std::move(file)), node_(std::move(node)), path_(std::move(path)) {}

	[[noreturn]] void Fail(const std::string &what) const {
		throw CatalogProblem{file_ + (path_.empty() ? "" : ": " + path_), what};
	}

	Reader Child(const std::string &key) const {
		if (!node_.IsMap()) {
			Fail("expected a mapping");
		}
		yaml::Node child = node_[key];
		if (!child.IsDefined() || child.IsNull()) {
			Fail("'" + key + "' is missing");
		}
		return Reader(file_, child, Join(key));
	}
	bool Has(const std::string &key) const {
		return node_.IsMap() && node_[key].IsDefined() && !node_[key].IsNull();
	}

	std::vector<Reader> Items(const std::string &key) const {
		Reader list = Child(key);
		if (!list.node_.IsSequence()) {
			list.Fail("expected a list");
		}
		std::vector<Reader> items;
		items.reserve(list.node_.size());
		for (size_t item_idx = 0; item_idx < list.node_.size(); ++item_idx) {
			items.emplace_back(file_, list.node_[item_idx], Join(key) + "[" + std::to_string(item_idx) + "]");
		}
		return items;
	}

	std::string String(const std::string &key) const {
		Reader child = Child(key);
		if (!child.node_.IsScalar()) {
			child.Fail("expected text");
		}
		std::string value = child.node_.as<std::string>();
		if (std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isspace(c); })) {
			child.Fail("must not be empty");
		}
		return value;
	}
	std::string OptionalString(const std::string &key, std::string fallback = "") const {
		return Has(key) ? String(key) : fallback;
	}

	long long Integer(const std::string &key) const {
		Reader child = Child(key);
		try {
			return child.node_.as<long long>();
		} catch (const yaml::Exception &) {
			child.Fail("expected an integer");
		}
	}
	int Int(const std::string &key) const { return static_cast<int>(Integer(key)); }

	bool Bool(const std::string &key, bool fallback) const {
		if (!Has(key)) {
			return fallback;
		}
		Reader child = Child(key);
		try {
			return child.node_.as<bool>();
		} catch (const yaml::Exception &) {
			child.Fail("expected true or false");
		}
	}

	std::vector<std::string> Strings(const std::string &key) const {
		std::vector<std::string> values;
		for (const auto &item : Items(key)) {
			if (!item.node_.IsScalar() || item.node_.as<std::string>().empty()) {
				item.Fail("expected non-empty text");
			}
			values.push_back(item.node_.as<std::string>());
		}
		return values;
	}
	std::vector<int> Ints(const std::string &key) const {
		std::vector<int> values;
		for (const auto &item : Items(key)) {
			try {
				values.push_back(item.node_.as<int>());
			} catch (const yaml::Exception &) {
				item.Fail("expected an integer");
			}
		}
		return values;
	}

	SourceRef Source() const {
		Reader source = Child("source");
		return SourceRef{source.String("document"), source.String("location")};
	}

	const std::string &path() const { return path_; }

	//! For entries that may be written as plain text or as a mapping (a
	//! document block: `- "text"` or `- heading: "…"`).
	bool IsText() const { return node_.IsScalar(); }
	bool IsMapping() const { return node_.IsMap(); }
	std::string Text() const {
		if (!node_.IsScalar()) {
			Fail("expected text");
		}
		return node_.as<std::string>();
	}
	//! The keys of a mapping, in file order.
	std::vector<std::string> Keys() const {
		if (!node_.IsMap()) {
			Fail("expected a mapping");
		}
		std::vector<std::string> keys;
		for (const auto &entry : node_.Entries()) {
			keys.push_back(entry.first);
		}
		return keys;
	}
	//! The entries of a list held directly by this node.
	std::vector<Reader> Entries() const {
		if (!node_.IsSequence()) {
			Fail("expected a list");
		}
		std::vector<Reader> entries;
		for (size_t index = 0; index < node_.size(); ++index) {
			entries.emplace_back(file_, node_[index], path_ + "[" + std::to_string(index) + "]");
		}
		return entries;
	}

private:
	std::string Join(const std::string &key) const { return path_.empty() ? key : path_ + "." + key; }

	std::string file_;
	yaml::Node node_;
	std::string path_;
};

//! One content file as `locale` sees it: its overlays checked and applied.
Reader ParseFile(const ContentFiles &files, const std::string &name, Locale locale);

//! While one is alive on a thread, ParseFile there parses each file once and
//! reuses the tree for the next locale (ParseCatalogs reads every file for
//! every language; the YAML was a third of each pass). The trees are never
//! changed: Localize builds new ones.
class ParseMemo {
public:
	ParseMemo();
	~ParseMemo();
	ParseMemo(const ParseMemo &) = delete;
	ParseMemo &operator=(const ParseMemo &) = delete;

	//! The memo of this thread, or null.
	static ParseMemo *Current();

	std::map<std::string, yaml::Node, std::less<>> trees;
	std::optional<CommonPasswords> common_passwords;
	//! Gives the list instead of common_passwords.txt, when set (ParseCatalogs' caller's).
	std::function<CommonPasswords()> common_passwords_source;

private:
	ParseMemo *outer_;
};

} // namespace mamori::catalog_detail
