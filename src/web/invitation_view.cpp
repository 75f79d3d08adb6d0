// mamori/web/invitation_view.cpp
#include "web/invitation_view.hpp"

namespace mamori::web {

Json ShownInvitation(const WebApp &web, const Request &request, const std::string &email,
                     const app::Invitation &invitation) {
	Json shown = {{"email", app::NormalizeEmail(email)}, {"has_link", !invitation.token.empty()}};
	if (!invitation.token.empty()) {
		// Behind TLS the link must be the https address, or the token would first travel in clear.
		shown["link"] = web.ShareableUrl(request, "/invite/" + invitation.token);
	}
	return shown;
}

} // namespace mamori::web
