// mamori/tests/unit/core/coaching/programme_test.cpp
//
// Coaching programmes as data (issue 12): the shipped files load, theme 1 is the built-in
// three-visit programme of the coaching guide (003) with every visit's pre-work, agenda and
// deliverables and its source; themes 2–5 are templates; a consultant's own programme is checked
// by the same parser, each error naming the entry at fault. And the "what changed since the last
// visit" comparison, with properties.
#include "core/coaching/answer_changes.hpp"
#include "core/coaching/programme.hpp"
#include "platform/programme_files.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace mamori::coaching {
namespace {

const std::vector<std::string> kKinds = {"basic_policy", "regulations", "regulation_checklist", "selfcheck_report",
                                         "handbook", "cloud_checklist", "incident_manual", "emergency_card",
                                         "visit_report", "final_report"};

TEST(ProgrammeTest, ShippedProgrammesLoadWithThemeOneBuiltIn) {
	auto files = platform::LoadProgrammes(testing_support::SourcePath("content"), kKinds);
	ASSERT_TRUE(files.ok()) << files.error().Describe();
	ASSERT_EQ(files->size(), 5u);
	std::vector<int> themes;
	for (const auto &file : *files) {
		themes.push_back(file.programme.theme);
		EXPECT_EQ(file.programme.built_in, file.programme.theme == 1) << file.path;
		EXPECT_EQ(file.programme.visits.size(), 3u) << file.path;
		EXPECT_NE(file.programme.source.find("003"), std::string::npos) << file.path;
		for (const auto &visit : file.programme.visits) {
			EXPECT_NE(visit.source.find("003"), std::string::npos) << file.path << " visit " << visit.number;
			EXPECT_FALSE(visit.agenda.empty());
			EXPECT_FALSE(visit.title.en.empty());
		}
	}
	std::sort(themes.begin(), themes.end());
	EXPECT_EQ(themes, (std::vector<int>{1, 2, 3, 4, 5}));
	const Programme &theme1 = files->front().programme;  // theme1_regulations.yaml sorts first
	ASSERT_EQ(theme1.id, "theme1_regulations");
	EXPECT_EQ(theme1.visits[0].prework.size(), 4u);  // 003 第1回 事前準備 1–4 (企業)
	EXPECT_EQ(theme1.visits[0].prework[1].key, "selfcheck");
	EXPECT_EQ(theme1.visits[0].deliverables[0].document, "selfcheck_report");
	EXPECT_EQ(theme1.visits[1].deliverables[0].document, "basic_policy");
	EXPECT_EQ(theme1.visits[2].deliverables.back().document, "final_report");
	EXPECT_EQ(theme1.visits[0].title.In(Locale::kEn).rfind("Visit 1", 0), 0u);
}

struct Case {
	const char *yaml;
	const char *field;
	const char *message;
};

TEST(ProgrammeTest, ErrorsNameTheEntryAtFault) {
	const std::string head = "id: own\nversion: \"1\"\ntitle: 独自\n";
	const Case cases[] = {
	    {"id: own\n", "version", "errors.programme.missing"},
	    {"id: Own Plan\nversion: \"1\"\ntitle: x\nvisits: []\n", "id", "errors.programme.bad_name"},
	    {"id: own\nversion: \"1\"\ntitle: x\nvisits: []\n", "visits", "errors.programme.missing"},
	    {"id: own\nversion: \"1\"\ntitle: x\nvisits: yes\n", "visits", "errors.programme.not_list"},
	    {"visits: [\n", "programme", "errors.programme.not_yaml"},
	    {"- a\n- b\n", "programme", "errors.programme.not_map"},
	};
	for (const auto &c : cases) {
		auto parsed = ParseProgramme(c.yaml, ProgrammeOrigin::kConsultant, kKinds);
		ASSERT_FALSE(parsed.ok()) << c.yaml;
		EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidInput);
		EXPECT_EQ(parsed.error().field, c.field) << c.yaml;
		EXPECT_EQ(parsed.error().message, c.message) << c.yaml;
	}
	const Case visits[] = {
	    {"visits:\n  - number: 1\n    title: a\n", "visits.1.agenda", "errors.programme.missing"},
	    {"visits:\n  - number: 2\n    title: a\n    agenda: [x]\n", "visits.1.number", "errors.programme.visit_order"},
	    {"visits:\n  - number: 1\n    title: a\n    agenda: [x]\n    prework:\n      - key: a\n        text: t\n      - key: a\n        text: u\n",
	     "visits.1.prework.2.key", "errors.programme.repeated"},
	    {"visits:\n  - number: 1\n    title: a\n    agenda: [x]\n    deliverables:\n      - text: t\n        document: invoice\n",
	     "visits.1.deliverables.1.document", "errors.programme.unknown_document"},
	    {"visits:\n  - number: 1\n    title: a\n    weeks_before: 99\n    agenda: [x]\n", "visits.1.weeks_before",
	     "errors.programme.out_of_range"},
	};
	for (const auto &c : visits) {
		auto parsed = ParseProgramme(head + c.yaml, ProgrammeOrigin::kConsultant, kKinds);
		ASSERT_FALSE(parsed.ok()) << c.yaml;
		EXPECT_EQ(parsed.error().field, c.field) << c.yaml;
		EXPECT_EQ(parsed.error().message, c.message) << c.yaml;
		ASSERT_FALSE(parsed.error().params.empty());
		EXPECT_EQ(parsed.error().params.front(), (std::pair<std::string, std::string>{"field", c.field}));
	}
}

TEST(ProgrammeTest, OwnProgrammeMayUseOneLanguageButShippedContentNeedsBoth) {
	const std::string yaml = "id: own\nversion: \"1\"\ntitle: 独自の指導\nvisits:\n  - number: 1\n    title: 初回\n    agenda: [現状を聞く]\n";
	auto own = ParseProgramme(yaml, ProgrammeOrigin::kConsultant, kKinds);
	ASSERT_TRUE(own.ok()) << own.error().Describe();
	EXPECT_EQ(own->title.In(Locale::kEn), "独自の指導");
	EXPECT_FALSE(own->built_in);
	auto shipped = ParseProgramme(yaml, ProgrammeOrigin::kContent, kKinds);
	ASSERT_FALSE(shipped.ok());
	EXPECT_EQ(shipped.error().field, "title");
	EXPECT_EQ(shipped.error().message, "errors.programme.needs_languages");
}

TEST(AnswerChangesTest, ItemsAnsweredDifferentlyOrOnlyOnce) {
	const AnswerSheet before = {{1, Answer::kImplemented}, {2, Answer::kNotImplemented}, {3, Answer::kPartial}};
	const AnswerSheet after = {{1, Answer::kImplemented}, {2, Answer::kImplemented}, {4, Answer::kUnknown}};
	const auto changes = ChangedAnswers(before, after);
	ASSERT_EQ(changes.size(), 3u);
	EXPECT_EQ(changes[0].item, 2);
	EXPECT_EQ(changes[0].before, Answer::kNotImplemented);
	EXPECT_EQ(changes[0].after, Answer::kImplemented);
	EXPECT_EQ(changes[1].item, 3);
	EXPECT_FALSE(changes[1].after.has_value());
	EXPECT_EQ(changes[2].item, 4);
	EXPECT_FALSE(changes[2].before.has_value());
}

TEST(AnswerChangesTest, TheRoundAVisitSawStartedOnOrBeforeItsDay) {
	const std::vector<std::string> dates = {"2026-10-01T00:00:00Z", "2026-11-20T23:00:00Z", "2026-12-01T00:00:00Z"};
	EXPECT_EQ(RoundSeenAt(dates, "2026-11-20"), std::optional<size_t>(1));
	EXPECT_EQ(RoundSeenAt(dates, "2026-11-19"), std::optional<size_t>(0));
	EXPECT_EQ(RoundSeenAt(dates, "2026-09-30"), std::nullopt);
	EXPECT_EQ(RoundSeenAt(dates, ""), std::nullopt);
}

AnswerSheet SheetFrom(const std::vector<int> &codes) {
	AnswerSheet sheet;
	for (size_t i = 0; i < codes.size() && i < 25; ++i) {
		if (codes[i] % 5 != 4) {  // 4: not answered
			sheet[static_cast<int>(i + 1)] = static_cast<Answer>(codes[i] % 5);
		}
	}
	return sheet;
}

RC_GTEST_PROP(AnswerChangesProperty, NoChangeAgainstItselfAndSymmetric, (std::vector<int> a, std::vector<int> b)) {
	for (auto &code : a) code = std::abs(code % 5);
	for (auto &code : b) code = std::abs(code % 5);
	const AnswerSheet first = SheetFrom(a);
	const AnswerSheet second = SheetFrom(b);
	RC_ASSERT(ChangedAnswers(first, first).empty());
	const auto forward = ChangedAnswers(first, second);
	const auto backward = ChangedAnswers(second, first);
	RC_ASSERT(forward.size() == backward.size());
	for (size_t i = 0; i < forward.size(); ++i) {
		RC_ASSERT(forward[i].item == backward[i].item);
		RC_ASSERT(forward[i].before == backward[i].after);
	}
	// Applying the changes to the first sheet gives the second.
	AnswerSheet applied = first;
	for (const auto &change : forward) {
		if (change.after) {
			applied[change.item] = *change.after;
		} else {
			applied.erase(change.item);
		}
	}
	RC_ASSERT(applied == second);
}

} // namespace
} // namespace mamori::coaching
