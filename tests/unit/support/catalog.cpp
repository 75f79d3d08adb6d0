// mamori/tests/unit/support/catalog.cpp
#include "support/catalog.hpp"

#include "platform/files.hpp"
#include "platform/message_files.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>

namespace mamori::testing_support {

namespace {

//! The loaded value; a shipped file that does not load fails the run at once, since nothing that
//! needs it can run meaningfully without it.
template <typename T>
T LoadedOrAbort(Result<T> loaded, const char *what) {
	if (!loaded) {
		ADD_FAILURE() << loaded.error().Describe();
		std::cerr << what << " does not load: " << loaded.error().Describe() << "\n";
		std::abort();
	}
	return std::move(loaded.value());
}

} // namespace

std::string SourcePath(const std::string &relative) { return std::string(MAMORI_SOURCE_DIR) + "/" + relative; }

const Catalog &ShippedCatalog() {
	static const Catalog catalog = LoadedOrAbort(platform::LoadCatalog(SourcePath("content")), "content/");
	return catalog;
}

const Edition &ShippedEdition() { return ShippedCatalog().DefaultEdition(); }

const Catalogs &ShippedCatalogs() {
	static const Catalogs catalogs = LoadedOrAbort(platform::LoadCatalogs(SourcePath("content")), "content/");
	return catalogs;
}

ContentFiles ShippedContentFiles() {
	auto files = platform::ReadContentFiles(SourcePath("content"));
	EXPECT_TRUE(files.ok()) << (files.ok() ? "" : files.error().Describe());
	return files.ok() ? files.value() : ContentFiles{};
}

std::string SqliteMigrationsDir() { return SourcePath("migrations/sqlite"); }

const MessageCatalog &ShippedMessages() {
	static const MessageCatalog messages =
	    LoadedOrAbort(platform::LoadMessages(SourcePath("content")), "content/messages");
	return messages;
}

std::string Describe(const Error &error, Locale locale) { return DescribeError(ShippedMessages(), locale, error); }

} // namespace mamori::testing_support
