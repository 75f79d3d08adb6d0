// mamori/app/owner_view.hpp
//
// The owner's view (経営者, issue 12): the 3原則, the status of each of the
// 重要7項目 as evidence from mamori's own data (core/owner/key_items.hpp
// decides; this file gathers the facts), and where the firm stands on the
// step-up path of 表3. Every member may read it. The firm's own short
// records (the budget decided, the information sources followed) are kept
// here too: editors and the 経営者 save them, audited.
#pragma once

#include "app/app_context.hpp"
#include "app/organizations.hpp"
#include "core/owner/key_items.hpp"
#include "core/progress/step_path.hpp"

#include <optional>
#include <vector>

namespace mamori::app {

struct OwnerView {
	owner::OwnerFacts facts;
	std::vector<owner::KeyItemStatus> items;  // 取組1..7
	StepPosition position;                    // 表3, with 点検と改善 from the inspections
	std::optional<storage::OwnerRecord> budget;
	std::optional<storage::OwnerRecord> information_sources;
};

//! `content`: the catalog whose step titles the caller shows; null means ctx.catalog.
Result<OwnerView> ComputeOwnerView(AppContext &ctx, const OrgAccess &access, const Catalog *content = nullptr);

//! The facts alone (the owner_report document uses them too).
Result<owner::OwnerFacts> GatherOwnerFacts(AppContext &ctx, const OrgAccess &access, const Catalog *content = nullptr);

//! Saves the record of `topic` (budget / information_sources): the note
//! (required, ≤ 1000 bytes) and the date (YYYY-MM-DD, today when empty).
//! Editors and the 経営者 only; audited as owner_record.save.
Status SaveOwnerRecord(AppContext &ctx, const Actor &actor, const OrgAccess &access, const std::string &topic,
                       const std::string &note, const std::string &recorded_on);

//! May the access save owner records (組織管理者, 責任者, 経営者)?
bool CanKeepOwnerRecords(const OrgAccess &access);

} // namespace mamori::app
