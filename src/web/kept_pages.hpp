// mamori/web/kept_pages.hpp
//
// Whole rendered pages of an organisation, kept until its data changes (issue 11: the
// dashboard, the register and its print view spent most of their time building the view model,
// converting it for Mustache and rendering, for a page that had not changed since the reader's
// last visit).
//
// A page is kept under a key naming everything it was rendered from besides the organisation's
// data: the page, the request's target (path and query), the day in Japan, and every input
// of the layout (WebApp::KeptPageKey): the reader, their session's CSRF token, their role and
// language. So a kept page is only ever served to the session it was rendered for, never to
// another reader. It is valid for one revision of the organisation (OrgAccess::revision: its
// newest audit entry; every change is written with its audit entry), read before the page is
// built, so a change committed meanwhile only makes the next request build again, on any
// instance sharing the database.
//
// Bounded by bytes, the least recently used page dropped first; a page larger than a quarter of
// the budget is not kept.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace mamori::web {

class KeptPages {
public:
	explicit KeptPages(size_t budget_bytes) : budget_bytes_(budget_bytes) {}

	//! The page kept under `key` for `revision`, or null.
	std::shared_ptr<const std::string> Find(const std::string &key, int64_t revision);
	void Keep(const std::string &key, int64_t revision, std::shared_ptr<const std::string> html);

	size_t BytesKept() const;

private:
	struct Entry {
		int64_t revision = 0;
		std::shared_ptr<const std::string> html;
		std::list<std::string>::iterator recent;
	};
	static size_t SizeOf(const std::string &key, const std::string &html) { return key.size() + html.size(); }
	void DropLocked(std::unordered_map<std::string, Entry>::iterator entry);

	const size_t budget_bytes_;
	mutable std::mutex mutex_;
	std::unordered_map<std::string, Entry> entries_;
	std::list<std::string> recent_;  // most recently used first
	size_t bytes_ = 0;
};

} // namespace mamori::web
