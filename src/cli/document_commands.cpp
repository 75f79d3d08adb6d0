// mamori/cli/document_commands.cpp
//
// `mamori document render|pack` (contract.md "CLI: documents"): an
// organisation's documents as PDF, DOCX or HTML files, acting as one of its
// members. Nothing is written unless the whole file could be made.
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "cli/opened_org.hpp"

#include "app/documents/document_kinds.hpp"
#include "app/languages.hpp"
#include "export/document_docx.hpp"
#include "export/document_html.hpp"
#include "export/document_pdf.hpp"
#include "export/document_pack.hpp"
#include "platform/files.hpp"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <iostream>
#include <sstream>

namespace mamori::cli {
namespace {

enum class DocumentFormat { kPdf, kDocx, kHtml };

Result<DocumentFormat> ParseFormat(const std::string &name) {
	if (name == "pdf") {
		return DocumentFormat::kPdf;
	}
	if (name == "docx") {
		return DocumentFormat::kDocx;
	}
	if (name == "html") {
		return DocumentFormat::kHtml;
	}
	return Error::Invalid("--format", "cli.document.format_unknown", {{"format", name}});
}

Result<std::string> Render(const document::RenderedDocument &doc, DocumentFormat format) {
	switch (format) {
	case DocumentFormat::kPdf:
		return exporting::RenderDocumentPdf(doc);
	case DocumentFormat::kDocx:
		return exporting::RenderDocumentDocx(doc);
	case DocumentFormat::kHtml:
		return exporting::RenderDocumentHtml(doc);
	}
	return Error::Invalid("--format", "cli.document.format_unknown", {{"format", ""}});
}

Result<const MessageCatalog *> Messages() {
	const MessageCatalog *messages = CliMessages();
	if (messages == nullptr) {
		return Error::Make(ErrorCode::kCatalogInvalid, "cli.messages_unavailable");
	}
	return messages;
}

//! The kind asked for; `--incident ID` picks the incident of an incident_report
//! (without it, the most recently closed one, or the sample).
//! `--visit N` picks the visit of a visit_report (without it, the latest visit held).
Result<document::RenderedDocument> BuildVisitReport(app::AppContext &ctx, const MessageCatalog &messages,
                                                    const app::OrgAccess &access, const ParsedArgs &parsed) {
	if (parsed.Value("kind") != "visit_report") {
		return Error::Invalid("--visit", "cli.document.visit_needs_report");
	}
	const std::string text = parsed.Value("visit");
	if (text.empty() || text.size() > 2 || text.find_first_not_of("0123456789") != std::string::npos ||
	    std::stoi(text) <= 0) {
		return Error::Invalid("--visit", "cli.document.visit_invalid", {{"value", text}});
	}
	auto doc = app::BuildVisitReportDocument(ctx, messages, access, std::stoi(text));
	if (!doc && doc.error().field == "visit") {
		Error error = doc.error();
		error.field = "--visit";
		return error;
	}
	return doc;
}

Result<document::RenderedDocument> BuildRequested(app::AppContext &ctx, const MessageCatalog &messages,
                                                  const app::OrgAccess &access, const ParsedArgs &parsed) {
	if (parsed.Has("visit")) {
		return BuildVisitReport(ctx, messages, access, parsed);
	}
	if (!parsed.Has("incident")) {
		return app::BuildDocument(ctx, messages, access, parsed.Value("kind"));
	}
	if (parsed.Value("kind") != "incident_report") {
		return Error::Invalid("--incident", "cli.document.incident_needs_report");
	}
	long long id = 0;
	const std::string text = parsed.Value("incident");
	if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos ||
	    (id = std::stoll(text)) <= 0) {
		return Error::Invalid("--incident", "cli.document.incident_invalid", {{"value", text}});
	}
	return app::BuildIncidentReportDocument(ctx, messages, access, id);
}

int RunRender(const Args &args) {
	auto parsed = ParseArgs(args, {"db", "org", "as", "kind", "format", "out", "incident", "visit"}, {});
	if (!parsed) {
		return ReportError(parsed.error());
	}
	for (const char *required : {"kind", "format", "out"}) {
		if (!parsed->Has(required)) {
			return ReportError(Error::Invalid(std::string("--") + required, "cli.document.option_required",
			                                  {{"option", std::string("--") + required}}));
		}
	}
	auto format = ParseFormat(parsed->Value("format"));
	if (!format) {
		return ReportError(format.error());
	}
	auto messages = Messages();
	if (!messages) {
		return ReportError(messages.error());
	}
	auto opened = OpenOrganization(*parsed);
	if (!opened) {
		return ReportError(opened.error());
	}
	app::AppContext ctx = opened->Context();
	auto doc = BuildRequested(ctx, **messages, opened->access, *parsed);
	if (!doc) {
		Error error = doc.error();
		if (error.field == "kind") {
			error.field = "--kind";
		}
		return ReportError(error);
	}
	auto bytes = Render(*doc, *format);
	if (!bytes) {
		return ReportError(bytes.error());
	}
	if (auto written = WriteAuditedExport(*opened, parsed->Value("out"), *bytes); !written) {
		return ReportError(written.error());
	}
	std::cout << nlohmann::json{{"kind", doc->kind}, {"title", doc->title}, {"format", parsed->Value("format")},
	                            {"bytes", bytes->size()}}
	                 .dump()
	          << std::endl;
	return kExitOk;
}

int RunPack(const Args &args) {
	auto parsed = ParseArgs(args, {"db", "org", "as", "out"}, {});
	if (!parsed) {
		return ReportError(parsed.error());
	}
	if (!parsed->Has("out")) {
		return ReportError(Error::Invalid("--out", "cli.document.option_required", {{"option", "--out"}}));
	}
	auto messages = Messages();
	if (!messages) {
		return ReportError(messages.error());
	}
	auto opened = OpenOrganization(*parsed);
	if (!opened) {
		return ReportError(opened.error());
	}
	app::AppContext ctx = opened->Context();
	auto built = app::BuildAllDocuments(ctx, **messages, opened->access);
	if (!built) {
		return ReportError(built.error());
	}
	std::vector<exporting::PackEntry> entries;
	const std::vector<std::string> stems = app::PackStems(*built);
	for (size_t i = 0; i < built->size(); ++i) {
		entries.push_back({stems[i], &(*built)[i].document});
	}
	auto zip = exporting::RenderDocumentPack(entries, app::BuildPackIndex(**messages, opened->access, *built));
	if (!zip) {
		return ReportError(zip.error());
	}
	if (auto written = WriteAuditedExport(*opened, parsed->Value("out"), *zip); !written) {
		return ReportError(written.error());
	}
	std::cout << nlohmann::json{{"documents", built->size()}, {"files", 2 * entries.size() + 2}, {"bytes", zip->size()}}.dump()
	          << std::endl;
	return kExitOk;
}

} // namespace

int RunDocument(const Args &args) {
	if (args.empty() || (args[0] != "render" && args[0] != "pack")) {
		std::cerr << "usage: mamori document render --db PATH --org ID --as EMAIL --kind KIND [--incident ID] [--visit N] --format pdf|docx|html --out FILE\n"
		             "       mamori document pack --db PATH --org ID --as EMAIL --out FILE.zip"
		          << std::endl;
		return kExitBadInput;
	}
	const Args rest(args.begin() + 1, args.end());
	return args[0] == "render" ? RunRender(rest) : RunPack(rest);
}

} // namespace mamori::cli
