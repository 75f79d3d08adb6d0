// mamori/app/cloud_services.hpp
//
// The cloud services the firm uses (クラウドサービス安全利用, 付録6, 表9;
// issue 8), each with its own 15-item checklist (subject "service:<id>",
// app/documents/subject_documents.hpp) and linked to the register's assets
// stored in it.
//
// Only assets whose 媒体・保存先 is 社外サービス (medium "cloud") may be
// linked: the register is the one place that says where an asset is kept,
// so a service "storing" an asset the register keeps on paper or on a PC
// would contradict it. The firm changes the asset's medium first.
//
// Editors only; audited; deleting a service deletes its checklist, as for
// partners (app/partners.hpp).
#pragma once

#include "app/app_context.hpp"
#include "app/organizations.hpp"

#include <vector>

namespace mamori::app {

//! The medium id of 社外サービス in the risk catalog.
inline constexpr const char *kCloudMedium = "cloud";

Status ValidateCloudService(AppContext &ctx, const OrgAccess &access, const storage::CloudService &service);

Result<std::vector<storage::CloudService>> ListCloudServices(AppContext &ctx, const OrgAccess &access);
Result<storage::CloudService> GetCloudService(AppContext &ctx, const OrgAccess &access, Id service_id);
Result<Id> CreateCloudService(AppContext &ctx, const Actor &actor, const OrgAccess &access, storage::CloudService service);
Status UpdateCloudService(AppContext &ctx, const Actor &actor, const OrgAccess &access, storage::CloudService service);
//! Deletes the service and its checklist; returns how many documents went.
Result<int> DeleteCloudService(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id service_id);

//! The register's assets kept in a cloud service: what a service may link.
Result<std::vector<storage::Asset>> CloudAssets(AppContext &ctx, const OrgAccess &access);

} // namespace mamori::app
