// mamori/cli/retention_command.cpp
//
// retention run: applies the retention schedule (content/retention/schedule.yaml) to a
// database now, as the server does once a day, and prints what it removed as JSON:
//   {"ran_at": "...", "removed": {"rule id": rows, ...}, "total": N}
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "cli/opened_org.hpp"

#include "app/retention.hpp"
#include "platform/files.hpp"
#include "platform/retention_file.hpp"
#include "storage/open_store.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace mamori::cli {

namespace {

void PrintUsage() {
	const MessageCatalog *messages = CliMessages();
	std::cerr << (messages != nullptr ? messages->Text(CliLocale(), "cli.retention.usage") : "cli.retention.usage")
	          << std::endl;
}

} // namespace

int RunRetention(const Args &args) {
	if (args.empty() || args[0] != "run") {
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
	auto content_dir = platform::LocateResourceDir("content");
	if (!content_dir) {
		return ReportError(content_dir.error());
	}
	auto schedule = platform::LoadRetentionSchedule(*content_dir);
	if (!schedule) {
		return ReportError(schedule.error());
	}
	auto catalogs = platform::LoadCatalogs(*content_dir);
	if (!catalogs) {
		return ReportError(catalogs.error());
	}
	app::AppContext ctx{catalogs->Default(), **store, &*catalogs};
	auto summary = app::RunRetention(ctx, *schedule);
	if (!summary) {
		return ReportError(summary.error());
	}
	nlohmann::json out = {{"ran_at", summary->ran_at}, {"removed", summary->removed}, {"total", summary->total()}};
	std::cout << out.dump() << std::endl;
	return kExitOk;
}

} // namespace mamori::cli
