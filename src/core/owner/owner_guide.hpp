// mamori/core/owner/owner_guide.hpp
//
// The guideline's Part 1 (経営者編) as edition content: the 3原則 the owner
// must recognise and the 重要7項目の取組 the owner orders
// (content/editions/<id>/owner.yaml). Titles follow the guideline; the
// summaries are in our own words. The rules that judge each item from
// mamori's data are in core/owner/key_items.hpp.
#pragma once

#include "core/catalog/source_ref.hpp"

#include <string>
#include <vector>

namespace mamori {

//! One of the 3原則 (第1部 3(1)).
struct OwnerPrinciple {
	int number = 0;
	std::string title;    // the guideline's heading
	std::string summary;  // our own words
};

//! One of the 重要7項目の取組 (第1部 3(2)).
struct KeyItemDefinition {
	int number = 0;       // 取組 1..7
	std::string id;       // policy / budget_people / risk_measures / review / emergency / outsourcing / information
	std::string title;    // the guideline's heading
	std::string summary;  // what the owner orders, in our own words
	std::string section;  // where the practical part is (第2部 …)
};

struct OwnerGuide {
	SourceRef source;
	std::vector<OwnerPrinciple> principles;
	std::vector<KeyItemDefinition> key_items;
};

} // namespace mamori
