// mamori/app/partners.cpp
#include "app/partners.hpp"

#include "app/audit.hpp"
#include "app/documents/subject_documents.hpp"
#include "app/register_text.hpp"
#include "core/common/civil_date.hpp"

#include <algorithm>
#include <set>

namespace mamori::app {
namespace {

using register_text::TextRule;

// Limits follow the 機密保持条項's slots (party_b 120, outsourced_work 600),
// so what the register fills in always fits the document.
constexpr size_t kMaxName = 120;
constexpr size_t kMaxContact = 300;
constexpr size_t kMaxWork = 600;
constexpr size_t kMaxInformation = 3000;

nlohmann::json PartnerJson(const storage::OutsourcingPartner &partner) {
	return {{"name", partner.name},
	        {"contact", partner.contact},
	        {"work", partner.work},
	        {"information", partner.information},
	        {"contract_start", partner.contract_start},
	        {"contract_end", partner.contract_end},
	        {"asset_ids", partner.asset_ids}};
}

Status CheckDate(const std::string &field, const std::string &value, const char *key) {
	if (!value.empty() && !ParseIsoDate(value)) {
		return Error::Invalid(field, key);
	}
	return OkStatus();
}

//! Sorted and without repeats, so the stored links compare as sets.
std::vector<Id> Normalized(std::vector<Id> ids) {
	std::sort(ids.begin(), ids.end());
	ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
	return ids;
}

} // namespace

Status ValidatePartner(AppContext &ctx, const OrgAccess &access, const storage::OutsourcingPartner &partner) {
	const TextRule texts[] = {
	    {"name", &partner.name, kMaxName, "app_partners.partner.name_required", "app_partners.partner.name_too_long"},
	    {"contact", &partner.contact, kMaxContact, nullptr, "app_partners.partner.contact_too_long"},
	    {"work", &partner.work, kMaxWork, nullptr, "app_partners.partner.work_too_long"},
	    {"information", &partner.information, kMaxInformation, nullptr, "app_partners.partner.information_too_long"},
	};
	MAMORI_TRY(register_text::CheckTexts(texts));
	MAMORI_TRY(CheckDate("contract_start", partner.contract_start, "app_partners.partner.contract_start_invalid"));
	MAMORI_TRY(CheckDate("contract_end", partner.contract_end, "app_partners.partner.contract_end_invalid"));
	if (!partner.contract_start.empty() && !partner.contract_end.empty() && partner.contract_end < partner.contract_start) {
		return Error::Invalid("contract_end", "app_partners.partner.contract_end_before_start");
	}
	std::set<Id> known;
	for (const auto &asset : MAMORI_TRY(ctx.store.ListAssets(access.org.id))) {
		known.insert(asset.id);
	}
	for (Id id : partner.asset_ids) {
		if (known.count(id) == 0) {
			return Error::Invalid("asset_ids", "app_partners.asset_unknown", {{"id", std::to_string(id)}});
		}
	}
	return OkStatus();
}

Result<std::vector<storage::OutsourcingPartner>> ListPartners(AppContext &ctx, const OrgAccess &access) {
	return ctx.store.ListPartners(access.org.id);
}

Result<storage::OutsourcingPartner> GetPartner(AppContext &ctx, const OrgAccess &access, Id partner_id) {
	auto partner = MAMORI_TRY(ctx.store.FindPartner(access.org.id, partner_id));
	if (!partner) {
		return Error::Make(ErrorCode::kNotFound, "app_partners.partner.not_found");
	}
	return *partner;
}

Result<Id> CreatePartner(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                         storage::OutsourcingPartner partner) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	partner.org_id = access.org.id;
	partner.asset_ids = Normalized(std::move(partner.asset_ids));
	MAMORI_TRY(ValidatePartner(ctx, access, partner));
	Id id = 0;
	MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
		id = MAMORI_TRY(ctx.store.CreatePartner(partner));
		return Audit(ctx, access.org.id, actor.user_id, "partner.create", PartnerSubject(id), PartnerJson(partner));
	}));
	return id;
}

Status UpdatePartner(AppContext &ctx, const Actor &actor, const OrgAccess &access, storage::OutsourcingPartner partner) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	const auto before = MAMORI_TRY(GetPartner(ctx, access, partner.id));
	partner.org_id = access.org.id;
	partner.asset_ids = Normalized(std::move(partner.asset_ids));
	MAMORI_TRY(ValidatePartner(ctx, access, partner));
	return ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.UpdatePartner(partner));
		return Audit(ctx, access.org.id, actor.user_id, "partner.update", PartnerSubject(partner.id),
		             {{"before", PartnerJson(before)}, {"after", PartnerJson(partner)}});
	});
}

Result<int> DeletePartner(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id partner_id) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	const auto before = MAMORI_TRY(GetPartner(ctx, access, partner_id));
	int documents = 0;
	MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
		documents = MAMORI_TRY(ctx.store.DeleteSubjectDocuments(access.org.id, PartnerSubject(partner_id)));
		MAMORI_TRY(ctx.store.DeletePartner(access.org.id, partner_id));
		nlohmann::json detail = PartnerJson(before);
		detail["documents_deleted"] = documents;
		return Audit(ctx, access.org.id, actor.user_id, "partner.delete", PartnerSubject(partner_id), detail);
	}));
	return documents;
}

} // namespace mamori::app
