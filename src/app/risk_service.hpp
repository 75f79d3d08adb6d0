// mamori/app/risk_service.hpp
//
// Use cases of the 詳細リスク分析 (付録7): the asset register, the firm's
// threat frequencies, the 対策状況チェック (real and planned answers), the
// analysis itself and the treatment of each risk (手順3).
#pragma once

#include <map>

#include "app/organizations.hpp"
#include "core/risk/analysis.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mamori::app {

//! Checks one register row against the edition (field names as the form
//! and the import use them: "name", "medium", "confidentiality", ...).
Status ValidateAsset(const Edition &edition, const storage::Asset &asset);

Result<Id> CreateAsset(AppContext &ctx, const Actor &actor, const OrgAccess &access, storage::Asset asset);
//! Stores the edit and sets 登録日 to today.
Status UpdateAsset(AppContext &ctx, const Actor &actor, const OrgAccess &access, storage::Asset asset);
//! Copies a row (e.g. the paper copy of an electronic record) with today's 登録日.
Result<Id> DuplicateAsset(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id asset_id);
Status DeleteAsset(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id asset_id);
//! Appends the rows of an industry template to the register.
Result<int> ApplyAssetTemplate(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                               const std::string &template_id);
//! Replaces the register with imported rows, all or nothing; every row is validated first.
Status ReplaceRegister(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                       std::vector<storage::Asset> assets, const std::string &source);

Status SetThreatFrequency(AppContext &ctx, const Actor &actor, const OrgAccess &access, const std::string &threat_id,
                          int frequency);
//! planned = true records a what-if answer, never touching the real one.
//! answer 0 removes the (planned) answer.
Status SetControlAnswer(AppContext &ctx, const Actor &actor, const OrgAccess &access, const std::string &item_id,
                        int answer, bool planned);
Status ClearPlannedAnswers(AppContext &ctx, const Actor &actor, const OrgAccess &access);

//! Answers carried over from the 59-item catalog that need a look (要確認, migration 0004).
Result<std::vector<storage::AnswerReview>> ListAnswerReviews(AppContext &ctx, const OrgAccess &access);
//! The answer now stored for `item_id` is confirmed: the reviews of the old
//! items it took over are settled. (Changing the answer settles them too.)
Status ConfirmControlAnswer(AppContext &ctx, const Actor &actor, const OrgAccess &access, const std::string &item_id);
//! Dismisses one review, e.g. of an old item with no successor, after the user has looked at it.
Status DismissAnswerReview(AppContext &ctx, const Actor &actor, const OrgAccess &access, const std::string &old_item_id);

//! The stored answers of the 対策状況チェック: the real ones, or the planned (what-if) ones.
Result<CheckAnswers> LoadAnswers(AppContext &ctx, const OrgAccess &access, bool planned);
//! The organisation's own 脅威の状況 values by threat id (absent: the catalog's default).
Result<std::map<std::string, int>> LoadFrequencies(AppContext &ctx, const OrgAccess &access);

Result<std::vector<storage::Asset>> ListAssets(AppContext &ctx, const OrgAccess &access);
//! One asset of the organisation; kNotFound when it has none with this id.
Result<storage::Asset> FindAsset(AppContext &ctx, const OrgAccess &access, Id asset_id);

Result<std::vector<storage::RiskTreatment>> ListTreatments(AppContext &ctx, const OrgAccess &access);
Result<std::optional<storage::RiskTreatment>> FindTreatment(AppContext &ctx, const OrgAccess &access, Id asset_id,
                                                            const std::string &threat_id);

//! The analysis with the inputs it points into. Not copyable: the result
//! holds pointers into `input` and into the catalog.
struct RegisterAnalysis {
	AnalysisInput input;
	AnalysisResult result;
	std::vector<storage::Asset> assets;  // same order as input.assets
	CheckAnswers planned;                // the what-if answers (empty when none)

	RegisterAnalysis() = default;
	RegisterAnalysis(const RegisterAnalysis &) = delete;
	RegisterAnalysis &operator=(const RegisterAnalysis &) = delete;
};

//! Runs the analysis on the real answers, or with the planned answers laid
//! over them when with_planned is true. `content` is the catalog whose
//! threat, category and level names the caller shows (a page passes the
//! reader's language); nullptr means ctx.catalog (files and the CLI).
//! Shared and read-only: the server keeps it until the organisation's data changes
//! (app/org_view_cache.hpp), so every page of a register of 1,000 assets does not read and
//! analyse it again.
Result<std::shared_ptr<const RegisterAnalysis>> AnalyzeOrganization(AppContext &ctx, const OrgAccess &access,
                                                                    bool with_planned, const Catalog *content = nullptr);

//! Builds the analysis input from register rows (used by import previews and the CLI too).
RegisterAsset ToRegisterAsset(const storage::Asset &asset);

enum class TreatmentDecision { kReduce, kAccept, kAvoid, kTransfer };  // 低減, 保有, 回避, 移転
std::optional<TreatmentDecision> ParseDecision(const std::string &name);
//! The message key (app_risk.decision.*) that names a decision for people; unknown names are "undecided".
std::string_view DecisionLabel(const std::string &name);

//! Validates and stores a treatment of a 大 or 中 risk. Accepting (保有) a
//! 大 risk needs a reason; it stays unapproved until ApproveAcceptance.
Result<Id> SaveTreatment(AppContext &ctx, const Actor &actor, const OrgAccess &access, storage::RiskTreatment treatment);
//! The 経営者 (or an 組織管理者) approves accepting a 大 risk.
Status ApproveAcceptance(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id asset_id,
                         const std::string &threat_id);

struct OverdueTreatment {
	storage::RiskTreatment treatment;
	std::string asset_name;
	std::string threat_name;
};
//! Open treatments whose due date is before today (JST); threat names from
//! `content` (nullptr: ctx.catalog), as in AnalyzeOrganization.
Result<std::vector<OverdueTreatment>> OverdueTreatments(AppContext &ctx, const OrgAccess &access,
                                                        const Catalog *content = nullptr);

} // namespace mamori::app
