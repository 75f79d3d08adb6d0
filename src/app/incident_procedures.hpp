// mamori/app/incident_procedures.hpp
//
// The firm's own incident procedures. The catalog carries the handbook's
// sample steps for each kind and damage levels; a firm adapts a procedure
// to how it really works (who does what, its own words), and from then on
// the incident checklist, the もしもマニュアル, the emergency card and the
// exercises read the adapted steps. Resetting goes back to the sample.
#pragma once

#include "app/app_context.hpp"
#include "app/organizations.hpp"
#include "core/incident/incident_rules.hpp"

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace mamori::app {

//! The incident rules of `content` (a language's catalog) with the firm's
//! adapted procedures laid over them.
Result<incident::IncidentRules> FirmIncidentRules(AppContext &ctx, const OrgAccess &access, const Catalog &content);

//! The procedure of `kind` whose levels give `levels` (a LevelsKey), or null.
const incident::Procedure *FindProcedure(const incident::IncidentProcedures &procedures, const std::string &kind,
                                         const std::string &levels);

//! (kind, levels key) of every procedure the firm has adapted.
Result<std::set<std::pair<std::string, std::string>>> AdaptedProcedures(AppContext &ctx, const OrgAccess &access);

//! Most steps one procedure may have; a firm's checklist longer than this
//! no longer helps in an emergency.
inline constexpr size_t kMaxProcedureSteps = 30;

//! Saves the firm's steps for the procedure (kind, levels key) in the given
//! order. A step keeps its id (the register ticks steps by it); a new step
//! (empty id) gets a fresh one. Errors name the field: "steps" (none, or too
//! many), "title.N", "text.N", "actor.N" (N counts from 1 in the given order).
//! Editors only; audited in the same transaction.
Status SaveFirmProcedure(AppContext &ctx, const Actor &actor, const OrgAccess &access, const std::string &kind,
                         const std::string &levels, std::vector<incident::ProcedureStep> steps);

//! Back to the catalog's sample steps for (kind, levels).
Status ResetFirmProcedure(AppContext &ctx, const Actor &actor, const OrgAccess &access, const std::string &kind,
                          const std::string &levels);

} // namespace mamori::app
