// mamori/web/routes_risk_files.cpp
//
// The register as files (SMEs live in Excel): downloads as XLSX laid out like
// the IPA workbook, CSV and JSON; and import from XLSX, CSV or JSON in two
// steps. The preview parses and lists every bad cell and writes nothing;
// the commit parses the same file again and replaces the register all or
// nothing. Nothing is kept on the server between the two steps.
#include "app/languages.hpp"
#include "app/risk_views.hpp"
#include "interchange/register_format.hpp"
#include "platform/clock.hpp"
#include "platform/crypto.hpp"
#include "web/http_errors.hpp"
#include "web/audited_download.hpp"
#include "web/http_headers.hpp"
#include "web/risk_routes.hpp"

namespace mamori::web::risk_pages {
namespace {

constexpr size_t kPreviewRows = 200; // rows listed on the preview; every error is listed regardless

//! `stem` is the file name in the document's language (情報資産管理台帳);
//! `ascii_stem` the one for clients that cannot take UTF-8 names.
void SendDownload(WebApp &web, Request &request, const app::OrgAccess &access, const std::string &body,
                  const std::string &content_type, const std::string &extension, const std::string &ascii_stem,
                  const std::string &stem) {
	const std::string today = platform::TodayInJapan();
	SendAuditedDownload(web, request, access,
	                    {ascii_stem + "-" + today + "." + extension, stem + "_" + today + "." + extension, content_type,
	                     body});
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

std::string FormatLabel(const WebApp &web, const Request &request, interchange::RegisterFormat format) {
	switch (format) {
	case interchange::RegisterFormat::kXlsx:
		return web.Text(request, "interchange.page.format_xlsx");
	case interchange::RegisterFormat::kCsv:
		return "CSV";
	case interchange::RegisterFormat::kJson:
		return "JSON";
	}
	return "";
}

//! The guideline in the organisation's document language, for its files.
const Edition &DocumentEdition(WebApp &web, const app::OrgAccess &access, Locale locale) {
	return access.EditionOf(web.ctx().catalogs != nullptr ? web.ctx().catalogs->In(locale) : web.ctx().catalog);
}

//! An uploaded file may be in any language an export writes.
interchange::ReadingContext ReadingOf(WebApp &web, const app::OrgAccess &access) {
	interchange::EditionsByLocale editions{{kDefaultLocale, &access.EditionOf(web.ctx().catalog)}};
	if (web.ctx().catalogs != nullptr) {
		for (Locale locale : kAllLocales) {
			editions[locale] = &access.EditionOf(web.ctx().catalogs->In(locale));
		}
	}
	return interchange::ReadingContext{editions, web.messages()};
}

void RenderImport(WebApp &web, Request &request, const app::OrgAccess &access, const UploadedFile *file,
                  const interchange::ImportPreview *preview, const std::optional<Error> &error) {
	const Edition &edition = access.EditionOf(web.Content(request));
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
		model["columns"].push_back(web.Text(request, column.header_key));
	}
	if (file != nullptr) {
		model["filename"] = file->filename;
		model["format"] = FormatLabel(web, request, file->format);
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
			                {"ratings", web.Text(request, "interchange.page.ratings",
			                                     {{"confidentiality", std::to_string(asset.confidentiality)},
			                                      {"integrity", std::to_string(asset.integrity)},
			                                      {"availability", std::to_string(asset.availability)}})},
			                {"personal", asset.personal_info || asset.sensitive_personal_info || asset.my_number}});
		}
		Json errors = Json::array();
		for (const auto &cell : preview->errors) {
			errors.push_back({{"sheet", cell.sheet},
			                  {"row", cell.row},
			                  {"column", cell.column},
			                  {"message", cell.Message(web.messages(), request.locale)},
			                  {"describe", cell.Describe(web.messages(), request.locale)}});
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

//! The register and its analysis, as the file writers take them. The
//! analysis names threats and levels from the Japanese guideline; a file in
//! another language gets none, so the writer works it out in its own words.
interchange::RegisterSnapshot SnapshotOf(const app::OrgAccess &access, const app::RegisterAnalysis &analysis,
                                         Locale document_locale) {
	interchange::RegisterSnapshot snapshot;
	snapshot.organization_name = access.org.name;
	snapshot.assets = analysis.assets;
	snapshot.frequencies = analysis.input.frequencies;
	snapshot.answers = analysis.input.answers;
	snapshot.analysis = document_locale == kDefaultLocale ? &analysis.result : nullptr;
	return snapshot;
}

// The files are documents of the organisation: they are written in its
// document language, whatever language the person downloading reads.
void DownloadRegister(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto analysis = LoadAnalysis(web, request, access, false);
	if (!analysis) {
		return;
	}
	const Locale locale = app::DocumentLocaleOf(access.org);
	const interchange::DocumentText text{web.messages(), locale};
	const Edition &edition = DocumentEdition(web, access, locale);
	const interchange::RegisterSnapshot snapshot = SnapshotOf(access, *analysis, locale);
	const std::string stem = text("interchange.file.register");
	const std::string extension = request.http.matches[2];
	if (extension == "xlsx") {
		auto xlsx = interchange::WriteRegisterXlsx(edition, snapshot, text);
		if (!xlsx) {
			return web.SendErrorPage(request, xlsx.error());
		}
		return SendDownload(web, request, access, *xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		                    "xlsx", "risk-register", stem);
	}
	if (extension == "csv") {
		return SendDownload(web, request, access, interchange::WriteRegisterCsv(edition, snapshot, text), "text/csv; charset=utf-8",
		                    "csv", "risk-register", stem);
	}
	SendDownload(web, request, access, interchange::WriteRegisterJson(edition, snapshot, text), "application/json; charset=utf-8",
	             "json", "risk-register", stem);
}

void DownloadResults(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto analysis = LoadAnalysis(web, request, access, false);
	if (!analysis) {
		return;
	}
	const Locale locale = app::DocumentLocaleOf(access.org);
	const interchange::DocumentText text{web.messages(), locale};
	SendDownload(web, request, access,
	             interchange::WriteDiagnosisCsv(DocumentEdition(web, access, locale),
	                                            SnapshotOf(access, *analysis, locale), text),
	             "text/csv; charset=utf-8", "csv", "risk-diagnosis", text("interchange.file.diagnosis"));
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
	auto preview = interchange::ReadRegister(ReadingOf(web, access), file->format, file->content);
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
