// mamori/storage/coaching_store.hpp
//
// The consultant workspace (issue 12): coaching engagements with their visits and pre-work
// requests (migration 0027), and the portfolio read across a consultant's clients. One area of
// the Store interface (storage/store.hpp); the organisation-scoping rule stated there holds: the
// per-client methods take the org_id, and the portfolio methods read only organisations where
// the user holds the consultant role, in the query itself.
#pragma once

#include "core/common/result.hpp"
#include "storage/records.hpp"
#include "storage/selfcheck_store.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mamori::storage {

//! One coaching engagement: a programme followed with one firm.
struct Engagement {
	Id id = 0;
	Id org_id = 0;
	std::string programme_id;
	std::string programme_title;
	std::string programme_yaml;  // the programme as it was when the engagement started
	std::optional<Id> started_by;
	std::string started_on;  // YYYY-MM-DD
	std::string created_at;
};

struct EngagementVisit {
	Id id = 0;
	Id org_id = 0;
	Id engagement_id = 0;
	int number = 0;          // 第1回 = 1
	std::string planned_on;  // YYYY-MM-DD or ''
	std::string held_on;     // YYYY-MM-DD or '' until the visit took place
	std::string notes;       // agenda notes (当日の記録)
	std::string updated_at;
};

//! A pre-work request (事前準備) of one visit; its text is the programme's.
struct EngagementRequest {
	Id id = 0;
	Id org_id = 0;
	Id engagement_id = 0;
	int visit_number = 0;
	std::string request_key;
	std::string done_at;  // '' while open
	std::optional<Id> done_by;
	std::string done_by_email;  // joined for display
};

//! What the portfolio shows of one client, counted in the database.
struct PortfolioClient {
	Organization org;
	int five_done = 0;
	int five_in_progress = 0;  // rows 実施中; articles without a row are 未着手
	bool policy_drafted = false;
	bool policy_published = false;
	bool handbook_started = false;
	bool handbook_published = false;
	int risk_assets = 0;
	int control_answers = 0;
	int treatments = 0;
	int open_measures = 0;     // treatments to reduce, not completed
	int overdue_measures = 0;  // not completed, due before `today`
	int open_incidents = 0;
	std::string last_visit_on;  // latest held visit of the newest engagement, '' when none
	std::string next_visit_on;  // earliest planned, not yet held visit, '' when none
	int open_requests = 0;      // pre-work of the newest engagement not done
};

class CoachingStore {
public:
	virtual ~CoachingStore() = default;

	//! Creates the engagement with its visits (numbers given) and its open requests
	//! (visit number, key), all or nothing. kInvalidInput on a repeated visit or request.
	virtual Result<Id> CreateEngagement(const Engagement &engagement, const std::vector<int> &visit_numbers,
	                                    const std::vector<std::pair<int, std::string>> &requests) = 0;
	//! The newest engagement of the organisation.
	virtual Result<std::optional<Engagement>> CurrentEngagement(Id org_id) = 0;
	//! By visit number.
	virtual Result<std::vector<EngagementVisit>> ListVisits(Id org_id, Id engagement_id) = 0;
	//! Sets the dates and notes of visit `visit.number`; kNotFound unless it is the organisation's.
	virtual Status UpdateVisit(const EngagementVisit &visit) = 0;
	//! By visit number, then id (the programme's order).
	virtual Result<std::vector<EngagementRequest>> ListRequests(Id org_id, Id engagement_id) = 0;
	virtual Result<std::optional<EngagementRequest>> FindRequest(Id org_id, Id request_id) = 0;
	//! Marks a request done (by, at) or open again; kNotFound unless it is the organisation's.
	virtual Status SetRequestDone(Id org_id, Id request_id, bool done, std::optional<Id> by, const std::string &at) = 0;

	//! Every organisation where `user_id` is consultant, by name then id, with its counts.
	//! `today` (YYYY-MM-DD) decides which measures are overdue. One query.
	virtual Result<std::vector<PortfolioClient>> ListPortfolio(Id user_id, const std::string &today) = 0;
	//! The kept scores of every round with at least one answer in those organisations
	//! (storage/selfcheck_store.hpp), by organisation, then round number. One query.
	virtual Result<std::vector<RoundScore>> ListPortfolioScores(Id user_id) = 0;
};

} // namespace mamori::storage
