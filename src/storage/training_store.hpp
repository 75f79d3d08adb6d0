// mamori/storage/training_store.hpp
//
// The education plan and records (issue 9): planned and held sessions, their
// audience, who attended and each member's quiz results. One area of the
// Store interface (storage/store.hpp); its organisation-scoping rule holds
// here too: audience, attendance and results are reached through their
// session's org_id.
#pragma once

#include "core/common/result.hpp"
#include "storage/records.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mamori::storage {

struct TrainingSession {
	Id id = 0;
	Id org_id = 0;
	std::string title;
	std::string content;     // 内容
	std::string method;      // 方法, free text
	std::string planned_on;  // YYYY-MM-DD
	bool audience_all = true;  // every member; otherwise training_audience
	std::string quiz_set;      // a quiz set id or ''
	bool held = false;
	std::optional<std::string> held_on;  // YYYY-MM-DD once held
	std::string created_at;
	std::string updated_at;
};

//! A member linked to a session (audience or attendance).
struct TrainingMark {
	Id session_id = 0;
	Id user_id = 0;
};

struct TrainingQuizResult {
	Id id = 0;
	Id session_id = 0;
	Id user_id = 0;
	std::string quiz_set;
	int correct = 0;
	int total = 0;
	bool passed = false;
	std::string answers;  // JSON: question id → choice id
	std::string taken_at;
};

class TrainingStore {
public:
	virtual ~TrainingStore() = default;

	//! By planned date, then id.
	virtual Result<std::vector<TrainingSession>> ListTrainingSessions(Id org_id) = 0;
	virtual Result<std::optional<TrainingSession>> FindTrainingSession(Id org_id, Id session_id) = 0;
	//! An empty title or planned date is kInvalidInput.
	virtual Result<Id> CreateTrainingSession(const TrainingSession &session) = 0;
	//! kNotFound unless the session belongs to session.org_id.
	virtual Status UpdateTrainingSession(const TrainingSession &session) = 0;

	//! Replaces the chosen audience of a session (used when audience_all is false).
	virtual Status SetTrainingAudience(Id org_id, Id session_id, const std::vector<Id> &user_ids) = 0;
	//! Every chosen-audience link of the organisation's sessions.
	virtual Result<std::vector<TrainingMark>> ListTrainingAudience(Id org_id) = 0;
	//! Replaces who attended a session.
	virtual Status SetTrainingAttendance(Id org_id, Id session_id, const std::vector<Id> &user_ids,
	                                     const std::string &recorded_at) = 0;
	virtual Result<std::vector<TrainingMark>> ListTrainingAttendance(Id org_id) = 0;

	virtual Result<Id> AddTrainingQuizResult(Id org_id, const TrainingQuizResult &result) = 0;
	//! Oldest first; only `user_id`'s when given.
	virtual Result<std::vector<TrainingQuizResult>> ListTrainingQuizResults(Id org_id, std::optional<Id> user_id) = 0;
};

} // namespace mamori::storage
