// mamori/tests/unit/app/incident_procedures_test.cpp
//
// A firm adapts one incident procedure: its steps replace the catalog's
// for that kind and those levels only, for that firm only; new steps get
// fresh ids; bad steps name the field; reset brings the sample back.
#include "app/incident_procedures.hpp"
#include "support/catalog.hpp"
#include "support/temp_store.hpp"

#include <gtest/gtest.h>

namespace mamori::app {
namespace {

TEST(LevelsKey, JoinsTheLevelsInOrder) {
	EXPECT_EQ(incident::LevelsKey({3}), "3");
	EXPECT_EQ(incident::LevelsKey({2, 1}), "2-1");
	EXPECT_EQ(incident::LevelsKey({}), "");
}

TEST(AdaptProcedure, ReplacesOnlyTheMatchingProcedure) {
	incident::IncidentProcedures procedures = testing_support::ShippedCatalog().incident.procedures;
	const auto &malware = *procedures.FindKind("malware");
	const std::string key = incident::LevelsKey(malware.procedures.front().levels);
	const auto leak_before = procedures.FindKind("leak")->procedures;
	ASSERT_TRUE(incident::AdaptProcedure(procedures, "malware", key, {{.id = "x", .actor = "finder", .title = "t", .text = "u"}}));
	ASSERT_EQ(procedures.FindKind("malware")->procedures.front().steps.size(), 1u);
	EXPECT_EQ(procedures.FindKind("malware")->procedures.front().steps[0].title, "t");
	EXPECT_EQ(procedures.FindKind("leak")->procedures.size(), leak_before.size());
	EXPECT_EQ(procedures.FindKind("leak")->procedures.front().steps.size(), leak_before.front().steps.size());
	EXPECT_FALSE(incident::AdaptProcedure(procedures, "malware", "9", {}));
	EXPECT_FALSE(incident::AdaptProcedure(procedures, "unknown", key, {}));
}

class FirmProceduresTest : public ::testing::Test {
protected:
	void SetUp() override {
		store_ = testing_support::OpenTempStore(dir_);
		ASSERT_TRUE(store_);
		storage::User user;
		user.email = "editor@example.jp";
		actor_.user_id = store_->CreateUser(user).value();
		auto ctx = Ctx();
		access_ = AccessOrganization(ctx, actor_.user_id,
		                             CreateOrganization(ctx, actor_, {"丙山工業株式会社", "manufacturing", 10'000'000, 20}).value())
		              .value();
		other_ = AccessOrganization(ctx, actor_.user_id,
		                            CreateOrganization(ctx, actor_, {"丁谷商事株式会社", "wholesale", 10'000'000, 20}).value())
		             .value();
		key_ = incident::LevelsKey(ctx.catalog.incident.procedures.FindKind("malware")->procedures.front().levels);
	}
	AppContext Ctx() { return AppContext{.catalog = testing_support::ShippedCatalog(), .store = *store_}; }
	const incident::Procedure &Malware(const incident::IncidentRules &rules) const {
		return rules.procedures.FindKind("malware")->procedures.front();
	}

	testing_support::TempDir dir_{"app_incident_procedures"};
	std::unique_ptr<storage::Store> store_;
	Actor actor_;
	OrgAccess access_;
	OrgAccess other_;
	std::string key_;
};

TEST_F(FirmProceduresTest, AdaptedStepsReplaceTheSampleForThatFirmOnly) {
	auto ctx = Ctx();
	const auto sample = Malware(ctx.catalog.incident).steps;
	std::vector<incident::ProcedureStep> steps = {sample[0], {.actor = "system_admin", .title = "山田さんに電話", .text = "内線201"}};
	steps[0].title = "自社の見出し";
	ASSERT_TRUE(SaveFirmProcedure(ctx, actor_, access_, "malware", key_, steps).ok());

	const auto rules = FirmIncidentRules(ctx, access_, ctx.catalog).value();
	ASSERT_EQ(Malware(rules).steps.size(), 2u);
	EXPECT_EQ(Malware(rules).steps[0].id, sample[0].id);  // kept, so ticks still match
	EXPECT_EQ(Malware(rules).steps[0].title, "自社の見出し");
	EXPECT_EQ(Malware(rules).steps[1].id, "firm-1");
	EXPECT_EQ(Malware(FirmIncidentRules(ctx, other_, ctx.catalog).value()).steps.size(), sample.size());
	EXPECT_EQ(AdaptedProcedures(ctx, access_).value().count({"malware", key_}), 1u);

	ASSERT_TRUE(ResetFirmProcedure(ctx, actor_, access_, "malware", key_).ok());
	EXPECT_EQ(Malware(FirmIncidentRules(ctx, access_, ctx.catalog).value()).steps.size(), sample.size());
}

TEST_F(FirmProceduresTest, BadStepsNameTheField) {
	auto ctx = Ctx();
	auto field_of = [&](std::vector<incident::ProcedureStep> steps, const std::string &kind = "malware") {
		auto status = SaveFirmProcedure(ctx, actor_, access_, kind, key_, std::move(steps));
		return status.ok() ? std::string("ok") : status.error().field;
	};
	const incident::ProcedureStep good{.actor = "finder", .title = "見出し", .text = "内容"};
	EXPECT_EQ(field_of({}), "steps");
	EXPECT_EQ(field_of(std::vector<incident::ProcedureStep>(kMaxProcedureSteps + 1, good)), "steps");
	auto no_title = good;
	no_title.title = " ";
	EXPECT_EQ(field_of({good, no_title}), "title.2");
	auto no_text = good;
	no_text.text = "";
	EXPECT_EQ(field_of({no_text}), "text.1");
	auto stranger = good;
	stranger.actor = "janitor";
	EXPECT_EQ(field_of({good, good, stranger}), "actor.3");
	auto twice = good;
	twice.id = "same";
	EXPECT_EQ(field_of({twice, twice}), "steps");
	auto odd_id = good;
	odd_id.id = "Bad Id";
	EXPECT_EQ(field_of({odd_id}), "steps");
	auto missing = SaveFirmProcedure(ctx, actor_, access_, "unknown", key_, {good});
	ASSERT_FALSE(missing.ok());
	EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
	EXPECT_TRUE(store_->ListProcedureAdaptations(access_.org.id).value().empty());  // nothing half-written
}

} // namespace
} // namespace mamori::app
