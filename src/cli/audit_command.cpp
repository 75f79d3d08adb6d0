// mamori/cli/audit_command.cpp
//
// audit verify: checks the audit log's hash chain (contract "CLI: audit log").
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "cli/opened_org.hpp"

#include "app/audit.hpp"
#include "platform/files.hpp"
#include "storage/open_store.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace mamori::cli {

namespace {

void PrintUsage() {
	const MessageCatalog *messages = CliMessages();
	std::cerr << (messages != nullptr ? messages->Text(CliLocale(), "cli.audit.usage") : "cli.audit.usage") << std::endl;
}

} // namespace

int RunAudit(const Args &args) {
	if (args.empty() || args[0] != "verify") {
		PrintUsage();
		return kExitBadInput;
	}
	auto parsed = ParseArgs(Args(args.begin() + 1, args.end()), {"db"}, {});
	if (!parsed) {
		return ReportError(parsed.error());
	}
	if (!parsed->positional.empty()) {
		PrintUsage();
		return kExitBadInput;
	}
	auto store = OpenExistingStore(*parsed);
	if (!store) {
		return ReportError(store.error());
	}
	auto check = app::VerifyAuditLog(**store);
	if (!check) {
		return ReportError(check.error());
	}
	nlohmann::json out = {{"ok", check->ok}, {"entries", check->entries}};
	if (check->ok) {
		out["head"] = check->head;
	} else {
		out["first_bad_entry"] = *check->first_bad_entry;
	}
	std::cout << out.dump() << std::endl;
	return check->ok ? kExitOk : kExitFailure;
}

} // namespace mamori::cli
