// mamori/tests/unit/storage/transfer/package_schema_test.cpp
//
// The hand-over package against the schema: every table of the shipped
// schema is either an organisation's or the installation's (a new table that
// is neither stops here), and a package an older mamori made (the fixture at
// schema 19, before two-step login and deletion existed) is brought up to
// the newest schema by the shipped migrations with its rows intact.
#include "codec/organization_data_codec.hpp"
#include "platform/files.hpp"
#include "storage/transfer/package_schema.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>

namespace mamori::storage::transfer {
namespace {

std::string SqliteMigrations() { return testing_support::SourcePath("migrations/sqlite"); }

TEST(PackageSchema, EveryTableBelongsToAnOrganizationOrToTheInstallation) {
	auto model = CurrentSchemaModel(SqliteMigrations());
	ASSERT_TRUE(model.ok()) << model.error().Describe();
	const auto scope_of = [&](const std::string &table) {
		const TableModel *found = model->Find(table);
		EXPECT_NE(found, nullptr) << table;
		return found != nullptr ? found->scope : TableScope::kInstallation;
	};
	EXPECT_EQ(scope_of("organizations"), TableScope::kOrganizationRow);
	EXPECT_EQ(scope_of("users"), TableScope::kUsers);
	EXPECT_EQ(scope_of("assets"), TableScope::kOwnOrgId);
	EXPECT_EQ(scope_of("selfcheck_answers"), TableScope::kThroughParent);
	EXPECT_EQ(scope_of("outsourcing_partner_assets"), TableScope::kThroughParent);
	for (const char *secret : {"sessions", "two_step", "two_step_recovery_codes", "invitations", "audit_log", "settings"}) {
		EXPECT_EQ(scope_of(secret), TableScope::kInstallation) << secret << " must never travel in a package";
	}
	// Parents come before the tables that refer to them, so rows can be written in order.
	for (size_t i = 0; i < model->tables.size(); ++i) {
		for (const ForeignKey &key : model->tables[i].foreign_keys) {
			const TableModel *parent = model->Find(key.parent_table);
			ASSERT_NE(parent, nullptr);
			EXPECT_LE(parent - model->tables.data(), static_cast<std::ptrdiff_t>(i)) << model->tables[i].name;
		}
	}
}

TEST(PackageSchema, AnOlderPackageIsUpgradedWithItsRowsIntact) {
	auto text = platform::ReadWholeFile(testing_support::SourcePath("tests/golden/handover/schema19_package.json"));
	ASSERT_TRUE(text.ok());
	auto data = codec::DecodeOrganizationData(*text);
	ASSERT_TRUE(data.ok()) << data.error().Describe();
	ASSERT_EQ(data->schema_version, 19);
	auto model = CurrentSchemaModel(SqliteMigrations());
	ASSERT_TRUE(model.ok());

	auto upgraded = UpgradeOrganizationData(*data, SqliteMigrations());
	ASSERT_TRUE(upgraded.ok()) << upgraded.error().Describe();
	EXPECT_EQ(upgraded->schema_version, model->version);
	EXPECT_EQ(upgraded->origin.installation, "fixture-installation");
	EXPECT_EQ(upgraded->origin.revision, 40);
	const mamori::transfer::TableRows *organizations = upgraded->Find("organizations");
	ASSERT_NE(organizations, nullptr);
	EXPECT_EQ(organizations->columns, model->Find("organizations")->columns)
	    << "the row has every column of the newest schema, the new ones with their defaults";
	ASSERT_EQ(organizations->rows.size(), 1u);
	EXPECT_EQ(organizations->rows[0][1], "古川製作所");
	const mamori::transfer::TableRows *links = upgraded->Find("outsourcing_partner_assets");
	ASSERT_NE(links, nullptr);
	ASSERT_EQ(links->rows.size(), 1u);
	EXPECT_EQ(links->rows[0], (std::vector<mamori::transfer::Cell>{"5", "21"}));
	const mamori::transfer::TableRows *people = upgraded->Find("users");
	ASSERT_NE(people, nullptr);
	ASSERT_EQ(people->rows.size(), 1u);
	EXPECT_EQ(people->rows[0][1], "furukawa@example.jp");
}

TEST(PackageSchema, APackageFromANewerMamoriIsRefused) {
	mamori::transfer::OrganizationData data;
	data.schema_version = 9999;
	auto upgraded = UpgradeOrganizationData(data, SqliteMigrations());
	ASSERT_FALSE(upgraded.ok());
	EXPECT_EQ(upgraded.error().field, "schema_version");
	EXPECT_EQ(upgraded.error().message, "errors.transfer.schema_newer");
}

TEST(PackageSchema, AnOlderPackageNamingRowsItLacksIsRefused) {
	auto text = platform::ReadWholeFile(testing_support::SourcePath("tests/golden/handover/schema19_package.json"));
	ASSERT_TRUE(text.ok());
	auto data = codec::DecodeOrganizationData(*text);
	ASSERT_TRUE(data.ok());
	for (auto &table : data->tables) {
		if (table.name == "outsourcing_partner_assets") {
			table.rows[0][1] = "999";  // no such asset in the package
		}
	}
	auto upgraded = UpgradeOrganizationData(*data, SqliteMigrations());
	ASSERT_FALSE(upgraded.ok());
	EXPECT_EQ(upgraded.error().message, "errors.transfer.upgrade_failed");
}

} // namespace
} // namespace mamori::storage::transfer
