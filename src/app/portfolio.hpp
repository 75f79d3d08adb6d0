// mamori/app/portfolio.hpp
//
// The consultant's portfolio (issue 12): for every client where the account is consultant, where
// the firm is on the step-up path (表3), its self-diagnosis score and trend, open and overdue
// risk measures, open incidents, the coaching visits, and what changed in the self-diagnosis
// since the last visit. Read in two store queries however many clients there are.
#pragma once

#include "app/app_context.hpp"
#include "core/coaching/answer_changes.hpp"
#include "core/progress/step_path.hpp"
#include "storage/coaching_store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mamori::app {

struct PortfolioRound {
	int number = 0;
	std::string started_on;  // YYYY-MM-DD
	int total = 0;
	int max = 0;
	bool complete = false;
};

struct PortfolioEntry {
	storage::PortfolioClient client;
	StepPosition position;
	std::vector<PortfolioRound> trend;  // rounds with answers, oldest first
	//! Differences between the round seen at the last visit and the latest round; empty when
	//! they are the same round. `baseline` is that round's number (nullopt: no visit held yet,
	//! or no round before it).
	std::optional<int> baseline;
	std::vector<coaching::AnswerChange> changes;

	const PortfolioRound *Latest() const { return trend.empty() ? nullptr : &trend.back(); }
};

//! `content`: the catalog whose step titles the caller shows (null: the Japanese one).
//! The step is judged from the counts the store gathers; a 詳細リスク分析 counts as decided
//! when the register has treatments at all (the client's own dashboard judges it per risk).
Result<std::vector<PortfolioEntry>> BuildPortfolio(AppContext &ctx, Id user_id, const Catalog *content = nullptr);

//! Changes whenever anything a portfolio shows may have changed: the installation's newest audit
//! entry (every change is written with its audit entry in one transaction) and the day in Japan
//! (overdue measures), for a server that keeps what it rendered of a portfolio. Read it before
//! building, outside transactions.
Result<std::string> PortfolioRevision(AppContext &ctx);

} // namespace mamori::app
