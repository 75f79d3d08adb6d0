// mamori/storage/risk_store.hpp
//
// 詳細リスク分析: the asset register, threat frequencies, control answers (real
// and planned), answers to review after a catalog change, and risk treatments.
// One area of the Store interface (storage/store.hpp), which inherits it;
// the organisation-scoping rule stated there holds here too.
#pragma once

#include "core/common/result.hpp"
#include "storage/records.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mamori::storage {

class RiskStore {
public:
	virtual ~RiskStore() = default;

	virtual Result<std::vector<Asset>> ListAssets(Id org_id) = 0;
	virtual Result<std::optional<Asset>> FindAsset(Id org_id, Id asset_id) = 0;
	virtual Result<Id> CreateAsset(const Asset &asset) = 0;
	//! kNotFound unless the asset belongs to asset.org_id.
	virtual Status UpdateAsset(const Asset &asset) = 0;
	virtual Status DeleteAsset(Id org_id, Id asset_id) = 0;
	//! Replaces the whole register (import): deletes every asset of the
	//! organisation (and their treatments) and inserts these, atomically.
	virtual Status ReplaceAssets(Id org_id, const std::vector<Asset> &assets) = 0;

	virtual Result<std::vector<ThreatFrequency>> ListThreatFrequencies(Id org_id) = 0;
	virtual Status UpsertThreatFrequency(const ThreatFrequency &frequency) = 0;

	//! planned = false: the real answers; true: the what-if answers.
	virtual Result<std::vector<ControlAnswer>> ListControlAnswers(Id org_id, bool planned) = 0;
	virtual Status UpsertControlAnswer(const ControlAnswer &answer, bool planned) = 0;
	virtual Status DeleteControlAnswer(Id org_id, const std::string &item_id, bool planned) = 0;
	virtual Status ClearPlannedAnswers(Id org_id) = 0;

	//! Answers carried over from an older catalog that need a look (要確認).
	virtual Result<std::vector<AnswerReview>> ListAnswerReviews(Id org_id) = 0;
	//! Dismisses one review (「確認しました」); one that is not there is no error.
	virtual Status DeleteAnswerReview(Id org_id, const std::string &old_item_id) = 0;
	//! Resolves the reviews of every old item that `successor_id` took over
	//! (called when the new item is answered).
	virtual Status DeleteAnswerReviewsFor(Id org_id, const std::string &successor_id) = 0;

	virtual Result<std::vector<RiskTreatment>> ListTreatments(Id org_id) = 0;
	virtual Result<std::optional<RiskTreatment>> FindTreatment(Id org_id, Id asset_id, const std::string &threat_id) = 0;
	//! Inserts or replaces the treatment of (asset, threat); the asset must belong to the organisation.
	virtual Result<Id> UpsertTreatment(const RiskTreatment &treatment) = 0;
	virtual Status DeleteTreatment(Id org_id, Id treatment_id) = 0;
};

} // namespace mamori::storage
