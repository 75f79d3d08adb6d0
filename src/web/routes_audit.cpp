// mamori/web/routes_audit.cpp
#include "web/web_app.hpp"

namespace mamori::web {

void WebApp::MountAudit(httplib::Server &) {}

} // namespace mamori::web
