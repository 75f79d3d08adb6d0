// mamori/web/routes_policy.cpp
#include "web/web_app.hpp"

namespace mamori::web {

void WebApp::MountPolicy(httplib::Server &) {}

} // namespace mamori::web
