// mamori/tests/unit/core/incident/exercise_comparison_test.cpp
//
// The comparison of a tabletop exercise with the manual (issue 9): an option
// is called for when one of its steps is in the manual's procedure for the
// scenario's kind and level; a choice agrees when it is such an option; the
// counts per decision and per participant follow; a manual without the step
// (a firm's adapted procedures) changes the answer.
#include "core/incident/exercise_comparison.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>

namespace mamori::incident {
namespace {

const ExerciseScenario &Mail() { return testing_support::ShippedCatalog().exercises.front(); }
const IncidentProcedures &Manual() { return testing_support::ShippedCatalog().incident.procedures; }

const ComparedDecision &Decision(const ExerciseComparison &comparison, const std::string &id) {
	for (const auto &decision : comparison.decisions) {
		if (decision.decision->id == id) {
			return decision;
		}
	}
	throw std::runtime_error("no decision " + id);
}

TEST(ExerciseComparison, OptionsMappedToTheManualAreCalledFor) {
	const auto comparison = CompareWithManual(Mail(), Manual(), {}, {});
	ASSERT_EQ(comparison.decision_count, 4);
	const auto &contain = Decision(comparison, "contain_infection");
	ASSERT_EQ(contain.options.size(), 5U);
	EXPECT_TRUE(contain.options[0].called_for);  // disconnect_all
	ASSERT_EQ(contain.options[0].steps.size(), 1U);
	EXPECT_EQ(contain.options[0].steps[0]->id, "disconnect");
	EXPECT_EQ(contain.options[2].steps.size(), 2U);  // police and authority
	EXPECT_FALSE(contain.options[3].called_for);     // keep_working
	EXPECT_FALSE(contain.options[4].called_for);     // power_off
}

TEST(ExerciseComparison, ChoicesAgreeAndAreCountedPerDecisionAndParticipant) {
	const std::vector<ExerciseAnswer> answers = {
	    {1, "first_response", "report_up"},      {2, "first_response", "wait_and_see"},
	    {1, "contain_infection", "disconnect_all"}, {2, "contain_infection", "tell_authorities"},
	    {3, "contain_infection", "power_off"},   {3, "first_response", "no_such_option"},
	};
	const auto comparison = CompareWithManual(Mail(), Manual(), {1, 2, 3}, answers);
	const auto &first = Decision(comparison, "first_response");
	EXPECT_EQ(first.answered, 2);  // the unknown option counts as not answered
	EXPECT_EQ(first.agreeing, 1);
	EXPECT_TRUE(first.choices[0].agrees);
	EXPECT_FALSE(first.choices[1].agrees);
	EXPECT_EQ(first.choices[2].option, nullptr);
	const auto &contain = Decision(comparison, "contain_infection");
	EXPECT_EQ(contain.answered, 3);
	EXPECT_EQ(contain.agreeing, 2);
	EXPECT_EQ(Decision(comparison, "after_recovery").answered, 0);

	ASSERT_EQ(comparison.participants.size(), 3U);
	EXPECT_EQ(comparison.participants[0].agreeing, 2);
	EXPECT_EQ(comparison.participants[0].answered, 2);
	EXPECT_EQ(comparison.participants[1].agreeing, 1);
	EXPECT_EQ(comparison.participants[2].agreeing, 0);
	EXPECT_EQ(comparison.participants[2].answered, 1);
}

TEST(ExerciseComparison, AManualWithoutTheStepNoLongerCallsForIt) {
	IncidentProcedures adapted = Manual();
	for (auto &kind : adapted.kinds) {
		if (kind.id != "malware") {
			continue;
		}
		for (auto &procedure : kind.procedures) {
			std::erase_if(procedure.steps, [](const ProcedureStep &step) { return step.id == "disconnect"; });
		}
	}
	const auto comparison = CompareWithManual(Mail(), adapted, {1}, {{1, "contain_infection", "disconnect_all"}});
	const auto &contain = Decision(comparison, "contain_infection");
	EXPECT_FALSE(contain.options[0].called_for);
	EXPECT_FALSE(contain.choices[0].agrees);
	EXPECT_EQ(contain.answered, 1);
}

} // namespace
} // namespace mamori::incident
