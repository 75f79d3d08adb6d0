// mamori/tests/unit/app/incident_documents_test.cpp
//
// The もしもマニュアル and the emergency card (issue 9): names, phones and
// e-mails come from the 管理体制 (blanks to fill while nobody is assigned),
// the level table is the contact tree, every kind's steps are there with the
// evidence and isolation marks, and the card's three first steps are those
// procedures.yaml names. The HTML of both manuals is kept as golden files
// (MAMORI_UPDATE_GOLDEN=1 rewrites them; read the diff before committing).
#include "app/documents/document_editing.hpp"
#include "app/documents/document_kinds.hpp"
#include "app/languages.hpp"
#include "export/document_html.hpp"
#include "platform/files.hpp"
#include "support/catalog.hpp"
#include "support/golden.hpp"
#include "support/temp_store.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace mamori::app {
namespace {

std::string ReadFile(const std::string &path) {
	std::ifstream in(path, std::ios::binary);
	std::ostringstream content;
	content << in.rdbuf();
	return content.str();
}

size_t Occurrences(const std::string &text, const std::string &what) {
	size_t count = 0;
	for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) {
		++count;
	}
	return count;
}

class IncidentDocumentsTest : public ::testing::Test {
protected:
	void SetUp() override {
		store_ = testing_support::OpenTempStore(dir_);
		ASSERT_TRUE(store_);
		storage::User user;
		user.email = "editor@example.jp";
		actor_.user_id = store_->CreateUser(user).value();
		actor_.email = user.email;
		auto ctx = Ctx();
		org_id_ = CreateOrganization(ctx, actor_, {"甲野製作所株式会社", "manufacturing", 10'000'000, 20}).value();
		access_ = AccessOrganization(ctx, actor_.user_id, org_id_).value();
	}

	AppContext Ctx() {
		return AppContext{.catalog = testing_support::ShippedCatalogs().Default(), .store = *store_, .catalogs = &testing_support::ShippedCatalogs(), .clock = clock_};
	}

	void AssignPeople() {
		auto ctx = Ctx();
		DocumentEdit edit;
		edit.values.fields = {{"top_executive", "甲野 太郎"},
		                      {"response_manager", "乙川 花子"},
		                      {"first_responder", "丙田 一郎"},
		                      {"system_administrator", "丁村 次郎"},
		                      {"alternative_channel", "携帯電話のショートメッセージで連絡する。"}};
		edit.values.tables["contacts"] = {{"乙川 花子", "対応責任者", "03-1111-2222", "otokawa@example.jp"},
		                                  {"丙田 一郎", "一次対応者", "090-3333-4444", "heida@example.jp"},
		                                  {"甲野 太郎", "代表取締役", "03-1111-0000", "kono@example.jp"}};
		edit.values.tables["external_contacts"] = {{"株式会社サンプル保守", "パソコンの保守", "03-5555-6666", "help@example.jp"}};
		auto saved = SaveDocumentDraft(ctx, actor_, access_, "governance", edit);
		ASSERT_TRUE(saved.ok()) << saved.error().Describe();
	}

	std::string Render(const std::string &kind) {
		auto ctx = Ctx();
		access_ = AccessOrganization(ctx, actor_.user_id, org_id_).value();
		auto doc = BuildDocument(ctx, testing_support::ShippedMessages(), access_, kind);
		EXPECT_TRUE(doc.ok()) << (doc.ok() ? "" : doc.error().Describe());
		return doc.ok() ? exporting::RenderDocumentHtmlArticle(*doc) : "";
	}

	static void ExpectGolden(const std::string &name, const std::string &actual) {
		const std::string path = testing_support::SourcePath("tests/golden/documents/" + name);
		const std::string expected = ReadFile(path);
		if (actual != expected && golden::UpdateRequested()) {
			std::ofstream(path, std::ios::binary) << actual;
			return;
		}
		EXPECT_EQ(actual, expected) << path;
	}

	testing_support::TempDir dir_{"app_incident_documents"};
	std::unique_ptr<storage::Store> store_;
	platform::FixedClock clock_ = platform::FixedClock::AtIso("2026-12-04T09:00:00Z");
	Actor actor_;
	Id org_id_ = 0;
	OrgAccess access_;
};

TEST_F(IncidentDocumentsTest, ManualNamesThePeopleOfTheGovernanceDocument) {
	AssignPeople();
	const std::string html = Render("incident_manual");
	EXPECT_NE(html.find("もしもマニュアル"), std::string::npos);
	// The response structure and the contact tree: name, phone and e-mail.
	EXPECT_NE(html.find("乙川 花子"), std::string::npos);
	EXPECT_NE(html.find("03-1111-2222"), std::string::npos);
	EXPECT_NE(html.find("otokawa@example.jp"), std::string::npos);
	EXPECT_NE(html.find("丙田 一郎"), std::string::npos);
	EXPECT_EQ(html.find("【対応責任者】"), std::string::npos);
	for (const char *level : {"レベル3", "レベル2", "レベル1", "レベル0"}) {
		EXPECT_NE(html.find(level), std::string::npos) << level;
	}
	// Every kind with its steps; the marks the register keeps too.
	for (const char *kind : {"漏えい・流出", "改ざん・消失・破壊・サービス停止", "ウイルス感染"}) {
		EXPECT_NE(html.find(kind), std::string::npos) << kind;
	}
	EXPECT_NE(html.find("ネットワークから切り離す［切り離し］"), std::string::npos);
	EXPECT_NE(html.find("記録を消さずに保全する［証拠保全］"), std::string::npos);
	EXPECT_NE(html.find("ウイルス対策ソフトで駆除できない"), std::string::npos);  // when to escalate
	// 届け出・相談, the firm's outside contacts, 事業継続 and the source.
	EXPECT_NE(html.find("個人情報保護委員会"), std::string::npos);
	EXPECT_NE(html.find("https://www.ppc.go.jp/"), std::string::npos);
	EXPECT_NE(html.find("株式会社サンプル保守"), std::string::npos);
	EXPECT_NE(html.find("訓練と見直し"), std::string::npos);
	EXPECT_NE(html.find("中小企業向けサイバーセキュリティ対策の極意"), std::string::npos);
	ExpectGolden("incident_manual_assigned.expected.html", html);
}

TEST_F(IncidentDocumentsTest, ManualLeavesBlanksWhileNobodyIsAssigned) {
	const std::string html = Render("incident_manual");
	EXPECT_NE(html.find("【対応責任者】"), std::string::npos);
	EXPECT_NE(html.find("【一次対応者】"), std::string::npos);
	EXPECT_NE(html.find("【電話】"), std::string::npos);
	EXPECT_NE(html.find("【メール】"), std::string::npos);
	EXPECT_EQ(html.find("乙川 花子"), std::string::npos);
	EXPECT_NE(html.find("管理体制の文書に記入すると"), std::string::npos);  // no outside contacts yet
	ExpectGolden("incident_manual_unassigned.expected.html", html);
}

TEST_F(IncidentDocumentsTest, CardGivesWhomToCallAndTheFirstThreeSteps) {
	AssignPeople();
	const std::string html = Render("emergency_card");
	EXPECT_NE(html.find("緊急連絡カード"), std::string::npos);
	EXPECT_NE(html.find("090-3333-4444"), std::string::npos);  // the first responder
	EXPECT_NE(html.find("03-1111-0000"), std::string::npos);   // level 3: the chief executive
	EXPECT_NE(html.find("丁村 次郎"), std::string::npos);  // levels 1 and 0: the system administrator
	EXPECT_NE(html.find("【電話】"), std::string::npos) << "the contacts table lists no phone for him: a blank";
	// The three steps procedures.yaml names, in its order.
	const size_t cut = html.find("ネットワークから切り離す");
	const size_t keep = html.find("記録を消さずに保全する");
	const size_t call = html.find("システム管理者への連絡");
	ASSERT_NE(cut, std::string::npos);
	ASSERT_NE(keep, std::string::npos);
	ASSERT_NE(call, std::string::npos);
	EXPECT_LT(cut, keep);
	EXPECT_LT(keep, call);
	EXPECT_EQ(Occurrences(html, "<li"), 3u);
	EXPECT_NE(html.find("携帯電話のショートメッセージ"), std::string::npos);
}

TEST_F(IncidentDocumentsTest, EnglishDocumentLanguageWritesBothInEnglish) {
	AssignPeople();
	auto ctx = Ctx();
	ASSERT_TRUE(SetDocumentLanguage(ctx, actor_, access_, Locale::kEn).ok());
	const std::string manual = Render("incident_manual");
	EXPECT_NE(manual.find("Incident response manual"), std::string::npos);
	EXPECT_NE(manual.find("Malware infection"), std::string::npos);
	EXPECT_NE(manual.find("Level 3"), std::string::npos);
	EXPECT_NE(manual.find("Cut it off the network [cut off]"), std::string::npos);
	EXPECT_NE(manual.find("乙川 花子"), std::string::npos);  // the people stay as entered
	EXPECT_EQ(manual.find("もしもマニュアル）"), std::string::npos);
	EXPECT_EQ(manual.find("漏えい・流出"), std::string::npos);
	const std::string card = Render("emergency_card");
	EXPECT_NE(card.find("Emergency card"), std::string::npos);
	EXPECT_NE(card.find("Keep the records"), std::string::npos);
	EXPECT_EQ(card.find("緊急連絡カード"), std::string::npos);
}

} // namespace
} // namespace mamori::app
