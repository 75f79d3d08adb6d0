// mamori/storage/store.hpp
//
// The data-access interface. The web layer and the CLI talk only to Store;
// SQLite is the default backend and PostgreSQL will implement the same
// interface. Every method that changes data is atomic on its own; a caller
// that needs several changes (and their audit entry) to land together wraps
// them in InTransaction, which nests.
//
// Organisation scoping: every method that reads or writes organisation data
// takes the org_id and filters by it in the query itself, so a wrong id can
// only ever produce "not found", never another organisation's rows.
#pragma once

#include "core/common/result.hpp"
#include "storage/records.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace mamori::storage {

class Store {
public:
	virtual ~Store() = default;

	//! Runs fn inside one transaction: commits when it returns ok, rolls back
	//! otherwise (and on exceptions). Calls may nest.
	virtual Status InTransaction(const std::function<Status()> &fn) = 0;

	// --- installation ---------------------------------------------------
	virtual Result<std::optional<std::string>> GetSetting(const std::string &key) = 0;
	virtual Status PutSetting(const std::string &key, const std::string &value) = 0;
	virtual Result<int> CountUsers() = 0;

	// --- accounts -------------------------------------------------------
	//! Fails with kConflict when the e-mail is taken.
	virtual Result<Id> CreateUser(const User &user) = 0;
	virtual Result<std::optional<User>> FindUserByEmail(const std::string &email) = 0;
	virtual Result<std::optional<User>> FindUserById(Id user_id) = 0;
	virtual Status UpdatePasswordHash(Id user_id, const std::string &hash) = 0;
	virtual Status UpdateDisplayName(Id user_id, const std::string &display_name) = 0;
	//! Records a failed sign-in; sets locked_until when given.
	virtual Status RecordFailedLogin(Id user_id, int failed_logins, const std::string &locked_until) = 0;
	virtual Status ResetFailedLogins(Id user_id) = 0;
	//! Every account, ordered by e-mail, for the installation administrator.
	virtual Result<std::vector<User>> ListUsers(int limit, int offset) = 0;

	// --- sessions -------------------------------------------------------
	virtual Status CreateSession(const Session &session) = 0;
	virtual Result<std::optional<Session>> FindSession(const std::string &token_hash, const std::string &now) = 0;
	virtual Status DeleteSession(const std::string &token_hash) = 0;
	virtual Status DeleteSessionsOfUser(Id user_id) = 0;

	// --- invitations ----------------------------------------------------
	virtual Status CreateInvitation(const Invitation &invitation) = 0;
	virtual Result<std::optional<Invitation>> FindInvitation(const std::string &token_hash, const std::string &now) = 0;
	virtual Status MarkInvitationAccepted(const std::string &token_hash, const std::string &now) = 0;

	// --- organisations and membership -------------------------------------
	virtual Result<Id> CreateOrganization(const Organization &org) = 0;
	virtual Result<std::optional<Organization>> FindOrganization(Id org_id) = 0;
	virtual Status UpdateOrganization(const Organization &org) = 0;
	virtual Result<int> CountOrganizations() = 0;

	//! Fails with kConflict when the user already has a role in the organisation.
	virtual Status AddMembership(const Membership &membership) = 0;
	virtual Status UpdateMembership(const Membership &membership) = 0;
	virtual Status RemoveMembership(Id org_id, Id user_id) = 0;
	virtual Result<std::optional<Membership>> FindMembership(Id org_id, Id user_id) = 0;
	virtual Result<std::vector<Membership>> ListMembershipsOfUser(Id user_id) = 0;
	virtual Result<std::vector<Membership>> ListMembers(Id org_id) = 0;

	virtual Result<Id> CreateDepartment(const Department &department) = 0;
	virtual Status RenameDepartment(Id org_id, Id department_id, const std::string &name) = 0;
	virtual Status DeleteDepartment(Id org_id, Id department_id) = 0;
	virtual Result<std::vector<Department>> ListDepartments(Id org_id) = 0;

	// --- Step 1: 5か条 ----------------------------------------------------
	virtual Result<std::vector<FiveArticleStatus>> ListFiveArticles(Id org_id) = 0;
	virtual Status UpsertFiveArticle(const FiveArticleStatus &status) = 0;

	// --- Step 2: 自社診断 -------------------------------------------------
	virtual Result<Id> CreateRound(const SelfcheckRound &round) = 0;
	virtual Status CloseRound(Id org_id, Id round_id, const std::string &closed_at) = 0;
	//! The newest round of the organisation, open or closed.
	virtual Result<std::optional<SelfcheckRound>> CurrentRound(Id org_id) = 0;
	virtual Result<std::optional<SelfcheckRound>> FindRound(Id org_id, Id round_id) = 0;
	virtual Result<std::vector<SelfcheckRound>> ListRounds(Id org_id) = 0;

	//! Inserts or replaces the respondent's answers in the round.
	virtual Status UpsertResponse(Id org_id, const SelfcheckResponse &response) = 0;
	virtual Result<std::vector<SelfcheckResponse>> ListResponses(Id org_id, Id round_id) = 0;
	virtual Result<std::optional<SelfcheckResponse>> FindResponse(Id org_id, Id round_id, const std::string &respondent) = 0;

	// --- 基本方針 ---------------------------------------------------------
	//! Inserts a new version (input.version is assigned by the store as max+1).
	virtual Result<Id> CreatePolicyVersion(const PolicyVersion &policy) = 0;
	virtual Status UpdatePolicyVersion(const PolicyVersion &policy) = 0;
	virtual Result<std::optional<PolicyVersion>> LatestPolicy(Id org_id) = 0;
	virtual Result<std::optional<PolicyVersion>> LatestPublishedPolicy(Id org_id) = 0;
	virtual Result<std::vector<PolicyVersion>> ListPolicyVersions(Id org_id) = 0;

	// --- 詳細リスク分析 -----------------------------------------------------
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
	//! Dismisses one review ("確認しました"); one that is not there is no error.
	virtual Status DeleteAnswerReview(Id org_id, const std::string &old_item_id) = 0;
	//! Resolves the reviews of every old item that `successor_id` took over
	//! (called when the new item is answered).
	virtual Status DeleteAnswerReviewsFor(Id org_id, const std::string &successor_id) = 0;

	virtual Result<std::vector<RiskTreatment>> ListTreatments(Id org_id) = 0;
	virtual Result<std::optional<RiskTreatment>> FindTreatment(Id org_id, Id asset_id, const std::string &threat_id) = 0;
	//! Inserts or replaces the treatment of (asset, threat); the asset must belong to the organisation.
	virtual Result<Id> UpsertTreatment(const RiskTreatment &treatment) = 0;
	virtual Status DeleteTreatment(Id org_id, Id treatment_id) = 0;

	// --- audit ------------------------------------------------------------
	virtual Status AppendAudit(const AuditEntry &entry) = 0;
	virtual Result<std::vector<AuditEntry>> ListAudit(Id org_id, int limit, int offset) = 0;

	// --- maintenance ------------------------------------------------------
	//! A consistent copy of the live database into a new file (online backup).
	virtual Status BackupTo(const std::string &path) = 0;
};

std::string_view RoleName(Role role);  // admin / manager / respondent / viewer
std::optional<Role> ParseRoleName(std::string_view name);
std::string_view RoleLabel(Role role);  // 組織管理者 / 情報セキュリティ責任者 / 経営者 / 回答者 / 閲覧者

} // namespace mamori::storage
