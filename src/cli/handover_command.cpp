// mamori/cli/handover_command.cpp
//
// The hand-over package (issue 12) from the command line:
//   mamori handover export --db PATH --org ID --as EMAIL --out FILE.zip
//       the organisation's documents (PDF and DOCX), its data and its audit
//       log in one ZIP; prints {"documents": N, "tables": N, "rows": N, "bytes": N}
//   mamori handover import --db PATH --as EMAIL --file FILE.zip [--replace ID]
//       a new organisation from the package (the --as user becomes its
//       組織管理者), or, with --replace, the package's data over the
//       organisation it was taken from, if that has not changed since;
//       prints {"org": ID, "replaced": bool, "people_created": N}
// A consultant's laptop takes a client this way for a visit without network
// and brings the work back (docs/operations.md, "Hand-over and offline visits").
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "cli/opened_org.hpp"

#include "app/documents/document_kinds.hpp"
#include "app/handover.hpp"
#include "codec/organization_data_codec.hpp"
#include "export/document_pack.hpp"
#include "interchange/audit_csv.hpp"
#include "interchange/handover_package.hpp"
#include "platform/files.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace mamori::cli {
namespace {

void PrintUsage() {
	const MessageCatalog *messages = CliMessages();
	std::cerr << (messages != nullptr ? messages->Text(CliLocale(), "cli.handover.usage") : "cli.handover.usage")
	          << std::endl;
}

Result<std::string> BuildPackage(OpenedOrg &opened, const MessageCatalog &messages, nlohmann::json &summary) {
	app::AppContext ctx = opened.Context();
	const app::HandoverData data = MAMORI_TRY(app::ExportHandover(ctx, opened.actor, opened.access));
	const std::vector<app::BuiltDocument> built = MAMORI_TRY(app::BuildAllDocuments(ctx, messages, opened.access));
	const std::vector<std::string> stems = app::PackStems(built);
	std::vector<exporting::PackEntry> entries;
	for (size_t i = 0; i < built.size(); ++i) {
		entries.push_back({stems[i], &built[i].document});
	}
	const transfer::OrganizationData decoded = MAMORI_TRY(codec::DecodeOrganizationData(data.json));
	size_t rows = 0;
	for (const transfer::TableRows &table : decoded.tables) {
		rows += table.rows.size();
	}
	summary = {{"documents", built.size()}, {"tables", decoded.tables.size()}, {"rows", rows}};
	const document::RenderedDocument index = app::BuildPackIndex(messages, opened.access, built);
	return exporting::RenderHandoverPackage(entries, &index, {data.json, interchange::WriteAuditCsv(data.audit)});
}

int RunExport(const Args &args) {
	auto parsed = ParseArgs(args, {"db", "org", "as", "out"}, {});
	if (!parsed) {
		return ReportError(parsed.error());
	}
	if (!parsed->Has("out")) {
		return ReportError(Error::Invalid("--out", "cli.document.option_required", {{"option", "--out"}}));
	}
	const MessageCatalog *messages = CliMessages();
	if (messages == nullptr) {
		return ReportError(Error::Make(ErrorCode::kCatalogInvalid, "cli.messages_unavailable"));
	}
	auto opened = OpenOrganization(*parsed);
	if (!opened) {
		return ReportError(opened.error());
	}
	nlohmann::json summary;
	auto zip = BuildPackage(*opened, *messages, summary);
	if (!zip) {
		return ReportError(zip.error());
	}
	// The export itself is already in the audit log (org.handover_export).
	if (auto written = platform::WriteWholeFile(parsed->Value("out"), *zip); !written) {
		Error error = written.error();
		error.field = "--out";
		return ReportError(error);
	}
	summary["bytes"] = zip->size();
	std::cout << summary.dump() << std::endl;
	return kExitOk;
}

int RunImport(const Args &args) {
	auto parsed = ParseArgs(args, {"db", "as", "file", "replace"}, {});
	if (!parsed) {
		return ReportError(parsed.error());
	}
	if (!parsed->Has("file")) {
		return ReportError(Error::Invalid("--file", "cli.document.option_required", {{"option", "--file"}}));
	}
	auto bytes = platform::ReadWholeFile(parsed->Value("file"));
	if (!bytes) {
		Error error = bytes.error();
		error.field = "--file";
		return ReportError(error);
	}
	auto json = interchange::ReadHandoverData(*bytes);
	if (!json) {
		Error error = json.error();
		error.field = "--file";
		return ReportError(error);
	}
	Result<OpenedOrg> opened = parsed->Has("replace") ? [&] {
		ParsedArgs with_org = *parsed;
		with_org.values["org"] = parsed->Value("replace");
		return OpenOrganization(with_org);
	}()
	                                                  : OpenAsUser(*parsed);
	if (!opened) {
		Error error = opened.error();
		if (error.field == "--org") {
			error.field = "--replace";
		}
		return ReportError(error);
	}
	app::AppContext ctx = opened->Context();
	auto imported = parsed->Has("replace") ? app::ReplaceFromHandover(ctx, opened->actor, opened->access, *json)
	                                       : app::ImportHandover(ctx, opened->actor, *json);
	if (!imported) {
		Error error = imported.error();
		if (error.field.empty() || error.field == "file") {
			error.field = "--file";
		}
		return ReportError(error);
	}
	std::cout << nlohmann::json{{"org", imported->org_id},
	                            {"replaced", imported->replaced},
	                            {"people_created", imported->people_created}}
	                 .dump()
	          << std::endl;
	return kExitOk;
}

} // namespace

int RunHandover(const Args &args) {
	if (args.empty() || (args[0] != "export" && args[0] != "import")) {
		PrintUsage();
		return kExitBadInput;
	}
	const Args rest(args.begin() + 1, args.end());
	return args[0] == "export" ? RunExport(rest) : RunImport(rest);
}

} // namespace mamori::cli
