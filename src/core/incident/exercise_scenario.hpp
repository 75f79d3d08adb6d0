// mamori/core/incident/exercise_scenario.hpp
//
// A tabletop exercise (机上訓練, Tokyo handbook Mission 5; issue 9): an attack
// story told scene by scene, some scenes ending in a decision point
// 「さあ、あなたならどうしますか？」 with a few options. Each option names the
// steps of the もしもマニュアル (IncidentProcedures) it stands for, or none,
// so the answers can be compared with the firm's own manual. A scenario is
// data: built-in ones live in content/incident/exercises/, a firm writes its
// own in the same format. The text is held in both languages because a
// firm's scenario is read at request time in the reader's language.
#pragma once

#include "core/i18n/locale.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mamori::incident {

//! Japanese and English; English falls back to Japanese where a firm wrote none.
struct ScenarioText {
	std::string ja;
	std::string en;

	const std::string &In(Locale locale) const { return locale == Locale::kEn ? en : ja; }
};

//! A step of the manual: an IncidentKind id and one of its ProcedureStep ids.
struct ManualStepRef {
	std::string kind;
	std::string step;
};

struct ExerciseOption {
	std::string id;  // unique within its decision; the choices are stored by it
	ScenarioText label;
	std::vector<ManualStepRef> steps;  // empty: the manual does not ask for it
	ScenarioText explanation;          // shown once the choice is made
};

struct ExerciseDecision {
	std::string id;  // unique within the scenario
	ScenarioText question;
	std::vector<ExerciseOption> options;  // 2..5

	const ExerciseOption *FindOption(std::string_view option_id) const;
};

struct ExerciseScene {
	std::string id;
	ScenarioText title;
	ScenarioText story;
	std::optional<ExerciseDecision> decision;
};

//! Which procedure of the manual the answers are compared with: a kind and
//! the damage level the story reaches.
struct ScenarioManual {
	std::string kind;
	int level = 0;
};

struct ExerciseScenario {
	std::string id;
	ScenarioText title;
	ScenarioText summary;
	ScenarioText source_document;
	ScenarioText source_location;
	std::vector<ScenarioManual> manual;  // one entry per kind
	std::vector<ExerciseScene> scenes;   // in story order
	std::string yaml;                    // the text it was read from: a firm copies it

	const ExerciseDecision *FindDecision(std::string_view decision_id) const;
	const ScenarioManual *ManualFor(std::string_view kind) const;
};

} // namespace mamori::incident
