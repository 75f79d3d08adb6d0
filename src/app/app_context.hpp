// mamori/app/app_context.hpp
//
// The application layer: use cases that combine the domain core, the store
// and the audit log. The web handlers and the CLI call these and nothing
// below them, so every change is validated, scoped and audited the same way
// whichever door it came through.
#pragma once

#include "app/alert_settings.hpp"
#include "core/catalog/catalogs.hpp"
#include "core/security/rate_limit.hpp"
#include "platform/clock.hpp"
#include "platform/crypto.hpp"
#include "platform/mailer.hpp"
#include "storage/store.hpp"

namespace mamori::app {

using storage::Id;

//! What a use case works with. The clock and the random source are the
//! only ways app/ reads the time or draws tokens, so a test can fix both;
//! left out, they default to the real ones (production wiring).
struct AppContext {
	const Catalog &catalog;
	storage::Store &store;
	const Catalogs *catalogs = nullptr;  // every locale, `catalog` being its Default(); null where only Japanese is used
	const platform::Clock &clock = platform::RealClock();
	platform::RandomSource &random = platform::RealRandom();
	platform::Mailer *mailer = nullptr;  // null when no mail relay is configured
	const AlertSettings *alerts = nullptr;  // null where nobody watches (the CLI, most tests)
	//! The operator's API limit (`serve --api-rate-limit`); null: core/security/rate_limit.hpp.
	const ApiRateSetting *api_rate = nullptr;
};

//! Who is acting, for permission checks and the audit log.
struct Actor {
	Id user_id = 0;
	std::string email;
	bool is_admin = false;
};

} // namespace mamori::app
