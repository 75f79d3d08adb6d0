// mamori/app/policy_service.cpp
#include "app/policy_service.hpp"

#include <algorithm>

#include "app/audit.hpp"
#include "app/languages.hpp"
#include "platform/clock.hpp"

namespace mamori::app {

static nlohmann::json InputJson(const PolicyInput &input) {
	return {{"company_name", input.company_name},
	        {"scope", input.scope},
	        {"clause_ids", input.clause_ids},
	        {"established_on", input.established_on},
	        {"revised_on", input.revised_on},
	        {"representative_title", input.representative_title},
	        {"representative_name", input.representative_name},
	        {"omission_reasons", input.omission_reasons}};
}

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

Result<storage::PolicyVersion> SavePolicyDraft(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                               const PolicyInput &submitted) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "app_policy.edit_forbidden");
	}
	const Edition &edition = access.EditionOf(ctx.catalog);
	if (auto status = ValidatePolicyInput(edition.policy_template, submitted); !status) {
		return status.error();
	}
	if (auto status = CheckOmissionReasons(edition.policy_template, submitted); !status) {
		return status.error();
	}
	// Reasons typed for a clause that was ticked again are not kept.
	PolicyInput input = submitted;
	input.omission_reasons = KeptOmissionReasons(edition.policy_template, submitted);
	storage::PolicyVersion saved;
	auto status = ctx.store.InTransaction([&]() -> Status {
		auto latest = ctx.store.LatestPolicy(access.org.id);
		if (!latest) {
			return latest.error();
		}
		storage::PolicyVersion policy;
		policy.org_id = access.org.id;
		policy.input = input;
		policy.status = storage::PolicyStatus::kDraft;
		policy.updated_at = ctx.clock.NowIso();
		if (latest->has_value() && (*latest)->status == storage::PolicyStatus::kDraft) {
			policy.id = (*latest)->id;
			policy.version = (*latest)->version;
			if (auto updated = ctx.store.UpdatePolicyVersion(policy); !updated) {
				return updated;
			}
		} else {
			auto id = ctx.store.CreatePolicyVersion(policy);
			if (!id) {
				return id.error();
			}
			auto created = ctx.store.LatestPolicy(access.org.id);
			if (!created) {
				return created.error();
			}
			policy = created->value();
			(void)id;
		}
		saved = policy;
		return Audit(ctx, access.org.id, actor.user_id, "policy.save_draft", "policy:v" + std::to_string(policy.version),
		             InputJson(input));
	});
	if (!status) {
		return status.error();
	}
	return saved;
}

Result<storage::PolicyVersion> PublishPolicy(AppContext &ctx, const Actor &actor, const OrgAccess &access) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "app_policy.publish_forbidden");
	}
	storage::PolicyVersion published;
	auto status = ctx.store.InTransaction([&]() -> Status {
		auto latest = ctx.store.LatestPolicy(access.org.id);
		if (!latest) {
			return latest.error();
		}
		if (!latest->has_value()) {
			return Error::Invalid("policy", "app_policy.nothing_to_publish");
		}
		storage::PolicyVersion policy = **latest;
		if (policy.status == storage::PolicyStatus::kPublished) {
			return Error{ErrorCode::kConflict, "policy", "app_policy.already_published"};
		}
		if (policy.input.established_on.empty()) {
			return Error::Invalid("established_on", "app_policy.established_on_required");
		}
		const Edition &edition = access.EditionOf(ctx.catalog);
		if (auto valid = ValidatePolicyInput(edition.policy_template, policy.input); !valid) {
			return valid;
		}
		// A draft saved before reasons were asked for must get them before it is published.
		if (auto reasons = CheckOmissionReasons(edition.policy_template, policy.input); !reasons) {
			return reasons;
		}
		policy.status = storage::PolicyStatus::kPublished;
		policy.published_at = ctx.clock.NowIso();
		policy.updated_at = policy.published_at;
		if (auto updated = ctx.store.UpdatePolicyVersion(policy); !updated) {
			return updated;
		}
		published = policy;
		return Audit(ctx, access.org.id, actor.user_id, "policy.publish", "policy:v" + std::to_string(policy.version),
		             {{"established_on", policy.input.established_on}, {"revised_on", policy.input.revised_on}});
	});
	if (!status) {
		return status.error();
	}
	return published;
}

const PolicyTemplate &PolicyTemplateOf(const AppContext &ctx, const OrgAccess &access) {
	return access.EditionOf(DocumentContentOf(ctx, access.org)).policy_template;
}

Result<PolicyDocument> RenderPolicy(const AppContext &ctx, const MessageCatalog &messages, const OrgAccess &access,
                                    const storage::PolicyVersion &policy) {
	return BuildPolicyDocument(messages, DocumentLocaleOf(access.org), PolicyTemplateOf(ctx, access), policy.input,
	                           policy.version);
}

Result<PolicyState> LoadPolicyState(AppContext &ctx, const OrgAccess &access) {
	auto latest = ctx.store.LatestPolicy(access.org.id);
	if (!latest) {
		return latest.error();
	}
	auto published = ctx.store.LatestPublishedPolicy(access.org.id);
	if (!published) {
		return published.error();
	}
	return PolicyState{*latest, *published};
}

Result<std::vector<storage::PolicyVersion>> ListPolicyVersions(AppContext &ctx, const OrgAccess &access) {
	auto versions = ctx.store.ListPolicyVersions(access.org.id);
	if (!versions) {
		return versions.error();
	}
	std::sort(versions->begin(), versions->end(), [](const auto &a, const auto &b) { return a.version > b.version; });
	return versions;
}

Result<std::optional<storage::PolicyVersion>> ChoosePolicyVersion(AppContext &ctx, const OrgAccess &access,
                                                                  std::optional<int> version) {
	const bool published_only = access.IsRespondent();
	if (version) {
		auto versions = ctx.store.ListPolicyVersions(access.org.id);
		if (!versions) {
			return versions.error();
		}
		for (const auto &candidate : *versions) {
			if (candidate.version == *version && (!published_only || candidate.status == storage::PolicyStatus::kPublished)) {
				return std::optional<storage::PolicyVersion>(candidate);
			}
		}
		return Error::Make(ErrorCode::kNotFound, "app_policy.version_not_found");
	}
	auto published = ctx.store.LatestPublishedPolicy(access.org.id);
	if (!published || published->has_value() || published_only) {
		return published;
	}
	return ctx.store.LatestPolicy(access.org.id);
}

} // namespace mamori::app
