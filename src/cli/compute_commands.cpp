// mamori/cli/compute_commands.cpp
//
// selfcheck score|aggregate, risk evaluate, sme classify, incident
// level|report-duty. Each reads one JSON
// document (a file, or stdin for "-"), writes one JSON document on success,
// and on bad input writes nothing to stdout, one line to stderr, exit 2.
#include "cli/commands.hpp"

#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "codec/incident_codec.hpp"
#include "codec/risk_codec.hpp"
#include "codec/selfcheck_codec.hpp"
#include "codec/sme_codec.hpp"
#include "platform/files.hpp"

#include <iostream>
#include <iterator>

namespace mamori::cli {

static constexpr size_t kMaxInputBytes = 64 * 1024 * 1024;

int ReportError(const Error &error) {
	const std::string message = DescribeForCli(error);
	std::string line = error.field.empty() ? message : error.field + ": " + message;
	// One line, always: messages never carry newlines to stderr.
	for (char &c : line) {
		if (c == '\n' || c == '\r') {
			c = ' ';
		}
	}
	std::cerr << "mamori: " << line << std::endl;
	return ExitCodeFor(error.code);
}

static Result<codec::Json> ReadInputDocument(const Args &args, size_t expected_position) {
	if (args.size() != expected_position + 1) {
		return Error::Invalid("FILE", "cli.errors.one_input_file");
	}
	const std::string &name = args[expected_position];
	std::string text;
	if (name == "-") {
		text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
	} else {
		auto file = platform::ReadWholeFile(name);
		if (!file) {
			return Error::Invalid(name, "cannot read the input file");
		}
		text = std::move(file.value());
	}
	if (text.size() > kMaxInputBytes) {
		return Error::Invalid(name == "-" ? "stdin" : name, "input is larger than 64 MiB");
	}
	return codec::ParseJson(text);
}

static Result<Catalog> LoadContent() {
	auto content_dir = platform::LocateResourceDir("content");
	if (!content_dir) {
		return content_dir.error();
	}
	return platform::LoadCatalog(*content_dir);
}

static int Emit(const codec::Json &document) {
	std::cout << document.dump(2) << std::endl;
	return kExitOk;
}

static int Usage(const std::string &text) {
	std::cerr << "usage: " << text << std::endl;
	return kExitBadInput;
}

int RunSelfcheck(const Args &args) {
	if (args.empty() || (args[0] != "score" && args[0] != "aggregate")) {
		return Usage("mamori selfcheck score|aggregate FILE|-");
	}
	auto catalog = LoadContent();
	if (!catalog) {
		return ReportError(catalog.error());
	}
	const Edition &edition = catalog->DefaultEdition();
	auto document = ReadInputDocument(args, 1);
	if (!document) {
		return ReportError(document.error());
	}
	if (args[0] == "score") {
		auto answers = codec::DecodeScoreRequest(*document, edition.ItemCount());
		if (!answers) {
			return ReportError(answers.error());
		}
		return Emit(codec::EncodeScore(ScoreSelfcheck(edition.selfcheck_rules, edition.ItemCount(), *answers)));
	}
	auto respondents = codec::DecodeAggregateRequest(*document, edition.ItemCount());
	if (!respondents) {
		return ReportError(respondents.error());
	}
	return Emit(codec::EncodeAggregate(edition.selfcheck_rules, edition.ItemCount(), *respondents));
}

int RunRisk(const Args &args) {
	if (!args.empty() && (args[0] == "export" || args[0] == "import")) {
		return RunRegister(args);
	}
	if (args.empty() || args[0] != "evaluate") {
		return Usage("mamori risk evaluate FILE|-");
	}
	auto catalog = LoadContent();
	if (!catalog) {
		return ReportError(catalog.error());
	}
	auto document = ReadInputDocument(args, 1);
	if (!document) {
		return ReportError(document.error());
	}
	auto result = codec::EvaluateRiskRequest(*document, catalog->DefaultEdition().risk_scale);
	if (!result) {
		return ReportError(result.error());
	}
	return Emit(*result);
}

int RunSme(const Args &args) {
	if (args.empty() || args[0] != "classify") {
		return Usage("mamori sme classify FILE|-");
	}
	auto catalog = LoadContent();
	if (!catalog) {
		return ReportError(catalog.error());
	}
	auto document = ReadInputDocument(args, 1);
	if (!document) {
		return ReportError(document.error());
	}
	auto profile = codec::DecodeCompanyProfile(*document, catalog->sme);
	if (!profile) {
		return ReportError(profile.error());
	}
	auto classified = ClassifySme(catalog->sme, *profile);
	if (!classified) {
		return ReportError(classified.error());
	}
	return Emit(codec::EncodeSmeClassification(*classified));
}

int RunIncident(const Args &args) {
	if (args.empty() || (args[0] != "level" && args[0] != "report-duty")) {
		return Usage("mamori incident level|report-duty FILE|-");
	}
	auto catalog = LoadContent();
	if (!catalog) {
		return ReportError(catalog.error());
	}
	auto document = ReadInputDocument(args, 1);
	if (!document) {
		return ReportError(document.error());
	}
	if (args[0] == "level") {
		auto facts = codec::DecodeDamageFacts(*document);
		if (!facts) {
			return ReportError(facts.error());
		}
		return Emit(codec::EncodeDamageAssessment(incident::AssessDamage(catalog->incident.damage, *facts)));
	}
	auto facts = codec::DecodeLeakFacts(*document);
	if (!facts) {
		return ReportError(facts.error());
	}
	return Emit(codec::EncodeReportDuty(incident::AssessReportDuty(catalog->incident.report, *facts)));
}

} // namespace mamori::cli
