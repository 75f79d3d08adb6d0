// mamori/tests/unit/core/incident/damage_level_test.cpp
//
// Damage levels 0–3 and who leads (methodology §5), from the shipped rules.
#include "core/incident/damage_level.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace mamori::incident {
namespace {

const DamageLevels &DamageRules() {
	return testing_support::ShippedCatalog().incident.damage;
}

DamageFacts Facts(bool external, bool leak, bool business, bool work) {
	return DamageFacts{external, leak, business, work};
}

std::string LeadOf(const DamageFacts &facts) {
	const auto assessed = AssessDamage(DamageRules(), facts);
	return assessed.lead != nullptr ? assessed.lead->id : "";
}

TEST(DamageLevelTest, EachLevelOfTheHandbookTable) {
	EXPECT_EQ(AssessDamage(DamageRules(), Facts(true, false, false, false)).level, 3);
	EXPECT_EQ(LeadOf(Facts(true, false, false, false)), "top_executive");
	EXPECT_EQ(AssessDamage(DamageRules(), Facts(false, true, false, false)).level, 3);
	EXPECT_EQ(AssessDamage(DamageRules(), Facts(false, false, true, true)).level, 2);
	EXPECT_EQ(LeadOf(Facts(false, false, true, true)), "response_manager");
	EXPECT_EQ(AssessDamage(DamageRules(), Facts(false, false, false, true)).level, 1);
	EXPECT_EQ(LeadOf(Facts(false, false, false, true)), "system_admin");
	EXPECT_EQ(AssessDamage(DamageRules(), Facts(false, false, false, false)).level, 0);
	EXPECT_EQ(LeadOf(Facts(false, false, false, false)), "system_admin");
}

TEST(DamageLevelTest, EveryLevelNamesItsScopeAndLeadInWords) {
	for (const auto &rule : DamageRules().levels) {
		EXPECT_FALSE(rule.scope.empty()) << rule.level;
		ASSERT_NE(DamageRules().FindLead(rule.lead), nullptr) << rule.level;
		EXPECT_FALSE(DamageRules().FindLead(rule.lead)->label.empty());
	}
	EXPECT_FALSE(DamageRules().source.document.empty());
}

// The level is the highest that any one fact reaches on its own, so adding a
// fact never lowers it.
RC_GTEST_PROP(DamageLevelProperty, LevelIsTheHighestOfEachFactAlone, (bool external, bool leak, bool business, bool work)) {
	const int level = AssessDamage(DamageRules(), Facts(external, leak, business, work)).level;
	int expected = 0;
	if (work) {
		expected = 1;
	}
	if (business) {
		expected = 2;
	}
	if (external || leak) {
		expected = 3;
	}
	RC_ASSERT(level == expected);
}

RC_GTEST_PROP(DamageLevelProperty, AddingAFactNeverLowersTheLevel, (bool external, bool leak, bool business, bool work)) {
	const int base = AssessDamage(DamageRules(), Facts(external, leak, business, work)).level;
	RC_ASSERT(AssessDamage(DamageRules(), Facts(true, leak, business, work)).level >= base);
	RC_ASSERT(AssessDamage(DamageRules(), Facts(external, true, business, work)).level >= base);
	RC_ASSERT(AssessDamage(DamageRules(), Facts(external, leak, true, work)).level >= base);
	RC_ASSERT(AssessDamage(DamageRules(), Facts(external, leak, business, true)).level >= base);
}

} // namespace
} // namespace mamori::incident
