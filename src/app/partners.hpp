// mamori/app/partners.hpp
//
// The register of outsourcing partners (委託管理, 付録5 §9; issue 8): who the
// firm hands work to, the work, the information handed over (free text and
// assets of the 情報資産管理台帳) and the contract period. Each partner has
// its own 機密保持条項 and 委託先チェックリスト (subject "partner:<id>",
// app/documents/subject_documents.hpp).
//
// Editors only; every change is audited in the same transaction. Deleting a
// partner deletes its documents too (with their revision history): a
// contract clause with a company the firm no longer registers would name a
// party that is gone, and keeping orphaned rows would make them unreachable
// from any page. The confirmation page says so before anything goes.
#pragma once

#include "app/app_context.hpp"
#include "app/organizations.hpp"

#include <vector>

namespace mamori::app {

//! Checks a partner as entered: name required; lengths; contract dates real
//! YYYY-MM-DD dates with the end not before the start; assets of the
//! organisation's register. Errors name the field.
Status ValidatePartner(AppContext &ctx, const OrgAccess &access, const storage::OutsourcingPartner &partner);

Result<std::vector<storage::OutsourcingPartner>> ListPartners(AppContext &ctx, const OrgAccess &access);
//! kNotFound unless it is the organisation's.
Result<storage::OutsourcingPartner> GetPartner(AppContext &ctx, const OrgAccess &access, Id partner_id);
Result<Id> CreatePartner(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                         storage::OutsourcingPartner partner);
Status UpdatePartner(AppContext &ctx, const Actor &actor, const OrgAccess &access, storage::OutsourcingPartner partner);
//! Deletes the partner and its documents; returns how many documents went.
Result<int> DeletePartner(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id partner_id);

} // namespace mamori::app
