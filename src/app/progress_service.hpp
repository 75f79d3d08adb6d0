// mamori/app/progress_service.hpp
//
// Gathers the facts the dashboard needs and asks the core where the
// organisation stands.
#pragma once

#include "app/five_articles_service.hpp"
#include "app/organizations.hpp"
#include "core/progress/readiness.hpp"
#include "core/progress/step_path.hpp"
#include "app/risk_service.hpp"
#include "core/selfcheck/scoring.hpp"

#include <optional>

namespace mamori::app {

struct Progress {
	ProgressFacts facts;
	FiveArticleCounts five_articles;  // 実施済み / 実施中 / 未着手, shown apart
	StarReadiness one_star;
	StarReadiness two_star;
	StepPosition position;
	std::optional<SelfcheckScore> latest_score;  // of the newest round with answers
	std::vector<OverdueTreatment> overdue;      // risk measures past their due date
	int high_risks = 0;                          // 大 risks in the register
};

//! `content`: the catalog whose step titles the caller shows (a page passes the
//! reader's language); null means the Japanese one.
Result<Progress> ComputeProgress(AppContext &ctx, const OrgAccess &access, const Catalog *content = nullptr);

} // namespace mamori::app
