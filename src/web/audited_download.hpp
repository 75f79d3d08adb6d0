// mamori/web/audited_download.hpp
//
// Files that carry an organisation's personal data (documents with names and contacts, incident
// reports, the asset register) leave the system through here, so every such download is in the
// audit log with who, what and when (issue 10: exports of personal data are logged).
#pragma once

#include "app/organizations.hpp"
#include "web/web_app.hpp"

#include <string>

namespace mamori::web {

struct DownloadFile {
	std::string ascii_name;  // for clients that cannot take UTF-8 names
	std::string utf8_name;   // in the document's language
	std::string content_type;
	std::string body;
};

//! Records data.export (target: the ASCII file name), then sends the file as an attachment.
//! When the record cannot be written the file is not sent: an unlogged export is what this prevents.
void SendAuditedDownload(WebApp &web, Request &request, const app::OrgAccess &access, const DownloadFile &file);

//! Sends the file as an attachment, for a use case that recorded its own export
//! (the hand-over package: its entry must be the organisation's newest).
void SendAttachment(Request &request, const DownloadFile &file);

} // namespace mamori::web
