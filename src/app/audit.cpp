// mamori/app/audit.cpp
#include "app/audit.hpp"

#include "app/organizations.hpp"

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

Result<std::vector<storage::AuditEntry>> ListAuditEntries(AppContext &ctx, const OrgAccess &access, int limit, int offset) {
	return ctx.store.ListAudit(access.org.id, limit, offset);
}

} // namespace mamori::app
