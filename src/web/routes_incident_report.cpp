// mamori/web/routes_incident_report.cpp
//
// The インシデント報告書 of a closed incident (issue 9): shown as HTML in the
// page, and as PDF and DOCX, in the organisation's document language. Only
// those who see every incident (editors and the 経営者) get it; a reporter
// sees their own incident's page but not the report, which carries the
// personal-data assessment and the firm's internal cause analysis (403).
#include "app/documents/document_kinds.hpp"
#include "export/document_docx.hpp"
#include "export/document_html.hpp"
#include "export/document_pdf.hpp"
#include "web/audited_download.hpp"
#include "web/http_headers.hpp"
#include "web/incident_routes.hpp"

namespace mamori::web::incident_pages {
namespace {

Result<document::RenderedDocument> BuildReport(WebApp &web, Request &request, const app::OrgAccess &access) {
	const auto id = WebApp::ParseId(request.http.matches[2]);
	if (!id) {
		return Error::Make(ErrorCode::kNotFound, "app_incidents.not_found");
	}
	return app::BuildIncidentReportDocument(web.ctx(), web.messages(), access, *id);
}

void Download(WebApp &web, Request &request, const app::OrgAccess &access, bool pdf) {
	auto doc = BuildReport(web, request, access);
	if (!doc) {
		return web.SendErrorPage(request, doc.error());
	}
	auto bytes = pdf ? exporting::RenderDocumentPdf(*doc) : exporting::RenderDocumentDocx(*doc);
	if (!bytes) {
		return web.SendErrorPage(request, bytes.error());
	}
	const std::string extension = pdf ? ".pdf" : ".docx";
	const std::string ascii = "incident-report-" + std::string(request.http.matches[2]) + extension;
	SendAuditedDownload(web, request, access,
	                    {ascii, doc->title + extension,
	                     pdf ? "application/pdf"
	                         : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	                     std::move(*bytes)});
}

} // namespace

void ShowReport(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto doc = BuildReport(web, request, access);
	if (!doc) {
		return web.SendErrorPage(request, doc.error());
	}
	const std::string incident = IncidentBase(access) + "/" + std::string(request.http.matches[2]);
	Json model = {{"article", exporting::RenderDocumentHtmlArticle(*doc)},
	              {"title", doc->title},
	              {"back", incident},
	              {"back_label", web.Text(request, "web_incidents.close.report_back")},
	              {"pdf", incident + "/report.pdf"},
	              {"docx", incident + "/report.docx"}};
	web.SendHtml(request, 200, web.RenderPage(request, "document_view", model, "web_incidents.close.report", access));
}

void DownloadReportPdf(WebApp &web, Request &request, const app::OrgAccess &access) {
	Download(web, request, access, true);
}
void DownloadReportDocx(WebApp &web, Request &request, const app::OrgAccess &access) {
	Download(web, request, access, false);
}

} // namespace mamori::web::incident_pages
