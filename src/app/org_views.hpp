// mamori/app/org_views.hpp
//
// One way for a use case to keep a derived view of an organisation's data in
// the server's OrgViewCache (app/org_view_cache.hpp).
#pragma once

#include "app/app_context.hpp"
#include "app/org_view_cache.hpp"
#include "storage/org_revision.hpp"

#include <cstdint>
#include <memory>
#include <string>

namespace mamori::app {

//! The organisation's view `key` (which names everything besides the organisation's data that
//! the view depends on: language, options, the date): kept from an earlier request when the
//! organisation has not changed since, else made by `make` (returning
//! Result<std::shared_ptr<const T>>) and kept with the size `estimate_bytes(view)` returns.
//! Without a cache attached to the store (the CLI, most tests) it is made every time.
//! Not for use inside Store::InTransaction (see storage/org_revision.hpp). CachedOrgViewAt takes
//! a revision read earlier in the request (OrgAccess::revision), before any of its data.
template <typename T, typename Make, typename Estimate>
Result<std::shared_ptr<const T>> CachedOrgViewAt(AppContext &ctx, Id org_id, int64_t revision, const std::string &key,
                                                 Make &&make, Estimate &&estimate_bytes) {
	OrgViewCache *views = ViewCacheOf(ctx.store);
	if (views == nullptr) {
		return make();
	}
	if (auto kept = views->Find<T>(org_id, revision, key)) {
		return kept;
	}
	std::shared_ptr<const T> made = MAMORI_TRY(make());
	views->Keep<T>(org_id, revision, key, made, estimate_bytes(*made));
	return made;
}

template <typename T, typename Make, typename Estimate>
Result<std::shared_ptr<const T>> CachedOrgView(AppContext &ctx, Id org_id, const std::string &key, Make &&make,
                                               Estimate &&estimate_bytes) {
	if (ViewCacheOf(ctx.store) == nullptr) {
		return make();
	}
	// Read before the data the view is made from: a change committed in between leaves the view
	// newer than its revision says, so the next request makes it again, never the other way round.
	const int64_t revision = MAMORI_TRY(storage::OrgRevision(ctx.store, org_id));
	return CachedOrgViewAt<T>(ctx, org_id, revision, key, std::forward<Make>(make),
	                          std::forward<Estimate>(estimate_bytes));
}

//! A key part naming an object that lives as long as the process (an edition, a catalog).
inline std::string KeyOf(const void *object) { return std::to_string(reinterpret_cast<std::uintptr_t>(object)); }

} // namespace mamori::app
