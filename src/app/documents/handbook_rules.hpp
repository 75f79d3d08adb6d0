// mamori/app/documents/handbook_rules.hpp
//
// The ハンドブック linked to the 自社診断 (issue 8): each section item_NN holds
// the rules for diagnosis item NN. The editor shows, per section, how the
// latest round answered the item and the item's countermeasures as rule
// lines the firm can add, so the handbook is built from what the firm chose.
#pragma once

#include "app/app_context.hpp"
#include "app/organizations.hpp"
#include "core/document/rule_lines.hpp"
#include "core/selfcheck/answer.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mamori::app {

struct HandbookItemLink {
	std::string section_id;                // "item_03"
	int item_number = 0;                   // 3
	std::string short_title;               // in the document's language
	std::optional<Answer> answer;          // the organisation's answer in the latest round; nullopt: not answered
	document::RuleLines countermeasures;   // the item's countermeasures as 〇 lines, in the document's language
};

struct HandbookDiagnosis {
	bool has_round = false;  // a diagnosis round exists
	std::vector<HandbookItemLink> items;  // in item order

	const HandbookItemLink *Find(const std::string &section_id) const;
};

//! The section id of diagnosis item `number`: 3 → "item_03".
std::string HandbookSectionOf(int number);

//! Every diagnosis item with its latest answer (the round's combined answer
//! over departments, as the result page gives it) and its countermeasures.
Result<HandbookDiagnosis> HandbookDiagnosisFor(AppContext &ctx, const OrgAccess &access);

} // namespace mamori::app
