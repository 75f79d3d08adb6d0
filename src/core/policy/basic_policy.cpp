// mamori/core/policy/basic_policy.cpp
#include "core/policy/basic_policy.hpp"

#include "core/common/civil_date.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

namespace mamori {

namespace {

constexpr std::size_t kMaxNameLength = 200;
constexpr std::size_t kMaxRepresentativeLength = 100;
constexpr std::size_t kMaxOmissionReasonLength = 500;

// Limits are stated to users in characters, not bytes, so count UTF-8 code
// points (continuation bytes 10xxxxxx are skipped).
std::size_t CharacterCount(std::string_view text) {
	return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
		return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
	}));
}

// Trims ASCII whitespace and U+3000 (全角スペース), which Japanese input
// methods produce easily; a name made only of spaces is still "empty".
std::string Trim(std::string_view text) {
	constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
	bool changed = true;
	while (changed && !text.empty()) {
		changed = false;
		if (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' || text.front() == '\r') {
			text.remove_prefix(1);
			changed = true;
		} else if (text.starts_with(kIdeographicSpace)) {
			text.remove_prefix(kIdeographicSpace.size());
			changed = true;
		}
		if (text.empty()) {
			break;
		}
		if (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '\r') {
			text.remove_suffix(1);
			changed = true;
		} else if (text.ends_with(kIdeographicSpace)) {
			text.remove_suffix(kIdeographicSpace.size());
			changed = true;
		}
	}
	return std::string(text);
}

std::string DisplayDate(const std::string &pattern, const std::string &iso) {
	auto date = ParseIsoDate(iso);
	return date ? FormatCivilDate(pattern, *date) : std::string();
}

// The message keys of one text field: required_key is null for optional fields.
struct TextFieldKeys {
	const char *field;
	const char *required_key;
	const char *too_long_key;
};

Status CheckText(const std::string &value, const TextFieldKeys &keys, std::size_t max_length) {
	if (keys.required_key != nullptr && Trim(value).empty()) {
		return Error::Invalid(keys.field, keys.required_key);
	}
	if (CharacterCount(value) > max_length) {
		return Error::Invalid(keys.field, keys.too_long_key, {{"max", std::to_string(max_length)}});
	}
	return OkStatus();
}

// Replaces {{name}} placeholders in one pass, so a company name that itself
// contains "{{scope}}" is copied literally rather than expanded again.
// Unknown placeholders are left untouched for the template author to notice.
std::string FillPlaceholders(const std::string &text, const std::map<std::string, std::string, std::less<>> &values) {
	std::string out;
	out.reserve(text.size());
	std::size_t pos = 0;
	while (pos < text.size()) {
		const std::size_t open = text.find("{{", pos);
		if (open == std::string::npos) {
			break;
		}
		const std::size_t close = text.find("}}", open + 2);
		if (close == std::string::npos) {
			break;
		}
		out.append(text, pos, open - pos);
		const std::string_view key(text.data() + open + 2, close - open - 2);
		if (auto it = values.find(key); it != values.end()) {
			out += it->second;
		} else {
			out.append(text, open, close + 2 - open);
		}
		pos = close + 2;
	}
	out.append(text, pos, std::string::npos);
	return out;
}

} // namespace

Status ValidatePolicyInput(const PolicyTemplate &tmpl, const PolicyInput &input) {
	if (Status s = CheckText(input.company_name,
	                         {"company_name", "errors.policy.company_name_required", "errors.policy.company_name_too_long"},
	                         kMaxNameLength);
	    !s) {
		return s;
	}
	if (Status s = CheckText(input.scope, {"scope", "errors.policy.scope_required", "errors.policy.scope_too_long"},
	                         kMaxNameLength);
	    !s) {
		return s;
	}

	if (input.clause_ids.empty()) {
		return Error::Invalid("clause_ids", "errors.policy.clauses_none");
	}
	std::set<std::string, std::less<>> chosen;
	for (const std::string &id : input.clause_ids) {
		const bool known = std::any_of(tmpl.clauses.begin(), tmpl.clauses.end(),
		                               [&](const PolicyClause &clause) { return clause.id == id; });
		if (!known) {
			return Error::Invalid("clause_ids", "errors.policy.clause_unknown", {{"id", id}});
		}
		if (!chosen.insert(id).second) {
			return Error::Invalid("clause_ids", "errors.policy.clause_duplicate", {{"id", id}});
		}
	}
	for (const PolicyClause &clause : tmpl.clauses) {
		if (clause.required && !chosen.contains(clause.id)) {
			return Error::Invalid("clause_ids", "errors.policy.clause_required", {{"title", clause.title}});
		}
	}

	const bool has_established = !input.established_on.empty();
	const std::optional<CivilDate> established = ParseIsoDate(input.established_on);
	if (has_established && !established) {
		return Error::Invalid("established_on", "errors.policy.established_invalid");
	}
	if (!input.revised_on.empty()) {
		if (!ParseIsoDate(input.revised_on)) {
			return Error::Invalid("revised_on", "errors.policy.revised_invalid");
		}
		if (!has_established) {
			return Error::Invalid("revised_on", "errors.policy.revised_without_established");
		}
		// Fixed-width ISO dates order correctly as strings.
		if (input.revised_on < input.established_on) {
			return Error::Invalid("revised_on", "errors.policy.revised_before_established");
		}
	}

	if (Status s = CheckText(input.representative_title,
	                         {"representative_title", nullptr, "errors.policy.representative_title_too_long"},
	                         kMaxRepresentativeLength);
	    !s) {
		return s;
	}
	if (Status s = CheckText(input.representative_name,
	                         {"representative_name", nullptr, "errors.policy.representative_name_too_long"},
	                         kMaxRepresentativeLength);
	    !s) {
		return s;
	}
	return OkStatus();
}

std::string OmissionReasonField(const std::string &clause_id) { return "omission_reason_" + clause_id; }

std::vector<OmittedClause> OmittedSampleClauses(const PolicyTemplate &tmpl, const PolicyInput &input) {
	const std::set<std::string, std::less<>> chosen(input.clause_ids.begin(), input.clause_ids.end());
	std::vector<OmittedClause> omitted;
	for (const PolicyClause &clause : tmpl.clauses) {
		if (!clause.sample || chosen.contains(clause.id)) {
			continue;
		}
		const auto reason = input.omission_reasons.find(clause.id);
		omitted.push_back({clause.id, clause.title, reason == input.omission_reasons.end() ? "" : Trim(reason->second)});
	}
	return omitted;
}

Status CheckOmissionReasons(const PolicyTemplate &tmpl, const PolicyInput &input) {
	for (const OmittedClause &clause : OmittedSampleClauses(tmpl, input)) {
		const std::string field = OmissionReasonField(clause.id);
		if (clause.reason.empty()) {
			return Error::Invalid(field, "errors.policy.omission_reason_required", {{"title", clause.title}});
		}
		if (CharacterCount(clause.reason) > kMaxOmissionReasonLength) {
			return Error::Invalid(field, "errors.policy.omission_reason_too_long",
			                      {{"title", clause.title}, {"max", std::to_string(kMaxOmissionReasonLength)}});
		}
	}
	return OkStatus();
}

std::map<std::string, std::string> KeptOmissionReasons(const PolicyTemplate &tmpl, const PolicyInput &input) {
	std::map<std::string, std::string> kept;
	for (const OmittedClause &clause : OmittedSampleClauses(tmpl, input)) {
		if (!clause.reason.empty()) {
			kept[clause.id] = clause.reason;
		}
	}
	return kept;
}

Result<PolicyDocument> BuildPolicyDocument(const MessageCatalog &messages, Locale locale, const PolicyTemplate &tmpl,
                                           const PolicyInput &input, int version) {
	// Text() without params keeps the placeholders for DisplayDate to fill.
	return BuildPolicyDocumentWithDatePattern(tmpl, input, version, messages.Text(locale, "documents.policy.date"));
}

Result<PolicyDocument> BuildPolicyDocumentWithDatePattern(const PolicyTemplate &tmpl, const PolicyInput &input,
                                                          int version, const std::string &date_pattern) {
	if (Status s = ValidatePolicyInput(tmpl, input); !s) {
		return s.error();
	}
	if (version < 1) {
		return Error::Invalid("version", "errors.policy.version_invalid");
	}

	PolicyDocument doc;
	doc.title = tmpl.title;
	doc.company_name = Trim(input.company_name);
	doc.representative_title = Trim(input.representative_title);
	doc.representative_name = Trim(input.representative_name);
	doc.established_on = input.established_on;
	doc.established_on_display = DisplayDate(date_pattern, input.established_on);
	doc.revised_on = input.revised_on;
	doc.revised_on_display = DisplayDate(date_pattern, input.revised_on);
	doc.version = version;

	// {{company_short}} is named in the catalog's documentation for clause
	// texts; without a separate short name it takes the full company name.
	const std::map<std::string, std::string, std::less<>> values = {
	    {"company", doc.company_name},
	    {"company_short", doc.company_name},
	    {"scope", Trim(input.scope)},
	};
	doc.preamble = FillPlaceholders(tmpl.preamble, values);

	const std::set<std::string, std::less<>> chosen(input.clause_ids.begin(), input.clause_ids.end());
	int number = 0;
	// Template order, not selection order: the policy reads the same however
	// the user ticked the boxes.
	for (const PolicyClause &clause : tmpl.clauses) {
		if (!chosen.contains(clause.id)) {
			continue;
		}
		PolicySection section;
		section.number = ++number;
		section.title = clause.title;
		section.text = FillPlaceholders(clause.text, values);
		doc.sections.push_back(std::move(section));
	}
	return doc;
}

} // namespace mamori
