// mamori/tests/unit/support/catalog.cpp
#include "support/catalog.hpp"

#include "platform/files.hpp"
#include "platform/message_files.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>

namespace mamori::testing_support {

std::string SourcePath(const std::string &relative) { return std::string(MAMORI_SOURCE_DIR) + "/" + relative; }

const Catalog &ShippedCatalog() {
	static const Catalog catalog = [] {
		auto loaded = platform::LoadCatalog(SourcePath("content"));
		if (!loaded) {
			// Nothing that needs the catalog can run meaningfully without it.
			ADD_FAILURE() << loaded.error().Describe();
			std::cerr << "content/ does not load: " << loaded.error().Describe() << "\n";
			std::abort();
		}
		return std::move(loaded.value());
	}();
	return catalog;
}

const Edition &ShippedEdition() { return ShippedCatalog().DefaultEdition(); }

const Catalogs &ShippedCatalogs() {
	static const Catalogs catalogs = [] {
		auto loaded = platform::LoadCatalogs(SourcePath("content"));
		if (!loaded) {
			ADD_FAILURE() << loaded.error().Describe();
			std::cerr << "content/ does not load: " << loaded.error().Describe() << "\n";
			std::abort();
		}
		return std::move(loaded.value());
	}();
	return catalogs;
}

ContentFiles ShippedContentFiles() {
	auto files = platform::ReadContentFiles(SourcePath("content"));
	EXPECT_TRUE(files.ok()) << (files.ok() ? "" : files.error().Describe());
	return files.ok() ? files.value() : ContentFiles{};
}

std::string SqliteMigrationsDir() { return SourcePath("migrations/sqlite"); }

const MessageCatalog &ShippedMessages() {
	static const MessageCatalog messages = [] {
		auto loaded = platform::LoadMessages(SourcePath("content"));
		if (!loaded) {
			ADD_FAILURE() << loaded.error().Describe();
			std::cerr << "content/messages does not load: " << loaded.error().Describe() << "\n";
			std::abort();
		}
		return std::move(loaded.value());
	}();
	return messages;
}

std::string Describe(const Error &error, Locale locale) { return DescribeError(ShippedMessages(), locale, error); }

} // namespace mamori::testing_support
