// mamori/app/handover.cpp
#include "app/handover.hpp"

#include "app/accounts.hpp"
#include "app/audit.hpp"
#include "app/round_scores.hpp"
#include "codec/organization_data_codec.hpp"
#include "storage/org_revision.hpp"

#include <algorithm>

namespace mamori::app {
namespace {

constexpr const char *kInstallationSetting = "installation_id";

//! Where an imported organisation came from, kept so that its own package
//! can name the copy it started from (transfer::OrganizationData::based_on).
std::string BasedOnSetting(Id org_id) { return "handover_based_on." + std::to_string(org_id); }

std::string EncodeOrigin(const transfer::CopyOrigin &origin) {
	return nlohmann::json{{"installation", origin.installation},
	                      {"organization", origin.organization},
	                      {"revision", origin.revision}}
	    .dump();
}

std::optional<transfer::CopyOrigin> DecodeOrigin(const std::string &text) {
	const nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
	if (!value.is_object() || !value.contains("installation") || !value["installation"].is_string() ||
	    !value.contains("organization") || !value["organization"].is_number_integer() ||
	    !value.contains("revision") || !value["revision"].is_number_integer()) {
		return std::nullopt;
	}
	return transfer::CopyOrigin{value["installation"].get<std::string>(), value["organization"].get<std::int64_t>(),
	                            value["revision"].get<std::int64_t>()};
}

//! Every person a package names must have an address an invitation can reach.
Status CheckPeople(const transfer::OrganizationData &data) {
	const transfer::TableRows *people = data.Find("users");
	if (people == nullptr) {
		return OkStatus();
	}
	for (size_t c = 0; c < people->columns.size(); ++c) {
		if (people->columns[c] != "email") {
			continue;
		}
		for (size_t r = 0; r < people->rows.size(); ++r) {
			const std::string field = "tables.users.rows[" + std::to_string(r) + "].email";
			MAMORI_TRY(ValidateEmail(people->rows[r][c].value_or(""), field));
		}
	}
	return OkStatus();
}

Result<transfer::OrganizationData> Decode(const std::string &json) {
	transfer::OrganizationData data = MAMORI_TRY(codec::DecodeOrganizationData(json));
	MAMORI_TRY(CheckPeople(data));
	return data;
}

Result<int> CountUsers(AppContext &ctx) { return ctx.store.CountUsers(); }

//! The rounds' kept scores are made here from the package's answers, whatever it carried.
Status KeepImportedScores(AppContext &ctx, Id org_id) {
	const std::optional<storage::Organization> org = MAMORI_TRY(ctx.store.FindOrganization(org_id));
	return org ? KeepRoundScores(ctx, *org) : OkStatus();
}

nlohmann::json ImportDetail(const transfer::OrganizationData &data, int people_created) {
	return {{"from_installation", data.origin.installation},
	        {"from_organization", data.origin.organization},
	        {"from_revision", data.origin.revision},
	        {"schema_version", data.schema_version},
	        {"exported_at", data.exported_at},
	        {"people_created", people_created}};
}

} // namespace

Result<std::string> InstallationId(AppContext &ctx) {
	if (auto stored = MAMORI_TRY(ctx.store.GetSetting(kInstallationSetting)); stored && !stored->empty()) {
		return *stored;
	}
	MAMORI_TRY(ctx.store.PutSetting(kInstallationSetting, ctx.random.Token(16)));
	auto stored = MAMORI_TRY(ctx.store.GetSetting(kInstallationSetting));
	if (!stored || stored->empty()) {
		return Error::Make(ErrorCode::kStorage, "the installation id could not be kept");
	}
	return *stored;
}

Result<HandoverData> ExportHandover(AppContext &ctx, const Actor &actor, const OrgAccess &access) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	const Id org_id = access.org.id;
	const std::string installation = MAMORI_TRY(InstallationId(ctx));
	HandoverData handover;
	transfer::OrganizationData data;
	MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(Audit(ctx, org_id, actor.user_id, "org.handover_export", "org:" + std::to_string(org_id),
		                 {{"installation", installation}}));
		data = MAMORI_TRY(ctx.store.ReadOrganizationData(org_id));
		// Read after the entry above, inside the transaction that commits it, so
		// the revision is the one a copy brought back must still find.
		data.origin = {installation, org_id, MAMORI_TRY(storage::OrgRevision(ctx.store, org_id))};
		if (auto based_on = MAMORI_TRY(ctx.store.GetSetting(BasedOnSetting(org_id)))) {
			data.based_on = DecodeOrigin(*based_on);
		}
		data.exported_at = ctx.clock.NowIso();
		handover.audit = MAMORI_TRY(ctx.store.ListAudit(org_id, -1, 0));
		return OkStatus();
	}));
	std::reverse(handover.audit.begin(), handover.audit.end());
	handover.json = codec::EncodeOrganizationData(data);
	return handover;
}

Result<HandoverImport> ImportHandover(AppContext &ctx, const Actor &actor, const std::string &json) {
	const transfer::OrganizationData data = MAMORI_TRY(Decode(json));
	HandoverImport result;
	MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
		const int users_before = MAMORI_TRY(CountUsers(ctx));
		result.org_id = MAMORI_TRY(ctx.store.WriteOrganizationData(data, std::nullopt));
		result.people_created = MAMORI_TRY(CountUsers(ctx)) - users_before;
		// The importer runs the copy: 組織管理者, whatever role the package gave them.
		storage::Membership membership;
		membership.org_id = result.org_id;
		membership.user_id = actor.user_id;
		membership.role = storage::Role::kAdmin;
		if (auto existing = MAMORI_TRY(ctx.store.FindMembership(result.org_id, actor.user_id))) {
			membership.department_id = existing->department_id;
			MAMORI_TRY(ctx.store.UpdateMembership(membership));
		} else {
			MAMORI_TRY(ctx.store.AddMembership(membership));
		}
		MAMORI_TRY(ctx.store.PutSetting(BasedOnSetting(result.org_id), EncodeOrigin(data.origin)));
		MAMORI_TRY(KeepImportedScores(ctx, result.org_id));
		return Audit(ctx, result.org_id, actor.user_id, "org.handover_import", "org:" + std::to_string(result.org_id),
		             ImportDetail(data, result.people_created));
	}));
	return result;
}

Result<HandoverImport> ReplaceFromHandover(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                           const std::string &json) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	const transfer::OrganizationData data = MAMORI_TRY(Decode(json));
	const std::string installation = MAMORI_TRY(InstallationId(ctx));
	const Id org_id = access.org.id;
	// The copy must come from this organisation here: taken from it directly,
	// or imported elsewhere from a package of it.
	const transfer::CopyOrigin &start = data.based_on ? *data.based_on : data.origin;
	if (start.installation != installation || start.organization != org_id) {
		return Error::Invalid("file", "errors.transfer.other_source");
	}
	HandoverImport result;
	result.replaced = true;
	MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
		// Under the writers' lock: nothing can change the organisation between
		// this check and the replacement.
		const std::int64_t revision = MAMORI_TRY(storage::OrgRevision(ctx.store, org_id));
		if (revision != start.revision) {
			return Error::Make(ErrorCode::kConflict, "errors.transfer.changed_since",
			                   {{"taken", std::to_string(start.revision)}, {"now", std::to_string(revision)}});
		}
		const int users_before = MAMORI_TRY(CountUsers(ctx));
		result.org_id = MAMORI_TRY(ctx.store.WriteOrganizationData(data, org_id));
		result.people_created = MAMORI_TRY(CountUsers(ctx)) - users_before;
		MAMORI_TRY(KeepImportedScores(ctx, org_id));
		return Audit(ctx, org_id, actor.user_id, "org.handover_replace", "org:" + std::to_string(org_id),
		             ImportDetail(data, result.people_created));
	}));
	return result;
}

} // namespace mamori::app
