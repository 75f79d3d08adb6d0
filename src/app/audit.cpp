// mamori/app/audit.cpp
#include "app/audit.hpp"

#include "platform/clock.hpp"

namespace mamori::app {

Status Audit(AppContext &ctx, std::optional<Id> org_id, std::optional<Id> user_id, const std::string &action,
             const std::string &target, const nlohmann::json &detail) {
	storage::AuditEntry entry;
	entry.org_id = org_id;
	entry.user_id = user_id;
	entry.at = ctx.clock.NowIso();
	entry.action = action;
	entry.target = target;
	entry.detail = detail.dump();
	return ctx.store.AppendAudit(entry);
}

} // namespace mamori::app
