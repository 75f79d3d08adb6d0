// mamori/tests/unit/app/incident_lead_notice_test.cpp
//
// The report reaches the right person by the level rules: once classified,
// the level's lead (from the 管理体制) is mailed, once, and only when the
// 管理体制 gives them an address; the timeline says so.
#include "app/documents/document_editing.hpp"
#include "app/incident_notice.hpp"
#include "app/incidents.hpp"
#include "platform/mailer.hpp"
#include "support/catalog.hpp"
#include "support/temp_store.hpp"

#include <gtest/gtest.h>

namespace mamori::app {
namespace {

class RecordingMailer : public platform::Mailer {
public:
	Status Send(const platform::MailMessage &message) override {
		sent.push_back(message);
		return OkStatus();
	}
	std::vector<platform::MailMessage> sent;
};

class IncidentLeadNoticeTest : public ::testing::Test {
protected:
	void SetUp() override {
		store_ = testing_support::OpenTempStore(dir_);
		ASSERT_TRUE(store_);
		storage::User user;
		user.email = "editor@example.jp";
		actor_.user_id = store_->CreateUser(user).value();
		actor_.email = user.email;
		auto ctx = Ctx();
		access_ = AccessOrganization(ctx, actor_.user_id,
		                             CreateOrganization(ctx, actor_, {"甲野製作所株式会社", "manufacturing", 10'000'000, 20}).value())
		              .value();
		DocumentEdit edit;
		edit.values.fields = {{"top_executive", "甲野 太郎"}, {"response_manager", "乙川 花子"}, {"system_administrator", "丁村 次郎"}};
		edit.values.tables["contacts"] = {{"乙川 花子", "対応責任者", "03-1111-2222", "otokawa@example.jp"},
		                                  {"甲野 太郎", "代表取締役", "03-1111-0000", "kono@example.jp"}};
		ASSERT_TRUE(SaveDocumentDraft(ctx, actor_, access_, "governance", edit).ok());
		incident_ = ReportIncident(ctx, actor_, access_, {"顧客からカード不正利用の連絡", "2026-12-04T09:00", ""}).value();
	}

	AppContext Ctx() {
		return AppContext{.catalog = testing_support::ShippedCatalog(), .store = *store_, .clock = clock_, .mailer = &mailer_};
	}

	void Classify(bool external, bool work) {
		auto ctx = Ctx();
		IncidentClassification classification{.kind = "leak", .facts = {}};
		classification.facts.external_impact = external;
		classification.facts.work_impact = work;
		ASSERT_TRUE(ClassifyIncident(ctx, actor_, access_, incident_, classification).ok());
	}
	Status Notify() {
		auto ctx = Ctx();
		return NotifyIncidentLead(ctx, testing_support::ShippedMessages(), actor_, access_, incident_, "/orgs/1/incidents/1");
	}

	testing_support::TempDir dir_{"app_incident_lead_notice"};
	std::unique_ptr<storage::Store> store_;
	platform::FixedClock clock_ = platform::FixedClock::AtIso("2026-12-04T01:00:00Z");
	RecordingMailer mailer_;
	Actor actor_;
	OrgAccess access_;
	Id incident_ = 0;
};

TEST_F(IncidentLeadNoticeTest, TheLevelsLeadIsMailedOnce) {
	ASSERT_TRUE(Notify().ok());
	EXPECT_TRUE(mailer_.sent.empty()) << "no level before classification";

	Classify(/*external=*/true, /*work=*/false);  // level 3: the 最高責任者 leads
	ASSERT_TRUE(Notify().ok());
	ASSERT_EQ(mailer_.sent.size(), 1u);
	EXPECT_EQ(mailer_.sent[0].to, std::vector<std::string>{"kono@example.jp"});
	EXPECT_NE(mailer_.sent[0].subject.find("被害レベル3"), std::string::npos);
	EXPECT_NE(mailer_.sent[0].body.find("最高責任者"), std::string::npos);
	EXPECT_NE(mailer_.sent[0].body.find("/orgs/1/incidents/1"), std::string::npos);
	const auto events = store_->ListIncidentEvents(access_.org.id, incident_).value();
	EXPECT_EQ(events.back().type, "mail_sent");
	EXPECT_EQ(events.back().text, "kono@example.jp");

	ASSERT_TRUE(Notify().ok());
	EXPECT_EQ(mailer_.sent.size(), 1u) << "a lead already told is not mailed again";
}

TEST_F(IncidentLeadNoticeTest, NoAddressNoMail) {
	Classify(/*external=*/false, /*work=*/true);  // level 1: the system administrator, who has no address
	ASSERT_TRUE(Notify().ok());
	EXPECT_TRUE(mailer_.sent.empty());
}

} // namespace
} // namespace mamori::app
