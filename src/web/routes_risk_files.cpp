// mamori/web/routes_risk_files.cpp
//
// The register as files (SMEs live in Excel): downloads as XLSX laid out like
// the IPA workbook, CSV and JSON; and import from XLSX, CSV or JSON in two
// steps. The preview parses and lists every bad cell and writes nothing;
// the commit parses the same file again and replaces the register all or
// nothing. Nothing is kept on the server between the two steps.
#include "app/risk_views.hpp"
#include "interchange/register_format.hpp"
#include "platform/clock.hpp"
#include "platform/crypto.hpp"
#include "web/http_errors.hpp"
#include "web/http_headers.hpp"
#include "web/risk_routes.hpp"

namespace mamori::web::risk_pages {
namespace {

constexpr size_t kPreviewRows = 200; // rows listed on the preview; every error is listed regardless

void SendDownload(Request &request, const std::string &body, const std::string &content_type,
                  const std::string &extension, const std::string &ascii_stem = "risk-register",
                  const std::string &stem = "情報資産管理台帳") {
	const std::string today = platform::TodayInJapan();
	request.response.status = 200;
	request.response.set_header("Content-Disposition", AttachmentDisposition(ascii_stem + "-" + today + "." + extension,
	                                                                         stem + "_" + today + "." + extension));
	request.response.set_header("Cache-Control", "no-store");
	request.response.set_content(body, content_type.c_str());
}

struct UploadedFile {
	std::string filename;
	std::string content;
	interchange::RegisterFormat format = interchange::RegisterFormat::kXlsx;
};

Result<UploadedFile> ReadUpload(const Request &request) {
	if (!request.http.has_file("file")) {
		return Error::Invalid("file", "web_risk.import_file_required");
	}
	const auto file = request.http.get_file_value("file");
	if (file.filename.empty() && file.content.empty()) {
		return Error::Invalid("file", "web_risk.import_file_required");
	}
	const std::string extension = app::FileExtension(file.filename);
	auto format = interchange::ParseRegisterFormat(extension);
	if (!format) {
		return Error::Invalid("file", "web_risk.import_file_type");
	}
	if (file.content.empty()) {
		return Error::Invalid("file", "web_risk.import_file_empty");
	}
	return UploadedFile{file.filename, file.content, *format};
}

std::string FormatLabel(interchange::RegisterFormat format) {
	switch (format) {
	case interchange::RegisterFormat::kXlsx:
		return "Excel（.xlsx）";
	case interchange::RegisterFormat::kCsv:
		return "CSV";
	case interchange::RegisterFormat::kJson:
		return "JSON";
	}
	return "";
}

void RenderImport(WebApp &web, Request &request, const app::OrgAccess &access, const UploadedFile *file,
                  const interchange::ImportPreview *preview, const std::optional<Error> &error) {
	const Edition &edition = access.EditionOf(web.ctx().catalog);
	auto current = app::ListAssets(web.ctx(), access);
	if (!current) {
		return web.SendErrorPage(request, current.error());
	}
	Json model = {{"base", RiskBase(access)},
	              {"limit_mib", kMaxBodyBytes / (1024 * 1024)},
	              {"current_count", current->size()},
	              {"has_preview", preview != nullptr},
	              {"columns", Json::array()}};
	for (const auto &column : interchange::RegisterColumns()) {
		model["columns"].push_back(column.header);
	}
	if (file != nullptr) {
		model["filename"] = file->filename;
		model["format"] = FormatLabel(file->format);
	}
	if (preview != nullptr) {
		Json rows = Json::array();
		for (size_t idx = 0; idx < preview->rows.size() && idx < kPreviewRows; ++idx) {
			const app::Asset &asset = preview->rows[idx];
			const RiskMedium *medium = edition.risk_catalog.FindMedium(asset.medium);
			rows.push_back({{"row", idx + 2}, // row 1 is the header, as Excel shows it
			                {"business_category", asset.business_category},
			                {"name", asset.name},
			                {"department", asset.department},
			                {"medium", medium ? medium->name : asset.medium},
			                {"ratings", std::to_string(asset.confidentiality) + "・" + std::to_string(asset.integrity) +
			                                "・" + std::to_string(asset.availability)},
			                {"personal", asset.personal_info || asset.sensitive_personal_info || asset.my_number}});
		}
		Json errors = Json::array();
		for (const auto &cell : preview->errors) {
			errors.push_back({{"sheet", cell.sheet},
			                  {"row", cell.row},
			                  {"column", cell.column},
			                  {"message", cell.message},
			                  {"describe", cell.Describe()}});
		}
		model["rows"] = rows;
		model["row_count"] = preview->rows.size();
		model["has_rows"] = !preview->rows.empty();
		model["rows_truncated"] = preview->rows.size() > kPreviewRows;
		model["preview_limit"] = kPreviewRows;
		model["errors_list"] = errors;
		model["error_count"] = preview->errors.size();
		model["ok"] = preview->ok();
		model["has_errors"] = !preview->ok();
	}
	if (error) {
		AddFormError(model, *error, "file", "file");
	}
	// A file with bad cells is an input error like any other.
	const int status = error                                      ? HttpStatusFor(error->code)
	                   : preview != nullptr && !preview->ok() ? HttpStatusFor(ErrorCode::kInvalidInput)
	                                                          : 200;
	const std::string title = preview != nullptr ? "pages.risk_import_preview" : "pages.risk_import";
	web.SendHtml(request, status, web.RenderPage(request, "risk_import", model, title, access));
}

//! The register and its analysis, as the file writers take them.
interchange::RegisterSnapshot SnapshotOf(const app::OrgAccess &access, const app::RegisterAnalysis &analysis) {
	interchange::RegisterSnapshot snapshot;
	snapshot.organization_name = access.org.name;
	snapshot.assets = analysis.assets;
	snapshot.frequencies = analysis.input.frequencies;
	snapshot.answers = analysis.input.answers;
	snapshot.analysis = &analysis.result;
	return snapshot;
}

void DownloadRegister(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto analysis = LoadAnalysis(web, request, access, false);
	if (!analysis) {
		return;
	}
	const Edition &edition = access.EditionOf(web.ctx().catalog);
	const interchange::RegisterSnapshot snapshot = SnapshotOf(access, *analysis);
	const std::string extension = request.http.matches[2];
	if (extension == "xlsx") {
		auto xlsx = interchange::WriteRegisterXlsx(edition, snapshot);
		if (!xlsx) {
			return web.SendErrorPage(request, xlsx.error());
		}
		return SendDownload(request, *xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		                    "xlsx");
	}
	if (extension == "csv") {
		return SendDownload(request, interchange::WriteRegisterCsv(edition, snapshot), "text/csv; charset=utf-8",
		                    "csv");
	}
	SendDownload(request, interchange::WriteRegisterJson(edition, snapshot), "application/json; charset=utf-8", "json");
}

void DownloadResults(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto analysis = LoadAnalysis(web, request, access, false);
	if (!analysis) {
		return;
	}
	const Edition &edition = access.EditionOf(web.ctx().catalog);
	SendDownload(request, interchange::WriteDiagnosisCsv(edition, SnapshotOf(access, *analysis)),
	             "text/csv; charset=utf-8", "csv", "risk-diagnosis", "診断結果");
}

void ShowImport(WebApp &web, Request &request, const app::OrgAccess &access) {
	RenderImport(web, request, access, nullptr, nullptr, std::nullopt);
}

//! The uploaded file and the register read from it.
struct UploadedRegister {
	UploadedFile file;
	interchange::ImportPreview preview;
};

//! Reads the upload and its rows, as both the preview and the commit do; when
//! either cannot be read, shows the import page with the problem and returns nullopt.
std::optional<UploadedRegister> ReadUploadedRegister(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto file = ReadUpload(request);
	if (!file) {
		RenderImport(web, request, access, nullptr, nullptr, file.error());
		return std::nullopt;
	}
	const Edition &edition = access.EditionOf(web.ctx().catalog);
	auto preview = interchange::ReadRegister(edition, file->format, file->content);
	if (!preview) {
		Error error = preview.error();
		error.field = "file";
		RenderImport(web, request, access, &*file, nullptr, error);
		return std::nullopt;
	}
	return UploadedRegister{std::move(file.value()), std::move(preview.value())};
}

void PreviewImport(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto uploaded = ReadUploadedRegister(web, request, access);
	if (uploaded) {
		RenderImport(web, request, access, &uploaded->file, &uploaded->preview, std::nullopt);
	}
}

void CommitImport(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto uploaded = ReadUploadedRegister(web, request, access);
	if (!uploaded) {
		return;
	}
	UploadedFile &file = uploaded->file;
	interchange::ImportPreview &preview = uploaded->preview;
	if (!preview.ok()) {
		return RenderImport(web, request, access, &file, &preview, std::nullopt);
	}
	const size_t rows = preview.rows.size();
	auto replaced =
	    app::ReplaceRegister(web.ctx(), request.actor(), access, std::move(preview.rows), "file:" + file.filename);
	if (!replaced) {
		if (replaced.error().code != ErrorCode::kInvalidInput) {
			return web.SendErrorPage(request, replaced.error());
		}
		Error error = replaced.error();
		error.field = "file";
		return RenderImport(web, request, access, &file, nullptr, error);
	}
	web.Redirect(request, RiskBase(access) + "/assets?done=imported&rows=" + std::to_string(rows));
}

} // namespace

RouteTable RiskFileRoutes() {
	return {
	    {Method::kGet, R"(/orgs/(\d+)/risk/export\.(xlsx|csv|json))", RiskViewer(), DownloadRegister},
	    {Method::kGet, R"(/orgs/(\d+)/risk/results\.csv)", RiskViewer(), DownloadResults},
	    {Method::kGet, R"(/orgs/(\d+)/risk/import)", RiskEditor(), ShowImport},
	    {Method::kPost, R"(/orgs/(\d+)/risk/import/preview)", Multipart(RiskEditor()), PreviewImport},
	    {Method::kPost, R"(/orgs/(\d+)/risk/import/commit)", Multipart(RiskEditor()), CommitImport},
	};
}

} // namespace mamori::web::risk_pages
