// mamori/tests/unit/storage/store_contract_incidents_test.cpp
//
// Store contract: the incident register (issue 9). Incidents round-trip with
// their "not yet asked" answers kept apart from "no"; lists are newest first
// and can be narrowed to one reporter; events form a timeline; nothing
// reaches across organisations.
// Runs for every backend through the Store interface (store_contract.hpp).
#include "storage/store_contract.hpp"

namespace mamori::storage {
namespace {

Incident SampleIncident(Id org_id, Id user_id, const std::string &reported_at) {
	Incident incident;
	incident.org_id = org_id;
	incident.reported_by = user_id;
	incident.reported_at = reported_at;
	incident.what = "見知らぬ送信元のメールの添付を開いた";
	incident.noticed_at = "2026-12-01T09:30";
	incident.device = "営業部のノートPC";
	return incident;
}

TEST_P(StoreContract, IncidentsRoundTripWithUnansweredQuestions) {
	const Id org_id = MakeOrg("事故株式会社");
	const Id user_id = MakeUser("reporter@example.jp");
	auto id = store_->CreateIncident(SampleIncident(org_id, user_id, "2026-12-01T00:40:00Z"));
	ASSERT_TRUE(id.ok()) << id.error().Describe();
	auto found = store_->FindIncident(org_id, *id);
	ASSERT_TRUE(found.ok() && found->has_value());
	Incident incident = **found;
	EXPECT_EQ(incident.what, "見知らぬ送信元のメールの添付を開いた");
	EXPECT_EQ(incident.noticed_at, "2026-12-01T09:30");
	EXPECT_EQ(incident.device, "営業部のノートPC");
	EXPECT_EQ(incident.reported_by, std::optional<Id>(user_id));
	EXPECT_EQ(incident.reported_by_name, "担当 reporter@example.jp");
	EXPECT_EQ(incident.updated_at, "2026-12-01T00:40:00Z");
	EXPECT_FALSE(incident.kind.has_value());
	EXPECT_FALSE(incident.level.has_value());
	EXPECT_FALSE(incident.personal_data.has_value());
	EXPECT_FALSE(incident.affected_people.has_value());
	EXPECT_FALSE(incident.closed);

	incident.kind = "malware";
	incident.work_impact = true;
	incident.level = 1;
	incident.personal_data = false;  // asked, and the answer is no
	incident.sensitive = true;
	incident.affected_people = 1001;
	incident.aware_on = "2026-12-01";
	incident.preliminary_reported_at = "2026-12-02T01:00:00Z";
	incident.closed = true;
	incident.closed_at = "2026-12-05T01:00:00Z";
	incident.updated_at = "2026-12-05T01:00:00Z";
	ASSERT_TRUE(store_->UpdateIncident(incident).ok());
	auto again = store_->FindIncident(org_id, *id);
	ASSERT_TRUE(again.ok() && again->has_value());
	EXPECT_EQ((*again)->kind, std::optional<std::string>("malware"));
	EXPECT_TRUE((*again)->work_impact);
	EXPECT_FALSE((*again)->external_impact);
	EXPECT_EQ((*again)->level, std::optional<int>(1));
	EXPECT_EQ((*again)->personal_data, std::optional<bool>(false));
	EXPECT_EQ((*again)->sensitive, std::optional<bool>(true));
	EXPECT_FALSE((*again)->malicious.has_value());
	EXPECT_EQ((*again)->affected_people, std::optional<long long>(1001));
	EXPECT_EQ((*again)->aware_on, std::optional<std::string>("2026-12-01"));
	EXPECT_EQ((*again)->preliminary_reported_at, std::optional<std::string>("2026-12-02T01:00:00Z"));
	EXPECT_FALSE((*again)->final_reported_at.has_value());
	EXPECT_TRUE((*again)->closed);
	EXPECT_EQ((*again)->updated_at, "2026-12-05T01:00:00Z");
}

TEST_P(StoreContract, IncidentsListNewestFirstAndByReporter) {
	const Id org_id = MakeOrg("一覧株式会社");
	const Id alice = MakeUser("alice@example.jp");
	const Id bob = MakeUser("bob@example.jp");
	const Id first = *store_->CreateIncident(SampleIncident(org_id, alice, "2026-12-01T00:00:00Z"));
	const Id second = *store_->CreateIncident(SampleIncident(org_id, bob, "2026-12-02T00:00:00Z"));
	auto all = store_->ListIncidents(org_id, std::nullopt);
	ASSERT_TRUE(all.ok());
	ASSERT_EQ(all->size(), 2u);
	EXPECT_EQ((*all)[0].id, second);
	EXPECT_EQ((*all)[1].id, first);
	auto alices = store_->ListIncidents(org_id, alice);
	ASSERT_TRUE(alices.ok());
	ASSERT_EQ(alices->size(), 1u);
	EXPECT_EQ((*alices)[0].id, first);
}

TEST_P(StoreContract, IncidentEventsFormATimeline) {
	const Id org_id = MakeOrg("時系列株式会社");
	const Id user_id = MakeUser("lead@example.jp");
	const Id id = *store_->CreateIncident(SampleIncident(org_id, user_id, "2026-12-01T00:00:00Z"));
	IncidentEvent later{.incident_id = id, .at = "2026-12-01T02:00:00Z", .user_id = user_id, .type = "step_done",
	                    .step_id = "isolate"};
	IncidentEvent earlier{.incident_id = id, .at = "2026-12-01T01:00:00Z", .user_id = user_id, .type = "note",
	                      .text = "LANケーブルを抜いた"};
	ASSERT_TRUE(store_->AddIncidentEvent(org_id, later).ok());
	ASSERT_TRUE(store_->AddIncidentEvent(org_id, earlier).ok());
	auto events = store_->ListIncidentEvents(org_id, id);
	ASSERT_TRUE(events.ok());
	ASSERT_EQ(events->size(), 2u);
	EXPECT_EQ((*events)[0].type, "note");
	EXPECT_EQ((*events)[0].text, "LANケーブルを抜いた");
	EXPECT_EQ((*events)[0].user_name, "担当 lead@example.jp");
	EXPECT_EQ((*events)[1].step_id, "isolate");
}

TEST_P(StoreContract, IncidentsStayInTheirOrganisation) {
	const Id mine = MakeOrg("自社");
	const Id other = MakeOrg("他社");
	const Id user_id = MakeUser("someone@example.jp");
	const Id id = *store_->CreateIncident(SampleIncident(mine, user_id, "2026-12-01T00:00:00Z"));
	auto found = store_->FindIncident(other, id);
	ASSERT_TRUE(found.ok());
	EXPECT_FALSE(found->has_value());
	EXPECT_TRUE(store_->ListIncidents(other, std::nullopt)->empty());

	Incident foreign = *store_->FindIncident(mine, id).value();
	foreign.org_id = other;
	foreign.level = 3;
	EXPECT_EQ(store_->UpdateIncident(foreign).error().code, ErrorCode::kNotFound);
	EXPECT_FALSE(store_->FindIncident(mine, id).value()->level.has_value());

	IncidentEvent event{.incident_id = id, .at = "2026-12-01T01:00:00Z", .user_id = user_id, .type = "note"};
	EXPECT_EQ(store_->AddIncidentEvent(other, event).error().code, ErrorCode::kNotFound);
	ASSERT_TRUE(store_->AddIncidentEvent(mine, event).ok());
	EXPECT_TRUE(store_->ListIncidentEvents(other, id)->empty());
	EXPECT_EQ(store_->ListIncidentEvents(mine, id)->size(), 1u);
}

} // namespace
} // namespace mamori::storage
