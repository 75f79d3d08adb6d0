// mamori/web/routes_languages.cpp
//
// The organisation's document language (issue 7): generated documents (the
// 基本方針 PDF, registers) use it, whatever language each person reads the
// UI in. The UI language itself needs no route: ?lang= sets it (web_app.cpp).
#include "app/languages.hpp"
#include "web/route_table.hpp"

namespace mamori::web {

namespace {

void SaveDocumentLanguage(WebApp &web, Request &request, const app::OrgAccess &access) {
	const auto locale = ParseLocale(request.Param("document_locale"));
	if (!locale) {
		return web.SendErrorPage(request, Error::Invalid("document_locale", "orgs_language.errors.unknown"));
	}
	if (auto saved = app::SetDocumentLanguage(web.ctx(), request.actor(), access, *locale); !saved) {
		return web.SendErrorPage(request, saved.error());
	}
	web.Redirect(request, "/orgs/" + std::to_string(access.org.id) + "/profile?saved=profile#document-language");
}

} // namespace

RouteTable LanguageRoutes() {
	return {
	    {Method::kPost, R"(/orgs/(\d+)/document-language)", OrgEditor(), SaveDocumentLanguage},
	};
}

} // namespace mamori::web
