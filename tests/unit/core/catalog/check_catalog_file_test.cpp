// mamori/tests/unit/core/catalog/check_catalog_file_test.cpp
//
// CheckCatalogFile (the per-file check the catalog fuzzer runs) must judge a
// file as ParseCatalog does: every real file passes in both languages, and a
// file made invalid is refused by both with the same place and message.
#include "core/catalog/catalog_loader.hpp"
#include "platform/files.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace mamori {
namespace {

namespace fs = std::filesystem;


//! The files a per-file check reads on its own: not the message catalogue or
//! the retention schedule (not part of ParseCatalog; each has its own loader)
//! and not the document templates (checked by parsing the whole catalog, so
//! they would only repeat ParseCatalog).
bool CheckedOnItsOwn(const std::string &name) {
	// retention/ and programmes/ (issue 12) have their own loaders, not the catalog.
	return !name.starts_with("messages/") && !name.starts_with("retention/") && !name.starts_with("programmes/") &&
	       name.find("/documents/") == std::string::npos && name != "catalog.yaml" && name != "common_passwords.txt";
}

TEST(CheckCatalogFileTest, EveryRealFilePassesInBothLanguages) {
	const ContentFiles files = testing_support::ShippedContentFiles();
	int checked = 0;
	for (const auto &[name, text] : files) {
		if (!CheckedOnItsOwn(name)) continue;
		for (Locale locale : kAllLocales) {
			Status status = CheckCatalogFile(files, name, locale);
			EXPECT_TRUE(status.ok()) << name << ": " << (status ? "" : status.error().message);
		}
		++checked;
	}
	// Six edition files, sme criteria, the incident, exercise and training files.
	EXPECT_GE(checked, 10);
}

// Each way of breaking a file must be found by the per-file check exactly as
// the whole load finds it.
TEST(CheckCatalogFileTest, ABrokenFileIsRefusedAsTheWholeLoadRefusesIt) {
	const ContentFiles real = testing_support::ShippedContentFiles();
	const std::vector<std::pair<std::string, std::string>> breakages = {
	    {"not a mapping", "- just\n- a list\n"},
	    {"unclosed flow", "key: [1, 2\n"},
	    {"empty", ""},
	};
	int compared = 0;
	for (const auto &[name, text] : real) {
		if (!CheckedOnItsOwn(name)) continue;
		for (const auto &[label, broken] : breakages) {
			ContentFiles files = real;
			files[name] = broken;
			Status one = CheckCatalogFile(files, name, Locale::kJa);
			Result<Catalog> whole = ParseCatalog(files, Locale::kJa);
			ASSERT_FALSE(whole.ok()) << name << " (" << label << ") passes the whole load";
			ASSERT_FALSE(one.ok()) << name << " (" << label << ") passes the per-file check";
			EXPECT_EQ(one.error().code, whole.error().code) << name << " (" << label << ")";
			EXPECT_EQ(one.error().field, whole.error().field) << name << " (" << label << ")";
			EXPECT_EQ(one.error().message, whole.error().message) << name << " (" << label << ")";
			++compared;
		}
	}
	EXPECT_GE(compared, 30);
}

TEST(CheckCatalogFileTest, ANameOutsideTheGroupsFallsBackToTheWholeLoad) {
	ContentFiles files = testing_support::ShippedContentFiles();
	files["catalog.yaml"] = "default_edition: 9.9\neditions: ['3.0']\n";
	Status status = CheckCatalogFile(files, "catalog.yaml", Locale::kJa);
	ASSERT_FALSE(status.ok());
	EXPECT_EQ(status.error().code, ErrorCode::kCatalogInvalid);
}

} // namespace
} // namespace mamori
