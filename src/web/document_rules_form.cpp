// mamori/web/document_rules_form.cpp
#include "web/document_rules_form.hpp"

#include <algorithm>

namespace mamori::web {
namespace {

std::string RowName(const std::string &section, size_t row, const char *part) {
	return "rule." + section + "." + std::to_string(row) + "." + part;
}

//! "rules.item_03[2].text" → section "item_03", row 1 (0-based), part "text".
struct RulePath {
	std::string section;
	size_t row = 0;
	std::string part;
};
std::optional<RulePath> ParseRulePath(const std::string &field) {
	const std::string prefix = "rules.";
	if (field.rfind(prefix, 0) != 0) {
		return std::nullopt;
	}
	const size_t open = field.find('[', prefix.size());
	const size_t close = field.find("].", open == std::string::npos ? prefix.size() : open);
	if (open == std::string::npos || close == std::string::npos) {
		return RulePath{field.substr(prefix.size()), 0, ""};
	}
	const std::string number = field.substr(open + 1, close - open - 1);
	if (number.empty() || number.size() > 4 || number.find_first_not_of("0123456789") != std::string::npos ||
	    std::stoul(number) == 0) {
		return std::nullopt;
	}
	return RulePath{field.substr(prefix.size(), open - prefix.size()), std::stoul(number) - 1, field.substr(close + 2)};
}

} // namespace

Result<std::string> ReadRuleForm(const Request &request, const document::DocumentTemplate &tmpl,
                                 const app::HandbookDiagnosis &diagnosis, document::DocumentValues &values) {
	for (const auto &section : tmpl.sections) {
		if (document::RuleListOf(section) == nullptr || !request.HasParam(RowName(section.id, 0, "text"))) {
			continue;
		}
		document::RuleLines lines;
		for (size_t row = 0; request.HasParam(RowName(section.id, row, "text")); ++row) {
			const std::string text = request.Param(RowName(section.id, row, "text"));
			if (text.empty() || request.Param(RowName(section.id, row, "delete")) == "1") {
				continue;
			}
			const std::string marker = request.Param(RowName(section.id, row, "marker"));
			auto kind = document::ParseRuleMarker(marker);
			if (!kind) {
				return Error::Invalid("rules." + section.id + "[" + std::to_string(row + 1) + "].marker",
				                      "errors.document.rule_marker_unknown", {{"marker", marker}});
			}
			lines.push_back({*kind, text});
		}
		values.rules[section.id] = std::move(lines);
	}
	const std::string action = request.Param("rule_action");
	if (action.empty()) {
		return std::string();
	}
	// "restore:SECTION" or "add:SECTION:N"
	const size_t first = action.find(':');
	const size_t last = action.rfind(':');
	const std::string verb = action.substr(0, first);
	const std::string section = first == last ? action.substr(first + 1) : action.substr(first + 1, last - first - 1);
	const auto found = std::find_if(tmpl.sections.begin(), tmpl.sections.end(), [&](const document::TemplateSection &candidate) {
		return candidate.id == section && document::RuleListOf(candidate) != nullptr;
	});
	if (first == std::string::npos || found == tmpl.sections.end()) {
		return Error::Invalid("rule_action", "errors.document.rules_section_unknown", {{"section", section}});
	}
	if (verb == "restore" && first == last) {
		values.rules.erase(section);
		return section;
	}
	const app::HandbookItemLink *link = diagnosis.Find(section);
	const std::string index = action.substr(last + 1);
	const bool number = !index.empty() && index.size() < 3 && index.find_first_not_of("0123456789") == std::string::npos;
	if (verb != "add" || first == last || link == nullptr || !number || std::stoul(index) >= link->countermeasures.size()) {
		return Error::Invalid("rule_action", "errors.document.rules_section_unknown", {{"section", section}});
	}
	auto inserted = values.rules.try_emplace(section, document::GuidelineRules(*document::RuleListOf(*found)));
	inserted.first->second.push_back(link->countermeasures[std::stoul(index)]);
	return section;
}

Json RuleSectionsModel(const document::DocumentTemplate &tmpl, const document::DocumentValues &values,
                       const app::HandbookDiagnosis &diagnosis, const std::optional<Error> &error,
                       const PageText &words) {
	const auto error_path = error ? ParseRulePath(error->field) : std::nullopt;
	Json sections = Json::array();
	for (const auto &section : tmpl.sections) {
		const document::TemplateBlock *rule_list = document::RuleListOf(section);
		if (rule_list == nullptr) {
			continue;
		}
		auto edited = values.rules.find(section.id);
		const document::RuleLines lines =
		    edited != values.rules.end() ? edited->second : document::GuidelineRules(*rule_list);
		const std::string title = section.title.empty() ? section.id : section.title;
		Json rows = Json::array();
		for (size_t row = 0; row <= lines.size(); ++row) {  // one blank row more, to add a line
			const bool blank = row == lines.size();
			const bool must = blank || lines[row].marker == document::RuleMarker::kMust;
			const std::string number = std::to_string(row + 1);
			Json model = {{"marker_name", RowName(section.id, row, "marker")},
			              {"text_name", RowName(section.id, row, "text")},
			              {"delete_name", RowName(section.id, row, "delete")},
			              {"text", blank ? "" : lines[row].text},
			              {"must", must},
			              {"blank", blank},
			              {"marker_label", words("web_document_edit.rules.marker_label", {{"row", number}})},
			              {"text_label", blank ? words("web_document_edit.rules.new_label")
			                                   : words("web_document_edit.rules.text_label", {{"row", number}})},
			              {"delete_label", words("web_document_edit.rules.delete_label", {{"row", number}})},
			              {"error", false}};
			if (error_path && error_path->section == section.id && error_path->row == row && !error_path->part.empty()) {
				model["error"] = words.Describe(*error);
			}
			rows.push_back(std::move(model));
		}
		Json model = {{"anchor", "rules-" + section.id},
		              {"section", section.id},
		              {"title", title},
		              {"rows", rows},
		              {"edited", edited != values.rules.end()},
		              {"restore_value", "restore:" + section.id},
		              {"linked", false},
		              {"error", false}};
		if (error_path && error_path->section == section.id && error_path->part.empty()) {
			model["error"] = words.Describe(*error);
		}
		if (const app::HandbookItemLink *link = diagnosis.Find(section.id)) {
			model["linked"] = true;
			model["item_number"] = link->item_number;
			model["short_title"] = link->short_title;
			if (link->answer) {
				model["answer"] = words(AnswerLabelKey(*link->answer));
			} else {
				model["answer"] = words(diagnosis.has_round ? "web_document_edit.rules.not_answered"
				                                            : "web_document_edit.rules.no_round");
			}
			model["answer_weak"] = !link->answer || *link->answer != Answer::kImplemented;
			Json candidates = Json::array();
			for (size_t index = 0; index < link->countermeasures.size(); ++index) {
				const auto &candidate = link->countermeasures[index];
				const bool present = std::any_of(lines.begin(), lines.end(), [&](const document::RuleLine &line) {
					return line.text == candidate.text;
				});
				if (!present) {
					candidates.push_back({{"id", "countermeasure-" + section.id + "-" + std::to_string(index)},
					                      {"text", candidate.text},
					                      {"value", "add:" + section.id + ":" + std::to_string(index)}});
				}
			}
			model["candidates"] = candidates;
			model["has_candidates"] = !candidates.empty();
		}
		sections.push_back(std::move(model));
	}
	return sections;
}

std::optional<std::string> RuleErrorTarget(const std::string &field) {
	const auto path = ParseRulePath(field);
	if (!path) {
		return std::nullopt;
	}
	if (path->part.empty()) {
		return "rules-" + path->section;
	}
	return RowName(path->section, path->row, path->part == "marker" ? "marker" : "text");
}

} // namespace mamori::web
