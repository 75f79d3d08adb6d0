// mamori/core/document/regulation_choice.hpp
//
// Which 関連規程 (付録5) a firm needs, proposed from its profile (uses cloud?
// telework? develops systems? handles マイナンバー?) and from the 詳細リスク分析
// (付録7 診断結果: the regulation need ◎/○/— of each category). Every
// proposal carries its reason, so the firm sees why a regulation is in or out.
#pragma once

#include "core/document/document_template.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace mamori::document {

//! The 付録7 診断結果 verdict for one category, as the analysis gives it.
enum class CategoryNeed { kRequired, kRecommended, kNotNeeded };

enum class ProposalReason {
	kProfile,          // the firm's profile names a flag the regulation is for (telework, …)
	kProfileMissing,   // the regulation is for a flag the firm's profile does not have
	kNoCategory,       // no risk category leads to it: every firm writes it
	kNoAnalysis,       // no risk analysis yet: proposed until the analysis says otherwise
	kRiskRequired,     // ◎ for its category
	kRiskRecommended,  // ○ for its category
	kRiskNotNeeded,    // — for its category
};

struct RegulationProposal {
	const DocumentTemplate *regulation = nullptr;
	bool proposed = false;
	ProposalReason reason = ProposalReason::kNoCategory;
	std::string flag;  // kProfile / kProfileMissing: the flag that decided
};

//! The message key explaining a reason (documents.regulations.reason.*).
const char *ProposalReasonKey(ProposalReason reason);

//! Proposals for the edition's regulation templates (kind "regulations"), in
//! regulation-number order. `needs` holds the analysed categories; empty when
//! the firm has no risk analysis yet.
std::vector<RegulationProposal> ProposeRegulations(const std::vector<DocumentTemplate> &templates,
                                                   const std::set<std::string> &flags,
                                                   const std::map<std::string, CategoryNeed> &needs);

} // namespace mamori::document
