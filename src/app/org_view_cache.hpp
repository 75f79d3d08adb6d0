// mamori/app/org_view_cache.hpp
//
// Keeps what the busiest pages derive from an organisation's data (the
// register analysis, the dashboard's progress, the self-check summary) until
// that data changes (issue 11: the dashboard of a 1,000-asset register read
// every asset and ran the analysis on every request).
//
// An entry is valid for one revision of its organisation
// (storage/org_revision.hpp: the id of its newest audit entry; every change
// is written with its audit entry in the same transaction). A
// request reads the revision first and uses an entry only when it matches, so
// a change made through any instance on the same database retires the
// entries of every instance, and nothing has to remember to clear the cache.
//
// Memory is bounded: entries carry an estimate of their size and the least
// recently used organisations go once the total passes the budget.
#pragma once

#include "storage/records.hpp"

#include <cstddef>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace mamori::storage {
class Store;
}

namespace mamori::app {

class OrgViewCache {
public:
	//! `budget_bytes`: the estimated size all entries together may keep.
	explicit OrgViewCache(size_t budget_bytes) : budget_bytes_(budget_bytes) {}

	//! The view `key` of the organisation as of `revision`, or null when it is not kept
	//! (never computed, or computed for another revision).
	template <typename T>
	std::shared_ptr<const T> Find(storage::Id org_id, int64_t revision, const std::string &key) {
		return std::static_pointer_cast<const T>(FindErased(org_id, revision, key));
	}

	//! Keeps `value` as the view `key` of the organisation at `revision`; an entry of an
	//! older revision is dropped with all its views. `bytes` is an estimate of its size.
	template <typename T>
	void Keep(storage::Id org_id, int64_t revision, const std::string &key, std::shared_ptr<const T> value, size_t bytes) {
		KeepErased(org_id, revision, key, std::move(value), bytes);
	}

	size_t BytesKept() const;
	size_t OrganizationsKept() const;

private:
	struct View {
		std::shared_ptr<const void> value;
		size_t bytes = 0;
	};
	struct Entry {
		int64_t revision = 0;
		std::map<std::string, View> views;
		size_t bytes = 0;
		std::list<storage::Id>::iterator recent;  // its place in recent_
	};

	std::shared_ptr<const void> FindErased(storage::Id org_id, int64_t revision, const std::string &key);
	void KeepErased(storage::Id org_id, int64_t revision, const std::string &key, std::shared_ptr<const void> value,
	                size_t bytes);
	void DropLocked(std::unordered_map<storage::Id, Entry>::iterator entry);

	const size_t budget_bytes_;
	mutable std::mutex mutex_;
	std::unordered_map<storage::Id, Entry> entries_;
	std::list<storage::Id> recent_;  // most recently used first
	size_t bytes_ = 0;
};

//! The cache the server attached to `store`, or null: use cases reach it through the store their
//! AppContext carries, so the CLI and tests that attach none compute every view afresh.
OrgViewCache *ViewCacheOf(const storage::Store &store);

//! Attaches `cache` to `store` for the attachment's lifetime (the server: for as long as it serves).
class ViewCacheAttachment {
public:
	ViewCacheAttachment(const storage::Store &store, OrgViewCache &cache);
	~ViewCacheAttachment();
	ViewCacheAttachment(const ViewCacheAttachment &) = delete;
	ViewCacheAttachment &operator=(const ViewCacheAttachment &) = delete;

private:
	const storage::Store &store_;
};

} // namespace mamori::app
