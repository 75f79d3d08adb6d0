// mamori/app/incident_lessons.hpp
//
// Lessons learned: an incident shows that some threats are more real than
// the risk register assumed, and that some measures did not hold. In one
// step the 責任者 re-rates those threats (脅威の状況) and corrects the
// answers of the 対策状況チェック that guard against them; the next risk
// analysis then reflects what happened. Which threats an incident kind
// touches is content (incident/procedures.yaml, `threats`).
#pragma once

#include "app/app_context.hpp"
#include "app/documents/document_words.hpp"
#include "app/organizations.hpp"
#include "core/catalog/edition.hpp"

#include <map>
#include <string>
#include <vector>

namespace mamori::app {

struct LessonThreat {
	const RiskThreat *threat = nullptr;
	std::string medium;  // the 媒体・保存先 it belongs to
	int frequency = 1;   // the firm's value now (the catalog's default when never set)
};

struct LessonCheck {
	const CheckItem *item = nullptr;
	int answer = 0;  // the stored answer, 0 when unanswered
};

//! What the lessons of a classified incident may change, in catalog order.
struct LessonOptions {
	std::vector<LessonThreat> threats;
	std::vector<LessonCheck> checks;  // the items that guard against those threats
};

//! The options for an incident the actor sees in full; names from `content`
//! (the reader's language). An unclassified incident offers nothing yet
//! (kInvalidInput on "kind"); those who do not see every incident get 403.
Result<LessonOptions> LessonOptionsFor(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id incident_id,
                                       const Catalog &content);

//! The new values the 責任者 chose; absent ids stay as they are.
struct LessonChanges {
	std::map<std::string, int> frequencies;  // threat id → 1..3
	std::map<std::string, int> answers;      // check item id → 1..4
};

//! Applies every change that differs from the stored value, all or nothing,
//! with one timeline entry on the incident that lists them (in `words`'
//! language) and an audit entry per change. An id outside the options or a
//! value out of range names the field (frequency.<id>, answer.<id>); nothing
//! to change is kInvalidInput on "lessons". Returns how many values changed.
Result<int> ApplyLessons(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id incident_id,
                         const LessonChanges &changes, const DocumentWords &words);

} // namespace mamori::app
