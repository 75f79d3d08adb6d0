// mamori/app/cloud_services.cpp
#include "app/cloud_services.hpp"

#include "app/audit.hpp"
#include "app/documents/subject_documents.hpp"
#include "app/register_text.hpp"

#include <algorithm>
#include <map>

namespace mamori::app {
namespace {

using register_text::TextRule;

// Limits follow the checklist's slots (service_name and provider 120,
// business_use 400), so what the register fills in always fits.
constexpr size_t kMaxName = 120;
constexpr size_t kMaxProvider = 120;
constexpr size_t kMaxPurpose = 400;
constexpr size_t kMaxAdministrator = 100;
constexpr size_t kMaxNote = 1000;

nlohmann::json ServiceJson(const storage::CloudService &service) {
	return {{"name", service.name},
	        {"provider", service.provider},
	        {"purpose", service.purpose},
	        {"administrator", service.administrator},
	        {"note", service.note},
	        {"asset_ids", service.asset_ids}};
}

std::vector<Id> Normalized(std::vector<Id> ids) {
	std::sort(ids.begin(), ids.end());
	ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
	return ids;
}

} // namespace

Status ValidateCloudService(AppContext &ctx, const OrgAccess &access, const storage::CloudService &service) {
	const TextRule texts[] = {
	    {"name", &service.name, kMaxName, "app_partners.service.name_required", "app_partners.service.name_too_long"},
	    {"provider", &service.provider, kMaxProvider, nullptr, "app_partners.service.provider_too_long"},
	    {"purpose", &service.purpose, kMaxPurpose, nullptr, "app_partners.service.purpose_too_long"},
	    {"administrator", &service.administrator, kMaxAdministrator, nullptr,
	     "app_partners.service.administrator_too_long"},
	    {"note", &service.note, kMaxNote, nullptr, "app_partners.service.note_too_long"},
	};
	MAMORI_TRY(register_text::CheckTexts(texts));
	std::map<Id, storage::Asset> register_assets;
	for (auto &asset : MAMORI_TRY(ctx.store.ListAssets(access.org.id))) {
		register_assets.emplace(asset.id, std::move(asset));
	}
	for (Id id : service.asset_ids) {
		auto found = register_assets.find(id);
		if (found == register_assets.end()) {
			return Error::Invalid("asset_ids", "app_partners.asset_unknown", {{"id", std::to_string(id)}});
		}
		if (found->second.medium != kCloudMedium) {
			return Error::Invalid("asset_ids", "app_partners.service.asset_not_cloud", {{"name", found->second.name}});
		}
	}
	return OkStatus();
}

Result<std::vector<storage::CloudService>> ListCloudServices(AppContext &ctx, const OrgAccess &access) {
	return ctx.store.ListCloudServices(access.org.id);
}

Result<storage::CloudService> GetCloudService(AppContext &ctx, const OrgAccess &access, Id service_id) {
	auto service = MAMORI_TRY(ctx.store.FindCloudService(access.org.id, service_id));
	if (!service) {
		return Error::Make(ErrorCode::kNotFound, "app_partners.service.not_found");
	}
	return *service;
}

Result<Id> CreateCloudService(AppContext &ctx, const Actor &actor, const OrgAccess &access, storage::CloudService service) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	service.org_id = access.org.id;
	service.asset_ids = Normalized(std::move(service.asset_ids));
	MAMORI_TRY(ValidateCloudService(ctx, access, service));
	Id id = 0;
	MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
		id = MAMORI_TRY(ctx.store.CreateCloudService(service));
		return Audit(ctx, access.org.id, actor.user_id, "cloud_service.create", ServiceSubject(id), ServiceJson(service));
	}));
	return id;
}

Status UpdateCloudService(AppContext &ctx, const Actor &actor, const OrgAccess &access, storage::CloudService service) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	const auto before = MAMORI_TRY(GetCloudService(ctx, access, service.id));
	service.org_id = access.org.id;
	service.asset_ids = Normalized(std::move(service.asset_ids));
	MAMORI_TRY(ValidateCloudService(ctx, access, service));
	return ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.UpdateCloudService(service));
		return Audit(ctx, access.org.id, actor.user_id, "cloud_service.update", ServiceSubject(service.id),
		             {{"before", ServiceJson(before)}, {"after", ServiceJson(service)}});
	});
}

Result<int> DeleteCloudService(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id service_id) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	const auto before = MAMORI_TRY(GetCloudService(ctx, access, service_id));
	int documents = 0;
	MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
		documents = MAMORI_TRY(ctx.store.DeleteSubjectDocuments(access.org.id, ServiceSubject(service_id)));
		MAMORI_TRY(ctx.store.DeleteCloudService(access.org.id, service_id));
		nlohmann::json detail = ServiceJson(before);
		detail["documents_deleted"] = documents;
		return Audit(ctx, access.org.id, actor.user_id, "cloud_service.delete", ServiceSubject(service_id), detail);
	}));
	return documents;
}

Result<std::vector<storage::Asset>> CloudAssets(AppContext &ctx, const OrgAccess &access) {
	std::vector<storage::Asset> cloud;
	for (auto &asset : MAMORI_TRY(ctx.store.ListAssets(access.org.id))) {
		if (asset.medium == kCloudMedium) {
			cloud.push_back(std::move(asset));
		}
	}
	return cloud;
}

} // namespace mamori::app
