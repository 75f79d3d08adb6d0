// mamori/web/server.hpp
#pragma once

#include <string>

namespace mamori::web {

struct ServeOptions {
	std::string db_path;
	std::string host = "127.0.0.1";
	int port = 8080;
	bool secure_cookies = false;
};

//! Loads content, opens the database (creating it), prints the set-up code
//! when no account exists yet, and serves until stopped. Returns the exit code.
int Serve(const ServeOptions &options);

} // namespace mamori::web
