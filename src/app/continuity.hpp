// mamori/app/continuity.hpp
//
// 事業継続 (IT-BCP, Tokyo handbook Mission 4 §4-7; issue 9): the firm's IT
// systems, each with the business it supports, its restoration priority
// (1 = restored first), the target time to restore, the resources it needs
// and the work-around while it is down. The register feeds the
// /orgs/ORG/continuity page and the 事業継続 section of the もしもマニュアル.
//
// Editors only; every change is audited in the same transaction.
#pragma once

#include "app/app_context.hpp"
#include "app/organizations.hpp"

#include <vector>

namespace mamori::app {

//! The highest priority number a system may have: more systems than this
//! would not be a small firm's plan, and a typo like 1000 is caught.
inline constexpr int kMaxContinuityPriority = 99;

//! Checks a system as entered: name required, priority 1..99, lengths in
//! bytes of UTF-8. Errors name the field.
Status ValidateContinuitySystem(const storage::ContinuitySystem &system);

//! In restoration order: priority, then name.
Result<std::vector<storage::ContinuitySystem>> ListContinuitySystems(AppContext &ctx, const OrgAccess &access);
//! kNotFound unless it is the organisation's.
Result<storage::ContinuitySystem> GetContinuitySystem(AppContext &ctx, const OrgAccess &access, Id system_id);
Result<Id> CreateContinuitySystem(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                  storage::ContinuitySystem system);
Status UpdateContinuitySystem(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                              storage::ContinuitySystem system);
Status DeleteContinuitySystem(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id system_id);

} // namespace mamori::app
