// mamori/app/retention.cpp
#include "app/retention.hpp"

#include "app/audit.hpp"

namespace mamori::app {

namespace {

constexpr long long kDaySeconds = 24 * 60 * 60;

//! The UTC day `days` ago as YYYY-MM-DD (training dates are days).
std::string DateDaysAgo(AppContext &ctx, int days) { return ctx.clock.IsoAfter(-days * kDaySeconds).substr(0, 10); }

std::string IsoDaysAgo(AppContext &ctx, int days) { return ctx.clock.IsoAfter(-days * kDaySeconds); }

Result<int> ApplyRule(AppContext &ctx, const std::string &id, int days) {
	if (id == "training_of_former_members") {
		return ctx.store.DeleteTrainingOfFormerMembers(DateDaysAgo(ctx, days));
	}
	if (id == "closed_incident_people") {
		return ctx.store.UnlinkClosedIncidentPeople(IsoDaysAgo(ctx, days));
	}
	if (id == "sign_in_failures") {
		return ctx.store.DeleteSignInFailuresBefore(IsoDaysAgo(ctx, days));
	}
	if (id == "ended_sessions") {
		return ctx.store.DeleteSessionsExpiredBefore(IsoDaysAgo(ctx, days));
	}
	return Error::Make(ErrorCode::kInternal, "unknown retention rule " + id);
}

} // namespace

int RetentionSummary::total() const {
	int sum = 0;
	for (const auto &[id, count] : removed) {
		sum += count;
	}
	return sum;
}

Result<RetentionSummary> RunRetention(AppContext &ctx, const RetentionSchedule &schedule) {
	RetentionSummary summary;
	summary.ran_at = ctx.clock.NowIso();
	MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
		for (const auto &id : KnownRetentionRules()) {
			summary.removed[id] = MAMORI_TRY(ApplyRule(ctx, id, schedule.PeriodDays(id)));
		}
		if (summary.total() == 0) {
			return OkStatus();  // a quiet day leaves no entry: the log is kept for good
		}
		nlohmann::json detail = nlohmann::json::object();
		for (const auto &[id, count] : summary.removed) {
			detail[id] = count;
		}
		return Audit(ctx, std::nullopt, std::nullopt, "retention.run", "installation", detail);
	}));
	return summary;
}

} // namespace mamori::app
