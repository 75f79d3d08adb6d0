// mamori/app/policy_service.hpp
//
// The 情報セキュリティ基本方針: drafting, publishing and revising.
// Publishing freezes a version; editing a published policy starts the next
// version as a draft, so the published text stays what was published.
//
// Stored as one document of the document model (template 'basic_policy',
// storage/document_store, migration 0010): every save and publication
// appends a document revision whose values carry the version number (第N版)
// with the policy's input. A version is the last revision with its number;
// it is published when that revision's state is 'published'.
#pragma once

#include "app/organizations.hpp"
#include "core/document/rendered_document.hpp"
#include "core/policy/basic_policy.hpp"

#include <optional>
#include <vector>

namespace mamori::app {

//! The document row's template id (and `document render --kind`).
inline constexpr const char *kPolicyTemplateId = "basic_policy";

enum class PolicyStatus { kDraft, kPublished };

//! One version (第N版) of the policy.
struct PolicyVersion {
	int version = 1;
	PolicyInput input;
	PolicyStatus status = PolicyStatus::kDraft;
	std::string published_at;  // when it was published; "" for a draft
	std::string updated_at;    // when it was last saved or published
	int revision = 0;          // the document revision that holds it
};

//! The input a new draft starts from: the organisation's name, the
//! template's default scope and default clauses.
PolicyInput DefaultPolicyInput(const Edition &edition, const storage::Organization &org);

//! Saves the draft (creating a new version when the latest is published).
//! `expected_revision`: the document revision the editor was opened at; a
//! save over a newer one is refused (kConflict). nullopt: no such check.
Result<PolicyVersion> SavePolicyDraft(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                      const PolicyInput &input, std::optional<int> expected_revision = std::nullopt);

//! Publishes the latest draft. Requires 制定日 (established_on).
Result<PolicyVersion> PublishPolicy(AppContext &ctx, const Actor &actor, const OrgAccess &access);

//! The template the organisation's policy is written from, in its document language.
const PolicyTemplate &PolicyTemplateOf(const AppContext &ctx, const OrgAccess &access);

//! The version as a document in the organisation's document language
//! (clauses from that language's template, dates by `messages`).
Result<PolicyDocument> RenderPolicy(const AppContext &ctx, const MessageCatalog &messages, const OrgAccess &access,
                                    const PolicyVersion &policy);

//! The version as a RenderedDocument for the generic renderers
//! (export/document_pdf|docx|html), in the organisation's document language.
Result<document::RenderedDocument> RenderPolicyDocument(const AppContext &ctx, const MessageCatalog &messages,
                                                        const OrgAccess &access, const PolicyVersion &policy);

//! The latest version (draft or published) and the latest published one.
struct PolicyState {
	std::optional<PolicyVersion> latest;
	std::optional<PolicyVersion> published;
};
Result<PolicyState> LoadPolicyState(AppContext &ctx, const OrgAccess &access);

//! Every version, newest first.
Result<std::vector<PolicyVersion>> ListPolicyVersions(AppContext &ctx, const OrgAccess &access);

//! The version a print view or PDF shows: `version` when given (kNotFound
//! when there is none), else the published one, else the draft. 回答者 only
//! ever see published versions.
Result<std::optional<PolicyVersion>> ChoosePolicyVersion(AppContext &ctx, const OrgAccess &access,
                                                         std::optional<int> version);

//! The policy's document row, for the document model's own views
//! (DocumentHistory); nullopt until the first save.
Result<std::optional<storage::StoredDocument>> PolicyDocumentRecord(AppContext &ctx, const OrgAccess &access);

//! A revision of the policy's document and the version (第N版) it holds.
struct PolicyRevision {
	storage::DocumentRevision revision;
	int version = 1;
	bool published = false;  // this revision published the version
};
//! The policy's DocumentHistory, oldest first; empty until the first save.
Result<std::vector<PolicyRevision>> PolicyHistory(AppContext &ctx, const OrgAccess &access);

} // namespace mamori::app
