// mamori/tests/unit/codec/report_duty_golden_test.cpp
//
// The reporting rule at its edges (issue 9): tests/golden/report_duty/
// edges.cases.jsonl holds one case a line ({"case", "input"}), and
// edges.expected.txt one line a case, "NAME OUTPUT", OUTPUT being the compact
// JSON of `incident report-duty` (DecodeLeakFacts + AssessReportDuty +
// EncodeReportDuty, the CLI's own path). The whole text is compared exactly;
// the expectations were worked out by hand from methodology §6 (速報 = aware_on
// + 3 days, 確報 = aware_on + 30 − 1, or + 60 − 1 when malicious).
#include "codec/incident_codec.hpp"
#include "platform/files.hpp"
#include "support/catalog.hpp"
#include "support/golden_text.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace mamori {
namespace {

const std::string kDir = std::string(MAMORI_SOURCE_DIR) + "/tests/golden/report_duty/";

TEST(ReportDutyGoldenTest, EdgesMatchTheHandWrittenTable) {
	auto cases = platform::ReadWholeFile(kDir + "edges.cases.jsonl");
	ASSERT_TRUE(cases.ok());
	const auto &rules = testing_support::ShippedCatalog().incident.report;
	std::istringstream lines(*cases);
	std::string line;
	std::string actual;
	int count = 0;
	while (std::getline(lines, line)) {
		if (line.empty()) {
			continue;
		}
		const auto row = codec::Json::parse(line);
		const std::string name = row.at("case").get<std::string>();
		auto facts = codec::DecodeLeakFacts(row.at("input"));
		ASSERT_TRUE(facts.ok()) << name;
		actual += name + " " + codec::EncodeReportDuty(incident::AssessReportDuty(rules, *facts)).dump() + "\n";
		++count;
	}
	EXPECT_GE(count, 16);
	EXPECT_EQ(golden::CompareTextFile(kDir + "edges.expected.txt", actual), "");
}

} // namespace
} // namespace mamori
