// mamori/cli/main.cpp
//
// The single mamori binary: `serve` for the web app, and CLI subcommands.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

#include <iostream>
#include <map>

namespace {

constexpr const char *kUsage = R"(mamori — IPA 中小企業の情報セキュリティ対策ガイドライン を実践するためのツール

usage: mamori COMMAND ...

  serve --db PATH [--listen 127.0.0.1:8080]   web app and JSON API
        [--smtp-url smtp://HOST:PORT --mail-from ADDRESS [--smtp-user NAME]]
                                               send incident reports by mail
                                               (password in MAMORI_SMTP_PASSWORD)
  mail test --smtp-url URL --mail-from ADDRESS --to ADDRESS   check the mail settings
  user create --db PATH --email E --password P [--name NAME] [--admin]
  backup --db PATH --out FILE                  consistent online copy of the database
  selfcheck score FILE|-                       score a 25-item self-diagnosis
  selfcheck aggregate FILE|-                   combine several respondents
  risk evaluate FILE|-                         importance, possibility, risk value
  risk export --db PATH --org ID --as EMAIL --out FILE [--format xlsx|csv|json]
  risk import --db PATH --org ID --as EMAIL --file FILE [--format …] [--dry-run]
  sme classify FILE|-                          中小企業 / 小規模企業者
  incident level FILE|-                        damage level 0–3 and who leads
  incident report-duty FILE|-                  must a leak be reported, and by when
  document render --db PATH --org ID --as EMAIL --kind KIND --format pdf|docx|html --out FILE
  document pack --db PATH --org ID --as EMAIL --out FILE.zip
  catalog check [--content DIR]                validate the content catalog
  seed --db PATH --orgs N [--assets N] [--partners N]  fill a database for benchmarks
)";

} // namespace

int main(int argc, char **argv) {
	using Handler = int (*)(const mamori::cli::Args &);
	const std::map<std::string, Handler> commands = {
	    {"serve", mamori::cli::RunServe},         {"user", mamori::cli::RunUser},
	    {"backup", mamori::cli::RunBackup},       {"selfcheck", mamori::cli::RunSelfcheck},
	    {"risk", mamori::cli::RunRisk},           {"sme", mamori::cli::RunSme},
	    {"catalog", mamori::cli::RunCatalog},     {"seed", mamori::cli::RunSeed},
	    {"document", mamori::cli::RunDocument},   {"incident", mamori::cli::RunIncident},
	    {"mail", mamori::cli::RunMail},
	};
	if (argc < 2) {
		std::cerr << kUsage;
		return mamori::cli::kExitBadInput;
	}
	const std::string command = argv[1];
	if (command == "--help" || command == "-h" || command == "help") {
		std::cout << kUsage;
		return mamori::cli::kExitOk;
	}
	auto found = commands.find(command);
	if (found == commands.end()) {
		std::cerr << "mamori: unknown command '" << command << "'\n" << kUsage;
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
