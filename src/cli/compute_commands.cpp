// mamori/cli/compute_commands.cpp
//
// selfcheck score|aggregate, risk evaluate, sme classify, benchmark position,
// incident level|report-duty. Each reads one JSON
// document (a file, or stdin for "-"), writes one JSON document on success,
// and on bad input writes nothing to stdout, one line to stderr, exit 2.
#include "cli/commands.hpp"

#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "codec/benchmark_codec.hpp"
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

//! The shape every computation shares: load the content, read the one input
//! document, and print what `compute` makes of it, or one error line.
template <typename Compute>
static int ComputeJson(const Args &args, Compute &&compute) {
	auto catalog = LoadContent();
	if (!catalog) {
		return ReportError(catalog.error());
	}
	auto document = ReadInputDocument(args, 1);
	if (!document) {
		return ReportError(document.error());
	}
	Result<codec::Json> output = compute(*catalog, *document);
	if (!output) {
		return ReportError(output.error());
	}
	return Emit(*output);
}

int RunSelfcheck(const Args &args) {
	if (args.empty() || (args[0] != "score" && args[0] != "aggregate")) {
		return Usage("mamori selfcheck score|aggregate FILE|-");
	}
	const bool score = args[0] == "score";
	return ComputeJson(args, [&](const Catalog &catalog, const codec::Json &document) -> Result<codec::Json> {
		const Edition &edition = catalog.DefaultEdition();
		if (score) {
			const auto answers = MAMORI_TRY(codec::DecodeScoreRequest(document, edition.ItemCount()));
			return codec::EncodeScore(ScoreSelfcheck(edition.selfcheck_rules, edition.ItemCount(), answers));
		}
		const auto respondents = MAMORI_TRY(codec::DecodeAggregateRequest(document, edition.ItemCount()));
		return codec::EncodeAggregate(edition.selfcheck_rules, edition.ItemCount(), respondents);
	});
}

int RunRisk(const Args &args) {
	if (!args.empty() && (args[0] == "export" || args[0] == "import")) {
		return RunRegister(args);
	}
	if (args.empty() || args[0] != "evaluate") {
		return Usage("mamori risk evaluate FILE|-");
	}
	return ComputeJson(args, [](const Catalog &catalog, const codec::Json &document) -> Result<codec::Json> {
		return codec::EvaluateRiskRequest(document, catalog.DefaultEdition().risk_scale);
	});
}

int RunSme(const Args &args) {
	if (args.empty() || args[0] != "classify") {
		return Usage("mamori sme classify FILE|-");
	}
	return ComputeJson(args, [](const Catalog &catalog, const codec::Json &document) -> Result<codec::Json> {
		const auto profile = MAMORI_TRY(codec::DecodeCompanyProfile(document, catalog.sme));
		const auto classified = MAMORI_TRY(ClassifySme(catalog.sme, profile));
		return codec::EncodeSmeClassification(classified);
	});
}

int RunBenchmark(const Args &args) {
	if (args.empty() || args[0] != "position") {
		return Usage("mamori benchmark position FILE|-");
	}
	return ComputeJson(args, [](const Catalog &catalog, const codec::Json &document) -> Result<codec::Json> {
		const auto request = MAMORI_TRY(codec::DecodeBenchmarkRequest(document, catalog.sme, catalog.benchmark));
		return codec::EncodeBenchmarkPosition(
		    PositionOf(catalog.benchmark, request.firms, request.target, request.min_group));
	});
}

int RunIncident(const Args &args) {
	if (args.empty() || (args[0] != "level" && args[0] != "report-duty")) {
		return Usage("mamori incident level|report-duty FILE|-");
	}
	const bool level = args[0] == "level";
	return ComputeJson(args, [&](const Catalog &catalog, const codec::Json &document) -> Result<codec::Json> {
		if (level) {
			const auto facts = MAMORI_TRY(codec::DecodeDamageFacts(document));
			return codec::EncodeDamageAssessment(incident::AssessDamage(catalog.incident.damage, facts));
		}
		const auto facts = MAMORI_TRY(codec::DecodeLeakFacts(document));
		return codec::EncodeReportDuty(incident::AssessReportDuty(catalog.incident.report, facts));
	});
}

} // namespace mamori::cli
