// mamori/app/selfcheck_service.hpp
//
// Diagnosis rounds, respondents' answers and the organisation's result.
#pragma once

#include "app/organizations.hpp"
#include "core/selfcheck/aggregation.hpp"
#include "core/selfcheck/scoring.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mamori::app {

//! Starts a new round (closing the previous one). 情報セキュリティ責任者・組織管理者 only.
//! An empty `title` leaves the round unnamed: pages call it by its number
//! in the reader's language.
Result<Id> StartRound(AppContext &ctx, const Actor &actor, const OrgAccess &access, const std::string &title);
Status CloseRound(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id round_id);

//! The current round, creating the first one on demand (the API lets a
//! respondent post before anyone pressed "start").
Result<storage::SelfcheckRound> CurrentOrNewRound(AppContext &ctx, const Actor &actor, const OrgAccess &access);

//! The respondent name a member answers as: 回答者 answer for their own
//! department; editors may answer for any name.
Result<std::string> RespondentNameFor(AppContext &ctx, const OrgAccess &access, const std::string &requested);

enum class SaveMode { kReplace, kMerge };

//! Stores answers for one respondent in the current round. kReplace
//! replaces the whole sheet (the API's contract); kMerge updates the given
//! items only (one question per screen). submit marks the sheet as sent.
Result<storage::SelfcheckResponse> SaveAnswers(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                               const std::string &respondent, const AnswerSheet &answers,
                                               SaveMode mode, bool submit);

//! Marks the respondent's sheet in the open round as sent. kInvalidInput
//! (field "answers") while any item is unanswered; nothing is written then.
Result<storage::SelfcheckResponse> SubmitAnswers(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                                 const std::string &respondent);

//! Where a respondent stands: the name the answers are stored under, the
//! open round (if any) and their sheet in it (if any).
struct AnswerSheetState {
	std::string respondent;
	std::optional<storage::SelfcheckRound> round;
	std::optional<storage::SelfcheckResponse> response;
};
Result<AnswerSheetState> OpenAnswerSheet(AppContext &ctx, const OrgAccess &access, const std::string &requested);

struct RoundSummary {
	storage::SelfcheckRound round;
	std::vector<storage::SelfcheckResponse> responses;
	std::vector<RespondentAnswers> respondents;
	AnswerSheet combined;
	SelfcheckScore score;
};

//! `content`: the catalog whose band labels and advice the caller shows (a
//! page passes the reader's language); nullptr means ctx.catalog.
Result<std::optional<RoundSummary>> SummarizeRound(AppContext &ctx, const OrgAccess &access,
                                                   std::optional<Id> round_id = std::nullopt,
                                                   const Catalog *content = nullptr);

struct TrendEntry {
	storage::SelfcheckRound round;
	SelfcheckScore score;
	int respondents = 0;
};
Result<std::vector<TrendEntry>> ScoreTrend(AppContext &ctx, const OrgAccess &access, const Catalog *content = nullptr);

} // namespace mamori::app
