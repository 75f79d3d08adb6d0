// mamori/web/rate_limit_gate.cpp
#include "web/rate_limit_gate.hpp"

#include "web/account_pages.hpp"

namespace mamori::web {

bool PassRateLimit(WebApp &web, Request &request, app::RateKind kind, bool as_json) {
	const std::optional<Id> user = request.session ? std::optional<Id>(request.session->user.id) : std::nullopt;
	Status taken = app::TakeRate(web.ctx(), kind, app::RateSubject(user, request.client_address));
	if (taken) {
		return true;
	}
	SetRetryAfter(request, taken.error());
	if (as_json) {
		web.SendApiError(request, taken.error());
	} else {
		web.SendErrorPage(request, taken.error());
	}
	return false;
}

} // namespace mamori::web
