// mamori/web/portfolio_rows_cache.hpp
//
// The consultant portfolio's client rows, rendered, kept until anything in the installation
// changes (issue 12: with 300 clients, building the rows' view model and rendering it took about
// four fifths of the page's time, several times its 5 ms goal; docs/performance-notes.md).
//
// A kept entry is valid for one revision: app::PortfolioRevision, the installation's newest audit
// entry (every change is written with its audit entry, so an unchanged head means nothing the
// rows show has changed), plus the day in Japan (overdue measures) and the reader's language.
// The request reads the revision before it builds, so a change committed meanwhile only makes the
// next request build again. Bounded: a few dozen readers, the oldest dropped first.
#pragma once

#include <cstddef>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace mamori::web {

struct PortfolioRows {
	std::string html;  // the <tr> of every client
	size_t count = 0;
	int overdue_clients = 0;
	int open_requests = 0;
	size_t without_lead = 0;  // clients with no 組織管理者 or 責任者 signed up
};

class PortfolioRowsCache {
public:
	explicit PortfolioRowsCache(size_t capacity) : capacity_(capacity) {}

	//! The rows kept for `reader` (server, account and language) at `revision`, or null.
	std::shared_ptr<const PortfolioRows> Find(const std::string &reader, const std::string &revision);
	void Keep(const std::string &reader, const std::string &revision, std::shared_ptr<const PortfolioRows> rows);

private:
	struct Entry {
		std::string revision;
		std::shared_ptr<const PortfolioRows> rows;
	};
	const size_t capacity_;
	std::mutex mutex_;
	std::map<std::string, Entry> entries_;
	std::list<std::string> order_;  // readers, oldest kept first
};

//! The process's cache (the rows are keyed by the server they were rendered for).
PortfolioRowsCache &KeptPortfolioRows();

} // namespace mamori::web
