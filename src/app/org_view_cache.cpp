// mamori/app/org_view_cache.cpp
#include "app/org_view_cache.hpp"

namespace mamori::app {

std::shared_ptr<const void> OrgViewCache::FindErased(storage::Id org_id, int64_t revision, const std::string &key) {
	std::lock_guard lock(mutex_);
	auto entry = entries_.find(org_id);
	if (entry == entries_.end() || entry->second.revision != revision) {
		return nullptr;
	}
	auto view = entry->second.views.find(key);
	if (view == entry->second.views.end()) {
		return nullptr;
	}
	recent_.splice(recent_.begin(), recent_, entry->second.recent);
	return view->second.value;
}

void OrgViewCache::KeepErased(storage::Id org_id, int64_t revision, const std::string &key,
                              std::shared_ptr<const void> value, size_t bytes) {
	if (bytes > budget_bytes_) {
		return;  // one view larger than the whole budget would only push everything else out
	}
	std::lock_guard lock(mutex_);
	auto entry = entries_.find(org_id);
	if (entry != entries_.end() && entry->second.revision != revision) {
		if (entry->second.revision > revision) {
			return;  // computed from older data than what is kept already
		}
		DropLocked(entry);
		entry = entries_.end();
	}
	if (entry == entries_.end()) {
		recent_.push_front(org_id);
		entry = entries_.emplace(org_id, Entry{revision, {}, 0, recent_.begin()}).first;
	} else {
		recent_.splice(recent_.begin(), recent_, entry->second.recent);
	}
	View &view = entry->second.views[key];
	entry->second.bytes -= view.bytes;
	bytes_ -= view.bytes;
	view = View{std::move(value), bytes};
	entry->second.bytes += bytes;
	bytes_ += bytes;
	while (bytes_ > budget_bytes_ && !recent_.empty()) {
		DropLocked(entries_.find(recent_.back()));
	}
}

void OrgViewCache::DropLocked(std::unordered_map<storage::Id, Entry>::iterator entry) {
	bytes_ -= entry->second.bytes;
	recent_.erase(entry->second.recent);
	entries_.erase(entry);
}

size_t OrgViewCache::BytesKept() const {
	std::lock_guard lock(mutex_);
	return bytes_;
}

size_t OrgViewCache::OrganizationsKept() const {
	std::lock_guard lock(mutex_);
	return entries_.size();
}

namespace {

std::mutex g_attached_mutex;
std::map<const storage::Store *, OrgViewCache *> g_attached;

} // namespace

OrgViewCache *ViewCacheOf(const storage::Store &store) {
	std::lock_guard lock(g_attached_mutex);
	auto found = g_attached.find(&store);
	return found != g_attached.end() ? found->second : nullptr;
}

ViewCacheAttachment::ViewCacheAttachment(const storage::Store &store, OrgViewCache &cache) : store_(store) {
	std::lock_guard lock(g_attached_mutex);
	g_attached[&store] = &cache;
}

ViewCacheAttachment::~ViewCacheAttachment() {
	std::lock_guard lock(g_attached_mutex);
	g_attached.erase(&store_);
}

} // namespace mamori::app
