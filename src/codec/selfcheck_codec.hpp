// mamori/codec/selfcheck_codec.hpp
//
// JSON shapes of the self-diagnosis, as fixed by the machine contract
// (shared spec contract.md: selfcheck score / aggregate).
#pragma once

#include "codec/json_input.hpp"
#include "core/catalog/edition.hpp"
#include "core/selfcheck/aggregation.hpp"
#include "core/selfcheck/scoring.hpp"

namespace mamori::codec {

//! {"1": "implemented", ...}: keys "1".."item_count", values the four answer names.
Result<AnswerSheet> DecodeAnswers(const Json &answers, int item_count, const std::string &field);
Json EncodeAnswers(const AnswerSheet &answers);

//! {"answers": {...}} → the sheet.
Result<AnswerSheet> DecodeScoreRequest(const Json &document, int item_count);
//! {"respondents": [{"name": ..., "answers": {...}}, ...]}
Result<std::vector<RespondentAnswers>> DecodeAggregateRequest(const Json &document, int item_count);

Json EncodeScore(const SelfcheckScore &score);
//! {"answers": {...}, "score": {...}, "respondents": N}
Json EncodeAggregate(const SelfcheckRules &rules, int item_count, const std::vector<RespondentAnswers> &respondents);

} // namespace mamori::codec
