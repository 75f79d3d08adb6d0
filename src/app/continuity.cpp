// mamori/app/continuity.cpp
#include "app/continuity.hpp"

#include "app/audit.hpp"
#include "app/register_text.hpp"

namespace mamori::app {
namespace {

using register_text::TextRule;

// The manual prints these in one table row per system, so they stay short
// enough to read on paper; the target time is a phrase like 「4時間以内」.
constexpr size_t kMaxName = 120;
constexpr size_t kMaxBusiness = 400;
constexpr size_t kMaxTargetTime = 60;
constexpr size_t kMaxResources = 2000;
constexpr size_t kMaxFallback = 1000;
constexpr size_t kMaxOwner = 100;

std::string Subject(Id id) { return "continuity_system:" + std::to_string(id); }

nlohmann::json SystemJson(const storage::ContinuitySystem &system) {
	return {{"name", system.name},         {"business", system.business}, {"priority", system.priority},
	        {"target_time", system.target_time}, {"resources", system.resources}, {"fallback", system.fallback},
	        {"owner", system.owner}};
}

} // namespace

Status ValidateContinuitySystem(const storage::ContinuitySystem &system) {
	const TextRule names[] = {
	    {"name", &system.name, kMaxName, "app_continuity.name_required", "app_continuity.name_too_long"},
	};
	MAMORI_TRY(register_text::CheckTexts(names));
	if (system.priority < 1 || system.priority > kMaxContinuityPriority) {
		return Error::Invalid("priority", "app_continuity.priority_invalid",
		                      {{"max", std::to_string(kMaxContinuityPriority)}});
	}
	const TextRule texts[] = {
	    {"business", &system.business, kMaxBusiness, nullptr, "app_continuity.business_too_long"},
	    {"target_time", &system.target_time, kMaxTargetTime, nullptr, "app_continuity.target_time_too_long"},
	    {"resources", &system.resources, kMaxResources, nullptr, "app_continuity.resources_too_long"},
	    {"fallback", &system.fallback, kMaxFallback, nullptr, "app_continuity.fallback_too_long"},
	    {"owner", &system.owner, kMaxOwner, nullptr, "app_continuity.owner_too_long"},
	};
	return register_text::CheckTexts(texts);
}

Result<std::vector<storage::ContinuitySystem>> ListContinuitySystems(AppContext &ctx, const OrgAccess &access) {
	return ctx.store.ListContinuitySystems(access.org.id);
}

Result<storage::ContinuitySystem> GetContinuitySystem(AppContext &ctx, const OrgAccess &access, Id system_id) {
	auto system = MAMORI_TRY(ctx.store.FindContinuitySystem(access.org.id, system_id));
	if (!system) {
		return Error::Make(ErrorCode::kNotFound, "app_continuity.not_found");
	}
	return *system;
}

Result<Id> CreateContinuitySystem(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                  storage::ContinuitySystem system) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	system.org_id = access.org.id;
	MAMORI_TRY(ValidateContinuitySystem(system));
	Id id = 0;
	MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
		id = MAMORI_TRY(ctx.store.CreateContinuitySystem(system));
		return Audit(ctx, access.org.id, actor.user_id, "continuity_system.create", Subject(id), SystemJson(system));
	}));
	return id;
}

Status UpdateContinuitySystem(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                              storage::ContinuitySystem system) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	const auto before = MAMORI_TRY(GetContinuitySystem(ctx, access, system.id));
	system.org_id = access.org.id;
	MAMORI_TRY(ValidateContinuitySystem(system));
	return ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.UpdateContinuitySystem(system));
		return Audit(ctx, access.org.id, actor.user_id, "continuity_system.update", Subject(system.id),
		             {{"before", SystemJson(before)}, {"after", SystemJson(system)}});
	});
}

Status DeleteContinuitySystem(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id system_id) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	const auto before = MAMORI_TRY(GetContinuitySystem(ctx, access, system_id));
	return ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.DeleteContinuitySystem(access.org.id, system_id));
		return Audit(ctx, access.org.id, actor.user_id, "continuity_system.delete", Subject(system_id),
		             SystemJson(before));
	});
}

} // namespace mamori::app
