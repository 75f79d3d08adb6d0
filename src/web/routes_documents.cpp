// mamori/web/routes_documents.cpp
//
// The organisation's documents (issue 8): the list with each document's
// state and downloads, the 関連規程 proposed with their reasons, a document
// shown in the page as HTML, and its PDF and DOCX. Documents are written in
// the organisation's document language, whatever the reader's UI language.
#include "app/documents/document_kinds.hpp"
#include "app/documents/subject_documents.hpp"
#include "app/languages.hpp"
#include "app/policy_service.hpp"
#include "export/document_docx.hpp"
#include "export/document_html.hpp"
#include "export/document_pack.hpp"
#include "export/document_pdf.hpp"
#include "web/audited_download.hpp"
#include "web/http_headers.hpp"
#include "web/route_table.hpp"

#include <algorithm>

namespace mamori::web {
namespace {

std::string Base(const app::OrgAccess &access) { return "/orgs/" + std::to_string(access.org.id) + "/documents"; }

bool KnownKind(const std::string &kind) {
	const auto &kinds = app::DocumentKinds();
	return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

//! The message key naming a profile flag (web_documents.flag.*).
const char *FlagLabelKey(const std::string &flag) {
	if (flag == "uses_cloud") {
		return "web_documents.flag.uses_cloud";
	}
	if (flag == "telework") {
		return "web_documents.flag.telework";
	}
	if (flag == "develops_systems") {
		return "web_documents.flag.develops_systems";
	}
	if (flag == "handles_my_number") {
		return "web_documents.flag.handles_my_number";
	}
	if (flag == "has_website") {
		return "web_documents.flag.has_website";
	}
	return "web_documents.flag.outsources";
}

Json ProposalsModel(WebApp &web, Request &request, const std::string &edit_base,
                    const std::vector<document::RegulationProposal> &proposals) {
	Json rows = Json::array();
	for (const auto &proposal : proposals) {
		rows.push_back({{"title", proposal.regulation->title},
		                {"edit", edit_base + proposal.regulation->id},
		                {"proposed", proposal.proposed},
		                {"reason", web.Text(request, document::ProposalReasonKey(proposal.reason),
		                                    {{"flag", proposal.flag.empty() ? "" : web.Text(request, FlagLabelKey(proposal.flag))}})}});
	}
	return rows;
}

//! The profile questions, ticked as the organisation answered them.
Json ProfileModel(WebApp &web, Request &request, const app::OrgAccess &access) {
	Json flags = Json::array();
	for (const auto &flag : document::ProfileFlagIds()) {
		const bool on = std::find(access.org.profile_flags.begin(), access.org.profile_flags.end(), flag) !=
		                access.org.profile_flags.end();
		flags.push_back({{"id", "flag-" + flag}, {"value", flag}, {"label", web.Text(request, FlagLabelKey(flag))}, {"checked", on}});
	}
	return flags;
}

void SaveProfile(WebApp &web, Request &request, const app::OrgAccess &access) {
	const std::vector<std::string> flags = request.Values("flag");
	if (auto saved = app::SetProfileFlags(web.ctx(), request.actor(), access, flags); !saved) {
		return web.SendErrorPage(request, saved.error());
	}
	web.Redirect(request, Base(access) + "?saved=profile#regulations");
}

void DownloadPack(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto built = app::BuildAllDocuments(web.ctx(), web.messages(), access);
	if (!built) {
		return web.SendErrorPage(request, built.error());
	}
	std::vector<exporting::PackEntry> entries;
	const std::vector<std::string> stems = app::PackStems(*built);
	for (size_t i = 0; i < built->size(); ++i) {
		entries.push_back({stems[i], &(*built)[i].document});
	}
	auto zip = exporting::RenderDocumentPack(entries, app::BuildPackIndex(web.messages(), access, *built));
	if (!zip) {
		return web.SendErrorPage(request, zip.error());
	}
	SendAuditedDownload(web, request, access,
	                    {"mamori-documents.zip",
	                     web.messages().Text(app::DocumentLocaleOf(access.org), "documents.pack.file_name"),
	                     "application/zip", std::move(*zip)});
}

void ShowDocuments(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto built = app::BuildAllDocuments(web.ctx(), web.messages(), access);
	if (!built) {
		return web.SendErrorPage(request, built.error());
	}
	auto proposals = app::ProposeRegulationsFor(web.ctx(), access);
	if (!proposals) {
		return web.SendErrorPage(request, proposals.error());
	}
	const std::string base = Base(access);
	Json documents = Json::array();
	for (const auto &entry : *built) {
		const std::string href = base + "/" + entry.summary.kind;
		const auto editable = app::EditableTemplateOf(web.ctx(), access, entry.summary.kind);
		// One document per partner or service: edited from its register; the
		// 基本方針 keeps its own editor (the 付録2 clause choice).
		const auto subjects = app::SubjectKindOf(entry.summary.kind);
		const std::string org_base = "/orgs/" + std::to_string(access.org.id);
		Json edit = subjects ? Json(org_base + (*subjects == app::SubjectKind::kService ? "/cloud-services" : "/partners"))
		            : editable ? Json(base + "/edit/" + *editable)
		                       : Json(false);
		if (entry.summary.kind == app::kPolicyTemplateId) {
			edit = org_base + "/policy";
		}
		documents.push_back({{"title", entry.summary.title},
		                     {"edit", edit},
		                     {"state", entry.summary.state},
		                     {"view", href},
		                     {"pdf", href + ".pdf"},
		                     {"docx", href + ".docx"}});
	}
	Json model = {{"documents", documents},
	              {"document_lang", std::string(LocaleCode(app::DocumentLocaleOf(access.org)))},
	              {"can_edit", access.CanEdit()},
	              {"profile", ProfileModel(web, request, access)},
	              {"action_profile", base + "/profile"},
	              {"profile_saved", request.Param("saved") == "profile"},
	              {"pack", base + ".zip"},
	              {"partners", "/orgs/" + std::to_string(access.org.id) + "/partners"},
	              {"cloud_services", "/orgs/" + std::to_string(access.org.id) + "/cloud-services"},
	              {"continuity", "/orgs/" + std::to_string(access.org.id) + "/continuity"},
	              {"proposals", ProposalsModel(web, request, base + "/edit/", *proposals)}};
	web.SendHtml(request, 200, web.RenderPage(request, "documents", model, "pages.documents", access));
}

Result<document::RenderedDocument> BuildFromPath(WebApp &web, Request &request, const app::OrgAccess &access) {
	const std::string kind = request.http.matches[2];
	if (!KnownKind(kind)) {
		return Error::Make(ErrorCode::kNotFound, "errors.document.kind_unknown", {{"kind", kind}});
	}
	return app::BuildDocument(web.ctx(), web.messages(), access, kind);
}

void ShowDocument(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto doc = BuildFromPath(web, request, access);
	if (!doc) {
		return web.SendErrorPage(request, doc.error());
	}
	const std::string href = Base(access) + "/" + doc->kind;
	Json model = {{"article", exporting::RenderDocumentHtmlArticle(*doc)},
	              {"title", doc->title},
	              {"back", Base(access)},
	              {"pdf", href + ".pdf"},
	              {"docx", href + ".docx"}};
	web.SendHtml(request, 200, web.RenderPage(request, "document_view", model, "pages.document_view", access));
}

void Download(WebApp &web, Request &request, const app::OrgAccess &access, bool pdf) {
	auto doc = BuildFromPath(web, request, access);
	if (!doc) {
		return web.SendErrorPage(request, doc.error());
	}
	auto bytes = pdf ? exporting::RenderDocumentPdf(*doc) : exporting::RenderDocumentDocx(*doc);
	if (!bytes) {
		return web.SendErrorPage(request, bytes.error());
	}
	const std::string extension = pdf ? ".pdf" : ".docx";
	SendAuditedDownload(web, request, access,
	                    {doc->kind + extension, doc->title + extension,
	                     pdf ? "application/pdf"
	                         : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	                     std::move(*bytes)});
}

void DownloadPdf(WebApp &web, Request &request, const app::OrgAccess &access) { Download(web, request, access, true); }
void DownloadDocx(WebApp &web, Request &request, const app::OrgAccess &access) { Download(web, request, access, false); }

//! The documents' own style sheet (export/document_html), served so the
//! strict CSP (style-src 'self') allows it on every page that shows one.
void DocumentStyles(WebApp &, Request &request) {
	request.response.status = 200;
	request.response.set_header("Cache-Control", "public, max-age=3600");
	request.response.set_content(std::string(exporting::DocumentHtmlStyles()), "text/css; charset=utf-8");
}

} // namespace

RouteTable DocumentRoutes() {
	const std::string refusal = "web_documents.staff_only";
	return {
	    {Method::kGet, R"(/document-styles\.css)", Anyone(), DocumentStyles},
	    {Method::kGet, R"(/orgs/(\d+)/documents)", OrgStaff(refusal), ShowDocuments},
	    {Method::kGet, R"(/orgs/(\d+)/documents\.zip)", OrgStaff(refusal), DownloadPack},
	    {Method::kPost, R"(/orgs/(\d+)/documents/profile)", OrgEditor(), SaveProfile},
	    {Method::kGet, R"(/orgs/(\d+)/documents/([a-z_]+)\.pdf)", OrgStaff(refusal), DownloadPdf},
	    {Method::kGet, R"(/orgs/(\d+)/documents/([a-z_]+)\.docx)", OrgStaff(refusal), DownloadDocx},
	    {Method::kGet, R"(/orgs/(\d+)/documents/([a-z_]+))", OrgStaff(refusal), ShowDocument},
	};
}

} // namespace mamori::web
