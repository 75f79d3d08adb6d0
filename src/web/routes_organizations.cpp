// mamori/web/routes_organizations.cpp
#include "web/web_app.hpp"

namespace mamori::web {

void WebApp::MountOrganizations(httplib::Server &) {}

} // namespace mamori::web
