// mamori/tests/unit/core/catalog/exercise_scenario_loader_test.cpp
//
// Tabletop-exercise scenarios (issue 9): the shipped one loads with the
// catalog; a good scenario reads in both languages; each kind of mistake is
// refused naming the file and the entry.
#include "core/catalog/exercise_scenario_loader.hpp"
#include "platform/files.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>

namespace mamori {
namespace {

const incident::IncidentProcedures &Manual() { return testing_support::ShippedCatalog().incident.procedures; }

// A small scenario a test breaks one line of at a time.
std::string Good() {
	return R"(id: small
title: "小さな訓練"
summary: "概要"
en: { title: "A small exercise", summary: "Summary" }
source:
  document: "手引き"
  location: "Mission5"
  en: { document: "Handbook", location: "Mission 5" }
manual:
  - { kind: malware, level: 2 }
scenes:
  - id: opening
    title: "始まり"
    story: "メールが届く。"
    en: { title: "Opening", story: "An e-mail arrives." }
  - id: infected
    title: "感染"
    story: "パソコンがおかしい。"
    en: { title: "Infected", story: "A PC behaves oddly." }
    decision:
      id: first
      question: "どうする？"
      en: { question: "What now?" }
      options:
        - id: unplug
          label: "切り離す"
          steps: [{ kind: malware, step: disconnect }]
          explanation: "正しい。"
          en: { label: "Unplug it", explanation: "Right." }
        - id: ignore
          label: "放っておく"
          explanation: "違う。"
          en: { label: "Ignore it", explanation: "Wrong." }
)";
}

Result<incident::ExerciseScenario> Parse(const std::string &text,
                                         ScenarioEnglish english = ScenarioEnglish::kRequired) {
	return ParseExerciseScenario(text, "incident/exercises/small.yaml", Manual(), english);
}

std::string Replace(std::string text, const std::string &from, const std::string &to) {
	const auto at = text.find(from);
	EXPECT_NE(at, std::string::npos) << from;
	return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

void ExpectScenarioRefused(const std::string &text, const std::string &where, const std::string &what,
                   ScenarioEnglish english = ScenarioEnglish::kRequired) {
	auto parsed = Parse(text, english);
	ASSERT_FALSE(parsed.ok()) << where;
	EXPECT_EQ(parsed.error().code, ErrorCode::kCatalogInvalid);
	EXPECT_EQ(parsed.error().field, "incident/exercises/small.yaml" + (where.empty() ? "" : ": " + where))
	    << parsed.error().Describe();
	EXPECT_NE(parsed.error().message.find(what), std::string::npos) << parsed.error().Describe();
}

TEST(ExerciseScenarioLoader, ShippedScenarioLoadsWithTheCatalog) {
	const auto &exercises = testing_support::ShippedCatalog().exercises;
	ASSERT_FALSE(exercises.empty());
	const auto &mail = exercises.front();
	EXPECT_EQ(mail.id, "targeted_mail_attack");
	EXPECT_EQ(mail.scenes.size(), 9U);  // SCENE 01–09 of Mission 5
	int decisions = 0;
	for (const auto &scene : mail.scenes) {
		decisions += scene.decision ? 1 : 0;
	}
	EXPECT_EQ(decisions, 4);  // SCENE 06, 07, 08 and 09
	const auto *contain = mail.FindDecision("contain_infection");
	ASSERT_NE(contain, nullptr);
	ASSERT_NE(contain->FindOption("disconnect_all"), nullptr);
	EXPECT_EQ(contain->FindOption("disconnect_all")->steps.front().step, "disconnect");
	EXPECT_TRUE(contain->FindOption("keep_working")->steps.empty());
	EXPECT_FALSE(mail.yaml.empty());
}

TEST(ExerciseScenarioLoader, GoodScenarioReadsBothLanguages) {
	auto parsed = Parse(Good());
	ASSERT_TRUE(parsed.ok()) << parsed.error().Describe();
	EXPECT_EQ(parsed->title.In(Locale::kJa), "小さな訓練");
	EXPECT_EQ(parsed->title.In(Locale::kEn), "A small exercise");
	ASSERT_EQ(parsed->scenes.size(), 2U);
	EXPECT_FALSE(parsed->scenes[0].decision.has_value());
	const auto &decision = *parsed->scenes[1].decision;
	EXPECT_EQ(decision.options[0].label.In(Locale::kEn), "Unplug it");
	EXPECT_EQ(decision.options[0].steps[0].kind, "malware");
	EXPECT_EQ(parsed->manual[0].level, 2);
	EXPECT_EQ(parsed->yaml, Good());
}

TEST(ExerciseScenarioLoader, FirmScenarioMayLeaveOutTheEnglish) {
	const std::string japanese_only =
	    Replace(Good(), R"(en: { label: "Ignore it", explanation: "Wrong." })", "");
	ExpectScenarioRefused(japanese_only, "scenes[1].decision.options[1]", "'en.label' is missing");
	auto firm = Parse(japanese_only, ScenarioEnglish::kOptional);
	ASSERT_TRUE(firm.ok()) << firm.error().Describe();
	EXPECT_EQ(firm->scenes[1].decision->options[1].label.In(Locale::kEn), "放っておく");
}

TEST(ExerciseScenarioLoader, UnknownStepOrKindIsRefused) {
	ExpectScenarioRefused(Replace(Good(), "step: disconnect", "step: unplug_it"),
	              "scenes[1].decision.options[0].steps[0].step", "unknown step 'unplug_it'");
	ExpectScenarioRefused(Replace(Good(), "steps: [{ kind: malware", "steps: [{ kind: leak"),
	              "scenes[1].decision.options[0].steps[0].kind", "not listed under 'manual'");
	ExpectScenarioRefused(Replace(Good(), "{ kind: malware, level: 2 }", "{ kind: flood, level: 2 }"), "manual[0].kind",
	              "unknown kind 'flood'");
	ExpectScenarioRefused(Replace(Good(), "{ kind: malware, level: 2 }", "{ kind: malware, level: 7 }"), "manual[0].level",
	              "no procedure for level 7");
}

TEST(ExerciseScenarioLoader, DuplicateIdsAreRefused) {
	ExpectScenarioRefused(Replace(Good(), "id: infected", "id: opening"), "scenes[1]", "duplicate scene 'opening'");
	ExpectScenarioRefused(Replace(Good(), "id: ignore", "id: unplug"), "scenes[1].decision.options[1]",
	              "duplicate option 'unplug'");
	const std::string two_decisions = Replace(Good(), "    en: { title: \"Opening\", story: \"An e-mail arrives.\" }\n",
	                                          "    en: { title: \"Opening\", story: \"An e-mail arrives.\" }\n"
	                                          "    decision:\n      id: first\n      question: \"?\"\n"
	                                          "      en: { question: \"?\" }\n      options:\n"
	                                          "        - { id: a, label: \"A\", explanation: \"A\", en: { label: A, explanation: A } }\n"
	                                          "        - { id: b, label: \"B\", explanation: \"B\", en: { label: B, explanation: B } }\n");
	ExpectScenarioRefused(two_decisions, "scenes[1].decision.id", "duplicate decision 'first'");
}

TEST(ExerciseScenarioLoader, MissingTextAndTooFewOptionsAreRefused) {
	ExpectScenarioRefused(Replace(Good(), "    story: \"パソコンがおかしい。\"\n", ""), "scenes[1]", "'story' is missing");
	ExpectScenarioRefused(Replace(Good(), R"(en: { question: "What now?" })", R"(en: { question: "どうする" })"),
	              "scenes[1].decision.en.question", "Japanese outside brackets");
	ExpectScenarioRefused(Replace(Good(), R"(en: { question: "What now?" })", R"(en: { question: "What now?", hint: "x" })"),
	              "scenes[1].decision.en.hint", "not a text of this entry");
	const auto options = Good().find("        - id: ignore");
	ExpectScenarioRefused(Good().substr(0, options), "scenes[1].decision.options", "2 to 5 options");
	ExpectScenarioRefused(Replace(Good(), "id: small", "id: Small Exercise"), "id", "lower-case");
	ExpectScenarioRefused(Replace(Good(), "    decision:", "    later:"), "", "at least one scene needs a decision");
}

TEST(ExerciseScenarioLoader, BrokenYamlNamesTheLine) {
	auto parsed = Parse(Replace(Good(), "title: \"始まり\"", "title: [\"始まり\""));
	ASSERT_FALSE(parsed.ok());
	EXPECT_EQ(parsed.error().field, "incident/exercises/small.yaml");
	EXPECT_NE(parsed.error().message.find("line"), std::string::npos) << parsed.error().message;
}

// The catalog is loaded at start-up: a broken scenario stops it, naming the file and the entry.
TEST(ExerciseScenarioLoader, BrokenBuiltInScenarioStopsTheCatalog) {
	auto files = platform::ReadContentFiles(testing_support::SourcePath("content"));
	ASSERT_TRUE(files.ok()) << files.error().Describe();
	std::string &mail = files->at("incident/exercises/targeted_mail_attack.yaml");
	mail = Replace(mail, "step: disconnect }", "step: unplug }");
	auto catalogs = ParseCatalogs(*files);
	ASSERT_FALSE(catalogs.ok());
	EXPECT_EQ(catalogs.error().field,
	          "incident/exercises/targeted_mail_attack.yaml: scenes[6].decision.options[0].steps[0].step");
	EXPECT_NE(catalogs.error().message.find("unknown step 'unplug'"), std::string::npos) << catalogs.error().message;
}

TEST(ExerciseScenarioLoader, TwoFilesWithOneIdAreRefused) {
	ContentFiles files{{"incident/exercises/a.yaml", Good()}, {"incident/exercises/b.yaml", Good()},
	                   {"incident/procedures.yaml", "ignored: true"}};
	EXPECT_EQ(ExerciseScenarioFileNames(files),
	          (std::vector<std::string>{"incident/exercises/a.yaml", "incident/exercises/b.yaml"}));
	auto parsed = ParseExerciseScenarios(files, Manual());
	ASSERT_FALSE(parsed.ok());
	EXPECT_EQ(parsed.error().field, "incident/exercises/b.yaml: id");
}

} // namespace
} // namespace mamori
