// mamori/core/document/rule_lines.hpp
//
// The handbook's rules (付録4): lines marked 〇 必須 (must) or × 禁止
// (forbidden). A template marks the lists that are rules (`rules: true`); the
// firm may rewrite such a list per section, and its lines then replace the
// guideline's. The printed marker is the template's own (〇 in Japanese, ○ in
// English), so the firm's lines look like the guideline's.
#pragma once

#include "core/document/document_template.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mamori::document {

enum class RuleMarker {
	kMust,       // 〇 必須
	kForbidden,  // × 禁止
};

struct RuleLine {
	RuleMarker marker = RuleMarker::kMust;
	std::string text;  // may use the template's placeholders, as the guideline's lines do
	bool operator==(const RuleLine &) const = default;
};
using RuleLines = std::vector<RuleLine>;

//! Limits on what a firm writes: a rule is one sentence, a section a page.
inline constexpr size_t kMaxRuleTextBytes = 400;  // about 130 Japanese characters
inline constexpr size_t kMaxRulesPerSection = 30;

//! "must" / "forbidden" (stored JSON and forms), or nullopt.
std::optional<RuleMarker> ParseRuleMarker(std::string_view name);
std::string_view RuleMarkerName(RuleMarker marker);

//! The section's list of rules (the first list marked `rules: true`), or nullptr.
const TemplateBlock *RuleListOf(const TemplateSection &section);

//! The guideline's lines of a rule list as the firm would write them.
RuleLines GuidelineRules(const TemplateBlock &rule_list);

//! The marker the template prints for `marker` (its first rule line of that
//! kind, so 〇 or ○ by language); "×" and U+25CB as a last resort.
std::string PrintedMarker(const DocumentTemplate &tmpl, RuleMarker marker);

//! A countermeasure (selfcheck_items.yaml) as a rule line: a must, without
//! the sentence's closing full stop, as the guideline's rules are written.
RuleLine RuleFromCountermeasure(std::string_view countermeasure);

} // namespace mamori::document
