// mamori/tests/unit/core/risk/table14_golden_test.cpp
//
// 表14「脅威例に応じたリスクのレベル」 through the whole analysis with the
// shipped 3.0 catalog: each row of tests/golden/table14/*.input.json is one
// asset on its 媒体・保存先, with NO threat frequency given (so the catalog's
// default of 脅威の状況 applies) and the 対策状況チェック answered so that the
// threat's vulnerability comes out of the real item tags. The expected file
// holds what the guideline prints for the row (重要度, 脅威, 脆弱性, 被害発生
// 可能性, リスク値): 4 大, 2 中, 4 大, 2 中, 4 大, 2 中. It is compared as a
// subset (support/golden.hpp).
//
// Input row: {"example", "asset": {"name", "medium", "confidentiality",
//   "integrity", "availability", flags...}, "threat": threat id,
//   "covering_answer": 1..4 given to every item that covers the threat,
//   "answers": {item: 1..4} overriding single items}
// Output row: {"example", "importance", "threat", "vulnerability",
//   "possibility", "risk_value", "risk_level"}
#include "codec/json_input.hpp"
#include "core/risk/analysis.hpp"
#include "support/golden.hpp"
#include "platform/files.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

namespace mamori {
namespace {

namespace fs = std::filesystem;
using codec::Json;

const fs::path kDir = fs::path(MAMORI_SOURCE_DIR) / "tests" / "golden" / "table14";

bool Flag(const Json &object, const char *key) {
	auto found = object.find(key);
	return found != object.end() && found->is_boolean() && found->get<bool>();
}

//! One 表14 row through AnalyzeRegister; the assessment of the row's threat.
Json RunRow(const Json &row) {
	const Edition &edition = testing_support::ShippedEdition();
	const std::string threat_id = row.at("threat").get<std::string>();
	EXPECT_NE(edition.risk_catalog.FindThreat(threat_id), nullptr) << threat_id;

	AnalysisInput input;  // no frequencies: the catalog defaults apply
	const Json &asset = row.at("asset");
	RegisterAsset registered;
	registered.key = "row";
	registered.name = asset.at("name").get<std::string>();
	registered.medium = asset.at("medium").get<std::string>();
	registered.rating.confidentiality = asset.at("confidentiality").get<int>();
	registered.rating.integrity = asset.at("integrity").get<int>();
	registered.rating.availability = asset.at("availability").get<int>();
	registered.rating.personal_info = Flag(asset, "personal_info");
	registered.rating.sensitive_personal_info = Flag(asset, "sensitive_personal_info");
	registered.rating.my_number = Flag(asset, "my_number");
	registered.rating.business_critical = Flag(asset, "business_critical");
	input.assets.push_back(registered);

	const auto covering = CheckAnswerFromInt(row.at("covering_answer").get<int>());
	EXPECT_TRUE(covering.has_value());
	for (const auto &item : edition.risk_catalog.check_items) {
		for (const auto &threat : item.threats) {
			if (threat == threat_id && covering) input.answers[item.id] = *covering;
		}
	}
	if (auto found = row.find("answers"); found != row.end()) {
		for (const auto &[item, value] : found->items()) {
			EXPECT_NE(edition.risk_catalog.FindCheckItem(item), nullptr) << item;
			auto answer = CheckAnswerFromInt(value.get<int>());
			EXPECT_TRUE(answer.has_value()) << item;
			if (answer) input.answers[item] = *answer;
		}
	}

	const AnalysisResult result = AnalyzeRegister(edition, input);
	EXPECT_EQ(result.assets.size(), 1u);
	for (const auto &threat : result.assets.front().threats) {
		if (threat.threat->id != threat_id) continue;
		return Json{{"example", row.value("example", "")},
		            {"importance", result.assets.front().importance},
		            {"threat", threat.frequency},
		            {"vulnerability", threat.vulnerability},
		            {"possibility", threat.possibility},
		            {"risk_value", threat.risk_value},
		            {"risk_level", threat.level != nullptr ? Json(threat.level->id) : Json(nullptr)}};
	}
	ADD_FAILURE() << threat_id << " is not a threat of medium " << registered.medium;
	return Json::object();
}

TEST(Table14GoldenTest, EveryRowComesOutAsTheGuidelinePrintsIt) {
	auto input_text = platform::ReadWholeFile((kDir / "table14_rows.input.json").string());
	auto expected_text = platform::ReadWholeFile((kDir / "table14_rows.expected.json").string());
	ASSERT_TRUE(input_text.ok() && expected_text.ok());
	auto input = codec::ParseJson(*input_text);
	auto expected = codec::ParseJson(*expected_text);
	ASSERT_TRUE(input.ok() && expected.ok());
	ASSERT_EQ(input->at("rows").size(), 6u) << "表14 has six rows";

	Json actual = {{"rows", Json::array()}};
	for (const auto &row : input->at("rows")) actual["rows"].push_back(RunRow(row));

	std::vector<std::string> problems;
	golden::CompareSubset(*expected, actual, "", problems);
	if (!problems.empty() && golden::UpdateRequested()) {
		const Json refreshed = golden::Refresh(*expected, actual);
		ASSERT_TRUE(platform::WriteWholeFile((kDir / "table14_rows.expected.json").string(), refreshed.dump(2) + "\n").ok());
		std::cerr << "[golden] rewrote table14_rows.expected.json" << std::endl;
		return;
	}
	std::string report;
	for (const auto &problem : problems) report += "\n  " + problem;
	EXPECT_TRUE(problems.empty()) << report << "\nactual: " << actual.dump(2);
}

} // namespace
} // namespace mamori
