// mamori/app/retention.hpp
//
// Applies the retention schedule (core/retention/retention_schedule.hpp, content/retention/
// schedule.yaml): deletes or unlinks personal data past its period. Run by `mamori retention run`
// and by the server once a day. The audit log is never part of it (the schedule says why).
#pragma once

#include "app/app_context.hpp"
#include "core/retention/retention_schedule.hpp"

#include <map>
#include <string>

namespace mamori::app {

struct RetentionSummary {
	std::string ran_at;
	std::map<std::string, int> removed;  // rule id -> rows deleted or unlinked
	int total() const;
};

//! Applies every rule in one transaction, audited as retention.run when anything was removed.
Result<RetentionSummary> RunRetention(AppContext &ctx, const RetentionSchedule &schedule);

} // namespace mamori::app
