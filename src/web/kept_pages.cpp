// mamori/web/kept_pages.cpp
#include "web/kept_pages.hpp"

namespace mamori::web {

std::shared_ptr<const std::string> KeptPages::Find(const std::string &key, int64_t revision) {
	std::lock_guard lock(mutex_);
	auto found = entries_.find(key);
	if (found == entries_.end()) {
		return nullptr;
	}
	if (found->second.revision != revision) {
		// Older: never valid again. Newer: this request read the revision before a change
		// another request has already rendered; leave that page for the next reader.
		if (found->second.revision < revision) {
			DropLocked(found);
		}
		return nullptr;
	}
	recent_.splice(recent_.begin(), recent_, found->second.recent);
	return found->second.html;
}

void KeptPages::Keep(const std::string &key, int64_t revision, std::shared_ptr<const std::string> html) {
	const size_t bytes = SizeOf(key, *html);
	if (bytes > budget_bytes_ / 4) {
		return;
	}
	std::lock_guard lock(mutex_);
	if (auto found = entries_.find(key); found != entries_.end()) {
		DropLocked(found);
	}
	recent_.push_front(key);
	entries_.emplace(key, Entry{revision, std::move(html), recent_.begin()});
	bytes_ += bytes;
	while (bytes_ > budget_bytes_ && !recent_.empty()) {
		DropLocked(entries_.find(recent_.back()));
	}
}

size_t KeptPages::BytesKept() const {
	std::lock_guard lock(mutex_);
	return bytes_;
}

void KeptPages::DropLocked(std::unordered_map<std::string, Entry>::iterator entry) {
	bytes_ -= SizeOf(entry->first, *entry->second.html);
	recent_.erase(entry->second.recent);
	entries_.erase(entry);
}

} // namespace mamori::web
