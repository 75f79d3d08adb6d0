// mamori/core/document/rule_lines.cpp
#include "core/document/rule_lines.hpp"

namespace mamori::document {
namespace {

// The forbidden mark is the same character in both languages (U+00D7); every
// other mark on a rule line is a must (〇 U+3007 in Japanese, ○ U+25CB in English).
constexpr std::string_view kForbiddenMark = "\xC3\x97";
constexpr std::string_view kFallbackMustMark = "\xE2\x97\x8B";
// The ideographic full stop 「。」 (U+3002) that closes a Japanese sentence.
constexpr std::string_view kIdeographicFullStop = "\xE3\x80\x82";

RuleMarker KindOf(const std::string &printed) {
	return printed == kForbiddenMark ? RuleMarker::kForbidden : RuleMarker::kMust;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
	return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

} // namespace

std::optional<RuleMarker> ParseRuleMarker(std::string_view name) {
	if (name == "must") {
		return RuleMarker::kMust;
	}
	if (name == "forbidden") {
		return RuleMarker::kForbidden;
	}
	return std::nullopt;
}

std::string_view RuleMarkerName(RuleMarker marker) { return marker == RuleMarker::kMust ? "must" : "forbidden"; }

const TemplateBlock *RuleListOf(const TemplateSection &section) {
	for (const auto &block : section.blocks) {
		if (block.type == BlockType::kList && block.rules) {
			return &block;
		}
	}
	return nullptr;
}

RuleLines GuidelineRules(const TemplateBlock &rule_list) {
	RuleLines lines;
	for (const auto &item : rule_list.items) {
		lines.push_back({KindOf(item.marker), PlainText(item.line)});
	}
	return lines;
}

std::string PrintedMarker(const DocumentTemplate &tmpl, RuleMarker marker) {
	for (const auto &section : tmpl.sections) {
		for (const auto &block : section.blocks) {
			if (block.type != BlockType::kList || !block.rules) {
				continue;
			}
			for (const auto &item : block.items) {
				if (KindOf(item.marker) == marker) {
					return item.marker;
				}
			}
		}
	}
	return std::string(marker == RuleMarker::kForbidden ? kForbiddenMark : kFallbackMustMark);
}

RuleLine RuleFromCountermeasure(std::string_view countermeasure) {
	std::string_view text = countermeasure;
	while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) {
		text.remove_suffix(1);
	}
	if (EndsWith(text, kIdeographicFullStop)) {
		text.remove_suffix(kIdeographicFullStop.size());
	} else if (EndsWith(text, ".")) {
		text.remove_suffix(1);
	}
	return {RuleMarker::kMust, std::string(text)};
}

} // namespace mamori::document
