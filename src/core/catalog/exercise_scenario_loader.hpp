// mamori/core/catalog/exercise_scenario_loader.hpp
//
// Reads tabletop-exercise scenarios (core/incident/exercise_scenario.hpp)
// from YAML text: the built-in ones under content/incident/exercises/ at
// start-up, and a firm's own when it saves one. No I/O: the caller hands over
// the text. Every step an option names is checked against the manual
// (IncidentProcedures), so a scenario never points at a step that does not
// exist; each error names the file and the entry ("scenes[5].decision.options[1]").
#pragma once

#include "core/catalog/catalog_loader.hpp"
#include "core/common/result.hpp"
#include "core/incident/exercise_scenario.hpp"
#include "core/incident/incident_rules.hpp"

#include <string>
#include <vector>

namespace mamori {

//! Whether every text must carry its English (`en:`) overlay: the built-in
//! scenarios must; a firm's own may be Japanese only (English then shows it).
enum class ScenarioEnglish { kRequired, kOptional };

//! The scenario in `text`. `file` names it in errors. A broken scenario is
//! kCatalogInvalid with field "<file>: <entry>" and the problem as message.
Result<incident::ExerciseScenario> ParseExerciseScenario(const std::string &text, const std::string &file,
                                                         const incident::IncidentProcedures &manual,
                                                         ScenarioEnglish english);

//! The built-in scenario files, relative to content/, in name order.
std::vector<std::string> ExerciseScenarioFileNames(const ContentFiles &files);

//! Every built-in scenario, English required; ids must be unique across files.
Result<std::vector<incident::ExerciseScenario>> ParseExerciseScenarios(const ContentFiles &files,
                                                                       const incident::IncidentProcedures &manual);

} // namespace mamori
