// mamori/tests/unit/core/document/regulation_choice_golden_test.cpp
//
// Golden case of the choice of regulations (tests/golden/documents/
// regulation_choice/): the shipped 3.0 regulations for firms with different
// profile flags and 付録7 診断結果 (or no analysis), each proposal with its
// reason as the documents page words it (flag ids in place of their labels).
// The expected text was worked out by hand from the rules in
// core/document/regulation_choice.hpp.
#include "core/document/regulation_choice.hpp"
#include "platform/files.hpp"
#include "support/catalog.hpp"
#include "support/golden_text.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>

namespace mamori::document {
namespace {

using Json = nlohmann::json;

const char *ReasonName(ProposalReason reason) {
	switch (reason) {
	case ProposalReason::kProfile: return "profile";
	case ProposalReason::kProfileMissing: return "profile_missing";
	case ProposalReason::kNoCategory: return "no_category";
	case ProposalReason::kNoAnalysis: return "no_analysis";
	case ProposalReason::kRiskRequired: return "risk_required";
	case ProposalReason::kRiskRecommended: return "risk_recommended";
	case ProposalReason::kRiskNotNeeded: return "risk_not_needed";
	}
	return "?";
}

CategoryNeed NeedOf(const std::string &name) {
	if (name == "required") return CategoryNeed::kRequired;
	if (name == "recommended") return CategoryNeed::kRecommended;
	EXPECT_EQ(name, "not_needed");
	return CategoryNeed::kNotNeeded;
}

TEST(RegulationChoiceGolden, ProposalsAndReasonsForEachCase) {
	const std::string base = testing_support::SourcePath("tests/golden/documents/regulation_choice/cases");
	const Json input = Json::parse(platform::ReadWholeFile(base + ".input.json").value());
	const auto &templates = testing_support::ShippedEdition().document_templates;
	std::string text;
	for (const auto &item : input.at("cases")) {
		std::set<std::string> flags;
		for (const auto &flag : item.at("flags")) flags.insert(flag.get<std::string>());
		std::map<std::string, CategoryNeed> needs;
		if (!item.at("needs").is_null()) {
			for (const auto &[category, need] : item.at("needs").items()) needs[category] = NeedOf(need.get<std::string>());
		}
		text += "== " + item.at("name").get<std::string>() + "\n";
		for (const auto &proposal : ProposeRegulations(templates, flags, needs)) {
			char number[8];
			std::snprintf(number, sizeof number, "%2d", proposal.regulation->regulation->number);
			const std::string reason = testing_support::ShippedMessages().Text(
			    Locale::kJa, ProposalReasonKey(proposal.reason), {{"flag", proposal.flag}});
			text += std::string(number) + " " + proposal.regulation->id + " | " +
			        (proposal.proposed ? "proposed" : "not proposed") + " | " + ReasonName(proposal.reason) +
			        (proposal.flag.empty() ? "" : " " + proposal.flag) + " | " + reason + "\n";
		}
		text += "\n";
	}
	const std::string problem = golden::CompareTextFile(base + ".expected.txt", text);
	EXPECT_TRUE(problem.empty()) << problem;
}

} // namespace
} // namespace mamori::document
