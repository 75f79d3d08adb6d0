// mamori/core/document/regulation_choice.cpp
#include "core/document/regulation_choice.hpp"

#include <algorithm>

namespace mamori::document {

const char *ProposalReasonKey(ProposalReason reason) {
	switch (reason) {
	case ProposalReason::kProfile:
		return "documents.regulations.reason.profile";
	case ProposalReason::kProfileMissing:
		return "documents.regulations.reason.profile_missing";
	case ProposalReason::kNoCategory:
		return "documents.regulations.reason.no_category";
	case ProposalReason::kNoAnalysis:
		return "documents.regulations.reason.no_analysis";
	case ProposalReason::kRiskRequired:
		return "documents.regulations.reason.risk_required";
	case ProposalReason::kRiskRecommended:
		return "documents.regulations.reason.risk_recommended";
	case ProposalReason::kRiskNotNeeded:
		return "documents.regulations.reason.risk_not_needed";
	}
	return "documents.regulations.reason.no_category";
}

namespace {

RegulationProposal Propose(const DocumentTemplate &regulation, const std::set<std::string> &flags,
                           const std::map<std::string, CategoryNeed> &needs) {
	RegulationProposal proposal{&regulation, true, ProposalReason::kNoCategory, ""};
	// A regulation for a way of working the firm does not have is never
	// proposed, whatever the analysis says; one it has always is.
	if (!regulation.applies.Always()) {
		for (const auto &flag : regulation.applies.any_of_flags) {
			if (flags.count(flag) > 0) {
				proposal.reason = ProposalReason::kProfile;
				proposal.flag = flag;
				return proposal;
			}
		}
		proposal.proposed = false;
		proposal.reason = ProposalReason::kProfileMissing;
		proposal.flag = regulation.applies.any_of_flags.front();
		return proposal;
	}
	const std::string category = regulation.regulation ? regulation.regulation->risk_category : std::string();
	if (category.empty()) {
		return proposal;
	}
	if (needs.empty()) {
		proposal.reason = ProposalReason::kNoAnalysis;
		return proposal;
	}
	auto need = needs.find(category);
	if (need == needs.end() || need->second == CategoryNeed::kNotNeeded) {
		proposal.proposed = false;
		proposal.reason = ProposalReason::kRiskNotNeeded;
		return proposal;
	}
	proposal.reason = need->second == CategoryNeed::kRequired ? ProposalReason::kRiskRequired
	                                                          : ProposalReason::kRiskRecommended;
	return proposal;
}

int NumberOf(const DocumentTemplate &tmpl) { return tmpl.regulation ? tmpl.regulation->number : 0; }

} // namespace

std::vector<RegulationProposal> ProposeRegulations(const std::vector<DocumentTemplate> &templates,
                                                   const std::set<std::string> &flags,
                                                   const std::map<std::string, CategoryNeed> &needs) {
	std::vector<const DocumentTemplate *> regulations;
	for (const auto &tmpl : templates) {
		if (tmpl.kind == "regulations") {
			regulations.push_back(&tmpl);
		}
	}
	std::stable_sort(regulations.begin(), regulations.end(),
	                 [](const auto *a, const auto *b) { return NumberOf(*a) < NumberOf(*b); });
	std::vector<RegulationProposal> proposals;
	for (const auto *regulation : regulations) {
		proposals.push_back(Propose(*regulation, flags, needs));
	}
	return proposals;
}

} // namespace mamori::document
