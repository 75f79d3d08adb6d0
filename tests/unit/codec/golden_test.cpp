// mamori/tests/unit/codec/golden_test.cpp
//
// Golden cases under tests/golden/<kind>/NAME.input.json with the expected
// output in NAME.expected.json (see tests/golden/README.md). The expected
// document is compared as a SUBSET of the actual output: every key it names
// must be present with the same value; extra keys in the output are fine.
// Failures are {"error": {"code": "invalid_input", "field": "answers.26"}}.
//
// MAMORI_UPDATE_GOLDEN=1 rewrites existing expected files with the actual
// values of the keys they already name; it never creates an expected file.
#include "codec/benchmark_codec.hpp"
#include "codec/risk_codec.hpp"
#include "codec/selfcheck_codec.hpp"
#include "codec/sme_codec.hpp"
#include "platform/files.hpp"
#include "support/golden.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
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

const std::string kGoldenDir = std::string(MAMORI_SOURCE_DIR) + "/tests/golden";
constexpr const char *kInputSuffix = ".input.json";
constexpr const char *kExpectedSuffix = ".expected.json";

const Catalog &Cat() {
	return testing_support::ShippedCatalog();
}

struct GoldenCase {
	std::string kind;  // selfcheck / risk / sme / benchmark
	std::string name;  // file name without the suffix
	fs::path input;
	fs::path expected;
};

// Readable test parameters in gtest's failure messages.
void PrintTo(const GoldenCase &golden, std::ostream *os) { *os << golden.kind << "/" << golden.name; }

std::vector<GoldenCase> CollectCases() {
	std::vector<GoldenCase> cases;
	for (const char *kind : {"selfcheck", "risk", "sme", "benchmark"}) {
		const fs::path dir = fs::path(kGoldenDir) / kind;
		std::error_code error;
		for (const auto &entry : fs::directory_iterator(dir, error)) {
			const std::string file = entry.path().filename().string();
			const std::string suffix = kInputSuffix;
			if (file.size() <= suffix.size() || file.compare(file.size() - suffix.size(), suffix.size(), suffix) != 0) {
				continue;
			}
			const std::string name = file.substr(0, file.size() - suffix.size());
			cases.push_back(GoldenCase{kind, name, entry.path(), dir / (name + kExpectedSuffix)});
		}
	}
	std::sort(cases.begin(), cases.end(),
	          [](const GoldenCase &a, const GoldenCase &b) { return a.kind + "/" + a.name < b.kind + "/" + b.name; });
	return cases;
}

std::string CodeName(ErrorCode code) {
	switch (code) {
	case ErrorCode::kInvalidInput:
		return "invalid_input";
	case ErrorCode::kConflict:
		return "conflict";
	case ErrorCode::kNotFound:
		return "not_found";
	case ErrorCode::kCatalogInvalid:
		return "catalog_invalid";
	default:
		return "other";
	}
}

Json ErrorDocument(const Error &error) {
	return Json{{"error", {{"code", CodeName(error.code)}, {"field", error.field}, {"message", error.message}}}};
}

//! Runs one case through the same codec functions the CLI uses.
Json Compute(const GoldenCase &golden, const Json &input) {
	const Edition &edition = Cat().DefaultEdition();
	if (golden.kind == "benchmark") {
		auto request = codec::DecodeBenchmarkRequest(input, Cat().sme, Cat().benchmark);
		if (!request) return ErrorDocument(request.error());
		return codec::EncodeBenchmarkPosition(PositionOf(Cat().benchmark, request->firms, request->target, request->min_group));
	}
	if (golden.kind == "selfcheck") {
		if (golden.name.rfind("aggregate_", 0) == 0) {
			auto respondents = codec::DecodeAggregateRequest(input, edition.ItemCount());
			if (!respondents) return ErrorDocument(respondents.error());
			return codec::EncodeAggregate(edition.selfcheck_rules, edition.ItemCount(), *respondents);
		}
		auto answers = codec::DecodeScoreRequest(input, edition.ItemCount());
		if (!answers) return ErrorDocument(answers.error());
		return codec::EncodeScore(ScoreSelfcheck(edition.selfcheck_rules, edition.ItemCount(), *answers));
	}
	if (golden.kind == "risk") {
		auto result = codec::EvaluateRiskRequest(input, edition.risk_scale);
		if (!result) return ErrorDocument(result.error());
		return *result;
	}
	auto profile = codec::DecodeCompanyProfile(input, Cat().sme);
	if (!profile) return ErrorDocument(profile.error());
	auto classified = ClassifySme(Cat().sme, *profile);
	if (!classified) return ErrorDocument(classified.error());
	return codec::EncodeSmeClassification(*classified);
}

class GoldenTest : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenTest, MatchesExpected) {
	const GoldenCase &golden = GetParam();
	auto input_text = platform::ReadWholeFile(golden.input.string());
	ASSERT_TRUE(input_text.ok()) << golden.input;
	ASSERT_TRUE(fs::exists(golden.expected)) << "no expected file " << golden.expected
	                                         << " (write it by hand; MAMORI_UPDATE_GOLDEN never creates one)";
	auto expected_text = platform::ReadWholeFile(golden.expected.string());
	ASSERT_TRUE(expected_text.ok());
	auto input = codec::ParseJson(*input_text);
	ASSERT_TRUE(input.ok()) << golden.input << ": " << input.error().Describe();
	auto expected = codec::ParseJson(*expected_text);
	ASSERT_TRUE(expected.ok()) << golden.expected << ": " << expected.error().Describe();
	ASSERT_TRUE(expected->is_object() && !expected->empty()) << golden.expected << ": expected an object with keys";

	const Json actual = Compute(golden, *input);
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
	EXPECT_TRUE(problems.empty()) << golden.kind << "/" << golden.name << report << "\nactual: " << actual.dump(2);
}

std::string CaseName(const ::testing::TestParamInfo<GoldenCase> &info) {
	std::string name = info.param.kind + "_" + info.param.name;
	for (char &c : name) {
		if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
	}
	return name;
}

INSTANTIATE_TEST_SUITE_P(Golden, GoldenTest, ::testing::ValuesIn(CollectCases()), CaseName);

TEST(GoldenLayoutTest, EveryKindHasCasesAndEveryExpectedHasAnInput) {
	const auto cases = CollectCases();
	for (const char *kind : {"selfcheck", "risk", "sme", "benchmark"}) {
		const auto count = std::count_if(cases.begin(), cases.end(), [&](const GoldenCase &c) { return c.kind == kind; });
		EXPECT_GE(count, 5) << kind;
		// An expected file without an input would silently never run.
		for (const auto &entry : fs::directory_iterator(fs::path(kGoldenDir) / kind)) {
			const std::string file = entry.path().filename().string();
			const std::string suffix = kExpectedSuffix;
			if (file.size() > suffix.size() && file.compare(file.size() - suffix.size(), suffix.size(), suffix) == 0) {
				const std::string name = file.substr(0, file.size() - suffix.size());
				EXPECT_TRUE(fs::exists(entry.path().parent_path() / (name + kInputSuffix))) << file;
			}
		}
	}
}

TEST(GoldenLayoutTest, SubsetComparison) {
	std::vector<std::string> problems;
	CompareSubset(Json::parse(R"({"a": 1, "b": {"c": [1, {"d": 2}]}})"),
	              Json::parse(R"({"a": 1, "x": 0, "b": {"c": [1, {"d": 2, "e": 3}], "y": 1}})"), "", problems);
	EXPECT_TRUE(problems.empty());
	CompareSubset(Json::parse(R"({"a": 1})"), Json::parse(R"({"a": 2})"), "", problems);
	CompareSubset(Json::parse(R"({"a": 1})"), Json::parse(R"({"b": 1})"), "", problems);
	CompareSubset(Json::parse(R"({"a": [1, 2]})"), Json::parse(R"({"a": [1, 2, 3]})"), "", problems);
	EXPECT_EQ(problems.size(), 3u);
	EXPECT_EQ(Refresh(Json::parse(R"({"a": 1, "b": {"c": 1}})"), Json::parse(R"({"a": 5, "b": {"c": 2, "d": 3}, "e": 4})")),
	          Json::parse(R"({"a": 5, "b": {"c": 2}})"));
}

} // namespace
} // namespace mamori
