// mamori/tests/unit/core/risk/analysis_golden_test.cpp
//
// Golden cases of the 詳細リスク分析 over the shipped 3.0 catalog:
// tests/golden/analysis/NAME.input.json is a register with frequencies and
// check answers, NAME.expected.json the analysis worked out by hand from the
// catalog's tags (methodology §4, §4a). The expected document is compared as
// a SUBSET of the actual one, as in golden_test.cpp.
//
// Input:  {"assets": [{"key", "name", "medium", "confidentiality", "integrity",
//          "availability", "personal_info", "sensitive_personal_info",
//          "my_number", "business_critical"}], "frequencies": {threat: 1..3},
//          "answers": {item: 1..4}}
// Output: {"assets": [{"key", "importance", "importance_overridden",
//          "risk_value", "risk_level", "driving_threat" (threat id or null),
//          "threats": [{"id", "frequency", "vulnerability", "possibility",
//          "risk_value", "risk_level", "gap", "applicable": [item ids]}]}],
//          "categories": [{"id", "implemented", "partial", "not_implemented",
//          "not_applicable", "unanswered", "rate" (number or null),
//          "need": "required" | "recommended" | "not_needed"}],
//          "uncovered_threats": [threat ids]}
//
// MAMORI_UPDATE_GOLDEN=1 rewrites existing expected files with the actual
// values of the keys they already name; it never creates an expected file.
#include "codec/json_input.hpp"
#include "core/risk/analysis.hpp"
#include "platform/files.hpp"
#include "support/golden.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

namespace mamori {
namespace {

namespace fs = std::filesystem;
using golden::CompareSubset;
using golden::Refresh;
using golden::UpdateRequested;
using codec::Json;

const fs::path kAnalysisDir = fs::path(MAMORI_SOURCE_DIR) / "tests" / "golden" / "analysis";
constexpr const char *kInputSuffix = ".input.json";
constexpr const char *kExpectedSuffix = ".expected.json";

struct AnalysisCase {
	std::string name;
	fs::path input;
	fs::path expected;
};

void PrintTo(const AnalysisCase &golden, std::ostream *os) { *os << "analysis/" << golden.name; }

bool EndsWith(const std::string &text, const std::string &suffix) {
	return text.size() > suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<AnalysisCase> CollectRiskCases() {
	std::vector<AnalysisCase> cases;
	std::error_code error;
	for (const auto &entry : fs::directory_iterator(kAnalysisDir, error)) {
		const std::string file = entry.path().filename().string();
		if (!EndsWith(file, kInputSuffix)) continue;
		const std::string name = file.substr(0, file.size() - std::string(kInputSuffix).size());
		cases.push_back(AnalysisCase{name, entry.path(), kAnalysisDir / (name + kExpectedSuffix)});
	}
	std::sort(cases.begin(), cases.end(), [](const AnalysisCase &a, const AnalysisCase &b) { return a.name < b.name; });
	return cases;
}

//! Decodes a case's input; failures are reported as test failures and leave the field at its default.
AnalysisInput Decode(const Json &document) {
	AnalysisInput input;
	auto flag = [](const Json &object, const char *key) {
		auto found = object.find(key);
		return found != object.end() && found->is_boolean() && found->get<bool>();
	};
	for (const auto &row : document.at("assets")) {
		RegisterAsset asset;
		asset.key = row.at("key").get<std::string>();
		asset.name = row.value("name", asset.key);
		asset.medium = row.at("medium").get<std::string>();
		asset.rating.confidentiality = row.at("confidentiality").get<int>();
		asset.rating.integrity = row.at("integrity").get<int>();
		asset.rating.availability = row.at("availability").get<int>();
		asset.rating.personal_info = flag(row, "personal_info");
		asset.rating.sensitive_personal_info = flag(row, "sensitive_personal_info");
		asset.rating.my_number = flag(row, "my_number");
		asset.rating.business_critical = flag(row, "business_critical");
		input.assets.push_back(asset);
	}
	if (auto found = document.find("frequencies"); found != document.end()) {
		for (const auto &[threat, value] : found->items()) {
			EXPECT_NE(testing_support::ShippedEdition().risk_catalog.FindThreat(threat), nullptr) << "unknown threat " << threat;
			input.frequencies[threat] = value.get<int>();
		}
	}
	if (auto found = document.find("answers"); found != document.end()) {
		for (const auto &[item, value] : found->items()) {
			EXPECT_NE(testing_support::ShippedEdition().risk_catalog.FindCheckItem(item), nullptr) << "unknown check item " << item;
			auto answer = CheckAnswerFromInt(value.get<int>());
			EXPECT_TRUE(answer.has_value()) << item << ": " << value.dump();
			if (answer) input.answers[item] = *answer;
		}
	}
	return input;
}

Json LevelJson(const RiskLevelBand *level) { return level != nullptr ? Json(level->id) : Json(nullptr); }

std::string NeedName(RegulationNeed need) {
	switch (need) {
	case RegulationNeed::kRequired:
		return "required";
	case RegulationNeed::kRecommended:
		return "recommended";
	case RegulationNeed::kNotNeeded:
		return "not_needed";
	}
	return "?";
}

Json Encode(const AnalysisResult &result) {
	Json assets = Json::array();
	for (const auto &asset : result.assets) {
		Json threats = Json::array();
		for (const auto &threat : asset.threats) {
			Json applicable = Json::array();
			for (const auto &covering : threat.applicable) applicable.push_back(covering.item->id);
			threats.push_back({{"id", threat.threat->id},
			                   {"frequency", threat.frequency},
			                   {"vulnerability", threat.vulnerability},
			                   {"possibility", threat.possibility},
			                   {"risk_value", threat.risk_value},
			                   {"risk_level", LevelJson(threat.level)},
			                   {"gap", threat.gap},
			                   {"applicable", applicable}});
		}
		assets.push_back({{"key", asset.asset->key},
		                  {"importance", asset.importance},
		                  {"importance_overridden", asset.importance_overridden},
		                  {"risk_value", asset.risk_value},
		                  {"risk_level", LevelJson(asset.level)},
		                  {"driving_threat", asset.driving_threat >= 0
		                                         ? Json(asset.threats[asset.driving_threat].threat->id)
		                                         : Json(nullptr)},
		                  {"threats", threats}});
	}
	Json categories = Json::array();
	for (const auto &category : result.categories) {
		categories.push_back({{"id", category.category->id},
		                      {"implemented", category.implemented},
		                      {"partial", category.partial},
		                      {"not_implemented", category.not_implemented},
		                      {"not_applicable", category.not_applicable},
		                      {"unanswered", category.unanswered},
		                      {"rate", category.rate ? Json(*category.rate) : Json(nullptr)},
		                      {"need", NeedName(category.need)}});
	}
	Json uncovered = Json::array();
	for (const auto *threat : result.uncovered_threats) uncovered.push_back(threat->id);
	return Json{{"assets", assets}, {"categories", categories}, {"uncovered_threats", uncovered}};
}

class AnalysisGoldenTest : public ::testing::TestWithParam<AnalysisCase> {};

TEST_P(AnalysisGoldenTest, MatchesExpected) {
	const AnalysisCase &golden = GetParam();
	auto input_text = platform::ReadWholeFile(golden.input.string());
	ASSERT_TRUE(input_text.ok()) << golden.input;
	ASSERT_TRUE(fs::exists(golden.expected)) << "no expected file " << golden.expected
	                                         << " (write it by hand; MAMORI_UPDATE_GOLDEN never creates one)";
	auto expected_text = platform::ReadWholeFile(golden.expected.string());
	ASSERT_TRUE(expected_text.ok());
	auto document = codec::ParseJson(*input_text);
	ASSERT_TRUE(document.ok()) << golden.input << ": " << document.error().Describe();
	auto expected = codec::ParseJson(*expected_text);
	ASSERT_TRUE(expected.ok()) << golden.expected << ": " << expected.error().Describe();
	ASSERT_TRUE(expected->is_object() && !expected->empty()) << golden.expected << ": expected an object with keys";

	const AnalysisInput input = Decode(*document);
	const Json actual = Encode(AnalyzeRegister(testing_support::ShippedEdition(), input));
	std::vector<std::string> problems;
	CompareSubset(*expected, actual, "", problems);
	if (!problems.empty() && UpdateRequested()) {
		const Json refreshed = Refresh(*expected, actual);
		ASSERT_TRUE(platform::WriteWholeFile(golden.expected.string(), refreshed.dump(2) + "\n").ok());
		std::cerr << "[golden] rewrote " << golden.expected.string() << std::endl;
		return;
	}
	std::string report;
	for (const auto &problem : problems) report += "\n  " + problem;
	EXPECT_TRUE(problems.empty()) << "analysis/" << golden.name << report << "\nactual: " << actual.dump(2);
}

std::string RiskCaseName(const ::testing::TestParamInfo<AnalysisCase> &info) {
	std::string name = info.param.name;
	for (char &c : name) {
		if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
	}
	return name;
}

INSTANTIATE_TEST_SUITE_P(AnalysisGolden, AnalysisGoldenTest, ::testing::ValuesIn(CollectRiskCases()), RiskCaseName);

TEST(AnalysisGoldenLayoutTest, CasesExistAndEveryExpectedHasAnInput) {
	EXPECT_GE(CollectRiskCases().size(), 3u);
	for (const auto &entry : fs::directory_iterator(kAnalysisDir)) {
		const std::string file = entry.path().filename().string();
		if (EndsWith(file, kExpectedSuffix)) {
			const std::string name = file.substr(0, file.size() - std::string(kExpectedSuffix).size());
			EXPECT_TRUE(fs::exists(kAnalysisDir / (name + kInputSuffix))) << file;
		}
	}
}

TEST(AnalysisGoldenLayoutTest, SubsetComparisonTreatsNumbersByValue) {
	std::vector<std::string> problems;
	CompareSubset(Json::parse(R"({"a": 1.0, "b": [0.25, null]})"), Json::parse(R"({"a": 1, "b": [0.25, null], "c": 2})"),
	              "", problems);
	EXPECT_TRUE(problems.empty());
	CompareSubset(Json::parse(R"({"a": null})"), Json::parse(R"({"a": 0.5})"), "", problems);
	CompareSubset(Json::parse(R"({"a": 0.5})"), Json::parse(R"({"a": 0.75})"), "", problems);
	CompareSubset(Json::parse(R"({"a": [1]})"), Json::parse(R"({"a": []})"), "", problems);
	EXPECT_EQ(problems.size(), 3u);
}

} // namespace
} // namespace mamori
