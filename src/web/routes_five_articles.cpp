// mamori/web/routes_five_articles.cpp
#include "web/web_app.hpp"

namespace mamori::web {

void WebApp::MountFiveArticles(httplib::Server &) {}

} // namespace mamori::web
