// mamori/tests/unit/app/document_revisions_golden_test.cpp
//
// Golden case of revision records (tests/golden/documents/revisions/): a
// scripted sequence of saves and state changes on the handbook, through the
// app layer, on a SQLite store in a temporary directory under a fixed clock.
// The history must record who, when, the state, the note and what changed;
// refused steps (a 経営者 saving, a stale save, a rule too long) leave no
// revision. The expected text was written by hand from the script below.
#include "app/documents/document_editing.hpp"
#include "app/organizations.hpp"
#include "codec/document_codec.hpp"
#include "core/document/rule_lines.hpp"
#include "support/catalog.hpp"
#include "support/fake_random.hpp"
#include "support/golden_text.hpp"
#include "support/temp_store.hpp"

#include <gtest/gtest.h>

namespace mamori::app {
namespace {

const char *CodeName(ErrorCode code) {
	switch (code) {
	case ErrorCode::kInvalidInput: return "invalid_input";
	case ErrorCode::kForbidden: return "forbidden";
	case ErrorCode::kConflict: return "conflict";
	case ErrorCode::kNotFound: return "not_found";
	default: return "other";
	}
}

TEST(DocumentRevisionsGolden, TheHandbooksHistoryRecordsWhoWhenStateNoteAndWhatChanged) {
	testing_support::TempDir dir{"document_revisions"};
	auto store = testing_support::OpenTempStore(dir);
	ASSERT_TRUE(store);
	platform::FixedClock clock = platform::FixedClock::AtIso("2026-04-01T09:00:00Z");
	testing_support::SequenceRandom random;
	AppContext ctx{.catalog = testing_support::ShippedCatalog(), .store = *store, .clock = clock, .random = random};

	storage::User owner_user;
	owner_user.email = "owner@example.jp";
	const Id owner_id = store->CreateUser(owner_user).value();
	storage::User boss_user;
	boss_user.email = "boss@example.jp";
	const Id boss_id = store->CreateUser(boss_user).value();
	const Actor owner{owner_id, owner_user.email, false};
	const Actor boss{boss_id, boss_user.email, false};
	const Id org_id = CreateOrganization(ctx, owner, {"改訂記録株式会社", "manufacturing", 10'000'000, 20}).value();
	ASSERT_TRUE(store->AddMembership({org_id, boss_id, storage::Role::kExecutive}).ok());
	const OrgAccess owner_access = AccessOrganization(ctx, owner_id, org_id).value();
	const OrgAccess boss_access = AccessOrganization(ctx, boss_id, org_id).value();

	const document::DocumentTemplate &handbook = *OpenDocument(ctx, owner_access, "handbook").value().tmpl;
	DocumentEdit edit;
	edit.values.fields["password_min_length"] = "12";
	edit.revised_on = "2026-04-01";
	edit.scope = "全社";
	edit.approver = "代表取締役 山田太郎";

	std::string steps;
	auto record = [&](const std::string &what, const Actor &actor, const auto &outcome) {
		steps += what + " by " + actor.email + ": ";
		if (outcome.ok()) {
			steps += "revision " + std::to_string(outcome->revision) + "\n";
		} else {
			steps += std::string("refused ") + CodeName(outcome.error().code) +
			         (outcome.error().field.empty() ? "" : " " + outcome.error().field) + "\n";
		}
	};
	auto save = [&](const Actor &actor, const OrgAccess &access, int from) {
		edit.expected_revision = from;
		record("save from revision " + std::to_string(from), actor, SaveDocumentDraft(ctx, actor, access, "handbook", edit));
	};
	auto change = [&](const char *name, const Actor &actor, const OrgAccess &access, int from) {
		record(std::string(name) + " from revision " + std::to_string(from), actor,
		       ChangeDocumentState(ctx, actor, access, "handbook", *ParseDocumentAction(name), from));
	};
	const auto hour = 3600;

	save(owner, owner_access, 0);
	clock.Advance(hour);
	// The form posts every section's rules; only the edited section is stored.
	for (const auto &section : handbook.sections) {
		if (const auto *list = document::RuleListOf(section)) edit.values.rules[section.id] = document::GuidelineRules(*list);
	}
	edit.values.rules["item_03"][0].text = "パスワードは{{password_min_length}}文字以上にする";
	edit.values.rules["item_03"].push_back({document::RuleMarker::kForbidden, "パスワードをメールで送らない"});
	edit.values.left_out_sections = {"item_25"};
	save(owner, owner_access, 1);
	clock.Advance(hour);
	save(boss, boss_access, 2);
	change("submit", owner, owner_access, 2);
	clock.Advance(22 * hour);
	change("approve", boss, boss_access, 3);
	clock.Advance(hour);
	change("publish", owner, owner_access, 4);
	save(owner, owner_access, 3);
	clock.Advance(23 * hour);
	edit.values.tables["backup_targets"] = {{"営業部ファイルサーバー", "売買契約書ファイル", "増分バックアップ", "外付けHDD", "毎週"}};
	save(owner, owner_access, 5);
	edit.values.rules["item_03"][1].text = std::string(document::kMaxRuleTextBytes + 3, 'x');
	save(owner, owner_access, 6);

	const auto stored = OpenDocument(ctx, owner_access, "handbook").value().stored;
	ASSERT_TRUE(stored);
	std::string history;
	document::DocumentValues before;
	const auto revisions = DocumentHistory(ctx, owner_access, *stored);
	ASSERT_TRUE(revisions.ok());
	for (const auto &revision : *revisions) {
		const document::DocumentValues values = codec::DocumentValuesFromJson(revision.values_json).value();
		std::string changed;
		for (const auto &part : document::ChangedParts(before, values)) changed += (changed.empty() ? "" : ", ") + part;
		history += std::to_string(revision.revision) + " | " + revision.changed_at + " | " + revision.changed_by_email +
		           " | " + storage::DocumentStateName(revision.state) + " | " + revision.note + " | " +
		           (changed.empty() ? "-" : changed) + "\n";
		before = values;
	}
	const std::string text = "== steps\n" + steps + "== history\n" + history;
	const std::string problem = golden::CompareTextFile(
	    testing_support::SourcePath("tests/golden/documents/revisions/handbook.expected.txt"), text);
	EXPECT_TRUE(problem.empty()) << problem;
}

} // namespace
} // namespace mamori::app
