// mamori/cli/migrate_store_command.cpp
//
// migrate-store --from URL --to URL: copies a firm's database between
// backends (issue 11, "Moving data"), then checks that the copy's audit chain
// verifies and ends at the same head as the source's.
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"

#include "app/audit.hpp"
#include "platform/files.hpp"
#include "storage/copy_store.hpp"
#include "storage/open_store.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace mamori::cli {

int RunMigrateStore(const Args &args) {
	auto parsed = ParseArgs(args, {"from", "to"}, {});
	if (!parsed) {
		return ReportError(parsed.error());
	}
	if (!parsed->Has("from") || !storage::StoreExists(parsed->Value("from"))) {
		return ReportError(Error::Invalid("--from", "cli.errors.db_not_found", {{"path", parsed->Value("from")}}));
	}
	if (!parsed->Has("to")) {
		return ReportError(Error::Invalid("--to", "cli.errors.db_required"));
	}
	auto migrations = platform::LocateResourceDir("migrations");
	if (!migrations) {
		return ReportError(migrations.error());
	}
	auto copied = storage::CopyStore(parsed->Value("from"), parsed->Value("to"), *migrations);
	if (!copied) {
		Error error = copied.error();
		if (error.field == "to") {
			error.field = "--to";
		}
		return ReportError(error);
	}
	auto source = storage::OpenStore(parsed->Value("from"));
	auto target = storage::OpenStore(parsed->Value("to"));
	if (!source || !target) {
		return ReportError(!source ? source.error() : target.error());
	}
	auto source_chain = app::VerifyAuditLog(**source);
	auto target_chain = app::VerifyAuditLog(**target);
	if (!source_chain || !target_chain) {
		return ReportError(!source_chain ? source_chain.error() : target_chain.error());
	}
	const bool same =
	    target_chain->ok && target_chain->entries == source_chain->entries && target_chain->head == source_chain->head;
	std::cout << nlohmann::json{{"ok", same},
	                            {"tables", copied->tables},
	                            {"rows", copied->rows},
	                            {"audit_entries", target_chain->entries},
	                            {"audit_head", target_chain->head}}
	                 .dump()
	          << std::endl;
	return same ? kExitOk : kExitFailure;
}

} // namespace mamori::cli
