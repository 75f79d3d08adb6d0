// mamori/web/invitation_view.hpp
//
// An invitation as the inviter sees it once, on the response to the invitation (the members
// page, and a new client registered with its 組織管理者, issue 12): the link is never stored in
// clear, so it cannot be shown again.
#pragma once

#include "app/organizations.hpp"
#include "web/web_app.hpp"

#include <string>

namespace mamori::web {

//! {email, has_link, link}: has_link is false for an account that already exists.
Json ShownInvitation(const WebApp &web, const Request &request, const std::string &email,
                     const app::Invitation &invitation);

} // namespace mamori::web
