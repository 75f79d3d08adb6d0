// mamori/core/catalog/exercise_scenario_loader.cpp
#include "core/catalog/exercise_scenario_loader.hpp"

#include "core/catalog/content_reader.hpp"
#include "core/catalog/localize.hpp"
#include "core/yaml/load.hpp"

#include <algorithm>
#include <initializer_list>
#include <set>

namespace mamori {
namespace {

using catalog_detail::CatalogProblem;
using catalog_detail::Reader;

constexpr size_t kMinOptions = 2;
constexpr size_t kMaxOptions = 5;
const std::string kScenarioDir = "incident/exercises/";

class ScenarioReader {
public:
	ScenarioReader(const incident::IncidentProcedures &manual, ScenarioEnglish english)
	    : manual_(manual), english_(english) {}

	incident::ExerciseScenario Read(const Reader &file) {
		incident::ExerciseScenario scenario;
		scenario.id = Id(file, "id");
		CheckOverlay(file, {"title", "summary"});
		scenario.title = Text(file, "title");
		scenario.summary = Text(file, "summary");
		const Reader source = file.Child("source");
		CheckOverlay(source, {"document", "location"});
		scenario.source_document = Text(source, "document");
		scenario.source_location = Text(source, "location");
		scenario.manual = ReadManual(file);
		for (const auto &entry : file.Items("scenes")) {
			scenario.scenes.push_back(ReadScene(entry, scenario));
			if (!scene_ids_.insert(scenario.scenes.back().id).second) {
				entry.Fail("duplicate scene '" + scenario.scenes.back().id + "'");
			}
		}
		if (scenario.scenes.empty()) {
			file.Fail("'scenes' must list at least one scene");
		}
		if (decision_ids_.empty()) {
			file.Fail("at least one scene needs a decision");
		}
		return scenario;
	}

private:
	//! Ids are stored with the answers and used in addresses: lower-case
	//! letters, digits and '_' only.
	static std::string Id(const Reader &entry, const std::string &key) {
		std::string id = entry.String(key);
		const bool plain = std::all_of(id.begin(), id.end(), [](char c) {
			return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
		});
		if (!plain || id.size() > 60) {
			entry.Child(key).Fail("an id is up to 60 lower-case letters, digits and '_'");
		}
		return id;
	}

	//! The `en:` overlay may repeat only the entry's own texts.
	static void CheckOverlay(const Reader &entry, std::initializer_list<const char *> keys) {
		if (!entry.Has("en")) {
			return;
		}
		const Reader overlay = entry.Child("en");
		for (const auto &key : overlay.Keys()) {
			if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
				overlay.Child(key).Fail("'" + key + "' is not a text of this entry");
			}
		}
	}

	incident::ScenarioText Text(const Reader &entry, const std::string &key) const {
		incident::ScenarioText text;
		text.ja = entry.String(key);
		if (entry.Has("en") && entry.Child("en").Has(key)) {
			text.en = entry.Child("en").String(key);
			if (HasJapaneseOutsideBrackets(text.en)) {
				entry.Child("en").Child(key).Fail("the English has Japanese outside brackets");
			}
		} else if (english_ == ScenarioEnglish::kRequired) {
			entry.Fail("'en." + key + "' is missing (the English text)");
		} else {
			text.en = text.ja;
		}
		return text;
	}

	std::vector<incident::ScenarioManual> ReadManual(const Reader &file) const {
		std::vector<incident::ScenarioManual> entries;
		for (const auto &entry : file.Items("manual")) {
			incident::ScenarioManual item{entry.String("kind"), entry.Int("level")};
			const incident::IncidentKind *kind = manual_.FindKind(item.kind);
			if (kind == nullptr) {
				entry.Child("kind").Fail("unknown kind '" + item.kind + "'");
			}
			if (kind->ForLevel(item.level) == nullptr) {
				entry.Child("level").Fail("kind '" + item.kind + "' has no procedure for level " +
				                          std::to_string(item.level));
			}
			if (std::any_of(entries.begin(), entries.end(), [&](const auto &e) { return e.kind == item.kind; })) {
				entry.Fail("kind '" + item.kind + "' is listed twice");
			}
			entries.push_back(std::move(item));
		}
		if (entries.empty()) {
			file.Fail("'manual' must name at least one kind and level");
		}
		return entries;
	}

	incident::ExerciseScene ReadScene(const Reader &entry, const incident::ExerciseScenario &scenario) {
		incident::ExerciseScene scene;
		scene.id = Id(entry, "id");
		CheckOverlay(entry, {"title", "story"});
		scene.title = Text(entry, "title");
		scene.story = Text(entry, "story");
		if (entry.Has("decision")) {
			scene.decision = ReadDecision(entry.Child("decision"), scenario);
		}
		return scene;
	}

	incident::ExerciseDecision ReadDecision(const Reader &entry, const incident::ExerciseScenario &scenario) {
		incident::ExerciseDecision decision;
		decision.id = Id(entry, "id");
		if (!decision_ids_.insert(decision.id).second) {
			entry.Child("id").Fail("duplicate decision '" + decision.id + "'");
		}
		CheckOverlay(entry, {"question"});
		decision.question = Text(entry, "question");
		const auto items = entry.Items("options");
		if (items.size() < kMinOptions || items.size() > kMaxOptions) {
			entry.Child("options").Fail("a decision has 2 to 5 options");
		}
		for (const auto &item : items) {
			decision.options.push_back(ReadOption(item, scenario));
			if (std::count_if(decision.options.begin(), decision.options.end(),
			                  [&](const auto &o) { return o.id == decision.options.back().id; }) > 1) {
				item.Fail("duplicate option '" + decision.options.back().id + "'");
			}
		}
		return decision;
	}

	incident::ExerciseOption ReadOption(const Reader &entry, const incident::ExerciseScenario &scenario) const {
		incident::ExerciseOption option;
		option.id = Id(entry, "id");
		CheckOverlay(entry, {"label", "explanation"});
		option.label = Text(entry, "label");
		option.explanation = Text(entry, "explanation");
		if (entry.Has("steps")) {
			for (const auto &item : entry.Items("steps")) {
				option.steps.push_back(ReadStepRef(item, scenario));
			}
		}
		return option;
	}

	//! A step must be in the procedure the answers are compared with: the
	//! scenario's level of that kind.
	incident::ManualStepRef ReadStepRef(const Reader &entry, const incident::ExerciseScenario &scenario) const {
		incident::ManualStepRef ref{entry.String("kind"), entry.String("step")};
		const incident::ScenarioManual *level = scenario.ManualFor(ref.kind);
		if (level == nullptr) {
			entry.Child("kind").Fail("kind '" + ref.kind + "' is not listed under 'manual'");
		}
		const incident::Procedure *procedure = manual_.FindKind(ref.kind)->ForLevel(level->level);
		const bool known = std::any_of(procedure->steps.begin(), procedure->steps.end(),
		                               [&](const auto &step) { return step.id == ref.step; });
		if (!known) {
			entry.Child("step").Fail("unknown step '" + ref.step + "' (kind '" + ref.kind + "', level " +
			                         std::to_string(level->level) + ")");
		}
		return ref;
	}

	const incident::IncidentProcedures &manual_;
	ScenarioEnglish english_;
	std::set<std::string> scene_ids_;
	std::set<std::string> decision_ids_;
};

} // namespace

Result<incident::ExerciseScenario> ParseExerciseScenario(const std::string &text, const std::string &file,
                                                         const incident::IncidentProcedures &manual,
                                                         ScenarioEnglish english) {
	try {
		const yaml::Node root = yaml::Load(text);
		if (!root.IsMap()) {
			return Error{ErrorCode::kCatalogInvalid, file, "expected a mapping (id, title, scenes, ...)"};
		}
		incident::ExerciseScenario scenario = ScenarioReader(manual, english).Read(Reader(file, root));
		scenario.yaml = text;
		return scenario;
	} catch (const CatalogProblem &problem) {
		return Error{ErrorCode::kCatalogInvalid, problem.where, problem.what};
	} catch (const yaml::Exception &error) {
		// The message names the line and column.
		return Error{ErrorCode::kCatalogInvalid, file, std::string("YAML error: ") + error.what()};
	}
}

std::vector<std::string> ExerciseScenarioFileNames(const ContentFiles &files) {
	std::vector<std::string> names;
	for (const auto &[name, text] : files) {
		const bool yaml = name.size() > 5 && name.compare(name.size() - 5, 5, ".yaml") == 0;
		if (name.rfind(kScenarioDir, 0) == 0 && yaml) {
			names.push_back(name);
		}
	}
	return names;  // a std::map's keys: already in name order
}

Result<std::vector<incident::ExerciseScenario>> ParseExerciseScenarios(const ContentFiles &files,
                                                                       const incident::IncidentProcedures &manual) {
	std::vector<incident::ExerciseScenario> scenarios;
	for (const auto &name : ExerciseScenarioFileNames(files)) {
		auto scenario = MAMORI_TRY(ParseExerciseScenario(files.at(name), name, manual, ScenarioEnglish::kRequired));
		for (const auto &other : scenarios) {
			if (other.id == scenario.id) {
				return Error{ErrorCode::kCatalogInvalid, name + ": id", "duplicate scenario '" + scenario.id + "'"};
			}
		}
		scenarios.push_back(std::move(scenario));
	}
	return scenarios;
}

} // namespace mamori
