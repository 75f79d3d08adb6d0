// mamori/cli/register_commands.cpp
//
// `mamori risk export|import`: the asset register of one organisation as an
// XLSX, CSV or JSON file, from the shell. Import validates every row first
// and then replaces the register all or nothing, like the web import.
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "cli/opened_org.hpp"

#include "app/accounts.hpp"
#include "app/languages.hpp"
#include "app/organizations.hpp"
#include "app/risk_service.hpp"
#include "interchange/register_format.hpp"
#include "platform/files.hpp"
#include "storage/open_store.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>

namespace mamori::cli {
namespace {

Result<interchange::RegisterFormat> FormatFor(const ParsedArgs &parsed, const std::string &path) {
	std::string name = parsed.Value("format");
	if (name.empty()) {
		name = std::filesystem::path(path).extension().string();
		if (!name.empty() && name[0] == '.') {
			name = name.substr(1);
		}
	}
	auto format = interchange::ParseRegisterFormat(name);
	if (!format) {
		return Error::Invalid("--format", "cli.errors.register_format");
	}
	return format;
}

int RunExport(const Args &args) {
	auto parsed = ParseArgs(args, {"db", "org", "as", "format", "out"}, {});
	if (!parsed) {
		return ReportError(parsed.error());
	}
	if (!parsed->Has("out")) {
		return ReportError(Error::Invalid("--out", "cli.errors.out_required"));
	}
	auto format = FormatFor(*parsed, parsed->Value("out"));
	if (!format) {
		return ReportError(format.error());
	}
	auto opened = OpenOrganization(*parsed);
	if (!opened) {
		return ReportError(opened.error());
	}
	const MessageCatalog *messages = CliMessages();
	if (messages == nullptr) {
		return ReportError(Error::Make(ErrorCode::kCatalogInvalid, "cli.messages_unavailable"));
	}
	app::AppContext ctx{opened->catalogs.Default(), *opened->store, &opened->catalogs};
	auto analysis = app::AnalyzeOrganization(ctx, opened->access, false);
	if (!analysis) {
		return ReportError(analysis.error());
	}
	// The file is a document of the organisation: in its document language,
	// whatever language the terminal speaks. The analysis names things in
	// Japanese, so a file in another language works it out in its own words.
	const Locale locale = app::DocumentLocaleOf(opened->access.org);
	const interchange::DocumentText text{*messages, locale};
	const Edition &edition = opened->access.EditionOf(opened->catalogs.In(locale));
	interchange::RegisterSnapshot snapshot{opened->access.org.name, (*analysis)->assets, (*analysis)->input.frequencies,
	                                       (*analysis)->input.answers,
	                                       locale == kDefaultLocale ? &(*analysis)->result : nullptr};
	std::string bytes;
	switch (*format) {
	case interchange::RegisterFormat::kXlsx: {
		auto written = interchange::WriteRegisterXlsx(edition, snapshot, text);
		if (!written) {
			return ReportError(written.error());
		}
		bytes = std::move(written.value());
		break;
	}
	case interchange::RegisterFormat::kCsv:
		bytes = interchange::WriteRegisterCsv(edition, snapshot, text);
		break;
	case interchange::RegisterFormat::kJson:
		bytes = interchange::WriteRegisterJson(edition, snapshot, text);
		break;
	}
	if (auto status = WriteAuditedExport(*opened, parsed->Value("out"), bytes); !status) {
		return ReportError(status.error());
	}
	std::cout << nlohmann::json{{"exported", parsed->Value("out")}, {"assets", snapshot.assets.size()}}.dump() << std::endl;
	return kExitOk;
}

int RunImport(const Args &args) {
	auto parsed = ParseArgs(args, {"db", "org", "as", "format", "file"}, {"dry-run"});
	if (!parsed) {
		return ReportError(parsed.error());
	}
	if (!parsed->Has("file")) {
		return ReportError(Error::Invalid("--file", "cli.errors.file_required"));
	}
	auto format = FormatFor(*parsed, parsed->Value("file"));
	if (!format) {
		return ReportError(format.error());
	}
	auto bytes = platform::ReadWholeFile(parsed->Value("file"));
	if (!bytes) {
		return ReportError(Error::Invalid("--file", "cli.errors.file_unreadable", {{"path", parsed->Value("file")}}));
	}
	auto opened = OpenOrganization(*parsed);
	if (!opened) {
		return ReportError(opened.error());
	}
	const MessageCatalog *messages = CliMessages();
	if (messages == nullptr) {
		return ReportError(Error::Make(ErrorCode::kCatalogInvalid, "cli.messages_unavailable"));
	}
	app::AppContext ctx{opened->catalogs.Default(), *opened->store, &opened->catalogs};
	// The file may be in any language an export writes.
	interchange::EditionsByLocale editions;
	for (Locale locale : kAllLocales) {
		editions[locale] = &opened->access.EditionOf(opened->catalogs.In(locale));
	}
	auto preview = interchange::ReadRegister({editions, *messages}, *format, *bytes);
	if (!preview) {
		Error error = preview.error();
		if (error.field.empty() || error.field == "file") {
			error.field = "--file";
		}
		return ReportError(error);
	}
	if (!preview->ok()) {
		// Every bad cell on its own line would break the one-line contract;
		// name the first and count the rest.
		const std::string first = preview->errors.front().Describe(*messages, CliLocale());
		if (preview->errors.size() == 1) {
			return ReportError(Error::Invalid("--file", first));
		}
		return ReportError(Error::Invalid("--file", "cli.more_problems",
		                                  {{"message", first},
		                                   {"count", std::to_string(preview->errors.size() - 1)}}));
	}
	if (parsed->Has("dry-run")) {
		std::cout << nlohmann::json{{"valid", true}, {"rows", preview->rows.size()}}.dump() << std::endl;
		return kExitOk;
	}
	if (auto status = app::ReplaceRegister(ctx, opened->actor, opened->access, preview->rows,
	                                       "file:" + std::filesystem::path(parsed->Value("file")).filename().string());
	    !status) {
		return ReportError(status.error());
	}
	std::cout << nlohmann::json{{"imported", preview->rows.size()}}.dump() << std::endl;
	return kExitOk;
}

} // namespace

int RunRegister(const Args &args) {
	if (args.empty() || (args[0] != "export" && args[0] != "import")) {
		std::cerr << "usage: mamori risk export --db PATH --org ID --as EMAIL --out FILE [--format xlsx|csv|json]\n"
		             "       mamori risk import --db PATH --org ID --as EMAIL --file FILE [--format …] [--dry-run]"
		          << std::endl;
		return kExitBadInput;
	}
	const Args rest(args.begin() + 1, args.end());
	return args[0] == "export" ? RunExport(rest) : RunImport(rest);
}

} // namespace mamori::cli
