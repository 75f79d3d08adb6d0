// mamori/web/retention_timer.hpp
//
// The server applies the retention schedule (app/retention.hpp) at start and then once a day,
// on a thread of its own, until it stops. A failed run is reported on standard error and tried
// again the next day; it never stops the server.
#pragma once

#include "app/retention.hpp"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace mamori::web {

class RetentionTimer {
public:
	RetentionTimer(app::AppContext ctx, RetentionSchedule schedule);
	~RetentionTimer();  // stops and joins the thread
	RetentionTimer(const RetentionTimer &) = delete;
	RetentionTimer &operator=(const RetentionTimer &) = delete;

private:
	void Loop();

	app::AppContext ctx_;
	RetentionSchedule schedule_;
	std::mutex mutex_;
	std::condition_variable wake_;
	bool stopping_ = false;
	std::thread thread_;
};

} // namespace mamori::web
