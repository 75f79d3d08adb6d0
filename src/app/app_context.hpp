// mamori/app/app_context.hpp
//
// The application layer: use cases that combine the domain core, the store
// and the audit log. The web handlers and the CLI call these and nothing
// below them, so every change is validated, scoped and audited the same way
// whichever door it came through.
#pragma once

#include "core/catalog/catalogs.hpp"
#include "storage/store.hpp"

namespace mamori::app {

using storage::Id;

struct AppContext {
	const Catalog &catalog;
	storage::Store &store;
	const Catalogs *catalogs = nullptr;  // every locale, `catalog` being its Default(); null where only Japanese is used
};

//! Who is acting, for permission checks and the audit log.
struct Actor {
	Id user_id = 0;
	std::string email;
	bool is_admin = false;
};

} // namespace mamori::app
