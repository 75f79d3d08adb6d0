// mamori/core/catalog/untranslated_content.cpp
#include "core/catalog/untranslated_content.hpp"

#include "core/catalog/document_template_loader.hpp"
#include "core/catalog/incident_rules_loader.hpp"
#include "core/catalog/training_quizzes_loader.hpp"

#include "core/catalog/localize.hpp"

#include "core/yaml/load.hpp"

#include <algorithm>
#include <set>

namespace mamori {
namespace {

//! The {{placeholders}} of a text, which a translation must keep as they are.
std::multiset<std::string> Placeholders(const std::string &text) {
	std::multiset<std::string> names;
	size_t pos = 0;
	while ((pos = text.find("{{", pos)) != std::string::npos) {
		const size_t end = text.find("}}", pos);
		if (end == std::string::npos) {
			break;
		}
		names.insert(text.substr(pos, end + 2 - pos));
		pos = end + 2;
	}
	return names;
}

class GapFinder {
public:
	GapFinder(std::string file, std::vector<UntranslatedEntry> &gaps) : file_(std::move(file)), gaps_(gaps) {}

	void Visit(const yaml::Node &node, const std::string &path) {
		if (node.IsSequence()) {
			for (size_t idx = 0; idx < node.size(); ++idx) {
				Visit(node[idx], path + "[" + std::to_string(idx) + "]");
			}
			return;
		}
		if (!node.IsMap()) {
			return;
		}
		const std::string overlay_key(OverlayKey(Locale::kEn));
		const yaml::Node english = node[overlay_key];
		const bool has_english = english.IsDefined() && english.IsMap();
		for (const auto &entry : node.Entries()) {
			const std::string &key = entry.first;
			if (key == overlay_key) {
				continue;
			}
			const std::string where = path.empty() ? key : path + "." + key;
			const yaml::Node translated = has_english ? english[key] : yaml::Node();
			if (entry.second.IsScalar()) {
				CheckText(entry.second.Scalar(), translated, where);
			} else if (entry.second.IsSequence() && entry.second.size() > 0 && entry.second[0].IsScalar()) {
				for (size_t idx = 0; idx < entry.second.size(); ++idx) {
					const bool has_lines = translated.IsDefined() && translated.IsSequence();
					const yaml::Node line = has_lines ? translated[idx] : yaml::Node();
					CheckText(entry.second[idx].Scalar(), line, where + "[" + std::to_string(idx) + "]");
				}
			} else {
				Visit(entry.second, where);
			}
		}
	}

private:
	void CheckText(const std::string &japanese, const yaml::Node &english, const std::string &where) {
		if (!english.IsDefined() || !english.IsScalar()) {
			if (HasJapaneseOutsideBrackets(japanese)) {
				Report(where, "no English text");
			}
			return;
		}
		if (HasJapaneseOutsideBrackets(english.Scalar())) {
			Report(where, "the English has Japanese outside brackets");
		}
		if (Placeholders(japanese) != Placeholders(english.Scalar())) {
			Report(where, "the English does not keep the same {{placeholders}}");
		}
	}

	void Report(const std::string &where, const std::string &reason) {
		gaps_.push_back(UntranslatedEntry{file_, where, reason});
	}

	std::string file_;
	std::vector<UntranslatedEntry> &gaps_;
};

//! The YAML files the catalog is made of, as ParseCatalog reads them.
Result<std::vector<std::string>> CatalogFileNames(const ContentFiles &files) {
	std::vector<std::string> names = {"catalog.yaml", "sme_criteria.yaml", "benchmark.yaml"};
	for (auto &name : IncidentRuleFileNames()) {
		names.push_back(std::move(name));
	}
	names.push_back(TrainingQuizzesFileName());
	auto index = files.find("catalog.yaml");
	if (index == files.end()) {
		return Error{ErrorCode::kCatalogInvalid, "catalog.yaml", "file is missing"};
	}
	try {
		const yaml::Node editions = yaml::Load(index->second)["editions"];
		for (const auto &edition : editions.Elements()) {
			const std::string id = edition.as<std::string>();
			for (auto &name : EditionFileNames(id)) {
				names.push_back(std::move(name));
			}
			// The document templates are guideline content too (issue 8).
			for (auto &name : DocumentTemplateFileNames(files, id)) {
				names.push_back(std::move(name));
			}
		}
	} catch (const yaml::Exception &error) {
		return Error{ErrorCode::kCatalogInvalid, "catalog.yaml", std::string("YAML error: ") + error.what()};
	}
	return names;
}

} // namespace

Result<std::vector<UntranslatedEntry>> UntranslatedContent(const ContentFiles &files) {
	std::vector<UntranslatedEntry> gaps;
	const std::vector<std::string> names = MAMORI_TRY(CatalogFileNames(files));
	for (const auto &name : names) {
		auto found = files.find(name);
		if (found == files.end()) {
			return Error{ErrorCode::kCatalogInvalid, name, "file is missing"};
		}
		yaml::Node root;
		try {
			root = yaml::Load(found->second);
		} catch (const yaml::Exception &error) {
			return Error{ErrorCode::kCatalogInvalid, name, std::string("YAML error: ") + error.what()};
		}
		// A malformed overlay is a loader error, not a gap: report it as such.
		if (auto checked = Localize(root, Locale::kEn, name); !checked) {
			return checked.error();
		}
		GapFinder(name, gaps).Visit(root, "");
	}
	return gaps;
}

} // namespace mamori
