// mamori/web/routes_selfcheck.cpp
#include "web/web_app.hpp"

namespace mamori::web {

void WebApp::MountSelfcheck(httplib::Server &) {}

} // namespace mamori::web
