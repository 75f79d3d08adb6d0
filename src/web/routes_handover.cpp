// mamori/web/routes_handover.cpp
//
// The hand-over package in the web app (issue 12): /orgs/ID/handover lets the
// organisation's editors download it (documents and data, or data only for a
// visit without network) and bring an offline copy back; /orgs/import makes a
// new organisation from a package. app/handover.hpp does the work.
#include "app/documents/document_kinds.hpp"
#include "app/handover.hpp"
#include "app/languages.hpp"
#include "export/document_pack.hpp"
#include "interchange/audit_csv.hpp"
#include "interchange/handover_package.hpp"
#include "platform/clock.hpp"
#include "web/audited_download.hpp"
#include "web/http_errors.hpp"
#include "web/rate_limit_gate.hpp"
#include "web/route_table.hpp"

namespace mamori::web {
namespace {

std::string OrgBase(const app::OrgAccess &access) { return "/orgs/" + std::to_string(access.org.id); }

void AddFileError(Json &model, const Error &error) {
	model["error_summary"] = ErrorSummary(error, "file");
	model["errors"] = {{"file", error.message}};
}

void RenderHandover(WebApp &web, Request &request, const app::OrgAccess &access, const std::optional<Error> &error) {
	Json model = {{"base", OrgBase(access)}, {"org_name", access.org.name}, {"limit_mib", kMaxBodyBytes / (1024 * 1024)}};
	if (error) {
		AddFileError(model, *error);
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "handover", model, "handover.page.title", access));
}

void ShowHandover(WebApp &web, Request &request, const app::OrgAccess &access) {
	RenderHandover(web, request, access, std::nullopt);
}

Result<std::string> BuildPackage(WebApp &web, Request &request, const app::OrgAccess &access, bool with_documents) {
	const app::HandoverData data = MAMORI_TRY(app::ExportHandover(web.ctx(), request.actor(), access));
	const exporting::HandoverFiles files{data.json, interchange::WriteAuditCsv(data.audit)};
	if (!with_documents) {
		return exporting::RenderHandoverPackage({}, nullptr, files);
	}
	const std::vector<app::BuiltDocument> built = MAMORI_TRY(app::BuildAllDocuments(web.ctx(), web.messages(), access));
	const std::vector<std::string> stems = app::PackStems(built);
	std::vector<exporting::PackEntry> entries;
	for (size_t i = 0; i < built.size(); ++i) {
		entries.push_back({stems[i], &built[i].document});
	}
	const document::RenderedDocument index = app::BuildPackIndex(web.messages(), access, built);
	return exporting::RenderHandoverPackage(entries, &index, files);
}

void DownloadPackage(WebApp &web, Request &request, const app::OrgAccess &access) {
	if (!PassRateLimit(web, request, app::RateKind::kExport, false)) {
		return;
	}
	const bool with_documents = request.Param("contents") != "data";
	auto zip = BuildPackage(web, request, access, with_documents);
	if (!zip) {
		return web.SendErrorPage(request, zip.error());
	}
	const std::string today = platform::TodayInJapan();
	const std::string stem = web.messages().Text(app::DocumentLocaleOf(access.org), "handover.file_name");
	// app::ExportHandover recorded the export; a second entry would move the
	// revision a copy brought back must find.
	SendAttachment(request, {"mamori-handover-" + today + ".zip", stem + "_" + today + ".zip", "application/zip",
	                         std::move(*zip)});
}

Result<std::string> UploadedData(const Request &request) {
	if (!request.http.has_file("file")) {
		return Error::Invalid("file", "handover.errors.file_required");
	}
	const auto file = request.http.get_file_value("file");
	if (file.content.empty()) {
		return Error::Invalid("file", "handover.errors.file_required");
	}
	Result<std::string> data = interchange::ReadHandoverData(file.content);
	if (!data) {
		Error error = data.error();
		error.field = "file";
		return error;
	}
	return data;
}

//! A problem inside the package is shown at the file field (its message names the table).
Error AtFileField(Error error) {
	error.field = "file";
	return error;
}

void ReplaceFromPackage(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto data = UploadedData(request);
	if (!data) {
		return RenderHandover(web, request, access, data.error());
	}
	auto replaced = app::ReplaceFromHandover(web.ctx(), request.actor(), access, *data);
	if (!replaced) {
		if (replaced.error().code == ErrorCode::kForbidden) {
			return web.SendErrorPage(request, replaced.error());
		}
		return RenderHandover(web, request, access, AtFileField(replaced.error()));
	}
	web.Redirect(request, OrgBase(access) + "?handover=replaced");
}

void RenderImport(WebApp &web, Request &request, const std::optional<Error> &error) {
	Json model = {{"limit_mib", kMaxBodyBytes / (1024 * 1024)}};
	if (error) {
		AddFileError(model, *error);
	}
	web.SendHtml(request, error ? HttpStatusFor(error->code) : 200,
	             web.RenderPage(request, "handover_import", model, "handover.import.title"));
}

void ShowImport(WebApp &web, Request &request) { RenderImport(web, request, std::nullopt); }

void ImportPackage(WebApp &web, Request &request) {
	auto data = UploadedData(request);
	if (!data) {
		return RenderImport(web, request, data.error());
	}
	auto imported = app::ImportHandover(web.ctx(), request.actor(), *data);
	if (!imported) {
		return RenderImport(web, request, AtFileField(imported.error()));
	}
	web.Redirect(request, "/orgs/" + std::to_string(imported->org_id) + "?handover=imported");
}

} // namespace

RouteTable HandoverRoutes() {
	return {
	    {Method::kGet, "/orgs/import", SignedIn(), ShowImport},
	    {Method::kPost, "/orgs/import", Multipart(SignedIn()), ImportPackage},
	    {Method::kGet, R"(/orgs/(\d+)/handover)", OrgEditor(), ShowHandover},
	    {Method::kPost, R"(/orgs/(\d+)/handover/download)", OrgEditor(), DownloadPackage},
	    {Method::kPost, R"(/orgs/(\d+)/handover/replace)", Multipart(OrgEditor()), ReplaceFromPackage},
	};
}

} // namespace mamori::web
