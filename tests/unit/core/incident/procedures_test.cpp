// mamori/tests/unit/core/incident/procedures_test.cpp
//
// The shipped incident procedures (もしもマニュアル 4-3〜4-7): every kind has
// steps for every damage level, and the steps a later report depends on are
// marked.
#include "core/incident/incident_rules.hpp"
#include "platform/files.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace mamori::incident {
namespace {

const IncidentRules &IncidentRulesIn(Locale locale = kDefaultLocale) {
	return testing_support::ShippedCatalogs().In(locale).incident;
}

bool HasStep(const Procedure &procedure, bool (*marked)(const ProcedureStep &)) {
	return std::any_of(procedure.steps.begin(), procedure.steps.end(), marked);
}

TEST(IncidentProceduresTest, TheHandbooksThreeKinds) {
	const auto &procedures = IncidentRulesIn().procedures;
	ASSERT_EQ(procedures.kinds.size(), 3u);
	EXPECT_NE(procedures.FindKind("leak"), nullptr);
	EXPECT_NE(procedures.FindKind("tampering"), nullptr);
	EXPECT_NE(procedures.FindKind("malware"), nullptr);
	EXPECT_EQ(procedures.FindKind("fire"), nullptr);
}

TEST(IncidentProceduresTest, EveryKindHasStepsForEveryLevel) {
	for (const auto &kind : IncidentRulesIn().procedures.kinds) {
		for (int level = 0; level <= 3; ++level) {
			const Procedure *procedure = kind.ForLevel(level);
			ASSERT_NE(procedure, nullptr) << kind.id << " level " << level;
			EXPECT_FALSE(procedure->steps.empty());
		}
	}
}

TEST(IncidentProceduresTest, SeriousIncidentsKeepTheEvidence) {
	const auto &procedures = IncidentRulesIn().procedures;
	for (const auto &kind : procedures.kinds) {
		for (int level = 2; level <= 3; ++level) {
			EXPECT_TRUE(HasStep(*kind.ForLevel(level), [](const ProcedureStep &step) { return step.evidence; }))
			    << kind.id << " level " << level;
		}
	}
	// An infected device is cut off first, before anything else is tried.
	const Procedure &malware = *procedures.FindKind("malware")->ForLevel(1);
	EXPECT_TRUE(malware.steps.front().isolation);
	EXPECT_EQ(procedures.FindKind("malware")->escalate_when.size(), 3u);
}

TEST(IncidentProceduresTest, ContactsAndContinuityInBothLanguages) {
	for (Locale locale : kAllLocales) {
		const auto &procedures = IncidentRulesIn(locale).procedures;
		EXPECT_GE(procedures.contacts.size(), 3u);
		EXPECT_EQ(procedures.continuity_steps.size(), 5u);
		EXPECT_FALSE(procedures.continuity_note.empty());
	}
	EXPECT_NE(IncidentRulesIn(Locale::kEn).procedures.FindKind("leak")->label, IncidentRulesIn().procedures.FindKind("leak")->label);
}

} // namespace
} // namespace mamori::incident
