// mamori/app/training.hpp
//
// The education plan (issue 9, coaching theme 5 従業員向けのセキュリティ教育):
// sessions with their title, content, method, planned date, audience
// (対象者: every member or those chosen) and optional quiz set from
// content/training/quizzes.yaml; marking a session held and ticking who
// attended. Every member sees the plan; only 責任者 and 組織管理者 plan and
// record. Every change is audited in the same transaction.
#pragma once

#include "app/app_context.hpp"
#include "app/organizations.hpp"
#include "core/training/training_content.hpp"

#include <map>
#include <set>
#include <vector>

namespace mamori::app {

//! A session as the plan form gives it.
struct TrainingSessionInput {
	storage::TrainingSession session;  // id/org_id/held are ignored on input
	std::vector<Id> chosen;            // the audience when session.audience_all is false
};

//! Everything recorded for an organisation's training, read once for a page.
struct TrainingRecords {
	std::vector<storage::TrainingSession> sessions;  // by planned date
	std::vector<storage::Membership> members;
	std::map<Id, std::set<Id>> audience;  // session → user ids (every member when audience_all)
	std::map<Id, std::set<Id>> attended;  // session → user ids
	std::vector<storage::TrainingQuizResult> results;  // oldest first
	std::map<Id, std::set<Id>> passed;    // session → user ids with a passing result

	const storage::TrainingSession *FindSession(Id id) const;
	const storage::Membership *FindMember(Id user_id) const;
	bool InAudience(Id session_id, Id user_id) const;
};

//! Title required; lengths in bytes; planned date YYYY-MM-DD; quiz set known
//! (or none); a chosen audience non-empty and made of members. Errors name the field.
Status ValidateTrainingSession(const TrainingSessionInput &input, const training::TrainingContent &content,
                               const std::vector<storage::Membership> &members);

Result<TrainingRecords> LoadTrainingRecords(AppContext &ctx, const OrgAccess &access);
//! kNotFound unless it is the organisation's.
Result<storage::TrainingSession> GetTrainingSession(AppContext &ctx, const OrgAccess &access, Id session_id);

Result<Id> CreateTrainingSession(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                 TrainingSessionInput input);
Status UpdateTrainingSession(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id session_id,
                             TrainingSessionInput input);
//! Marks the session held on `held_on` (YYYY-MM-DD, not after today in Japan).
Status MarkTrainingHeld(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id session_id,
                        const std::string &held_on);
//! Replaces who attended; each must be in the session's audience.
Status RecordTrainingAttendance(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id session_id,
                                const std::vector<Id> &attended);

} // namespace mamori::app
