// mamori/tests/unit/core/owner/key_items_golden_test.cpp
//
// Golden tests of the 重要7項目 evidence rules (issue 12): each
// tests/golden/owner/NAME.input.json holds the facts mamori gathered, and
// NAME.expected.json the verdicts (status, evidence key, link, next step),
// compared as a subset (tests/unit/support/golden.hpp).
#include "core/owner/key_items.hpp"
#include "platform/files.hpp"
#include "support/golden.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace mamori::owner {
namespace {

namespace fs = std::filesystem;
using golden::Json;

const fs::path kDir = fs::path(MAMORI_SOURCE_DIR) / "tests/golden/owner";

OwnerFacts FactsFrom(const Json &in) {
	OwnerFacts f;
	auto text = [&](const char *key, std::string &out) { out = in.value(key, std::string()); };
	auto flag = [&](const char *key, bool &out) { out = in.value(key, false); };
	auto count = [&](const char *key, int &out) { out = in.value(key, 0); };
	text("today", f.today);
	flag("policy_drafted", f.policy_drafted);
	flag("policy_published", f.policy_published);
	flag("governance_drafted", f.governance_drafted);
	flag("governance_published", f.governance_published);
	flag("budget_recorded", f.budget_recorded);
	flag("selfcheck_started", f.selfcheck_started);
	flag("selfcheck_completed", f.selfcheck_completed);
	count("risk_assets", f.risk_assets);
	flag("risk_check_complete", f.risk_check_complete);
	count("risks_needing_decision", f.risks_needing_decision);
	count("overdue_treatments", f.overdue_treatments);
	count("inspections_planned", f.inspections_planned);
	text("last_inspection_done_on", f.last_inspection_done_on);
	text("last_report_to_owner_on", f.last_report_to_owner_on);
	count("overdue_actions", f.overdue_actions);
	flag("emergency_contacts_assigned", f.emergency_contacts_assigned);
	count("continuity_systems", f.continuity_systems);
	text("last_exercise_on", f.last_exercise_on);
	count("partners", f.partners);
	count("partners_with_nda", f.partners_with_nda);
	count("cloud_services", f.cloud_services);
	count("cloud_services_checked", f.cloud_services_checked);
	flag("information_sources_recorded", f.information_sources_recorded);
	flag("article5_done", f.article5_done);
	text("last_training_on", f.last_training_on);
	return f;
}

Json KeyItemVerdicts(const OwnerFacts &facts) {
	Json items = Json::array();
	for (const auto &item : JudgeKeyItems(facts)) {
		items.push_back({{"number", item.number},
		                 {"id", item.id},
		                 {"status", ItemStatusName(item.status)},
		                 {"evidence", item.evidence},
		                 {"params", item.params},
		                 {"link", item.link},
		                 {"next", item.next}});
	}
	return {{"items", items}, {"review_status", ItemStatusName(ReviewStatus(facts))}};
}

std::vector<std::string> CaseNames() {
	std::vector<std::string> names;
	for (const auto &entry : fs::directory_iterator(kDir)) {
		const std::string file = entry.path().filename().string();
		const std::string suffix = ".input.json";
		if (file.size() > suffix.size() && file.ends_with(suffix)) {
			names.push_back(file.substr(0, file.size() - suffix.size()));
		}
	}
	std::sort(names.begin(), names.end());
	return names;
}

TEST(OwnerKeyItemsGolden, EveryCaseMatches) {
	const auto names = CaseNames();
	ASSERT_GE(names.size(), 5u) << "the golden cases are missing in " << kDir;
	for (const auto &name : names) {
		SCOPED_TRACE(name);
		auto input = platform::ReadWholeFile((kDir / (name + ".input.json")).string());
		auto expected = platform::ReadWholeFile((kDir / (name + ".expected.json")).string());
		ASSERT_TRUE(input.ok() && expected.ok());
		const Json actual = KeyItemVerdicts(FactsFrom(Json::parse(*input)));
		std::vector<std::string> problems;
		golden::CompareSubset(Json::parse(*expected), actual, "", problems);
		for (const auto &problem : problems) {
			ADD_FAILURE() << name << ": " << problem;
		}
	}
}

TEST(OwnerKeyItems, SevenItemsInTheGuidelinesOrder) {
	const auto items = JudgeKeyItems(OwnerFacts{});
	ASSERT_EQ(items.size(), 7u);
	for (size_t i = 0; i < items.size(); ++i) {
		EXPECT_EQ(items[i].number, static_cast<int>(i) + 1);
		EXPECT_EQ(items[i].status, ItemStatus::kNotStarted);
	}
}

} // namespace
} // namespace mamori::owner
