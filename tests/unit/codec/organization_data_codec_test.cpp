// mamori/tests/unit/codec/organization_data_codec_test.cpp
//
// The hand-over package's data file: what is written reads back the same
// (NULL and '' stay apart), and a malformed file is refused naming the field.
#include "codec/organization_data_codec.hpp"

#include <gtest/gtest.h>

namespace mamori::codec {
namespace {

transfer::OrganizationData Sample() {
	transfer::OrganizationData data;
	data.schema_version = 23;
	data.exported_at = "2026-12-05T09:00:00Z";
	data.origin = {"inst-a", 4, 120};
	data.based_on = transfer::CopyOrigin{"inst-b", 9, 77};
	data.tables.push_back({"organizations", {"id", "name"}, {{"4", "丁野工業"}}});
	data.tables.push_back({"assets", {"id", "org_id", "note"}, {{"1", "4", std::nullopt}, {"2", "4", ""}}});
	return data;
}

TEST(OrganizationDataCodec, WhatIsWrittenReadsBackTheSame) {
	const transfer::OrganizationData data = Sample();
	auto decoded = DecodeOrganizationData(EncodeOrganizationData(data));
	ASSERT_TRUE(decoded.ok()) << decoded.error().Describe();
	EXPECT_EQ(decoded->schema_version, 23);
	EXPECT_EQ(decoded->origin.installation, "inst-a");
	EXPECT_EQ(decoded->origin.revision, 120);
	ASSERT_TRUE(decoded->based_on.has_value());
	EXPECT_EQ(decoded->based_on->organization, 9);
	ASSERT_EQ(decoded->tables.size(), 2u);
	EXPECT_EQ(decoded->tables[1].rows[0][2], std::nullopt);
	EXPECT_EQ(decoded->tables[1].rows[1][2], std::optional<std::string>(""));
	EXPECT_EQ(decoded->tables[0].rows[0][1], std::optional<std::string>("丁野工業"));
}

struct BadCase {
	std::string json;
	std::string field;
	std::string message;
};

TEST(OrganizationDataCodec, MalformedFilesAreRefusedNamingTheField) {
	const std::string head =
	    R"({"format":"mamori-organization","format_version":1,"schema_version":23,"exported_at":"x",)"
	    R"("origin":{"installation":"a","organization":1,"revision":0},)";
	const std::vector<BadCase> cases = {
	    {R"({"format":"something-else"})", "format", "errors.transfer.not_a_package"},
	    {R"({"format":"mamori-organization","format_version":2})", "format_version", "errors.transfer.format_newer"},
	    {head + R"("tables":[{"name":"Robert'); DROP","columns":["a"],"rows":[]}]})", "tables[0].name",
	     "errors.transfer.name_invalid"},
	    {head + R"("tables":[{"name":"t","columns":["a","a"],"rows":[]}]})", "tables[0].columns[1]",
	     "errors.transfer.column_repeated"},
	    {head + R"("tables":[{"name":"t","columns":["a","b"],"rows":[["1"]]}]})", "tables[0].rows[0]",
	     "errors.transfer.row_width"},
	    {head + R"("tables":[{"name":"t","columns":["a"],"rows":[[1]]}]})", "tables[0].rows[0][0]", "errors.json.string_required"},
	    {head + R"("tables":[{"name":"t","columns":["a"],"rows":[]},{"name":"t","columns":["a"],"rows":[]}]})",
	     "tables[1]", "errors.transfer.table_repeated"},
	};
	for (const BadCase &bad : cases) {
		auto decoded = DecodeOrganizationData(bad.json);
		ASSERT_FALSE(decoded.ok()) << bad.json;
		EXPECT_EQ(decoded.error().code, ErrorCode::kInvalidInput) << bad.json;
		EXPECT_EQ(decoded.error().field, bad.field) << bad.json;
		if (!bad.message.empty()) {
			EXPECT_EQ(decoded.error().message, bad.message) << bad.json;
		}
	}
}

} // namespace
} // namespace mamori::codec
