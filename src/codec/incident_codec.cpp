// mamori/codec/incident_codec.cpp
#include "codec/incident_codec.hpp"

namespace mamori::codec {
namespace {

Result<bool> RequiredBool(const Json &document, const char *key) {
	const Json *value = MAMORI_TRY(RequireMember(document, key, key));
	return RequireBool(*value, key);
}

} // namespace

Result<incident::DamageFacts> DecodeDamageFacts(const Json &document) {
	MAMORI_TRY(RequireObject(document, ""));
	incident::DamageFacts facts;
	facts.external_impact = MAMORI_TRY(RequiredBool(document, "external_impact"));
	facts.personal_data_leak = MAMORI_TRY(RequiredBool(document, "personal_data_leak"));
	facts.business_impact = MAMORI_TRY(RequiredBool(document, "business_impact"));
	facts.work_impact = MAMORI_TRY(RequiredBool(document, "work_impact"));
	return facts;
}

Json EncodeDamageAssessment(const incident::DamageAssessment &assessment) {
	return Json{{"level", assessment.level}, {"lead", assessment.lead != nullptr ? assessment.lead->id : ""}};
}

Result<incident::LeakFacts> DecodeLeakFacts(const Json &document) {
	MAMORI_TRY(RequireObject(document, ""));
	incident::LeakFacts facts;
	const Json *aware_value = MAMORI_TRY(RequireMember(document, "aware_on", "aware_on"));
	const std::string aware_text = MAMORI_TRY(RequireString(*aware_value, "aware_on", 10));
	const auto aware_on = ParseIsoDate(aware_text);
	if (!aware_on) {
		return Error::Invalid("aware_on", "errors.incident.date_invalid", {{"value", aware_text}});
	}
	facts.aware_on = *aware_on;
	facts.personal_data = MAMORI_TRY(RequiredBool(document, "personal_data"));
	facts.sensitive = MAMORI_TRY(RequiredBool(document, "sensitive"));
	facts.financial_harm = MAMORI_TRY(RequiredBool(document, "financial_harm"));
	facts.malicious = MAMORI_TRY(RequiredBool(document, "malicious"));
	const Json *people = MAMORI_TRY(RequireMember(document, "affected_people", "affected_people"));
	facts.affected_people = MAMORI_TRY(RequireInteger(*people, "affected_people", 0, kMaxAffectedPeople));
	facts.strongly_encrypted = MAMORI_TRY(RequiredBool(document, "strongly_encrypted"));
	return facts;
}

Json EncodeReportDuty(const incident::ReportDuty &duty) {
	Json grounds = Json::array();
	for (const auto *ground : duty.grounds) {
		grounds.push_back(ground->id);
	}
	auto date_or_null = [](const std::optional<CivilDate> &date) {
		return date ? Json(IsoDate(*date)) : Json(nullptr);
	};
	return Json{{"required", duty.required},
	            {"grounds", grounds},
	            {"preliminary_due", date_or_null(duty.preliminary_due)},
	            {"final_due", date_or_null(duty.final_due)}};
}

} // namespace mamori::codec
