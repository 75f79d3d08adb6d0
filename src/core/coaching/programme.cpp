// mamori/core/coaching/programme.cpp
#include "core/coaching/programme.hpp"

#include "core/yaml/load.hpp"

#include <algorithm>
#include <set>

namespace mamori::coaching {

namespace {

constexpr size_t kMaxText = 2000;
constexpr size_t kMaxEntries = 30;
constexpr int kMaxVisits = 12;

Error Problem(const std::string &path, const char *key, MessageParams params = {}) {
	params.insert(params.begin(), {"field", path});
	return Error::Invalid(path, key, std::move(params));
}

bool IsName(const std::string &text) {
	return !text.empty() && text.size() <= 40 &&
	       std::all_of(text.begin(), text.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

Result<std::string> Scalar(const yaml::Node &node, const std::string &path, bool required) {
	if (!node || node.IsNull()) {
		if (required) {
			return Problem(path, "errors.programme.missing");
		}
		return std::string();
	}
	if (!node.IsScalar()) {
		return Problem(path, "errors.programme.not_text");
	}
	std::string text = node.as<std::string>();
	if (text.size() > kMaxText) {
		return Problem(path, "errors.programme.too_long", {{"max", std::to_string(kMaxText)}});
	}
	if (required && text.empty()) {
		return Problem(path, "errors.programme.missing");
	}
	return text;
}

//! "text" or {ja: …, en: …}. Shipped content needs both languages.
Result<LocalText> Text(const yaml::Node &node, const std::string &path, ProgrammeOrigin origin) {
	LocalText text;
	if (node && node.IsMap()) {
		text.ja = MAMORI_TRY(Scalar(node["ja"], path + ".ja", true));
		text.en = MAMORI_TRY(Scalar(node["en"], path + ".en", origin == ProgrammeOrigin::kContent));
		return text;
	}
	if (origin == ProgrammeOrigin::kContent) {
		return Problem(path, "errors.programme.needs_languages");
	}
	text.ja = MAMORI_TRY(Scalar(node, path, true));
	text.en = text.ja;
	return text;
}

Result<yaml::Node> List(const yaml::Node &node, const std::string &path, bool required) {
	if (!node || node.IsNull()) {
		if (required) {
			return Problem(path, "errors.programme.missing");
		}
		return yaml::Node(yaml::NodeType::kSequence);
	}
	if (!node.IsSequence()) {
		return Problem(path, "errors.programme.not_list");
	}
	if (node.size() > kMaxEntries) {
		return Problem(path, "errors.programme.too_many", {{"max", std::to_string(kMaxEntries)}});
	}
	return node;
}

Result<int> Number(const yaml::Node &node, const std::string &path, int low, int high, bool required) {
	if (!node || node.IsNull()) {
		if (required) {
			return Problem(path, "errors.programme.missing");
		}
		return 0;
	}
	int value = 0;
	try {
		value = node.as<int>();
	} catch (const yaml::Exception &) {
		return Problem(path, "errors.programme.not_number");
	}
	if (value < low || value > high) {
		return Problem(path, "errors.programme.out_of_range", {{"low", std::to_string(low)}, {"high", std::to_string(high)}});
	}
	return value;
}

Result<ProgrammeVisit> ParseVisit(const yaml::Node &node, const std::string &path, int expected_number,
                                  ProgrammeOrigin origin, const std::vector<std::string> &document_kinds) {
	if (!node.IsMap()) {
		return Problem(path, "errors.programme.not_map");
	}
	ProgrammeVisit visit;
	visit.number = MAMORI_TRY(Number(node["number"], path + ".number", 1, kMaxVisits, true));
	if (visit.number != expected_number) {
		return Problem(path + ".number", "errors.programme.visit_order", {{"number", std::to_string(expected_number)}});
	}
	visit.title = MAMORI_TRY(Text(node["title"], path + ".title", origin));
	visit.weeks_before = MAMORI_TRY(Number(node["weeks_before"], path + ".weeks_before", 0, 26, false));
	visit.source = MAMORI_TRY(Scalar(node["source"], path + ".source", origin == ProgrammeOrigin::kContent));
	const yaml::Node prework = MAMORI_TRY(List(node["prework"], path + ".prework", false));
	std::set<std::string> keys;
	for (size_t i = 0; i < prework.size(); ++i) {
		const std::string at = path + ".prework." + std::to_string(i + 1);
		if (!prework[i].IsMap()) {
			return Problem(at, "errors.programme.not_map");
		}
		PreworkRequest request;
		request.key = MAMORI_TRY(Scalar(prework[i]["key"], at + ".key", true));
		if (!IsName(request.key)) {
			return Problem(at + ".key", "errors.programme.bad_name");
		}
		if (!keys.insert(request.key).second) {
			return Problem(at + ".key", "errors.programme.repeated", {{"value", request.key}});
		}
		request.text = MAMORI_TRY(Text(prework[i]["text"], at + ".text", origin));
		visit.prework.push_back(std::move(request));
	}
	const yaml::Node agenda = MAMORI_TRY(List(node["agenda"], path + ".agenda", true));
	for (size_t i = 0; i < agenda.size(); ++i) {
		visit.agenda.push_back(MAMORI_TRY(Text(agenda[i], path + ".agenda." + std::to_string(i + 1), origin)));
	}
	const yaml::Node deliverables = MAMORI_TRY(List(node["deliverables"], path + ".deliverables", false));
	for (size_t i = 0; i < deliverables.size(); ++i) {
		const std::string at = path + ".deliverables." + std::to_string(i + 1);
		if (!deliverables[i].IsMap()) {
			return Problem(at, "errors.programme.not_map");
		}
		Deliverable deliverable;
		deliverable.text = MAMORI_TRY(Text(deliverables[i]["text"], at + ".text", origin));
		deliverable.document = MAMORI_TRY(Scalar(deliverables[i]["document"], at + ".document", false));
		if (!deliverable.document.empty() &&
		    std::find(document_kinds.begin(), document_kinds.end(), deliverable.document) == document_kinds.end()) {
			return Problem(at + ".document", "errors.programme.unknown_document", {{"value", deliverable.document}});
		}
		visit.deliverables.push_back(std::move(deliverable));
	}
	return visit;
}

} // namespace

const ProgrammeVisit *Programme::FindVisit(int number) const {
	for (const auto &visit : visits) {
		if (visit.number == number) {
			return &visit;
		}
	}
	return nullptr;
}

Result<Programme> ParseProgramme(const std::string &yaml_text, ProgrammeOrigin origin,
                                 const std::vector<std::string> &document_kinds) {
	yaml::Node root;
	try {
		root = yaml::Load(yaml_text);
	} catch (const yaml::Exception &error) {
		return Problem("programme", "errors.programme.not_yaml", {{"line", std::to_string(error.mark.line + 1)}});
	}
	if (!root.IsMap()) {
		return Problem("programme", "errors.programme.not_map");
	}
	try {
		Programme programme;
		programme.id = MAMORI_TRY(Scalar(root["id"], "id", true));
		if (!IsName(programme.id)) {
			return Problem("id", "errors.programme.bad_name");
		}
		programme.version = MAMORI_TRY(Scalar(root["version"], "version", true));
		programme.theme = MAMORI_TRY(Number(root["theme"], "theme", 0, 5, false));
		programme.built_in = origin == ProgrammeOrigin::kContent && programme.theme == 1;
		programme.title = MAMORI_TRY(Text(root["title"], "title", origin));
		if (root["goal"]) {
			programme.goal = MAMORI_TRY(Text(root["goal"], "goal", origin));
		}
		programme.source = MAMORI_TRY(Scalar(root["source"], "source", origin == ProgrammeOrigin::kContent));
		const yaml::Node visits = MAMORI_TRY(List(root["visits"], "visits", true));
		if (visits.size() == 0) {
			return Problem("visits", "errors.programme.missing");
		}
		if (visits.size() > static_cast<size_t>(kMaxVisits)) {
			return Problem("visits", "errors.programme.too_many", {{"max", std::to_string(kMaxVisits)}});
		}
		for (size_t i = 0; i < visits.size(); ++i) {
			programme.visits.push_back(MAMORI_TRY(ParseVisit(visits[i], "visits." + std::to_string(i + 1),
			                                                 static_cast<int>(i + 1), origin, document_kinds)));
		}
		return programme;
	} catch (const yaml::Exception &error) {
		return Problem("programme", "errors.programme.not_yaml", {{"line", std::to_string(error.mark.line + 1)}});
	}
}

} // namespace mamori::coaching
