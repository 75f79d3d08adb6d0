// mamori/tests/unit/app/continuity_test.cpp
//
// The IT-BCP register (事業継続, issue 9): validation names the field; only
// editors change it and every change is audited; the list is in restoration
// order; the もしもマニュアル shows the systems' table only when the firm
// has registered some.
#include "app/continuity.hpp"
#include "app/documents/document_kinds.hpp"
#include "export/document_html.hpp"
#include "support/catalog.hpp"
#include "support/temp_store.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace mamori::app {
namespace {

class ContinuityTest : public ::testing::Test {
protected:
	void SetUp() override {
		store_ = testing_support::OpenTempStore(dir_);
		ASSERT_TRUE(store_);
		storage::User user;
		user.email = "editor@example.jp";
		actor_.user_id = store_->CreateUser(user).value();
		actor_.email = user.email;
		auto ctx = Ctx();
		const Id org_id = CreateOrganization(ctx, actor_, {"甲野製作所株式会社", "manufacturing", 10'000'000, 20}).value();
		access_ = AccessOrganization(ctx, actor_.user_id, org_id).value();
	}

	AppContext Ctx() {
		return AppContext{.catalog = testing_support::ShippedCatalog(), .store = *store_, .clock = clock_};
	}

	static storage::ContinuitySystem System(const std::string &name, int priority) {
		storage::ContinuitySystem system;
		system.name = name;
		system.priority = priority;
		system.business = "受注と出荷";
		system.target_time = "4時間以内";
		system.resources = "予備のパソコン";
		system.fallback = "紙の伝票で受注する";
		return system;
	}

	std::string Manual() {
		auto ctx = Ctx();
		auto doc = BuildDocument(ctx, testing_support::ShippedMessages(), access_, "incident_manual");
		EXPECT_TRUE(doc.ok()) << (doc.ok() ? "" : doc.error().Describe());
		return doc.ok() ? exporting::RenderDocumentHtmlArticle(*doc) : "";
	}

	testing_support::TempDir dir_{"app_continuity"};
	std::unique_ptr<storage::Store> store_;
	platform::FixedClock clock_ = platform::FixedClock::AtIso("2025-04-01T09:00:00Z");
	Actor actor_;
	OrgAccess access_;
};

TEST_F(ContinuityTest, BadInputNamesTheField) {
	auto ctx = Ctx();
	auto expect_field = [&](storage::ContinuitySystem system, const std::string &field) {
		auto created = CreateContinuitySystem(ctx, actor_, access_, system);
		ASSERT_FALSE(created.ok()) << field;
		EXPECT_EQ(created.error().code, ErrorCode::kInvalidInput);
		EXPECT_EQ(created.error().field, field);
	};
	expect_field(System("  ", 1), "name");
	expect_field(System(std::string(121, 'a'), 1), "name");
	expect_field(System("販売管理", 0), "priority");
	expect_field(System("販売管理", kMaxContinuityPriority + 1), "priority");
	auto long_time = System("販売管理", 1);
	long_time.target_time = std::string(61, 'a');
	expect_field(long_time, "target_time");
	auto long_resources = System("販売管理", 1);
	long_resources.resources = std::string(2001, 'a');
	expect_field(long_resources, "resources");
	auto long_fallback = System("販売管理", 1);
	long_fallback.fallback = std::string(1001, 'a');
	expect_field(long_fallback, "fallback");
	EXPECT_TRUE(ListContinuitySystems(ctx, access_)->empty());

	auto at_limits = System(std::string(120, 'a'), kMaxContinuityPriority);
	at_limits.target_time = std::string(60, 'a');
	EXPECT_TRUE(CreateContinuitySystem(ctx, actor_, access_, at_limits).ok());
}

TEST_F(ContinuityTest, OnlyEditorsChangeItAndEveryChangeIsAudited) {
	auto ctx = Ctx();
	OrgAccess respondent = access_;
	respondent.membership.role = storage::Role::kRespondent;
	EXPECT_EQ(CreateContinuitySystem(ctx, actor_, respondent, System("販売管理", 1)).error().code, ErrorCode::kForbidden);
	const Id id = CreateContinuitySystem(ctx, actor_, access_, System("販売管理", 1)).value();
	auto changed = GetContinuitySystem(ctx, access_, id).value();
	changed.priority = 3;
	EXPECT_EQ(UpdateContinuitySystem(ctx, actor_, respondent, changed).error().code, ErrorCode::kForbidden);
	EXPECT_EQ(DeleteContinuitySystem(ctx, actor_, respondent, id).error().code, ErrorCode::kForbidden);
	ASSERT_TRUE(UpdateContinuitySystem(ctx, actor_, access_, changed).ok());
	EXPECT_EQ(GetContinuitySystem(ctx, access_, id)->priority, 3);
	ASSERT_TRUE(DeleteContinuitySystem(ctx, actor_, access_, id).ok());
	EXPECT_EQ(GetContinuitySystem(ctx, access_, id).error().code, ErrorCode::kNotFound);

	auto audit = store_->ListAudit(access_.org.id, 50, 0).value();
	for (const char *action : {"continuity_system.create", "continuity_system.update", "continuity_system.delete"}) {
		EXPECT_TRUE(std::any_of(audit.begin(), audit.end(), [&](const auto &entry) { return entry.action == action; }))
		    << action;
	}
}

TEST_F(ContinuityTest, TheManualShowsTheSystemsInRestorationOrder) {
	auto ctx = Ctx();
	const std::string without = Manual();
	EXPECT_EQ(without.find("予備のパソコン"), std::string::npos) << "no table without systems";

	ASSERT_TRUE(CreateContinuitySystem(ctx, actor_, access_, System("会計ソフト", 2)).ok());
	ASSERT_TRUE(CreateContinuitySystem(ctx, actor_, access_, System("販売管理システム", 1)).ok());
	const std::string with = Manual();
	const size_t sales = with.find("販売管理システム");
	const size_t accounting = with.find("会計ソフト");
	ASSERT_NE(sales, std::string::npos);
	ASSERT_NE(accounting, std::string::npos);
	EXPECT_LT(sales, accounting) << "priority 1 comes first";
	EXPECT_NE(with.find("4時間以内"), std::string::npos);
	EXPECT_NE(with.find("紙の伝票で受注する"), std::string::npos);
	EXPECT_NE(with.find("予備のパソコン"), std::string::npos);
}

} // namespace
} // namespace mamori::app
