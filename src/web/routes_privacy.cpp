// mamori/web/routes_privacy.cpp
//
// /privacy: what personal data mamori keeps, why, who sees it, for how long
// and how to get it out (ASVS 8.3.3). Open to everyone, signed in or not,
// because people should read it before they create an account.
#include "web/route_table.hpp"

namespace mamori::web {
namespace {

void ShowPrivacy(WebApp &web, Request &request) {
	web.SendHtml(request, 200, web.RenderPage(request, "privacy", Json::object(), "pages.privacy"));
}

} // namespace

RouteTable PrivacyRoutes() {
	return {
	    {Method::kGet, "/privacy", Anyone(), ShowPrivacy},
	};
}

} // namespace mamori::web
