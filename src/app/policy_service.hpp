// mamori/app/policy_service.hpp
//
// The 情報セキュリティ基本方針: drafting, publishing and revising.
// Publishing freezes a version; editing a published policy starts the next
// version as a draft, so the published text stays what was published.
#pragma once

#include "app/organizations.hpp"
#include "core/policy/basic_policy.hpp"

#include <optional>
#include <vector>

namespace mamori::app {

//! The input a new draft starts from: the organisation's name, the
//! template's default scope and default clauses.
PolicyInput DefaultPolicyInput(const Edition &edition, const storage::Organization &org);

//! Saves the draft (creating a new version when the latest is published).
Result<storage::PolicyVersion> SavePolicyDraft(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                               const PolicyInput &input);

//! Publishes the latest draft. Requires 制定日 (established_on).
Result<storage::PolicyVersion> PublishPolicy(AppContext &ctx, const Actor &actor, const OrgAccess &access);

//! The template the organisation's policy is written from, in its document language.
const PolicyTemplate &PolicyTemplateOf(const AppContext &ctx, const OrgAccess &access);

//! The version as a document in the organisation's document language
//! (clauses from that language's template, dates by `messages`).
Result<PolicyDocument> RenderPolicy(const AppContext &ctx, const MessageCatalog &messages, const OrgAccess &access,
                                    const storage::PolicyVersion &policy);

//! The latest version (draft or published) and the latest published one.
struct PolicyState {
	std::optional<storage::PolicyVersion> latest;
	std::optional<storage::PolicyVersion> published;
};
Result<PolicyState> LoadPolicyState(AppContext &ctx, const OrgAccess &access);

//! Every version, newest first.
Result<std::vector<storage::PolicyVersion>> ListPolicyVersions(AppContext &ctx, const OrgAccess &access);

//! The version a print view or PDF shows: `version` when given (kNotFound
//! when there is none), else the published one, else the draft. 回答者 only
//! ever see published versions.
Result<std::optional<storage::PolicyVersion>> ChoosePolicyVersion(AppContext &ctx, const OrgAccess &access,
                                                                  std::optional<int> version);

} // namespace mamori::app
