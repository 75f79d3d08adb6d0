// mamori/tests/unit/core/training/training_quizzes_loader_test.cpp
//
// content/training/quizzes.yaml loads in both languages, and a broken file
// is refused with an error naming the file, the entry and the field — through
// ParseCatalog too, so the server does not start on it.
#include "core/catalog/catalog_loader.hpp"
#include "core/catalog/training_quizzes_loader.hpp"
#include "core/catalog/localize.hpp"
#include "platform/files.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace mamori {
namespace {

namespace fs = std::filesystem;

const std::string kFile = "training/quizzes.yaml";

ContentFiles Mutated(const std::string &from, const std::string &to) {
	ContentFiles files = testing_support::ShippedContentFiles();
	auto &text = files[kFile];
	const auto pos = text.find(from);
	EXPECT_NE(pos, std::string::npos) << from;
	if (pos != std::string::npos) text.replace(pos, from.size(), to);
	return files;
}

Error QuizRefused(const ContentFiles &files) {
	auto parsed = ParseTrainingContent(files, Locale::kJa);
	EXPECT_FALSE(parsed.ok());
	return parsed.ok() ? Error{} : parsed.error();
}

TEST(TrainingQuizzesLoaderTest, RealContentLoadsInBothLanguages) {
	const ContentFiles files = testing_support::ShippedContentFiles();
	auto ja = ParseTrainingContent(files, Locale::kJa);
	ASSERT_TRUE(ja.ok()) << ja.error().field << ": " << ja.error().message;
	auto en = ParseTrainingContent(files, Locale::kEn);
	ASSERT_TRUE(en.ok()) << en.error().field << ": " << en.error().message;
	ASSERT_GE(ja->quiz_sets.size(), 4u);
	ASSERT_EQ(ja->quiz_sets.size(), en->quiz_sets.size());
	EXPECT_EQ(ja->selfcheck_item, 20);
	EXPECT_EQ(ja->pass_percent, 80);
	EXPECT_FALSE(ja->source.document.empty());
	for (size_t s = 0; s < ja->quiz_sets.size(); ++s) {
		const auto &set = ja->quiz_sets[s];
		EXPECT_EQ(set.questions.size(), 5u) << set.id;
		EXPECT_EQ(set.id, en->quiz_sets[s].id);
		EXPECT_FALSE(set.source.document.empty()) << set.id;
		EXPECT_FALSE(HasJapaneseOutsideBrackets(en->quiz_sets[s].source.location)) << set.id;
		for (size_t q = 0; q < set.questions.size(); ++q) {
			const auto &question = set.questions[q];
			const auto &english = en->quiz_sets[s].questions[q];
			EXPECT_TRUE(HasJapanese(question.text)) << question.id;
			EXPECT_FALSE(HasJapaneseOutsideBrackets(english.text)) << english.text;
			EXPECT_FALSE(HasJapaneseOutsideBrackets(english.explanation)) << english.explanation;
			EXPECT_NE(question.FindChoice(question.correct), nullptr);
			for (const auto &choice : english.choices) {
				EXPECT_FALSE(HasJapaneseOutsideBrackets(choice.text)) << choice.text;
			}
		}
	}
	ASSERT_NE(ja->FindQuizSet("suspicious_mail"), nullptr);
	EXPECT_EQ(ja->FindQuizSet("nothing"), nullptr);
}

TEST(TrainingQuizzesLoaderTest, CatalogCarriesTheQuizzes) {
	auto catalog = ParseCatalog(testing_support::ShippedContentFiles());
	ASSERT_TRUE(catalog.ok()) << catalog.error().message;
	EXPECT_NE(catalog->training.FindQuizSet("five_articles"), nullptr);
}

TEST(TrainingQuizzesLoaderTest, CorrectMustNameAChoice) {
	const Error error = QuizRefused(Mutated("        correct: b\n", "        correct: z\n"));
	EXPECT_NE(error.field.find(kFile), std::string::npos);
	EXPECT_NE(error.field.find("quiz_sets[0].questions[0].correct"), std::string::npos) << error.field;
	EXPECT_NE(error.message.find("'z'"), std::string::npos);
}

TEST(TrainingQuizzesLoaderTest, OneChoiceIsRefused) {
	// passwords / leaver keeps only its correct choice.
	const Error error = QuizRefused(Mutated(
	    "          - { id: b, text: \"何かに使うかもしれないので残す\", en: { text: \"Keep them, they might be useful\" } }\n",
	    ""));
	EXPECT_NE(error.field.find("quiz_sets[1].questions[4].choices"), std::string::npos) << error.field;
	EXPECT_NE(error.message.find("2 to 4"), std::string::npos);
}

TEST(TrainingQuizzesLoaderTest, DuplicateQuizSetRefused) {
	const Error error = QuizRefused(Mutated("  - id: passwords\n", "  - id: five_articles\n"));
	EXPECT_NE(error.field.find("quiz_sets[1]"), std::string::npos) << error.field;
	EXPECT_NE(error.message.find("duplicate quiz set 'five_articles'"), std::string::npos);
}

TEST(TrainingQuizzesLoaderTest, MissingExplanationRefused) {
	const Error error = QuizRefused(Mutated("        explanation: \"更新プログラムは攻撃に使われる弱点をふさぐので、早めに適用します。\"\n", ""));
	EXPECT_NE(error.field.find("quiz_sets[0].questions[0]"), std::string::npos) << error.field;
	EXPECT_NE(error.message.find("explanation"), std::string::npos) << error.message;
}

TEST(TrainingQuizzesLoaderTest, QuizSetWithoutSourceRefused) {
	// five_articles loses its whole source block (the first set: quiz_sets[0]).
	const Error error = QuizRefused(Mutated("    source:\n      document: \"中小企業の情報セキュリティ対策ガイドライン 第3版\"\n"
	                                    "      location: \"付録1 情報セキュリティ5か条\"\n"
	                                    "      en:\n"
	                                    "        document: \"Information Security Guidelines for SMEs, 3rd edition "
	                                    "(中小企業の情報セキュリティ対策ガイドライン 第3版)\"\n"
	                                    "        location: \"Appendix 1, the 5 Principles (情報セキュリティ5か条)\"\n",
	                                    ""));
	EXPECT_NE(error.field.find("quiz_sets[0]"), std::string::npos) << error.field;
	EXPECT_NE(error.message.find("source"), std::string::npos) << error.message;
}

TEST(TrainingQuizzesLoaderTest, NumbersOutOfRangeRefused) {
	EXPECT_NE(QuizRefused(Mutated("pass_percent: 80\n", "pass_percent: 0\n")).field.find("pass_percent"), std::string::npos);
	EXPECT_NE(QuizRefused(Mutated("overdue_days: 14\n", "overdue_days: 999\n")).field.find("overdue_days"),
	          std::string::npos);
}

TEST(TrainingQuizzesLoaderTest, BrokenFileStopsTheCatalog) {
	auto catalog = ParseCatalog(Mutated("        correct: b\n", "        correct: z\n"));
	ASSERT_FALSE(catalog.ok());
	EXPECT_NE(catalog.error().field.find(kFile), std::string::npos);
	ContentFiles missing = testing_support::ShippedContentFiles();
	missing.erase(kFile);
	auto without = ParseCatalog(missing);
	ASSERT_FALSE(without.ok());
	EXPECT_EQ(without.error().field, kFile);
}

} // namespace
} // namespace mamori
