// mamori/app/exercise_scenarios.hpp
//
// The scenarios of tabletop exercises (机上訓練, issue 9): the built-in ones
// from content/incident/exercises/ and the firm's own, copied from a built-in
// one and edited as YAML. Every firm scenario is checked by the same core
// loader as the built-in ones; an invalid text is refused naming the entry
// and nothing is saved. Editors only; every change is audited.
#pragma once

#include "app/app_context.hpp"
#include "app/organizations.hpp"
#include "core/incident/exercise_scenario.hpp"

#include <string>
#include <vector>

namespace mamori::app {

//! The procedures an exercise is compared with and a firm's scenario is
//! checked against: the firm's adapted procedures (app/incident_procedures)
//! over the catalog's manual in `locale`.
Result<incident::IncidentRules> ExerciseManual(AppContext &ctx, const OrgAccess &access, Locale locale);

//! A scenario an exercise can be run with: `key` is "builtin:<id>" or "firm:<id>".
struct ScenarioChoice {
	std::string key;
	std::string title;
	bool firm = false;
	Id firm_id = 0;
	std::string based_on;  // firm: the built-in scenario it was copied from
};

//! The built-in scenarios first, then the firm's own.
Result<std::vector<ScenarioChoice>> ListScenarios(AppContext &ctx, const OrgAccess &access, Locale locale);

const incident::ExerciseScenario *FindBuiltinScenario(AppContext &ctx, const std::string &id);

//! A firm's scenario text parsed; Error::Invalid("yaml", ...) naming the entry.
Result<incident::ExerciseScenario> ParseFirmScenario(AppContext &ctx, const OrgAccess &access,
                                                     const std::string &yaml);

Result<storage::FirmScenario> GetFirmScenario(AppContext &ctx, const OrgAccess &access, Id scenario_id);
//! A firm scenario starting as a copy of the built-in one.
Result<Id> CopyBuiltinScenario(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                               const std::string &builtin_id);
Status SaveFirmScenario(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id scenario_id,
                        const std::string &yaml);

} // namespace mamori::app
