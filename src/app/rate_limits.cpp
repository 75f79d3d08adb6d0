// mamori/app/rate_limits.cpp
#include "app/rate_limits.hpp"

#include "app/alerts.hpp"
#include "core/security/rate_limit.hpp"

namespace mamori::app {

namespace {

// Counters of windows that started longer ago than this are no use to anyone: every window of
// the limits and alerts is at most ten minutes long.
constexpr long long kKeepCountersSeconds = 60 * 60;

const RateLimit &LimitOf(RateKind kind) {
	switch (kind) {
	case RateKind::kApi:
		return kApiRequestLimit;
	case RateKind::kExport:
		return kExportLimit;
	case RateKind::kImport:
		return kImportLimit;
	}
	return kApiRequestLimit;
}

const char *KeyOf(RateKind kind) {
	switch (kind) {
	case RateKind::kApi:
		return "rate:api:";
	case RateKind::kExport:
		return "rate:export:";
	case RateKind::kImport:
		return "rate:import:";
	}
	return "rate:api:";
}

const char *MessageOf(RateKind kind) {
	switch (kind) {
	case RateKind::kApi:
		return "rate_limit.api";
	case RateKind::kExport:
		return "rate_limit.export";
	case RateKind::kImport:
		return "rate_limit.import";
	}
	return "rate_limit.api";
}

} // namespace

std::string RateSubject(std::optional<Id> user_id, const std::string &client) {
	return user_id ? "user:" + std::to_string(*user_id) : "client:" + client;
}

std::string CurrentWindowStart(AppContext &ctx, long long window_seconds) {
	const std::time_t now = ctx.clock.Now();
	return ctx.clock.IsoAfter(static_cast<long long>(FixedWindowStart(now, window_seconds) - now));
}

Result<int> CountInWindow(AppContext &ctx, const std::string &key, long long window_seconds) {
	auto hits = ctx.store.CountHit(key, CurrentWindowStart(ctx, window_seconds));
	if (hits && *hits == 1) {
		// A new window for this key: a cheap moment to drop the ended ones of every key.
		MAMORI_TRY(ctx.store.PruneCounters(ctx.clock.IsoAfter(-kKeepCountersSeconds)));
	}
	return hits;
}

Status TakeRate(AppContext &ctx, RateKind kind, const std::string &subject) {
	const bool operator_set = kind == RateKind::kApi && ctx.api_rate != nullptr;
	if (operator_set && !ctx.api_rate->counted) {
		return OkStatus();
	}
	const RateLimit &limit = operator_set ? ctx.api_rate->limit : LimitOf(kind);
	auto hits = CountInWindow(ctx, KeyOf(kind) + subject, limit.window_seconds);
	if (!hits) {
		return hits.error();
	}
	if (!OverLimit(*hits, limit)) {
		return OkStatus();
	}
	NoteForAlert(ctx, AlertKind::kRateLimited, "all");
	const long long wait = SecondsLeftInWindow(ctx.clock.Now(), limit.window_seconds);
	return Error::Make(ErrorCode::kRateLimited, MessageOf(kind),
	                   {{"seconds", std::to_string(wait)}, {"limit", std::to_string(limit.max_hits)},
	                    {"minutes", std::to_string(limit.window_seconds / 60)}});
}

} // namespace mamori::app
