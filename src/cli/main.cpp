// mamori/cli/main.cpp
//
// The single mamori binary: `serve` for the web app, and CLI subcommands.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"

#include <iostream>
#include <map>

namespace {

// The help lives in the message catalog (cli.usage) in both languages; this
// line is all that is left when the content folder cannot be found.
constexpr const char *kFallbackUsage = "usage: mamori COMMAND ... (the full help is in content/messages)\n";

std::string UsageText() {
	const mamori::MessageCatalog *messages = mamori::cli::CliMessages();
	return messages != nullptr ? messages->Text(mamori::cli::CliLocale(), "cli.usage") : kFallbackUsage;
}

} // namespace

int main(int argc, char **argv) {
	using Handler = int (*)(const mamori::cli::Args &);
	const std::map<std::string, Handler> commands = {
	    {"serve", mamori::cli::RunServe},         {"user", mamori::cli::RunUser},
	    {"backup", mamori::cli::RunBackup},       {"selfcheck", mamori::cli::RunSelfcheck},
	    {"risk", mamori::cli::RunRisk},           {"sme", mamori::cli::RunSme}, {"benchmark", mamori::cli::RunBenchmark},
	    {"catalog", mamori::cli::RunCatalog},     {"seed", mamori::cli::RunSeed},
	    {"document", mamori::cli::RunDocument},   {"incident", mamori::cli::RunIncident},
	    {"mail", mamori::cli::RunMail},           {"audit", mamori::cli::RunAudit},
	    {"migrate-store", mamori::cli::RunMigrateStore},
	    {"retention", mamori::cli::RunRetention}, {"handover", mamori::cli::RunHandover},
	};
	if (argc < 2) {
		std::cerr << UsageText();
		return mamori::cli::kExitBadInput;
	}
	const std::string command = argv[1];
	if (command == "--help" || command == "-h" || command == "help") {
		std::cout << UsageText();
		return mamori::cli::kExitOk;
	}
	auto found = commands.find(command);
	if (found == commands.end()) {
		std::cerr << "mamori: unknown command '" << command << "'\n" << UsageText();
		return mamori::cli::kExitBadInput;
	}
	mamori::cli::Args args(argv + 2, argv + argc);
	try {
		return found->second(args);
	} catch (const std::exception &error) {
		// Never a crash: anything unexpected is reported on one line.
		std::cerr << "mamori: internal error: " << error.what() << std::endl;
		return mamori::cli::kExitFailure;
	}
}
