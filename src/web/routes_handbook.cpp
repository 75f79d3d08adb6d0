// mamori/web/routes_handbook.cpp
//
// The ハンドブック for employees (issue 8): every member, respondents
// included, opens the published handbook in mamori and confirms having read
// it; the 責任者 sees who has not.
#include "app/documents/document_editing.hpp"
#include "app/documents/document_kinds.hpp"
#include "export/document_html.hpp"
#include "web/form_dates.hpp"
#include "web/route_table.hpp"

namespace mamori::web {
namespace {

std::string Base(const app::OrgAccess &access) { return "/orgs/" + std::to_string(access.org.id) + "/handbook"; }

void ShowHandbook(WebApp &web, Request &request, const app::OrgAccess &access) {
	auto published = app::PublishedHandbook(web.ctx(), access);
	if (!published) {
		return web.SendErrorPage(request, published.error());
	}
	if (!published->has_value()) {
		return web.SendErrorPage(request, Error::Make(ErrorCode::kNotFound, "errors.document.handbook_not_published"));
	}
	auto doc = app::BuildDocument(web.ctx(), web.messages(), access, "handbook");
	if (!doc) {
		return web.SendErrorPage(request, doc.error());
	}
	auto readers = app::HandbookReaders(web.ctx(), access);
	if (!readers) {
		return web.SendErrorPage(request, readers.error());
	}
	bool read_by_me = false;
	Json not_read = Json::array();
	Json read = Json::array();
	for (const auto &reader : *readers) {
		if (reader.member.user_id == request.actor().user_id) {
			read_by_me = reader.read_at.has_value();
		}
		const std::string name = reader.member.display_name.empty() ? reader.member.email : reader.member.display_name;
		if (reader.read_at) {
			read.push_back({{"name", name}, {"at", FormatDateTime(web.messages(), request.locale, *reader.read_at)}});
		} else {
			not_read.push_back({{"name", name}});
		}
	}
	Json model = {{"article", exporting::RenderDocumentHtmlArticle(*doc)},
	              {"action", Base(access) + "/read"},
	              {"read_by_me", read_by_me},
	              {"show_readers", access.CanEdit()},
	              {"not_read", not_read},
	              {"has_not_read", !not_read.empty()},
	              {"read", read},
	              {"has_read", !read.empty()}};
	web.SendHtml(request, 200, web.RenderPage(request, "handbook", model, "pages.handbook", access));
}

void ConfirmRead(WebApp &web, Request &request, const app::OrgAccess &access) {
	if (auto confirmed = app::ConfirmHandbookRead(web.ctx(), request.actor(), access); !confirmed) {
		return web.SendErrorPage(request, confirmed.error());
	}
	web.Redirect(request, Base(access));
}

} // namespace

RouteTable HandbookRoutes() {
	return {
	    {Method::kGet, R"(/orgs/(\d+)/handbook)", OrgMember(), ShowHandbook},
	    {Method::kPost, R"(/orgs/(\d+)/handbook/read)", OrgMember(), ConfirmRead},
	};
}

} // namespace mamori::web
