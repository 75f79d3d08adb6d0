// mamori/tests/unit/app/incident_lessons_test.cpp
//
// The help-desk sheet is drafted from the firm's data and kept per
// organisation; lessons learned re-rate the threats of the incident's kind and
// correct check answers all or nothing, naming the field on bad input.
#include "app/incident_help.hpp"
#include "app/incident_lessons.hpp"
#include "app/incidents.hpp"
#include "app/risk_service.hpp"
#include "support/catalog.hpp"
#include "support/temp_store.hpp"

#include <gtest/gtest.h>

namespace mamori::app {
namespace {

class IncidentLessonsTest : public ::testing::Test {
protected:
	void SetUp() override {
		store_ = testing_support::OpenTempStore(dir_);
		ASSERT_TRUE(store_);
		storage::User user;
		user.email = "editor@example.jp";
		actor_.user_id = store_->CreateUser(user).value();
		actor_.email = user.email;
		auto ctx = Ctx();
		const Id org_id = CreateOrganization(ctx, actor_, {"乙川商店株式会社", "retail", 10'000'000, 8}).value();
		access_ = AccessOrganization(ctx, actor_.user_id, org_id).value();
		incident_id_ = ReportIncident(ctx, actor_, access_, {"脅迫文が表示された", "2025-04-01T10:00", "経理のPC"}).value();
	}

	AppContext Ctx() {
		return AppContext{.catalog = testing_support::ShippedCatalog(), .store = *store_, .clock = clock_};
	}
	DocumentWords Words() const { return DocumentWords{testing_support::ShippedMessages(), Locale::kJa}; }

	void Classify(const std::string &kind) {
		auto ctx = Ctx();
		IncidentClassification classification{.kind = kind, .facts = {}};
		classification.facts.work_impact = true;
		ASSERT_TRUE(ClassifyIncident(ctx, actor_, access_, incident_id_, classification).ok());
	}

	testing_support::TempDir dir_{"app_incident_lessons"};
	std::unique_ptr<storage::Store> store_;
	platform::FixedClock clock_ = platform::FixedClock::AtIso("2025-04-01T03:00:00Z");
	Actor actor_;
	OrgAccess access_;
	Id incident_id_ = 0;
};

TEST(DraftHelpSheet, GathersTheFirmsDataAndTheTimelineInJapanTime) {
	HelpSheetSources sources;
	sources.incident.id = 7;
	sources.incident.what = "大量のメールが送られている";
	sources.incident.noticed_at = "2025-12-31T23:50";
	sources.incident.device = "総務のPC";
	sources.incident.preliminary_reported_at = "2026-01-01T01:00:00Z";
	storage::IncidentEvent note;
	note.type = "note";
	note.at = "2025-12-31T15:30:00Z";  // 2026-01-01 00:30 in Japan: the year turns
	note.text = "送信済みに覚えのないメール";
	storage::IncidentEvent step;
	step.type = "step_done";
	step.at = "2025-12-31T15:40:00Z";
	sources.events = {note, step};
	sources.media = {"事務所PC", "クラウドサービス"};
	sources.cloud_services = {"会計クラウドQ（Q社）"};
	sources.environment.operating_systems = "Windows 11";
	sources.environment.security_software = "ウイルスバスターX";

	const auto sheet = DraftHelpSheet(DocumentWords{testing_support::ShippedMessages(), Locale::kJa}, sources);
	EXPECT_EQ(sheet.incident_id, 7);
	EXPECT_EQ(sheet.devices, "報告された機器：総務のPC\n台帳にある媒体・保存先：事務所PC、クラウドサービス");
	EXPECT_EQ(sheet.operating_systems, "Windows 11");
	EXPECT_EQ(sheet.security_software, "ウイルスバスターX");
	EXPECT_EQ(sheet.cloud_services, "会計クラウドQ（Q社）");
	EXPECT_EQ(sheet.events, "2025-12-31 23:50 大量のメールが送られている\n2026-01-01 00:30 送信済みに覚えのないメール");
	EXPECT_EQ(sheet.consulted, "個人情報保護委員会（速報 2026-01-01 10:00）");
	EXPECT_EQ(sheet.grounds, "");

	HelpSheetSources bare;
	bare.incident.noticed_at = "2025-04-01T09:00";
	bare.incident.what = "x";
	const auto empty = DraftHelpSheet(DocumentWords{testing_support::ShippedMessages(), Locale::kEn}, bare);
	EXPECT_EQ(empty.devices, "");
	EXPECT_EQ(empty.cloud_services, "");
	EXPECT_EQ(empty.events, "2025-04-01 09:00 x");
}

TEST_F(IncidentLessonsTest, HelpSheetIsSavedPerIncidentAndNeverOnAnotherFirms) {
	auto ctx = Ctx();
	auto draft = LoadHelpSheet(ctx, actor_, access_, Words(), incident_id_);
	ASSERT_TRUE(draft.ok()) << draft.error().Describe();
	EXPECT_FALSE(draft->saved);
	EXPECT_NE(draft->sheet.devices.find("経理のPC"), std::string::npos);

	storage::IncidentHelpSheet sheet = draft->sheet;
	sheet.grounds = std::string(4001, 'x');
	auto refused = SaveHelpSheet(ctx, actor_, access_, sheet);
	ASSERT_FALSE(refused.ok());
	EXPECT_EQ(refused.error().field, "grounds");
	sheet.grounds = "脅迫文が出た";
	ASSERT_TRUE(SaveHelpSheet(ctx, actor_, access_, sheet).ok());
	auto saved = LoadHelpSheet(ctx, actor_, access_, Words(), incident_id_);
	ASSERT_TRUE(saved.ok());
	EXPECT_TRUE(saved->saved);
	EXPECT_EQ(saved->sheet.grounds, "脅迫文が出た");

	// The store itself refuses a sheet on another organisation's incident.
	sheet.org_id = access_.org.id + 1000;
	auto stray = store_->SaveIncidentHelpSheet(sheet);
	ASSERT_FALSE(stray.ok());
	EXPECT_EQ(stray.error().code, ErrorCode::kNotFound);
	EXPECT_FALSE(store_->FindIncidentHelpSheet(access_.org.id + 1000, incident_id_).value().has_value());
}

TEST_F(IncidentLessonsTest, OffersTheThreatsOfTheKindOnlyOnceClassified) {
	auto ctx = Ctx();
	auto before = LessonOptionsFor(ctx, actor_, access_, incident_id_, ctx.catalog);
	ASSERT_FALSE(before.ok());
	EXPECT_EQ(before.error().field, "kind");

	Classify("malware");
	auto options = LessonOptionsFor(ctx, actor_, access_, incident_id_, ctx.catalog);
	ASSERT_TRUE(options.ok()) << options.error().Describe();
	const auto &kind = *ctx.catalog.incident.procedures.FindKind("malware");
	ASSERT_EQ(options->threats.size(), kind.threats.size());
	for (const auto &threat : options->threats) {
		EXPECT_NE(std::find(kind.threats.begin(), kind.threats.end(), threat.threat->id), kind.threats.end());
		EXPECT_EQ(threat.frequency, threat.threat->default_frequency);
	}
	ASSERT_FALSE(options->checks.empty());
	for (const auto &check : options->checks) {
		const bool guards = std::any_of(check.item->threats.begin(), check.item->threats.end(), [&](const auto &id) {
			return std::find(kind.threats.begin(), kind.threats.end(), id) != kind.threats.end();
		});
		EXPECT_TRUE(guards) << check.item->id;
	}
}

TEST_F(IncidentLessonsTest, AppliesEveryChangeOrNone) {
	Classify("malware");
	auto ctx = Ctx();
	const auto options = LessonOptionsFor(ctx, actor_, access_, incident_id_, ctx.catalog).value();
	const std::string check_id = options.checks.front().item->id;

	LessonChanges bad;
	bad.frequencies["office_pc_ransomware"] = 3;
	bad.answers[check_id] = 7;  // out of range: nothing may land
	auto refused = ApplyLessons(ctx, actor_, access_, incident_id_, bad, Words());
	ASSERT_FALSE(refused.ok());
	EXPECT_EQ(refused.error().field, "answer." + check_id);
	EXPECT_EQ(LoadFrequencies(ctx, access_).value().count("office_pc_ransomware"), 0u);

	LessonChanges foreign;
	foreign.frequencies["paper_disposal"] = 3;  // a leak threat, not malware's
	EXPECT_EQ(ApplyLessons(ctx, actor_, access_, incident_id_, foreign, Words()).error().field,
	          "frequency.paper_disposal");
	EXPECT_EQ(ApplyLessons(ctx, actor_, access_, incident_id_, {}, Words()).error().field, "lessons");

	LessonChanges good;
	good.frequencies["office_pc_ransomware"] = 3;
	good.frequencies["office_pc_malware"] = 3;  // already 3 by default: not a change
	good.answers[check_id] = 3;
	auto applied = ApplyLessons(ctx, actor_, access_, incident_id_, good, Words());
	ASSERT_TRUE(applied.ok()) << applied.error().Describe();
	EXPECT_EQ(*applied, 2);
	EXPECT_EQ(LoadFrequencies(ctx, access_).value().at("office_pc_ransomware"), 3);
	EXPECT_EQ(static_cast<int>(LoadAnswers(ctx, access_, false).value().at(check_id)), 3);
	const auto events = store_->ListIncidentEvents(access_.org.id, incident_id_).value();
	ASSERT_EQ(events.back().type, "lessons_applied");
	EXPECT_NE(events.back().text.find("ランサムウェアによる暗号化 2→3"), std::string::npos);
	EXPECT_EQ(events.back().text.find("office_pc_malware"), std::string::npos);
}

} // namespace
} // namespace mamori::app
