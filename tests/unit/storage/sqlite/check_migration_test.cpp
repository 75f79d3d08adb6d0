// mamori/tests/unit/storage/sqlite/check_migration_test.cpp
//
// Migration 0004 (the 対策状況チェック becomes the sheet's 55 items): a
// database left by the previous release, with answers to the 59-item
// catalog, is opened by this release. Every answer must arrive under its new
// item id, or be kept as 要確認 (control_answer_reviews); none may vanish.
#include "storage/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <string>

namespace mamori::storage {
namespace {

namespace fs = std::filesystem;

using AnswerMap = std::map<std::string, int>;

class CheckMigrationTest : public ::testing::Test {
protected:
	void SetUp() override {
		fs::create_directories(dir_ / "before_0004");
		// The previous release shipped 0001–0003.
		for (const char *name : {"0001_initial.sql", "0002_risk_analysis.sql", "0003_executive_role.sql"}) {
			fs::copy_file(fs::path(testing_support::SqliteMigrationsDir()) / name, dir_ / "before_0004" / name);
		}
		db_path_ = (dir_ / "mamori.db").string();
	}

	std::unique_ptr<SqliteStore> Open(const fs::path &migrations) {
		auto opened = SqliteStore::Open(db_path_, migrations.string());
		EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().Describe());
		return opened.ok() ? std::move(opened).value() : nullptr;
	}

	//! An organisation as the previous release stored it. Raw SQL, because
	//! today's store code writes columns that the 0001–0003 schema lacks.
	Id MakeOrg(SqliteStore &, const std::string &name) {
		sqlite3 *db = nullptr;
		EXPECT_EQ(sqlite3_open(db_path_.c_str(), &db), SQLITE_OK);
		sqlite3_stmt *stmt = nullptr;
		EXPECT_EQ(sqlite3_prepare_v2(db,
		                             "INSERT INTO organizations(name, edition, created_at) "
		                             "VALUES (?, '3.0', '2025-04-01T09:00:00Z') RETURNING id",
		                             -1, &stmt, nullptr),
		          SQLITE_OK);
		sqlite3_bind_text(stmt, 1, name.c_str(), -1, SQLITE_TRANSIENT);
		Id id = 0;
		if (sqlite3_step(stmt) == SQLITE_ROW) id = sqlite3_column_int64(stmt, 0);
		sqlite3_finalize(stmt);
		sqlite3_close(db);
		EXPECT_GT(id, 0);
		return id;
	}

	static void Answer(SqliteStore &store, Id org, const std::string &item, int answer, bool planned = false) {
		ASSERT_TRUE(store.UpsertControlAnswer({org, item, answer, "2025-04-01T09:00:00Z"}, planned).ok()) << item;
	}

	static AnswerMap Answers(SqliteStore &store, Id org, bool planned) {
		AnswerMap answers;
		auto rows = store.ListControlAnswers(org, planned);
		EXPECT_TRUE(rows.ok());
		for (const auto &row : *rows) answers[row.item_id] = row.answer;
		return answers;
	}

	testing_support::TempDir temp_{"check_migration"};
	const fs::path dir_ = temp_.path();
	std::string db_path_;
};

TEST_F(CheckMigrationTest, AnswersFollowTheirItemsAndNoneIsLost) {
	Id firm = 0;
	Id other = 0;
	{
		auto old_release = Open(dir_ / "before_0004");
		ASSERT_TRUE(old_release);
		firm = MakeOrg(*old_release, "移行株式会社");
		other = MakeOrg(*old_release, "別会社");
		SqliteStore &s = *old_release;
		Answer(s, firm, "c01-01", 1);  // same id
		Answer(s, firm, "c05-01", 2);  // 物理: （5）→（6） ...
		Answer(s, firm, "c06-01", 4);  // ... and IT機器利用 （6）→（5）: the two ids swap
		Answer(s, firm, "c05-03", 1);  // moved to 情報資産管理 as c03-09
		Answer(s, firm, "c02-03", 1);  // merged with c02-04, answers agree
		Answer(s, firm, "c02-04", 1);
		Answer(s, firm, "c06-05", 1);  // merged into c05-05, answers differ
		Answer(s, firm, "c06-06", 3);
		Answer(s, firm, "c11-01", 3);  // merged into c11-01, 3 and 4 differ
		Answer(s, firm, "c11-02", 4);
		Answer(s, firm, "c02-05", 2);  // renumbered to c02-04
		Answer(s, firm, "zz-legacy", 2);  // an id no catalog ever had: no successor
		Answer(s, firm, "c06-06", 1, /*planned=*/true);
		Answer(s, firm, "zz-legacy", 1, /*planned=*/true);
		Answer(s, other, "c02-04", 3);  // only one of the merged pair answered
	}

	auto store = Open(testing_support::SqliteMigrationsDir());
	ASSERT_TRUE(store);

	const AnswerMap expected = {
	    {"c01-01", 1},
	    {"c06-01", 2},
	    {"c05-01", 4},
	    {"c03-09", 1},
	    {"c02-03", 1},
	    {"c05-05", 2},  // 1 and 3 combined: 一部実施している
	    {"c11-01", 3},  // 3 and 4: the applicable answer
	    {"c02-04", 2},
	};
	EXPECT_EQ(Answers(*store, firm, false), expected);
	EXPECT_EQ(Answers(*store, firm, true), (AnswerMap{{"c05-05", 1}}));
	EXPECT_EQ(Answers(*store, other, false), (AnswerMap{{"c02-03", 3}}));

	auto reviews = store->ListAnswerReviews(firm);
	ASSERT_TRUE(reviews.ok()) << reviews.error().Describe();
	std::map<std::string, AnswerReview> by_old;
	for (const auto &review : *reviews) by_old[review.old_item_id] = review;
	ASSERT_EQ(by_old.size(), 5u);
	EXPECT_EQ(by_old["zz-legacy"].successor_id, "");
	EXPECT_EQ(by_old["zz-legacy"].reason, "removed");
	EXPECT_EQ(by_old["zz-legacy"].answer, 2);
	for (const char *old_id : {"c06-05", "c06-06"}) {
		EXPECT_EQ(by_old[old_id].successor_id, "c05-05") << old_id;
		EXPECT_EQ(by_old[old_id].reason, "merged") << old_id;
	}
	EXPECT_EQ(by_old["c06-05"].answer, 1);
	EXPECT_EQ(by_old["c06-06"].answer, 3);
	EXPECT_EQ(by_old["c06-06"].old_text, "重要な情報を社外へ送るときは、暗号化や、期限と相手を絞った共有リンクを使っている");
	EXPECT_EQ(by_old["c11-01"].successor_id, "c11-01");
	EXPECT_EQ(by_old["c11-02"].answer, 4);
	EXPECT_TRUE(store->ListAnswerReviews(other)->empty());

	// Answering the merged item settles its reviews; the one without a successor stays until dismissed.
	ASSERT_TRUE(store->DeleteAnswerReviewsFor(firm, "c05-05").ok());
	EXPECT_EQ(store->ListAnswerReviews(firm)->size(), 3u);
	ASSERT_TRUE(store->DeleteAnswerReview(firm, "zz-legacy").ok());
	ASSERT_TRUE(store->DeleteAnswerReviewsFor(firm, "c11-01").ok());
	EXPECT_TRUE(store->ListAnswerReviews(firm)->empty());
	EXPECT_FALSE(store->DeleteAnswerReviewsFor(firm, "").ok()) << "reviews without successor are dismissed one by one";

	// Opening again changes nothing.
	store.reset();
	store = Open(testing_support::SqliteMigrationsDir());
	ASSERT_TRUE(store);
	EXPECT_EQ(Answers(*store, firm, false), expected);
}

TEST_F(CheckMigrationTest, AnEmptyDatabaseMigratesToo) {
	{
		auto old_release = Open(dir_ / "before_0004");
		ASSERT_TRUE(old_release);
	}
	auto store = Open(testing_support::SqliteMigrationsDir());
	ASSERT_TRUE(store);
	const Id firm = MakeOrg(*store, "新しい会社");
	EXPECT_TRUE(store->ListAnswerReviews(firm)->empty());
	ASSERT_TRUE(store->UpsertControlAnswer({firm, "c06-03", 1, ""}, false).ok());
	EXPECT_EQ(Answers(*store, firm, false), (AnswerMap{{"c06-03", 1}}));
}

} // namespace
} // namespace mamori::storage
