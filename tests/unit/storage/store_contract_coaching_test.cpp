// mamori/tests/unit/storage/store_contract_coaching_test.cpp
//
// Store contract: coaching engagements and the consultant portfolio (issue 12, migration 0027).
// An engagement is created with its visits and open requests at once; visits and requests are
// found only under their own organisation; the portfolio lists the organisations where the
// user is consultant, never others, with counts gathered in the query.
// Runs for every backend through the Store interface (store_contract.hpp).
#include "storage/store_contract.hpp"

namespace mamori::storage {
namespace {

Engagement SampleEngagement(Id org_id, Id user_id) {
	Engagement engagement;
	engagement.org_id = org_id;
	engagement.programme_id = "theme1_regulations";
	engagement.programme_title = "テーマ① 情報セキュリティ規程の整備";
	engagement.programme_yaml = "id: theme1_regulations\n";
	engagement.started_by = user_id;
	engagement.started_on = "2026-11-01";
	return engagement;
}

const std::vector<std::pair<int, std::string>> kRequests = {{1, "selfcheck"}, {1, "company_materials"}, {2, "policy_draft"}};

TEST_P(StoreContract, EngagementIsCreatedWithItsVisitsAndOpenRequests) {
	const Id org_id = MakeOrg("甲製作所");
	const Id user_id = MakeUser("expert@example.jp");
	auto id = store_->CreateEngagement(SampleEngagement(org_id, user_id), {1, 2, 3}, kRequests);
	ASSERT_TRUE(id.ok()) << id.error().Describe();
	auto current = store_->CurrentEngagement(org_id);
	ASSERT_TRUE(current.ok() && current->has_value());
	EXPECT_EQ((*current)->id, *id);
	EXPECT_EQ((*current)->programme_id, "theme1_regulations");
	EXPECT_EQ((*current)->started_by, std::optional<Id>(user_id));
	EXPECT_EQ((*current)->started_on, "2026-11-01");
	EXPECT_FALSE((*current)->created_at.empty());
	auto visits = store_->ListVisits(org_id, *id);
	ASSERT_TRUE(visits.ok());
	ASSERT_EQ(visits->size(), 3u);
	EXPECT_EQ((*visits)[2].number, 3);
	EXPECT_EQ((*visits)[0].held_on, "");
	auto requests = store_->ListRequests(org_id, *id);
	ASSERT_TRUE(requests.ok());
	ASSERT_EQ(requests->size(), 3u);
	EXPECT_EQ((*requests)[0].request_key, "selfcheck");  // the programme's order within a visit
	EXPECT_EQ((*requests)[2].visit_number, 2);
	EXPECT_EQ((*requests)[0].done_at, "");

	// A newer engagement becomes the current one.
	auto second = store_->CreateEngagement(SampleEngagement(org_id, user_id), {1}, {});
	ASSERT_TRUE(second.ok());
	EXPECT_EQ((*store_->CurrentEngagement(org_id))->id, *second);
}

TEST_P(StoreContract, RepeatedRequestLeavesNoEngagementBehind) {
	const Id org_id = MakeOrg("甲製作所");
	auto id = store_->CreateEngagement(SampleEngagement(org_id, MakeUser("e@example.jp")), {1},
	                                   {{1, "selfcheck"}, {1, "selfcheck"}});
	ASSERT_FALSE(id.ok());
	auto current = store_->CurrentEngagement(org_id);
	ASSERT_TRUE(current.ok());
	EXPECT_FALSE(current->has_value());
}

TEST_P(StoreContract, VisitsAndRequestsChangeOnlyUnderTheirOrganisation) {
	const Id org_id = MakeOrg("甲製作所");
	const Id other_org = MakeOrg("乙商事");
	const Id user_id = MakeUser("expert@example.jp");
	const Id id = store_->CreateEngagement(SampleEngagement(org_id, user_id), {1, 2}, kRequests).value();

	EngagementVisit visit{.org_id = org_id, .engagement_id = id, .number = 1, .planned_on = "2026-11-20",
	                      .held_on = "2026-11-21", .notes = "規程の整備状況を確認した"};
	ASSERT_TRUE(store_->UpdateVisit(visit).ok());
	EngagementVisit foreign = visit;
	foreign.org_id = other_org;
	EXPECT_EQ(store_->UpdateVisit(foreign).error().code, ErrorCode::kNotFound);
	auto visits = store_->ListVisits(org_id, id).value();
	EXPECT_EQ(visits[0].held_on, "2026-11-21");
	EXPECT_EQ(visits[0].notes, "規程の整備状況を確認した");
	EXPECT_TRUE(store_->ListVisits(other_org, id).value().empty());

	const Id request_id = store_->ListRequests(org_id, id).value()[0].id;
	EXPECT_EQ(store_->SetRequestDone(other_org, request_id, true, user_id, "2026-11-22T01:00:00Z").error().code,
	          ErrorCode::kNotFound);
	EXPECT_FALSE(store_->FindRequest(other_org, request_id).value().has_value());
	ASSERT_TRUE(store_->SetRequestDone(org_id, request_id, true, user_id, "2026-11-22T01:00:00Z").ok());
	auto done = store_->FindRequest(org_id, request_id).value();
	ASSERT_TRUE(done.has_value());
	EXPECT_EQ(done->done_at, "2026-11-22T01:00:00Z");
	EXPECT_EQ(done->done_by, std::optional<Id>(user_id));
	EXPECT_EQ(done->done_by_email, "expert@example.jp");
	ASSERT_TRUE(store_->SetRequestDone(org_id, request_id, false, user_id, "2026-11-23T01:00:00Z").ok());
	done = store_->FindRequest(org_id, request_id).value();
	EXPECT_EQ(done->done_at, "");
	EXPECT_FALSE(done->done_by.has_value());
}

TEST_P(StoreContract, PortfolioListsOnlyTheConsultantsClientsWithTheirCounts) {
	const Id expert = MakeUser("expert@example.jp");
	const Id rival = MakeUser("rival@example.jp");
	const Id mine = MakeOrg("乙商事");
	const Id also_mine = MakeOrg("甲製作所");
	const Id theirs = MakeOrg("丙サービス");
	const Id managed = MakeOrg("丁工業");  // the expert's role there is 責任者, not consultant
	ASSERT_TRUE(store_->AddMembership({.org_id = mine, .user_id = expert, .role = Role::kConsultant}).ok());
	ASSERT_TRUE(store_->AddMembership({.org_id = also_mine, .user_id = expert, .role = Role::kConsultant}).ok());
	ASSERT_TRUE(store_->AddMembership({.org_id = theirs, .user_id = rival, .role = Role::kConsultant}).ok());
	ASSERT_TRUE(store_->AddMembership({.org_id = managed, .user_id = expert, .role = Role::kManager}).ok());

	// In 乙商事: a measure overdue on 2026-12-05, one done, one due later; a visit held, one planned.
	const Id asset = MakeAsset(mine, "顧客名簿");
	RiskTreatment overdue = SampleTreatment(mine, asset, "office_pc_malware");
	overdue.due_on = "2026-12-01";
	ASSERT_TRUE(store_->UpsertTreatment(overdue).ok());
	RiskTreatment later = SampleTreatment(mine, asset, "office_pc_loss");
	later.due_on = "2027-01-31";
	ASSERT_TRUE(store_->UpsertTreatment(later).ok());
	const Id engagement = store_->CreateEngagement(SampleEngagement(mine, expert), {1, 2, 3}, kRequests).value();
	ASSERT_TRUE(store_->UpdateVisit({.org_id = mine, .engagement_id = engagement, .number = 1, .held_on = "2026-11-20"}).ok());
	ASSERT_TRUE(store_->UpdateVisit({.org_id = mine, .engagement_id = engagement, .number = 2, .planned_on = "2026-12-10"}).ok());
	const Id done = store_->ListRequests(mine, engagement).value()[0].id;
	ASSERT_TRUE(store_->SetRequestDone(mine, done, true, expert, "2026-11-19T01:00:00Z").ok());
	// And kept scores in 甲製作所 and in the rival's client (a round without answers in 甲製作所 too).
	for (Id org : {also_mine, theirs}) {
		ASSERT_TRUE(store_->PutRoundScore({.org_id = org, .round_id = MakeRound(org), .respondents = 1, .total = 6,
		                                   .max = 100, .answers = "ip"})
		                .ok());
	}
	ASSERT_TRUE(store_->PutRoundScore({.org_id = also_mine, .round_id = MakeRound(also_mine)}).ok());

	auto portfolio = store_->ListPortfolio(expert, "2026-12-05");
	ASSERT_TRUE(portfolio.ok()) << portfolio.error().Describe();
	ASSERT_EQ(portfolio->size(), 2u);
	EXPECT_EQ((*portfolio)[0].org.name, "乙商事");  // by name
	EXPECT_EQ((*portfolio)[1].org.name, "甲製作所");
	const PortfolioClient &client = (*portfolio)[0];
	EXPECT_EQ(client.risk_assets, 1);
	EXPECT_EQ(client.treatments, 2);
	EXPECT_EQ(client.open_measures, 2);
	EXPECT_EQ(client.overdue_measures, 1);
	EXPECT_EQ(client.open_incidents, 0);
	EXPECT_EQ(client.last_visit_on, "2026-11-20");
	EXPECT_EQ(client.next_visit_on, "2026-12-10");
	EXPECT_EQ(client.open_requests, 2);
	EXPECT_FALSE(client.policy_drafted);
	EXPECT_EQ((*portfolio)[1].open_requests, 0);
	EXPECT_EQ((*portfolio)[1].last_visit_on, "");

	auto scores = store_->ListPortfolioScores(expert);
	ASSERT_TRUE(scores.ok()) << scores.error().Describe();
	ASSERT_EQ(scores->size(), 1u);  // never the rival's client, nor a round without answers
	EXPECT_EQ((*scores)[0].org_id, also_mine);
	EXPECT_EQ((*scores)[0].round_number, 1);
	EXPECT_EQ((*scores)[0].total, 6);
	EXPECT_EQ((*scores)[0].answers, "ip");
	EXPECT_FALSE((*scores)[0].started_at.empty());

	EXPECT_TRUE(store_->ListPortfolio(MakeUser("nobody@example.jp"), "2026-12-05").value().empty());
	ASSERT_EQ(store_->ListPortfolio(rival, "2026-12-05").value().size(), 1u);
}

} // namespace
} // namespace mamori::storage
