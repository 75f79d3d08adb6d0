// mamori/tests/unit/storage/open_store_test.cpp
//
// OpenStore's URL forms: which backend each picks, and the errors for the
// ones it cannot open (PostgreSQL until its backend lands; unknown schemes).
#include "storage/open_store.hpp"

#include "support/catalog.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

namespace mamori::storage {
namespace {

TEST(OpenStoreTest, PlainPathsAndSqliteUrlsAreSqlite) {
	struct Case {
		std::string url;
		std::string path;
	};
	for (const Case &c : std::vector<Case>{{"var/mamori.db", "var/mamori.db"},
	                                       {"/srv/mamori/mamori.db", "/srv/mamori/mamori.db"},
	                                       {"mamori.db", "mamori.db"},
	                                       {"./a:b.db", "./a:b.db"},
	                                       {"C:\\mamori\\mamori.db", "C:\\mamori\\mamori.db"},
	                                       {"sqlite:var/mamori.db", "var/mamori.db"},
	                                       {"sqlite:///srv/mamori.db", "/srv/mamori.db"},
	                                       {"sqlite://var/mamori.db", "var/mamori.db"},
	                                       {"SQLite:var/mamori.db", "var/mamori.db"}}) {
		auto parsed = ParseStoreUrl(c.url);
		ASSERT_TRUE(parsed.ok()) << c.url << ": " << parsed.error().Describe();
		EXPECT_EQ(parsed->backend, StoreUrl::Backend::kSqlite) << c.url;
		EXPECT_EQ(parsed->target, c.path) << c.url;
	}
}

TEST(OpenStoreTest, PostgresUrlsSelectPostgres) {
	for (const std::string url : {"postgresql://mamori@localhost/mamori", "postgres://db.example.jp:5432/mamori"}) {
		auto parsed = ParseStoreUrl(url);
		ASSERT_TRUE(parsed.ok()) << url;
		EXPECT_EQ(parsed->backend, StoreUrl::Backend::kPostgres);
		EXPECT_EQ(parsed->target, url);
	}
	// A server that is not there is a storage error naming PostgreSQL (port 1 refuses at once).
	auto opened = OpenStore("postgresql://mamori@127.0.0.1:1/mamori?connect_timeout=2",
	                        testing_support::SourcePath("migrations"));
	ASSERT_FALSE(opened.ok());
	EXPECT_EQ(opened.error().code, ErrorCode::kStorage);
	EXPECT_NE(opened.error().message.find("PostgreSQL"), std::string::npos) << opened.error().message;
}

TEST(OpenStoreTest, UnknownSchemesAndEmptyUrlsAreRefusedOnTheDbField) {
	for (const std::string url : {"mysql://localhost/mamori", "http://example.jp/db", "sqlite:", "sqlite://", ""}) {
		auto opened = OpenStore(url, testing_support::SourcePath("migrations"));
		ASSERT_FALSE(opened.ok()) << url;
		EXPECT_EQ(opened.error().code, ErrorCode::kInvalidInput) << url;
		EXPECT_EQ(opened.error().field, "db") << url;
	}
	auto mysql = ParseStoreUrl("mysql://localhost/mamori");
	ASSERT_FALSE(mysql.ok());
	EXPECT_NE(testing_support::Describe(mysql.error(), Locale::kEn).find("\"mysql\""), std::string::npos);
	EXPECT_NE(testing_support::Describe(mysql.error(), Locale::kJa).find("「mysql」"), std::string::npos);
}

TEST(OpenStoreTest, OpensASqliteFileThroughEveryForm) {
	testing_support::TempDir dir("open_store");
	const std::string path = dir.File("mamori.db");
	auto opened = OpenStore("sqlite:" + path, testing_support::SourcePath("migrations"));
	ASSERT_TRUE(opened.ok()) << opened.error().Describe();
	EXPECT_EQ(*(*opened)->CountUsers(), 0);
	EXPECT_TRUE(std::filesystem::exists(path));
}

} // namespace
} // namespace mamori::storage
