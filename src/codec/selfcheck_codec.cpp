// mamori/codec/selfcheck_codec.cpp
#include "codec/selfcheck_codec.hpp"

#include <set>

namespace mamori::codec {

static constexpr size_t kMaxRespondentNameBytes = 200;
static constexpr size_t kMaxRespondents = 1000;

//! Accepts only canonical decimal item numbers ("7", not "07" or " 7").
static int ParseItemKey(const std::string &key, int item_count) {
	if (key.empty() || key.size() > 3 || key[0] == '0') {
		return 0;
	}
	int number = 0;
	for (char digit : key) {
		if (digit < '0' || digit > '9') {
			return 0;
		}
		number = number * 10 + (digit - '0');
	}
	return number <= item_count ? number : 0;
}

Result<AnswerSheet> DecodeAnswers(const Json &answers, int item_count, const std::string &field) {
	if (auto object = RequireObject(answers, field); !object) {
		return object.error();
	}
	AnswerSheet sheet;
	for (const auto &[key, value] : answers.items()) {
		const std::string item_field = FieldPath(field, key);
		const int number = ParseItemKey(key, item_count);
		if (number == 0) {
			return Error::Invalid(item_field, "errors.selfcheck.item_number", {{"item_count", std::to_string(item_count)}});
		}
		if (!value.is_string()) {
			return Error::Invalid(item_field, "errors.selfcheck.answer_not_string");
		}
		auto answer = ParseAnswerName(value.get<std::string>());
		if (!answer) {
			return Error::Invalid(item_field, "errors.selfcheck.answer_unknown", {{"answer", value.get<std::string>()}});
		}
		sheet[number] = *answer;
	}
	return sheet;
}

Json EncodeAnswers(const AnswerSheet &answers) {
	Json out = Json::object();
	for (const auto &[item, answer] : answers) {
		out[std::to_string(item)] = std::string(AnswerName(answer));
	}
	return out;
}

Result<AnswerSheet> DecodeScoreRequest(const Json &document, int item_count) {
	if (auto object = RequireObject(document, ""); !object) {
		return object.error();
	}
	auto answers = RequireMember(document, "answers", "answers");
	if (!answers) {
		return answers.error();
	}
	return DecodeAnswers(**answers, item_count, "answers");
}

Result<std::vector<RespondentAnswers>> DecodeAggregateRequest(const Json &document, int item_count) {
	if (auto object = RequireObject(document, ""); !object) {
		return object.error();
	}
	auto list = RequireMember(document, "respondents", "respondents");
	if (!list) {
		return list.error();
	}
	if (!(*list)->is_array()) {
		return Error::Invalid("respondents", "errors.json.array_required");
	}
	if ((*list)->size() > kMaxRespondents) {
		return Error::Invalid("respondents", "errors.selfcheck.too_many_respondents", {{"max", std::to_string(kMaxRespondents)}});
	}
	std::vector<RespondentAnswers> respondents;
	std::set<std::string> names;
	for (size_t idx = 0; idx < (*list)->size(); ++idx) {
		const Json &entry = (**list)[idx];
		const std::string entry_field = IndexPath("respondents", idx);
		if (auto object = RequireObject(entry, entry_field); !object) {
			return object.error();
		}
		auto name_value = RequireMember(entry, "name", FieldPath(entry_field, "name"));
		if (!name_value) {
			return name_value.error();
		}
		auto name = RequireString(**name_value, FieldPath(entry_field, "name"), kMaxRespondentNameBytes);
		if (!name) {
			return name.error();
		}
		if (!names.insert(*name).second) {
			return Error::Invalid(FieldPath(entry_field, "name"), "errors.selfcheck.respondent_duplicate", {{"name", *name}});
		}
		auto answers_value = RequireMember(entry, "answers", FieldPath(entry_field, "answers"));
		if (!answers_value) {
			return answers_value.error();
		}
		auto answers = DecodeAnswers(**answers_value, item_count, FieldPath(entry_field, "answers"));
		if (!answers) {
			return answers.error();
		}
		respondents.push_back(RespondentAnswers{*name, std::move(answers.value())});
	}
	return respondents;
}

Json EncodeScore(const SelfcheckScore &score) {
	Json groups = Json::object();
	for (const auto &group : score.groups) {
		groups[group.id] = {{"score", group.score}, {"max", group.max}, {"name", group.name}};
	}
	Json out = {
	    {"total", score.total},
	    {"max", score.max},
	    {"groups", groups},
	    {"unknown_items", score.unknown_items},
	    {"unanswered_items", score.unanswered_items},
	    {"weak_items", score.weak_items},
	    {"complete", score.Complete()},
	};
	if (score.band != nullptr) {
		out["band"] = score.band->id;
		out["band_label"] = score.band->label;
		out["band_advice"] = score.band->advice;
	}
	return out;
}

Json EncodeAggregate(const SelfcheckRules &rules, int item_count, const std::vector<RespondentAnswers> &respondents) {
	const AnswerSheet combined = AggregateAnswers(respondents);
	return {
	    {"answers", EncodeAnswers(combined)},
	    {"score", EncodeScore(ScoreSelfcheck(rules, item_count, combined))},
	    {"respondents", respondents.size()},
	};
}

} // namespace mamori::codec
