// mamori/tests/unit/core/document/regulation_choice_test.cpp
//
// Which 関連規程 are proposed, and why: profile flags decide the regulations
// for a way of working; otherwise the 付録7 診断結果 (◎/○/—) of the
// regulation's risk category decides; without an analysis every regulation
// is proposed as a sample.
#include "core/document/regulation_choice.hpp"

#include <gtest/gtest.h>

namespace mamori::document {
namespace {

DocumentTemplate Regulation(std::string id, int number, std::string category, std::vector<std::string> flags = {}) {
	DocumentTemplate tmpl;
	tmpl.id = std::move(id);
	tmpl.kind = "regulations";
	tmpl.regulation = RegulationInfo{number, std::move(category)};
	tmpl.applies.any_of_flags = std::move(flags);
	return tmpl;
}

std::vector<DocumentTemplate> Regulations() {
	std::vector<DocumentTemplate> templates = {
	    Regulation("r03", 3, "asset_management"),
	    Regulation("r01", 1, "organizational"),
	    Regulation("r12", 12, "", {"telework"}),
	    Regulation("r10", 10, ""),
	    Regulation("r08", 8, "development", {"develops_systems"}),
	};
	DocumentTemplate other;
	other.id = "handbook";
	other.kind = "handbook";
	templates.push_back(other);
	return templates;
}

struct Verdict {
	std::string id;
	bool proposed;
	ProposalReason reason;
	bool operator==(const Verdict &) const = default;
};

std::vector<Verdict> Verdicts(const std::vector<RegulationProposal> &proposals) {
	std::vector<Verdict> verdicts;
	for (const auto &proposal : proposals) {
		verdicts.push_back({proposal.regulation->id, proposal.proposed, proposal.reason});
	}
	return verdicts;
}

TEST(RegulationChoice, WithoutAnalysisEveryRegulationForTheFirmIsASample) {
	const auto templates = Regulations();
	const auto verdicts = Verdicts(ProposeRegulations(templates, {}, {}));
	const std::vector<Verdict> expected = {
	    {"r01", true, ProposalReason::kNoAnalysis},
	    {"r03", true, ProposalReason::kNoAnalysis},
	    {"r08", false, ProposalReason::kProfileMissing},
	    {"r10", true, ProposalReason::kNoCategory},
	    {"r12", false, ProposalReason::kProfileMissing},
	};
	EXPECT_EQ(verdicts, expected);
}

TEST(RegulationChoice, TheAnalysisDecidesPerCategoryAndTheProfilePerWayOfWorking) {
	const auto templates = Regulations();
	const std::map<std::string, CategoryNeed> needs = {{"organizational", CategoryNeed::kRequired},
	                                                   {"asset_management", CategoryNeed::kNotNeeded},
	                                                   {"development", CategoryNeed::kNotNeeded}};
	const auto verdicts = Verdicts(ProposeRegulations(templates, {"telework", "develops_systems"}, needs));
	const std::vector<Verdict> expected = {
	    {"r01", true, ProposalReason::kRiskRequired},
	    {"r03", false, ProposalReason::kRiskNotNeeded},
	    // The profile wins over the analysis: a firm that develops systems writes 8.
	    {"r08", true, ProposalReason::kProfile},
	    {"r10", true, ProposalReason::kNoCategory},
	    {"r12", true, ProposalReason::kProfile},
	};
	EXPECT_EQ(verdicts, expected);
	const auto proposals = ProposeRegulations(templates, {"telework"}, needs);
	EXPECT_EQ(proposals[4].flag, "telework");
	EXPECT_EQ(proposals[2].flag, "develops_systems");
	EXPECT_STREQ(ProposalReasonKey(proposals[2].reason), "documents.regulations.reason.profile_missing");
}

TEST(RegulationChoice, RecommendedCountsAndAMissingCategoryIsNotNeeded) {
	const auto templates = Regulations();
	const std::map<std::string, CategoryNeed> needs = {{"organizational", CategoryNeed::kRecommended}};
	const auto proposals = ProposeRegulations(templates, {}, needs);
	EXPECT_TRUE(proposals[0].proposed);
	EXPECT_EQ(proposals[0].reason, ProposalReason::kRiskRecommended);
	EXPECT_FALSE(proposals[1].proposed);
	EXPECT_EQ(proposals[1].reason, ProposalReason::kRiskNotNeeded);
}

} // namespace
} // namespace mamori::document
