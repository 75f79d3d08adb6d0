// mamori/tests/unit/app/policy_service_test.cpp
//
// The 基本方針 on the document model (issue 8): its versions are revisions
// of one document, so the document history shows every save and publication,
// a stale save is refused like any document's, and 回答者 see only what was
// published.
#include "app/documents/document_editing.hpp"
#include "app/organizations.hpp"
#include "app/policy_service.hpp"
#include "support/catalog.hpp"
#include "support/temp_store.hpp"

#include <gtest/gtest.h>

namespace mamori::app {
namespace {

class PolicyServiceTest : public ::testing::Test {
protected:
	void SetUp() override {
		store_ = testing_support::OpenTempStore(dir_);
		ASSERT_TRUE(store_);
		ctx_.emplace(AppContext{.catalog = testing_support::ShippedCatalog(), .store = *store_});
		actor_ = MakeActor("owner@example.jp");
		access_ = MakeOrg("方針テスト株式会社");
	}

	Actor MakeActor(const std::string &email) {
		storage::User user;
		user.email = email;
		user.created_at = "2025-04-01T08:00:00Z";
		auto id = store_->CreateUser(user);
		EXPECT_TRUE(id.ok());
		return Actor{id.ok() ? *id : 0, email, false};
	}

	OrgAccess MakeOrg(const std::string &name) {
		auto org_id = CreateOrganization(*ctx_, actor_, {name, "manufacturing", 10'000'000, 20});
		EXPECT_TRUE(org_id.ok()) << org_id.error().Describe();
		auto access = AccessOrganization(*ctx_, actor_.user_id, org_id.ok() ? *org_id : 0);
		EXPECT_TRUE(access.ok()) << access.error().Describe();
		return access.ok() ? *access : OrgAccess{};
	}

	PolicyInput Input(const std::string &established_on) {
		PolicyInput input = DefaultPolicyInput(access_.EditionOf(ctx_->catalog), access_.org);
		input.established_on = established_on;
		input.representative_name = "山田 太郎";
		return input;
	}

	testing_support::TempDir dir_{"policy_service"};
	std::unique_ptr<storage::Store> store_;
	std::optional<AppContext> ctx_;
	Actor actor_;
	OrgAccess access_;
};

TEST_F(PolicyServiceTest, EverySaveAndPublicationIsADocumentRevision) {
	ASSERT_TRUE(SavePolicyDraft(*ctx_, actor_, access_, Input("")).ok());
	ASSERT_TRUE(SavePolicyDraft(*ctx_, actor_, access_, Input("2025-04-01")).ok());
	auto published = PublishPolicy(*ctx_, actor_, access_);
	ASSERT_TRUE(published.ok()) << published.error().Describe();
	EXPECT_EQ(published->version, 1);
	PolicyInput revised = Input("2025-04-01");
	revised.revised_on = "2025-10-01";
	auto next = SavePolicyDraft(*ctx_, actor_, access_, revised);
	ASSERT_TRUE(next.ok());
	EXPECT_EQ(next->version, 2) << "editing a published policy starts the next version";

	auto record = PolicyDocumentRecord(*ctx_, access_);
	ASSERT_TRUE(record.ok() && record->has_value());
	EXPECT_EQ((*record)->template_id, "basic_policy");
	EXPECT_EQ((*record)->state, storage::DocumentState::kDraft);
	EXPECT_EQ((*record)->revision, 4);
	EXPECT_EQ((*record)->revised_on, "2025-10-01");
	auto history = DocumentHistory(*ctx_, access_, **record);
	ASSERT_TRUE(history.ok());
	ASSERT_EQ(history->size(), 4u);
	const std::vector<std::pair<storage::DocumentState, std::string>> expected = {
	    {storage::DocumentState::kDraft, "save"},
	    {storage::DocumentState::kDraft, "save"},
	    {storage::DocumentState::kPublished, "publish"},
	    {storage::DocumentState::kDraft, "save"}};
	for (size_t i = 0; i < expected.size(); ++i) {
		EXPECT_EQ((*history)[i].revision, static_cast<int>(i) + 1);
		EXPECT_EQ((*history)[i].state, expected[i].first) << i;
		EXPECT_EQ((*history)[i].note, expected[i].second) << i;
		EXPECT_EQ((*history)[i].changed_by, actor_.user_id) << i;
	}

	auto versions = ListPolicyVersions(*ctx_, access_);
	ASSERT_TRUE(versions.ok());
	ASSERT_EQ(versions->size(), 2u);
	EXPECT_EQ((*versions)[0].version, 2);
	EXPECT_EQ((*versions)[0].status, PolicyStatus::kDraft);
	EXPECT_EQ((*versions)[0].input.revised_on, "2025-10-01");
	EXPECT_EQ((*versions)[1].version, 1);
	EXPECT_EQ((*versions)[1].status, PolicyStatus::kPublished);
	EXPECT_EQ((*versions)[1].input.revised_on, "") << "the published version is kept as it was published";
	EXPECT_FALSE((*versions)[1].published_at.empty());
}

TEST_F(PolicyServiceTest, AStaleSaveIsRefused) {
	auto first = SavePolicyDraft(*ctx_, actor_, access_, Input(""), 0);
	ASSERT_TRUE(first.ok()) << first.error().Describe();
	EXPECT_EQ(first->revision, 1);
	auto second = SavePolicyDraft(*ctx_, actor_, access_, Input("2025-04-01"), 1);
	ASSERT_TRUE(second.ok()) << second.error().Describe();
	EXPECT_EQ(second->revision, 2);

	// A second editor who opened the form at revision 1 would overwrite revision 2.
	auto stale = SavePolicyDraft(*ctx_, actor_, access_, Input("2030-01-01"), 1);
	ASSERT_FALSE(stale.ok());
	EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
	auto state = LoadPolicyState(*ctx_, access_);
	ASSERT_TRUE(state.ok() && state->latest);
	EXPECT_EQ(state->latest->input.established_on, "2025-04-01");
	EXPECT_EQ(state->latest->revision, 2);
}

TEST_F(PolicyServiceTest, RespondentsSeeOnlyPublishedVersionsAndOrganisationsStayApart) {
	ASSERT_TRUE(SavePolicyDraft(*ctx_, actor_, access_, Input("2025-04-01")).ok());
	OrgAccess respondent = access_;
	respondent.membership.role = storage::Role::kRespondent;
	auto nothing = ChoosePolicyVersion(*ctx_, respondent, std::nullopt);
	ASSERT_TRUE(nothing.ok());
	EXPECT_FALSE(nothing->has_value());
	EXPECT_EQ(ChoosePolicyVersion(*ctx_, respondent, 1).error().code, ErrorCode::kNotFound);
	auto draft = ChoosePolicyVersion(*ctx_, access_, std::nullopt);
	ASSERT_TRUE(draft.ok() && draft->has_value());
	EXPECT_EQ((*draft)->status, PolicyStatus::kDraft);

	ASSERT_TRUE(PublishPolicy(*ctx_, actor_, access_).ok());
	EXPECT_EQ(PublishPolicy(*ctx_, actor_, access_).error().code, ErrorCode::kConflict);
	auto seen = ChoosePolicyVersion(*ctx_, respondent, 1);
	ASSERT_TRUE(seen.ok() && seen->has_value());
	EXPECT_EQ((*seen)->status, PolicyStatus::kPublished);
	EXPECT_EQ(SavePolicyDraft(*ctx_, actor_, respondent, Input("2025-04-01")).error().code, ErrorCode::kForbidden);

	const OrgAccess other = MakeOrg("別会社");
	auto other_state = LoadPolicyState(*ctx_, other);
	ASSERT_TRUE(other_state.ok());
	EXPECT_FALSE(other_state->latest.has_value());
	auto other_saved = SavePolicyDraft(*ctx_, actor_, other, Input(""));
	ASSERT_TRUE(other_saved.ok());
	EXPECT_EQ(other_saved->version, 1) << "versions are numbered per organisation";
}

} // namespace
} // namespace mamori::app
