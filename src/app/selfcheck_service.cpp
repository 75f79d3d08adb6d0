// mamori/app/selfcheck_service.cpp
#include "app/selfcheck_service.hpp"

#include "app/org_views.hpp"
#include "app/round_scores.hpp"
#include "app/selfcheck_views.hpp"

#include "app/audit.hpp"
#include "codec/selfcheck_codec.hpp"
#include "platform/clock.hpp"

namespace mamori::app {

static constexpr size_t kMaxRespondentBytes = 200;

Result<Id> StartRound(AppContext &ctx, const Actor &actor, const OrgAccess &access, const std::string &title) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "app_selfcheck.start_forbidden");
	}
	if (title.size() > kMaxRespondentBytes) {
		return Error::Invalid("title", "app_selfcheck.title_too_long");
	}
	Id round_id = 0;
	auto status = ctx.store.InTransaction([&]() -> Status {
		auto rounds = ctx.store.ListRounds(access.org.id);
		if (!rounds) {
			return rounds.error();
		}
		const std::string now = ctx.clock.NowIso();
		for (const auto &round : *rounds) {
			if (round.closed_at.empty()) {
				if (auto closed = ctx.store.CloseRound(access.org.id, round.id, now); !closed) {
					return closed;
				}
			}
		}
		storage::SelfcheckRound round;
		round.org_id = access.org.id;
		round.number = static_cast<int>(rounds->size()) + 1;
		// No name given: the title stays empty and each page names the round by its
		// number in the reader's language (web_selfcheck.round_default_title), so
		// app/ holds no UI text. A typed name is user data, shown as entered.
		round.title = title;
		round.started_at = now;
		round.edition = access.org.edition;
		auto id = ctx.store.CreateRound(round);
		if (!id) {
			return id.error();
		}
		round_id = *id;
		nlohmann::json detail = {{"number", round.number}};
		if (!round.title.empty()) {
			detail["title"] = round.title;
		}
		return Audit(ctx, access.org.id, actor.user_id, "selfcheck.round_start", "round:" + std::to_string(round_id),
		             detail);
	});
	if (!status) {
		return status.error();
	}
	return round_id;
}

Status CloseRound(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id round_id) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "app_selfcheck.close_forbidden");
	}
	return ctx.store.InTransaction([&]() -> Status {
		if (auto status = ctx.store.CloseRound(access.org.id, round_id, ctx.clock.NowIso()); !status) {
			return status;
		}
		return Audit(ctx, access.org.id, actor.user_id, "selfcheck.round_close", "round:" + std::to_string(round_id), {});
	});
}

Result<storage::SelfcheckRound> CurrentOrNewRound(AppContext &ctx, const Actor &actor, const OrgAccess &access) {
	auto current = ctx.store.CurrentRound(access.org.id);
	if (!current) {
		return current.error();
	}
	if (current->has_value() && (*current)->closed_at.empty()) {
		return **current;
	}
	// Opening a round is an editor's act, but the first answers may arrive
	// before anyone opened one; a respondent's post then opens it implicitly.
	OrgAccess opener = access;
	opener.membership.role = storage::Role::kManager;
	auto id = StartRound(ctx, actor, opener, "");
	if (!id) {
		return id.error();
	}
	auto created = ctx.store.FindRound(access.org.id, *id);
	if (!created) {
		return created.error();
	}
	return created->value();
}

Result<std::string> RespondentNameFor(AppContext &ctx, const OrgAccess &access, const std::string &requested) {
	if (access.IsRespondent()) {
		if (!access.membership.department_id) {
			return Error::Make(ErrorCode::kForbidden, "app_selfcheck.no_department");
		}
		auto departments = ctx.store.ListDepartments(access.org.id);
		if (!departments) {
			return departments.error();
		}
		for (const auto &department : *departments) {
			if (department.id == *access.membership.department_id) {
				if (!requested.empty() && requested != department.name) {
					return Error::Make(ErrorCode::kForbidden, "app_selfcheck.own_department_only");
				}
				return department.name;
			}
		}
		return Error::Make(ErrorCode::kForbidden, "app_selfcheck.department_missing");
	}
	if (access.membership.role == storage::Role::kViewer || access.membership.role == storage::Role::kExecutive) {
		return Error::Make(ErrorCode::kForbidden, "app_selfcheck.cannot_answer");
	}
	if (requested.find_first_not_of(" \t\r\n") == std::string::npos) {
		return Error::Invalid("respondent", "app_selfcheck.respondent_required");
	}
	if (requested.size() > kMaxRespondentBytes) {
		return Error::Invalid("respondent", "app_selfcheck.respondent_too_long");
	}
	return requested;
}

namespace {

//! SaveAnswers; with `require_complete`, refuses (and writes nothing) while an item is unanswered.
Result<storage::SelfcheckResponse> StoreAnswers(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                                const std::string &respondent, const AnswerSheet &answers,
                                                SaveMode mode, bool submit, bool require_complete) {
	auto name = RespondentNameFor(ctx, access, respondent);
	if (!name) {
		return name.error();
	}
	storage::SelfcheckResponse saved;
	auto status = ctx.store.InTransaction([&]() -> Status {
		auto round = CurrentOrNewRound(ctx, actor, access);
		if (!round) {
			return round.error();
		}
		auto existing = ctx.store.FindResponse(access.org.id, round->id, *name);
		if (!existing) {
			return existing.error();
		}
		storage::SelfcheckResponse response;
		if (existing->has_value()) {
			response = **existing;
		}
		const int item_count = access.EditionOf(ctx.catalog).ItemCount();
		if (require_complete && (!existing->has_value() || FirstUnansweredItem(response.answers, item_count))) {
			return Error::Invalid("answers", "unanswered items");
		}
		response.round_id = round->id;
		response.respondent = *name;
		response.user_id = actor.user_id;
		if (mode == SaveMode::kReplace) {
			response.answers = answers;
		} else {
			for (const auto &[item, answer] : answers) {
				response.answers[item] = answer;
			}
		}
		response.updated_at = ctx.clock.NowIso();
		if (submit || mode == SaveMode::kReplace) {
			response.submitted_at = response.updated_at;
		}
		if (auto upserted = ctx.store.UpsertResponse(access.org.id, response); !upserted) {
			return upserted;
		}
		if (auto scored = KeepRoundScore(ctx, access.org, round->id); !scored) {
			return scored;
		}
		saved = response;
		return Audit(ctx, access.org.id, actor.user_id, submit ? "selfcheck.submit" : "selfcheck.answer",
		             "round:" + std::to_string(round->id) + "/" + *name,
		             {{"respondent", *name}, {"answers", codec::EncodeAnswers(answers)}});
	});
	if (!status) {
		return status.error();
	}
	return saved;
}

} // namespace

Result<storage::SelfcheckResponse> SaveAnswers(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                               const std::string &respondent, const AnswerSheet &answers,
                                               SaveMode mode, bool submit) {
	return StoreAnswers(ctx, actor, access, respondent, answers, mode, submit, false);
}

Result<storage::SelfcheckResponse> SubmitAnswers(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                                 const std::string &respondent) {
	return StoreAnswers(ctx, actor, access, respondent, AnswerSheet{}, SaveMode::kMerge, true, true);
}

Result<AnswerSheetState> OpenAnswerSheet(AppContext &ctx, const OrgAccess &access, const std::string &requested) {
	AnswerSheetState state;
	auto name = RespondentNameFor(ctx, access, requested);
	if (!name) {
		return name.error();
	}
	state.respondent = *name;
	auto round = ctx.store.CurrentRound(access.org.id);
	if (!round) {
		return round.error();
	}
	if (round->has_value() && (*round)->closed_at.empty()) {
		state.round = **round;
		auto response = ctx.store.FindResponse(access.org.id, (*round)->id, *name);
		if (!response) {
			return response.error();
		}
		state.response = *response;
	}
	return state;
}

namespace {

Result<std::optional<RoundSummary>> MakeRoundSummary(AppContext &ctx, const OrgAccess &access,
                                                     std::optional<Id> round_id, const Catalog *content) {
	Result<std::optional<storage::SelfcheckRound>> round =
	    round_id ? ctx.store.FindRound(access.org.id, *round_id) : ctx.store.CurrentRound(access.org.id);
	if (!round) {
		return round.error();
	}
	if (!round->has_value()) {
		return std::optional<RoundSummary>();
	}
	RoundSummary summary;
	summary.round = **round;
	auto responses = ctx.store.ListResponses(access.org.id, summary.round.id);
	if (!responses) {
		return responses.error();
	}
	summary.responses = std::move(responses.value());
	for (const auto &response : summary.responses) {
		summary.respondents.push_back(RespondentAnswers{response.respondent, response.answers});
	}
	const Edition &edition = access.EditionOf(content != nullptr ? *content : ctx.catalog);
	summary.combined = AggregateAnswers(summary.respondents);
	summary.score = ScoreSelfcheck(edition.selfcheck_rules, edition.ItemCount(), summary.combined);
	return std::optional<RoundSummary>(std::move(summary));
}

} // namespace

Result<std::optional<RoundSummary>> SummarizeRound(AppContext &ctx, const OrgAccess &access,
                                                   std::optional<Id> round_id, const Catalog *content) {
	// Every round's summary is kept (the dashboard's trend reads them all; the summary API the current one).
	const Edition &edition = access.EditionOf(content != nullptr ? *content : ctx.catalog);
	const std::string key =
	    "round:" + (round_id ? std::to_string(*round_id) : std::string("current")) + ":" + KeyOf(&edition);
	auto kept = CachedOrgView<std::optional<RoundSummary>>(
	    ctx, access.org.id, key,
	    [&]() -> Result<std::shared_ptr<const std::optional<RoundSummary>>> {
		    return std::make_shared<const std::optional<RoundSummary>>(
		        MAMORI_TRY(MakeRoundSummary(ctx, access, round_id, content)));
	    },
	    [](const std::optional<RoundSummary> &summary) {
		    return 1024 + (summary ? summary->responses.size() * 2048 : 0);
	    });
	if (!kept) {
		return kept.error();
	}
	return **kept;
}

Result<std::vector<TrendEntry>> ScoreTrend(AppContext &ctx, const OrgAccess &access, const Catalog *content) {
	auto rounds = ctx.store.ListRounds(access.org.id);
	if (!rounds) {
		return rounds.error();
	}
	std::vector<TrendEntry> trend;
	// The store lists newest first; the trend reads oldest to newest.
	for (auto it = rounds->rbegin(); it != rounds->rend(); ++it) {
		const auto &round = *it;
		auto summary = SummarizeRound(ctx, access, round.id, content);
		if (!summary) {
			return summary.error();
		}
		if (summary->has_value() && !(*summary)->respondents.empty()) {
			trend.push_back(TrendEntry{round, (*summary)->score, static_cast<int>((*summary)->respondents.size())});
		}
	}
	return trend;
}

} // namespace mamori::app
