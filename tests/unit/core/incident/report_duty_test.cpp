// mamori/tests/unit/core/incident/report_duty_test.cpp
//
// The duty to report a leak to the 個人情報保護委員会 and its dates
// (methodology §6), from the shipped rules.
#include "core/incident/report_duty.hpp"
#include "support/catalog.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <string>
#include <vector>

namespace mamori::incident {
namespace {

const PersonalDataReportRules &ReportRules() {
	return testing_support::ShippedCatalog().incident.report;
}

LeakFacts Leak(const char *aware_on) {
	LeakFacts facts;
	facts.aware_on = *ParseIsoDate(aware_on);
	facts.personal_data = true;
	return facts;
}

std::vector<std::string> GroundIds(const ReportDuty &duty) {
	std::vector<std::string> ids;
	for (const auto *ground : duty.grounds) {
		ids.push_back(ground->id);
	}
	return ids;
}

TEST(ReportDutyTest, MaliciousLeakHasSixtyDaysForTheFinalReport) {
	LeakFacts facts = Leak("2026-04-01");
	facts.malicious = true;
	facts.affected_people = 12;
	const ReportDuty duty = AssessReportDuty(ReportRules(), facts);
	EXPECT_TRUE(duty.required);
	EXPECT_EQ(GroundIds(duty), std::vector<std::string>{"malicious"});
	EXPECT_EQ(IsoDate(*duty.preliminary_due), "2026-04-04");
	EXPECT_EQ(IsoDate(*duty.final_due), "2026-05-30");
}

TEST(ReportDutyTest, OtherGroundsHaveThirtyDaysCountingTheDayOfAwareness) {
	LeakFacts facts = Leak("2026-12-20");
	facts.sensitive = true;
	const ReportDuty duty = AssessReportDuty(ReportRules(), facts);
	EXPECT_EQ(IsoDate(*duty.preliminary_due), "2026-12-23");
	EXPECT_EQ(IsoDate(*duty.final_due), "2027-01-18");  // across the year end
}

TEST(ReportDutyTest, GroundsInTheLawsOrder) {
	LeakFacts facts = Leak("2024-02-28");
	facts.affected_people = 1001;
	facts.malicious = true;
	facts.financial_harm = true;
	facts.sensitive = true;
	const ReportDuty duty = AssessReportDuty(ReportRules(), facts);
	EXPECT_EQ(GroundIds(duty), (std::vector<std::string>{"sensitive", "financial_harm", "malicious", "over_1000"}));
	EXPECT_EQ(IsoDate(*duty.preliminary_due), "2024-03-02");  // leap year: 29 February counts
}

TEST(ReportDutyTest, ExactlyOneThousandPeopleIsNotMoreThanOneThousand) {
	LeakFacts facts = Leak("2026-04-01");
	facts.affected_people = 1000;
	EXPECT_FALSE(AssessReportDuty(ReportRules(), facts).required);
	facts.affected_people = 1001;
	EXPECT_EQ(GroundIds(AssessReportDuty(ReportRules(), facts)), std::vector<std::string>{"over_1000"});
}

TEST(ReportDutyTest, NoReportWithoutPersonalDataOrWithStrongEncryption) {
	LeakFacts facts = Leak("2026-04-01");
	facts.sensitive = facts.malicious = true;
	facts.personal_data = false;
	const ReportDuty no_personal_data = AssessReportDuty(ReportRules(), facts);
	EXPECT_FALSE(no_personal_data.required);
	EXPECT_TRUE(no_personal_data.grounds.empty());
	EXPECT_FALSE(no_personal_data.preliminary_due.has_value());
	facts.personal_data = true;
	facts.strongly_encrypted = true;
	EXPECT_FALSE(AssessReportDuty(ReportRules(), facts).required);
}

TEST(ReportDutyTest, EveryGroundNamesItsArticle) {
	ASSERT_EQ(ReportRules().grounds.size(), 4u);
	for (const auto &ground : ReportRules().grounds) {
		EXPECT_FALSE(ground.law.empty()) << ground.id;
		EXPECT_FALSE(ground.label.empty()) << ground.id;
	}
}

RC_GTEST_PROP(ReportDutyProperty, DatesFollowTheAwarenessDay,
              (bool sensitive, bool financial_harm, bool malicious, unsigned int people)) {
	LeakFacts facts = Leak("2026-01-01");
	facts.aware_on = AddDays(facts.aware_on, *rc::gen::inRange(0, 3650));
	facts.sensitive = sensitive;
	facts.financial_harm = financial_harm;
	facts.malicious = malicious;
	facts.affected_people = people % 3000;
	const ReportDuty duty = AssessReportDuty(ReportRules(), facts);
	const bool any_ground = sensitive || financial_harm || malicious || facts.affected_people > 1000;
	RC_ASSERT(duty.required == any_ground);
	RC_ASSERT(duty.preliminary_due.has_value() == any_ground);
	if (any_ground) {
		const long long aware = DaysSinceEpoch(facts.aware_on);
		RC_ASSERT(DaysSinceEpoch(*duty.preliminary_due) - aware == 3);
		RC_ASSERT(DaysSinceEpoch(*duty.final_due) - aware == (malicious ? 59 : 29));
		RC_ASSERT(*duty.preliminary_due < *duty.final_due);
	}
}

} // namespace
} // namespace mamori::incident
