// mamori/web/audited_download.cpp
#include "web/audited_download.hpp"

#include "app/audit.hpp"
#include "web/http_headers.hpp"
#include "web/rate_limit_gate.hpp"

namespace mamori::web {

void SendAuditedDownload(WebApp &web, Request &request, const app::OrgAccess &access, const DownloadFile &file) {
	if (!PassRateLimit(web, request, app::RateKind::kExport, false)) {
		return;
	}
	if (auto audited = app::AuditDownload(web.ctx(), request.actor(), access, file.ascii_name,
	                                      {{"file", file.utf8_name}});
	    !audited) {
		return web.SendErrorPage(request, audited.error());
	}
	SendAttachment(request, file);
}

void SendAttachment(Request &request, const DownloadFile &file) {
	request.response.status = 200;
	request.response.set_header("Content-Disposition", AttachmentDisposition(file.ascii_name, file.utf8_name));
	request.response.set_header("Cache-Control", "no-store");
	request.response.set_content(file.body, file.content_type.c_str());
}

} // namespace mamori::web
