// mamori/app/audit.cpp
#include "app/audit.hpp"

#include "app/alerts.hpp"
#include "app/organizations.hpp"

#include "platform/clock.hpp"
#include "platform/crypto.hpp"

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

Result<std::vector<storage::AuditEntry>> ExportAuditEntries(AppContext &ctx, const Actor &actor, const OrgAccess &access) {
	std::vector<storage::AuditEntry> entries;
	MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
		auto listed = ctx.store.ListAudit(access.org.id, -1, 0);
		if (!listed) {
			return listed.error();
		}
		entries.assign(listed->rbegin(), listed->rend());
		return Audit(ctx, access.org.id, actor.user_id, "audit.export", "org",
		             {{"entries", entries.size()}});
	}));
	NoteForAlert(ctx, AlertKind::kExports, "user:" + std::to_string(actor.user_id));
	return entries;
}

Status AuditDownload(AppContext &ctx, const Actor &actor, const OrgAccess &access, const std::string &what, const nlohmann::json &detail) {
	MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
		return Audit(ctx, access.org.id, actor.user_id, "data.export", what, detail);
	}));
	// Someone copying an organisation's data out downloads file after file.
	NoteForAlert(ctx, AlertKind::kExports, "user:" + std::to_string(actor.user_id));
	return OkStatus();
}

Result<AuditChainCheck> VerifyAuditLog(storage::Store &store) {
	auto entries = store.ListAuditChain();
	if (!entries) {
		return entries.error();
	}
	return VerifyAuditChain(*entries, platform::Sha256Hex);
}

Result<std::string> AuditHead(AppContext &ctx) {
	return ctx.store.AuditHead();
}

} // namespace mamori::app
