// mamori/app/policy_service.cpp
#include "app/policy_service.hpp"

#include "app/audit.hpp"
#include "app/documents/document_builders.hpp"
#include "app/documents/document_editing.hpp"
#include "app/languages.hpp"
#include "codec/policy_codec.hpp"

#include <algorithm>
#include <map>

namespace mamori::app {

PolicyInput DefaultPolicyInput(const Edition &edition, const storage::Organization &org) {
	PolicyInput input;
	const PolicyTemplate &tmpl = edition.policy_template;
	input.company_name = org.name;
	// Without offered choices the scope starts empty and the form asks for it.
	input.scope = tmpl.scope_options.empty() ? std::string() : tmpl.scope_options.front();
	for (const auto &clause : tmpl.clauses) {
		if (clause.default_selected || clause.required) {
			input.clause_ids.push_back(clause.id);
		}
	}
	input.representative_title = tmpl.representative_title;
	return input;
}

namespace {

//! The policy's document row and its versions (oldest first), read from
//! the document's revisions: each version is the last revision carrying
//! its number.
struct StoredPolicy {
	std::optional<storage::StoredDocument> document;
	std::vector<PolicyVersion> versions;
};

Result<StoredPolicy> LoadStoredPolicy(AppContext &ctx, const OrgAccess &access) {
	StoredPolicy stored;
	stored.document = MAMORI_TRY(ctx.store.FindDocument(access.org.id, kPolicyTemplateId, ""));
	if (!stored.document) {
		return stored;
	}
	std::map<int, PolicyVersion> by_number;
	for (const auto &revision : MAMORI_TRY(ctx.store.ListDocumentRevisions(access.org.id, stored.document->id))) {
		codec::PolicyValues values = MAMORI_TRY(codec::PolicyValuesFromJson(revision.values_json));
		const bool published = revision.state == storage::DocumentState::kPublished;
		by_number[values.version] = PolicyVersion{values.version,
		                                          std::move(values.input),
		                                          published ? PolicyStatus::kPublished : PolicyStatus::kDraft,
		                                          published ? revision.changed_at : std::string(),
		                                          revision.changed_at,
		                                          revision.revision};
	}
	for (auto &[number, version] : by_number) {
		stored.versions.push_back(std::move(version));
	}
	return stored;
}

PolicyState StateOf(const StoredPolicy &stored) {
	PolicyState state;
	for (const auto &version : stored.versions) {
		state.latest = version;
		if (version.status == PolicyStatus::kPublished) {
			state.published = version;
		}
	}
	return state;
}

//! The date the documents list shows as 改訂日: the last revision's date, or
//! the establishment's while there was none.
std::string RevisedOn(const PolicyInput &input) {
	return input.revised_on.empty() ? input.established_on : input.revised_on;
}

//! The document row holding `version` as its latest values.
Result<storage::StoredDocument> NextDocument(const StoredPolicy &stored, const OrgAccess &access, const Actor &actor,
                                             const codec::PolicyValues &values, storage::DocumentState state) {
	storage::StoredDocument next = stored.document.value_or(storage::StoredDocument{});
	next.org_id = access.org.id;
	next.template_id = kPolicyTemplateId;
	next.subject.clear();
	next.state = state;
	next.values_json = MAMORI_TRY(codec::PolicyValuesToJson(values));
	next.scope = values.input.scope;
	next.revised_on = RevisedOn(values.input);
	next.updated_by = actor.user_id;
	return next;
}

} // namespace

Result<PolicyVersion> SavePolicyDraft(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                      const PolicyInput &submitted, std::optional<int> expected_revision) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "app_policy.edit_forbidden");
	}
	const Edition &edition = access.EditionOf(ctx.catalog);
	MAMORI_TRY(ValidatePolicyInput(edition.policy_template, submitted));
	MAMORI_TRY(CheckOmissionReasons(edition.policy_template, submitted));
	// Reasons typed for a clause that was ticked again are not kept.
	PolicyInput input = submitted;
	input.omission_reasons = KeptOmissionReasons(edition.policy_template, submitted);
	PolicyVersion saved;
	MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
		const StoredPolicy stored = MAMORI_TRY(LoadStoredPolicy(ctx, access));
		// A draft is saved over; a published version stays as it was
		// published and the edit becomes the next version.
		int version = 1;
		if (!stored.versions.empty()) {
			const PolicyVersion &latest = stored.versions.back();
			version = latest.status == PolicyStatus::kDraft ? latest.version : latest.version + 1;
		}
		storage::StoredDocument next = MAMORI_TRY(
		    NextDocument(stored, access, actor, codec::PolicyValues{version, input}, storage::DocumentState::kDraft));
		if (expected_revision) {
			next.revision = *expected_revision;
		}
		const storage::StoredDocument document = MAMORI_TRY(ctx.store.SaveDocument(next, "save"));
		saved = PolicyVersion{version, input, PolicyStatus::kDraft, "", document.updated_at, document.revision};
		return Audit(ctx, access.org.id, actor.user_id, "policy.save_draft", "policy:v" + std::to_string(version),
		             codec::PolicyInputJson(input));
	}));
	return saved;
}

Result<PolicyVersion> PublishPolicy(AppContext &ctx, const Actor &actor, const OrgAccess &access) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "app_policy.publish_forbidden");
	}
	PolicyVersion published;
	MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
		const StoredPolicy stored = MAMORI_TRY(LoadStoredPolicy(ctx, access));
		if (stored.versions.empty()) {
			return Error::Invalid("policy", "app_policy.nothing_to_publish");
		}
		PolicyVersion policy = stored.versions.back();
		if (policy.status == PolicyStatus::kPublished) {
			return Error{ErrorCode::kConflict, "policy", "app_policy.already_published"};
		}
		if (policy.input.established_on.empty()) {
			return Error::Invalid("established_on", "app_policy.established_on_required");
		}
		const Edition &edition = access.EditionOf(ctx.catalog);
		MAMORI_TRY(ValidatePolicyInput(edition.policy_template, policy.input));
		// A draft saved before reasons were asked for must get them before it is published.
		MAMORI_TRY(CheckOmissionReasons(edition.policy_template, policy.input));
		const storage::StoredDocument next =
		    MAMORI_TRY(NextDocument(stored, access, actor, codec::PolicyValues{policy.version, policy.input},
		                            storage::DocumentState::kPublished));
		const storage::StoredDocument document = MAMORI_TRY(ctx.store.SaveDocument(next, "publish"));
		policy.status = PolicyStatus::kPublished;
		policy.published_at = document.updated_at;
		policy.updated_at = document.updated_at;
		policy.revision = document.revision;
		published = policy;
		return Audit(ctx, access.org.id, actor.user_id, "policy.publish", "policy:v" + std::to_string(policy.version),
		             {{"established_on", policy.input.established_on}, {"revised_on", policy.input.revised_on}});
	}));
	return published;
}

const PolicyTemplate &PolicyTemplateOf(const AppContext &ctx, const OrgAccess &access) {
	return access.EditionOf(DocumentContentOf(ctx, access.org)).policy_template;
}

Result<PolicyDocument> RenderPolicy(const AppContext &ctx, const MessageCatalog &messages, const OrgAccess &access,
                                    const PolicyVersion &policy) {
	return BuildPolicyDocument(messages, DocumentLocaleOf(access.org), PolicyTemplateOf(ctx, access), policy.input,
	                           policy.version);
}

Result<document::RenderedDocument> RenderPolicyDocument(const AppContext &ctx, const MessageCatalog &messages,
                                                        const OrgAccess &access, const PolicyVersion &policy) {
	return BuildPolicyVersionDocument(DocumentWordsOf(messages, access), access, PolicyTemplateOf(ctx, access),
	                                  policy.input, policy.version,
	                                  policy.status == PolicyStatus::kPublished ? DocumentState::kPublished
	                                                                            : DocumentState::kDraft);
}

Result<PolicyState> LoadPolicyState(AppContext &ctx, const OrgAccess &access) {
	return StateOf(MAMORI_TRY(LoadStoredPolicy(ctx, access)));
}

Result<std::vector<PolicyVersion>> ListPolicyVersions(AppContext &ctx, const OrgAccess &access) {
	StoredPolicy stored = MAMORI_TRY(LoadStoredPolicy(ctx, access));
	std::reverse(stored.versions.begin(), stored.versions.end());
	return stored.versions;
}

Result<std::optional<PolicyVersion>> ChoosePolicyVersion(AppContext &ctx, const OrgAccess &access,
                                                         std::optional<int> version) {
	const bool published_only = access.IsRespondent();
	const StoredPolicy stored = MAMORI_TRY(LoadStoredPolicy(ctx, access));
	if (version) {
		for (const auto &candidate : stored.versions) {
			if (candidate.version == *version && (!published_only || candidate.status == PolicyStatus::kPublished)) {
				return std::optional<PolicyVersion>(candidate);
			}
		}
		return Error::Make(ErrorCode::kNotFound, "app_policy.version_not_found");
	}
	const PolicyState state = StateOf(stored);
	if (state.published || published_only) {
		return state.published;
	}
	return state.latest;
}

Result<std::optional<storage::StoredDocument>> PolicyDocumentRecord(AppContext &ctx, const OrgAccess &access) {
	return ctx.store.FindDocument(access.org.id, kPolicyTemplateId, "");
}

Result<std::vector<PolicyRevision>> PolicyHistory(AppContext &ctx, const OrgAccess &access) {
	std::vector<PolicyRevision> history;
	const auto record = MAMORI_TRY(PolicyDocumentRecord(ctx, access));
	if (!record) {
		return history;
	}
	for (auto &revision : MAMORI_TRY(DocumentHistory(ctx, access, *record))) {
		const codec::PolicyValues values = MAMORI_TRY(codec::PolicyValuesFromJson(revision.values_json));
		const bool published = revision.state == storage::DocumentState::kPublished;
		history.push_back({std::move(revision), values.version, published});
	}
	return history;
}

} // namespace mamori::app
