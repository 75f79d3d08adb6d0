// mamori/app/round_scores.hpp
//
// Each 自社診断 round's combined result kept beside its answers (storage RoundScore, migration
// 0028; issue 12's measured goals): the consultant's portfolio and the anonymous benchmark read
// one row per round instead of rescoring every respondent's answers of every organisation on
// every request. The row is derived data, written in the same transaction as the change of the
// answers (whose audit entry records the change), scored by the organisation's edition exactly
// as the round's own result page scores it.
#pragma once

#include "app/app_context.hpp"
#include "storage/records.hpp"

namespace mamori::app {

//! Scores round `round_id` of `org` from its responses and keeps the result. Inside the
//! transaction that changed the round's answers.
Status KeepRoundScore(AppContext &ctx, const storage::Organization &org, Id round_id);

//! Every round of `org` that has answers (after a hand-over package wrote the organisation's
//! data: a package carries the answers, and the scores are made here from them).
Status KeepRoundScores(AppContext &ctx, const storage::Organization &org);

//! Scores the rounds answered before migration 0028 (run when the server starts, in batches,
//! each in a transaction). No audit entry: no organisation's data changes, only what is derived
//! from it is written down. Returns how many rounds were scored.
Result<int> ScoreUnscoredRounds(AppContext &ctx);

} // namespace mamori::app
