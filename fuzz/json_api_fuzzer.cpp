// mamori/fuzz/json_api_fuzzer.cpp
//
// The JSON request bodies of the API and the CLI: every codec decoder gets
// the same input, and what decodes is carried through the use case's core
// computation and encoded back, as the server would answer it. Also the
// JSON register import, the stored document/policy values and the hand-over
// package's data file, which are JSON bodies of their own.
#include "fuzz_content.hpp"

#include "codec/benchmark_codec.hpp"
#include "codec/document_codec.hpp"
#include "codec/incident_codec.hpp"
#include "codec/json_input.hpp"
#include "codec/organization_data_codec.hpp"
#include "codec/policy_codec.hpp"
#include "codec/risk_codec.hpp"
#include "codec/selfcheck_codec.hpp"
#include "codec/sme_codec.hpp"
#include "core/document/document_values.hpp"
#include "core/incident/damage_level.hpp"
#include "core/incident/report_duty.hpp"

using namespace mamori;

namespace {

void DecodeBody(const codec::Json &body) {
	const auto &content = fuzz::Content();
	const Edition &edition = content.edition();
	if (auto score = codec::DecodeScoreRequest(body, edition.ItemCount())) {
		(void)codec::EncodeScore(ScoreSelfcheck(edition.selfcheck_rules, edition.ItemCount(), *score));
		(void)codec::EncodeAnswers(*score);
	}
	if (auto respondents = codec::DecodeAggregateRequest(body, edition.ItemCount())) {
		(void)codec::EncodeAggregate(edition.selfcheck_rules, edition.ItemCount(), *respondents);
	}
	(void)codec::EvaluateRiskRequest(body, edition.risk_scale);
	if (auto facts = codec::DecodeDamageFacts(body)) {
		(void)codec::EncodeDamageAssessment(incident::AssessDamage(content.catalog().incident.damage, *facts));
	}
	if (auto facts = codec::DecodeLeakFacts(body)) {
		(void)codec::EncodeReportDuty(incident::AssessReportDuty(content.catalog().incident.report, *facts));
	}
	if (auto profile = codec::DecodeCompanyProfile(body, content.catalog().sme)) {
		if (auto classification = ClassifySme(content.catalog().sme, *profile)) {
			(void)codec::EncodeSmeClassification(*classification);
		}
	}
	const Catalog &catalog = content.catalog();
	if (auto request = codec::DecodeBenchmarkRequest(body, catalog.sme, catalog.benchmark)) {
		(void)codec::EncodeBenchmarkPosition(
		    PositionOf(catalog.benchmark, request->firms, request->target, request->min_group));
	}
}

void DecodeStoredValues(const std::string &text) {
	if (auto values = codec::DocumentValuesFromJson(text)) {
		for (const auto &tmpl : fuzz::Content().edition().document_templates) {
			(void)document::ValidateValues(tmpl, *values);
		}
		(void)codec::DocumentValuesToJson(*values);
	}
	if (auto policy = codec::PolicyValuesFromJson(text)) {
		(void)codec::PolicyValuesToJson(*policy);
	}
	// The hand-over package's data file (issue 12): what decodes encodes again.
	if (auto package = codec::DecodeOrganizationData(text)) {
		(void)codec::EncodeOrganizationData(*package);
	}
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
	(void)fuzz::Content();
	return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
	const std::string text = fuzz::AsText(data, size);
	if (auto body = codec::ParseJson(text)) {
		DecodeBody(*body);
	}
	DecodeStoredValues(text);
	fuzz::ImportRegister(interchange::RegisterFormat::kJson, text);
	return 0;
}
