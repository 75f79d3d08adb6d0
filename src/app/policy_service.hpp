// mamori/app/policy_service.hpp
//
// The 情報セキュリティ基本方針: drafting, publishing and revising.
// Publishing freezes a version; editing a published policy starts the next
// version as a draft, so the published text stays what was published.
#pragma once

#include "app/organizations.hpp"
#include "core/policy/basic_policy.hpp"

#include <optional>

namespace mamori::app {

//! The input a new draft starts from: the organisation's name, the
//! template's default scope and default clauses.
PolicyInput DefaultPolicyInput(const Edition &edition, const storage::Organization &org);

//! Saves the draft (creating a new version when the latest is published).
Result<storage::PolicyVersion> SavePolicyDraft(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                               const PolicyInput &input);

//! Publishes the latest draft. Requires 制定日 (established_on).
Result<storage::PolicyVersion> PublishPolicy(AppContext &ctx, const Actor &actor, const OrgAccess &access);

Result<PolicyDocument> RenderPolicy(const AppContext &ctx, const OrgAccess &access,
                                    const storage::PolicyVersion &policy);

} // namespace mamori::app
