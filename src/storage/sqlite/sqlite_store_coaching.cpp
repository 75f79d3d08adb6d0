// mamori/storage/sqlite/sqlite_store_coaching.cpp
// SqliteStore: coaching engagements, visits and pre-work requests (migration 0027), and the
// consultant portfolio: two queries over every client, whatever their number (issue 12).
#include "storage/sqlite/sqlite_store.hpp"

#include "storage/sqlite/sqlite_support.hpp"

namespace mamori::storage {

using namespace sqlite_detail;

namespace {

const std::string kEngagementColumns =
    "SELECT id, org_id, programme_id, programme_title, programme_yaml, started_by, started_on, created_at "
    "FROM engagements ";

Result<Engagement> ReadEngagement(const Statement &s) {
	Engagement engagement;
	engagement.id = s.ColumnInt64(0);
	engagement.org_id = s.ColumnInt64(1);
	engagement.programme_id = s.ColumnText(2);
	engagement.programme_title = s.ColumnText(3);
	engagement.programme_yaml = s.ColumnText(4);
	engagement.started_by = s.ColumnOptionalInt64(5);
	engagement.started_on = s.ColumnText(6);
	engagement.created_at = s.ColumnText(7);
	return engagement;
}

Result<EngagementVisit> ReadVisit(const Statement &s) {
	EngagementVisit visit;
	visit.id = s.ColumnInt64(0);
	visit.org_id = s.ColumnInt64(1);
	visit.engagement_id = s.ColumnInt64(2);
	visit.number = s.ColumnInt(3);
	visit.planned_on = s.ColumnText(4);
	visit.held_on = s.ColumnText(5);
	visit.notes = s.ColumnText(6);
	visit.updated_at = s.ColumnText(7);
	return visit;
}

const std::string kRequestColumns =
    "SELECT r.id, r.org_id, r.engagement_id, r.visit_number, r.request_key, r.done_at, r.done_by, "
    "COALESCE(u.email, '') FROM engagement_requests r LEFT JOIN users u ON u.id = r.done_by ";

Result<EngagementRequest> ReadRequest(const Statement &s) {
	EngagementRequest request;
	request.id = s.ColumnInt64(0);
	request.org_id = s.ColumnInt64(1);
	request.engagement_id = s.ColumnInt64(2);
	request.visit_number = s.ColumnInt(3);
	request.request_key = s.ColumnText(4);
	request.done_at = s.ColumnText(5);
	request.done_by = s.ColumnOptionalInt64(6);
	request.done_by_email = s.ColumnText(7);
	return request;
}

// The newest engagement of organisation o (correlated), for the portfolio's visit columns.
#define MAMORI_NEWEST_ENGAGEMENT "(SELECT max(e.id) FROM engagements e WHERE e.org_id = o.id)"

// One row per client. Each figure is a subquery on an (org_id, …) index, so the statement
// stays one round trip however many clients there are; organisations are those where the user
// is consultant (?1), never deleted ones.
const std::string kPortfolioQuery =
    "SELECT o.id, o.name, o.industry, o.capital_yen, o.employees, o.edition, o.created_at, o.document_locale, "
    "o.profile_flags, "
    "(SELECT count(*) FROM five_articles f WHERE f.org_id = o.id AND f.state = 'done'), "
    "(SELECT count(*) FROM five_articles f WHERE f.org_id = o.id AND f.state = 'in_progress'), "
    "(SELECT count(*) FROM documents d WHERE d.org_id = o.id AND d.template_id = 'basic_policy' AND d.subject = ''), "
    "(SELECT count(*) FROM documents d JOIN document_revisions v ON v.document_id = d.id "
    " WHERE d.org_id = o.id AND d.template_id = 'basic_policy' AND d.subject = '' AND v.state = 'published'), "
    "(SELECT count(*) FROM documents d WHERE d.org_id = o.id AND d.template_id = 'handbook' AND d.subject = ''), "
    "(SELECT count(*) FROM documents d WHERE d.org_id = o.id AND d.template_id = 'handbook' AND d.subject = '' "
    " AND d.state = 'published'), "
    "(SELECT count(*) FROM assets a WHERE a.org_id = o.id), "
    "(SELECT count(*) FROM control_answers c WHERE c.org_id = o.id), "
    "(SELECT count(*) FROM risk_treatments t WHERE t.org_id = o.id), "
    "(SELECT count(*) FROM risk_treatments t WHERE t.org_id = o.id AND t.decision = 'reduce' AND t.completed = 0), "
    "(SELECT count(*) FROM risk_treatments t WHERE t.org_id = o.id AND t.completed = 0 AND t.due_on <> '' "
    " AND t.due_on < ?2), "
    "(SELECT count(*) FROM incidents i WHERE i.org_id = o.id AND i.status = 'open'), "
    "COALESCE((SELECT max(v.held_on) FROM engagement_visits v WHERE v.org_id = o.id AND v.held_on <> '' "
    " AND v.engagement_id = " MAMORI_NEWEST_ENGAGEMENT "), ''), "
    "COALESCE((SELECT min(v.planned_on) FROM engagement_visits v WHERE v.org_id = o.id AND v.held_on = '' "
    " AND v.planned_on <> '' AND v.engagement_id = " MAMORI_NEWEST_ENGAGEMENT "), ''), "
    "(SELECT count(*) FROM engagement_requests r WHERE r.org_id = o.id AND r.done_at = '' "
    " AND r.engagement_id = " MAMORI_NEWEST_ENGAGEMENT ") "
    "FROM organizations o JOIN memberships m ON m.org_id = o.id AND m.user_id = ?1 AND m.role = 'consultant' "
    "WHERE o.deleted_at = '' ORDER BY o.name, o.id";

Result<PortfolioClient> ReadPortfolioClient(const Statement &s) {
	PortfolioClient client;
	client.org = MAMORI_TRY(ReadOrganization(s));
	int col = 9;
	client.five_done = s.ColumnInt(col++);
	client.five_in_progress = s.ColumnInt(col++);
	client.policy_drafted = s.ColumnInt(col++) > 0;
	client.policy_published = s.ColumnInt(col++) > 0;
	client.handbook_started = s.ColumnInt(col++) > 0;
	client.handbook_published = s.ColumnInt(col++) > 0;
	client.risk_assets = s.ColumnInt(col++);
	client.control_answers = s.ColumnInt(col++);
	client.treatments = s.ColumnInt(col++);
	client.open_measures = s.ColumnInt(col++);
	client.overdue_measures = s.ColumnInt(col++);
	client.open_incidents = s.ColumnInt(col++);
	client.last_visit_on = s.ColumnText(col++);
	client.next_visit_on = s.ColumnText(col++);
	client.open_requests = s.ColumnInt(col++);
	return client;
}

} // namespace

Result<Id> SqliteStore::CreateEngagement(const Engagement &engagement, const std::vector<int> &visit_numbers,
                                         const std::vector<std::pair<int, std::string>> &requests) {
	Id id = 0;
	MAMORI_TRY(InTransaction([&]() -> Status {
		id = MAMORI_TRY(Inserted(db(), Execute(db(),
		                                      "INSERT INTO engagements(org_id, programme_id, programme_title, programme_yaml, "
		                                      "started_by, started_on, created_at) VALUES (?, ?, ?, ?, ?, ?, " MAMORI_SQL_NOW ")",
		                                      [&](Statement &s) {
			                                      s.Bind(1, engagement.org_id)
			                                          .Bind(2, engagement.programme_id)
			                                          .Bind(3, engagement.programme_title)
			                                          .Bind(4, engagement.programme_yaml)
			                                          .Bind(5, engagement.started_by)
			                                          .Bind(6, engagement.started_on);
		                                      })));
		for (int number : visit_numbers) {
			auto added = Execute(db(),
			                     "INSERT INTO engagement_visits(org_id, engagement_id, number, updated_at) "
			                     "VALUES (?, ?, ?, " MAMORI_SQL_NOW ")",
			                     [&](Statement &s) { s.Bind(1, engagement.org_id).Bind(2, id).Bind(3, number); });
			if (!added) {
				return OnConflict(added.error(), "the visit number is repeated");
			}
		}
		for (const auto &[visit, key] : requests) {
			auto added = Execute(db(),
			                     "INSERT INTO engagement_requests(org_id, engagement_id, visit_number, request_key) "
			                     "VALUES (?, ?, ?, ?)",
			                     [&](Statement &s) { s.Bind(1, engagement.org_id).Bind(2, id).Bind(3, visit).Bind(4, key); });
			if (!added) {
				return OnConflict(added.error(), "the request is repeated");
			}
		}
		return OkStatus();
	}));
	return id;
}

Result<std::optional<Engagement>> SqliteStore::CurrentEngagement(Id org_id) {
	ConnectionUse use = Use();
	return QueryOne<Engagement>(db(), kEngagementColumns + "WHERE org_id = ? ORDER BY id DESC LIMIT 1",
	                            [&](Statement &s) { s.Bind(1, org_id); }, ReadEngagement);
}

Result<std::vector<EngagementVisit>> SqliteStore::ListVisits(Id org_id, Id engagement_id) {
	ConnectionUse use = Use();
	return QueryAll<EngagementVisit>(
	    db(),
	    "SELECT id, org_id, engagement_id, number, planned_on, held_on, notes, updated_at FROM engagement_visits "
	    "WHERE org_id = ? AND engagement_id = ? ORDER BY number",
	    [&](Statement &s) { s.Bind(1, org_id).Bind(2, engagement_id); }, ReadVisit);
}

Status SqliteStore::UpdateVisit(const EngagementVisit &visit) {
	ConnectionUse use = Use();
	return ExpectChanged(Execute(db(),
	                             "UPDATE engagement_visits SET planned_on = ?, held_on = ?, notes = ?, "
	                             "updated_at = " MAMORI_SQL_NOW " WHERE org_id = ? AND engagement_id = ? AND number = ?",
	                             [&](Statement &s) {
		                             s.Bind(1, visit.planned_on)
		                                 .Bind(2, visit.held_on)
		                                 .Bind(3, visit.notes)
		                                 .Bind(4, visit.org_id)
		                                 .Bind(5, visit.engagement_id)
		                                 .Bind(6, visit.number);
	                             }),
	                     "the visit does not exist");
}

Result<std::vector<EngagementRequest>> SqliteStore::ListRequests(Id org_id, Id engagement_id) {
	ConnectionUse use = Use();
	return QueryAll<EngagementRequest>(db(), kRequestColumns + "WHERE r.org_id = ? AND r.engagement_id = ? "
	                                                          "ORDER BY r.visit_number, r.id",
	                                   [&](Statement &s) { s.Bind(1, org_id).Bind(2, engagement_id); }, ReadRequest);
}

Result<std::optional<EngagementRequest>> SqliteStore::FindRequest(Id org_id, Id request_id) {
	ConnectionUse use = Use();
	return QueryOne<EngagementRequest>(db(), kRequestColumns + "WHERE r.org_id = ? AND r.id = ?",
	                                   [&](Statement &s) { s.Bind(1, org_id).Bind(2, request_id); }, ReadRequest);
}

Status SqliteStore::SetRequestDone(Id org_id, Id request_id, bool done, std::optional<Id> by, const std::string &at) {
	ConnectionUse use = Use();
	// Reopening clears who and when: the row says only whether the request is done now.
	return ExpectChanged(Execute(db(), "UPDATE engagement_requests SET done_at = ?, done_by = ? WHERE org_id = ? AND id = ?",
	                             [&](Statement &s) {
		                             s.Bind(1, done ? at : std::string());
		                             if (done && by) {
			                             s.Bind(2, *by);
		                             } else {
			                             s.Bind(2, nullptr);
		                             }
		                             s.Bind(3, org_id).Bind(4, request_id);
	                             }),
	                     "the request does not exist");
}

Result<std::vector<PortfolioClient>> SqliteStore::ListPortfolio(Id user_id, const std::string &today) {
	ConnectionUse use = Use();
	return QueryAll<PortfolioClient>(db(), kPortfolioQuery, [&](Statement &s) { s.Bind(1, user_id).Bind(2, today); },
	                                 ReadPortfolioClient);
}

Result<std::vector<RoundScore>> SqliteStore::ListPortfolioScores(Id user_id) {
	ConnectionUse use = Use();
	return QueryAll<RoundScore>(db(),
	                            kRoundScoreColumns +
	                                "JOIN memberships m ON m.org_id = s.org_id AND m.user_id = ? AND m.role = 'consultant' "
	                                "WHERE s.answers <> '' ORDER BY s.org_id, d.number",
	                            [&](Statement &s) { s.Bind(1, user_id); }, ReadRoundScore);
}

} // namespace mamori::storage
