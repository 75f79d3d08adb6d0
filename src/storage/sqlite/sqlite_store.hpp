// mamori/storage/sqlite/sqlite_store.hpp
//
// The SQL store, named for its first backend: the same code and SQL serve
// SQLite (the default: one file in WAL mode) and PostgreSQL (OpenPostgres),
// through the driver layer of storage/sql/connection.hpp.
//
// A small pool of connections (storage/sql/connection_pool.hpp) serves the
// server's threads: a store call leases one for its length, and a
// transaction keeps its connection bound to the calling thread until it ends,
// so the store calls made inside it run in it (see "Connections" in
// sqlite_store.cpp). Writers stay serialised: SQLite has one writer, and on
// PostgreSQL every transaction takes the writers' advisory lock. An operator
// scales out with more `mamori serve` processes on one database
// (docs/operations.md).
//
// Orderings of the list methods: rounds newest first,
// audit newest first, departments and members by name, articles by number.
// Assets by business category, department and name; treatments by asset.
#pragma once

#include "storage/store.hpp"

#include "storage/sql/connection_pool.hpp"

#include <memory>
#include <mutex>
#include <string>

namespace mamori::storage::transfer {
struct SchemaModel;
}

namespace mamori::storage {

class SqliteStore final : public Store {
public:
	//! Opens (creating if missing) the database at db_path, configures the
	//! connection and applies the migrations found in migrations_dir. Fails
	//! with kStorage when the file cannot be opened or the schema cannot be
	//! brought up to date (including a schema newer than this program).
	static Result<std::unique_ptr<SqliteStore>> Open(const std::string &db_path, const std::string &migrations_dir);
	//! Connects to the PostgreSQL database a libpq URI names and brings its
	//! schema up to date from migrations_dir (migrations/postgresql), in one
	//! transaction under an advisory lock, so instances may start together.
	static Result<std::unique_ptr<SqliteStore>> OpenPostgres(const std::string &url, const std::string &migrations_dir);

	~SqliteStore() override;

	//! A connection of the store's own, for whole-database tools of storage/
	//! (copy_store.cpp); everything else goes through the Store methods.
	sql::ConnectionPool::Lease LeaseConnection() { return pool_->Acquire(); }
	//! Connections opened so far (for the tests of the pool's use).
	std::size_t OpenConnections() { return pool_->size(); }
	SqliteStore(const SqliteStore &) = delete;
	SqliteStore &operator=(const SqliteStore &) = delete;

	Status InTransaction(const std::function<Status()> &fn) override;

	Result<int> CountHit(const std::string &key, const std::string &window_start) override;
	Status PruneCounters(const std::string &before) override;

	Result<std::vector<Organization>> OrganizationsLedOnlyBy(Id user_id) override;
	Status AnonymizeUser(Id user_id, const std::string &placeholder_email, const std::string &at) override;
	Status EmptyOrganization(Id org_id, const std::string &at) override;
	Result<int> DeleteTrainingOfFormerMembers(const std::string &before_date) override;
	Result<int> UnlinkClosedIncidentPeople(const std::string &closed_before) override;
	Result<int> DeleteSignInFailuresBefore(const std::string &before) override;
	Result<int> DeleteSessionsExpiredBefore(const std::string &before) override;

	Result<mamori::transfer::OrganizationData> ReadOrganizationData(Id org_id) override;
	Result<Id> WriteOrganizationData(const mamori::transfer::OrganizationData &data, std::optional<Id> replace_org) override;

	Result<std::optional<std::string>> GetSetting(const std::string &key) override;
	Status PutSetting(const std::string &key, const std::string &value) override;
	Result<int> CountUsers() override;

	Result<Id> CreateUser(const User &user) override;
	Result<std::optional<User>> FindUserByEmail(const std::string &email) override;
	Result<std::optional<User>> FindUserById(Id user_id) override;
	Status UpdatePasswordHash(Id user_id, const std::string &hash) override;
	Status UpdateDisplayName(Id user_id, const std::string &display_name) override;
	Status UpdateUserLocale(Id user_id, const std::string &locale) override;
	Status RecordFailedLogin(Id user_id, int failed_logins, const std::string &locked_until) override;
	Status ResetFailedLogins(Id user_id) override;
	Result<std::vector<User>> ListUsers(int limit, int offset) override;

	Status CreateSession(const Session &session) override;
	//! Only a session whose expires_at is later than now.
	Result<std::optional<Session>> FindSession(const std::string &token_hash, const std::string &now) override;
	Result<std::optional<SessionWithUser>> FindSessionUser(const std::string &token_hash, const std::string &now) override;
	Result<std::optional<SessionWithAccess>> FindSessionUserWithAccess(const std::string &token_hash,
	                                                                   const std::string &now, Id org_id,
	                                                                   const std::string &setting_key) override;
	Status DeleteSession(const std::string &token_hash) override;
	Status DeleteSessionsOfUser(Id user_id) override;
	Result<std::vector<Session>> ListSessionsOfUser(Id user_id, const std::string &now) override;
	Result<bool> DeleteSessionOfUser(Id user_id, const std::string &token_hash) override;
	Result<int> DeleteOtherSessionsOfUser(Id user_id, const std::string &keep_token_hash) override;
	Status TouchSession(const std::string &token_hash, const std::string &now) override;
	Status MarkPasswordEntered(const std::string &token_hash, const std::string &at) override;
	Status ClearSessionFailedSignIns(const std::string &token_hash) override;
	Status RecordSignInFailure(const std::string &throttle_key, const std::string &at) override;
	Result<std::vector<SignInFailures>> CountSignInFailures(const std::vector<std::string> &throttle_keys,
	                                                        const std::string &since) override;
	Result<std::vector<SignInFailures>> ListSignInFailures(const std::string &key_prefix,
	                                                       const std::string &since) override;
	Status ClearSignInFailures(const std::string &throttle_key) override;
	Status PruneSignInFailures(const std::string &before) override;
	Status AddFailedSinceSignIn(Id user_id) override;
	Result<int> TakeFailedSinceSignIn(Id user_id) override;

	Status CreateInvitation(const Invitation &invitation) override;
	//! Only an invitation that is neither expired nor already accepted.
	Result<std::optional<Invitation>> FindInvitation(const std::string &token_hash, const std::string &now) override;
	//! kNotFound when missing, kConflict when already accepted.
	Status MarkInvitationAccepted(const std::string &token_hash, const std::string &now) override;
	Result<int> DeletePendingInvitationsOfUser(Id user_id) override;

	Result<Id> CreateOrganization(const Organization &org) override;
	Result<std::optional<Organization>> FindOrganization(Id org_id) override;
	Status UpdateOrganization(const Organization &org) override;
	Result<int> CountOrganizations() override;

	Status AddMembership(const Membership &membership) override;
	Status UpdateMembership(const Membership &membership) override;
	Status RemoveMembership(Id org_id, Id user_id) override;
	Result<std::optional<Membership>> FindMembership(Id org_id, Id user_id) override;
	Result<std::optional<OrgAccessRow>> FindOrgAccess(Id org_id, Id user_id, const std::string &setting_key) override;
	Result<std::vector<Membership>> ListMembershipsOfUser(Id user_id) override;
	Result<std::vector<Membership>> ListMembers(Id org_id) override;
	Result<std::vector<ClientWithoutLead>> ClientsWithoutLead(Id user_id) override;

	Result<Id> CreateDepartment(const Department &department) override;
	Status RenameDepartment(Id org_id, Id department_id, const std::string &name) override;
	Status DeleteDepartment(Id org_id, Id department_id) override;
	Result<std::vector<Department>> ListDepartments(Id org_id) override;

	Result<std::vector<FiveArticleStatus>> ListFiveArticles(Id org_id) override;
	Status UpsertFiveArticle(const FiveArticleStatus &status) override;

	//! round.number <= 0 means "next number" (max + 1 within the organisation).
	Result<Id> CreateRound(const SelfcheckRound &round) override;
	//! kConflict when the round is already closed.
	Status CloseRound(Id org_id, Id round_id, const std::string &closed_at) override;
	Result<std::optional<SelfcheckRound>> CurrentRound(Id org_id) override;
	Result<std::optional<SelfcheckRound>> FindRound(Id org_id, Id round_id) override;
	Result<std::vector<SelfcheckRound>> ListRounds(Id org_id) override;

	Status UpsertResponse(Id org_id, const SelfcheckResponse &response) override;
	Result<std::vector<SelfcheckResponse>> ListResponses(Id org_id, Id round_id) override;
	Result<std::optional<SelfcheckResponse>> FindResponse(Id org_id, Id round_id, const std::string &respondent) override;
	Status PutRoundScore(const RoundScore &score) override;
	Result<std::vector<RoundScore>> ListRoundScores(Id org_id) override;
	Result<std::vector<SelfcheckRound>> ListUnscoredRounds(int limit) override;
	Result<std::vector<BenchmarkScore>> ListLatestCompleteScores() override;

	Result<std::optional<StoredDocument>> FindDocument(Id org_id, const std::string &template_id,
	                                                   const std::string &subject) override;
	Result<std::vector<StoredDocument>> ListDocuments(Id org_id) override;
	Result<StoredDocument> SaveDocument(const StoredDocument &document, const std::string &note) override;
	Result<std::vector<DocumentRevision>> ListDocumentRevisions(Id org_id, Id document_id) override;
	Status ConfirmDocumentRead(Id org_id, Id document_id, Id user_id, int revision) override;
	Result<std::vector<DocumentRead>> ListDocumentReads(Id org_id, Id document_id, int revision) override;

	Result<std::vector<OutsourcingPartner>> ListPartners(Id org_id) override;
	Result<std::optional<OutsourcingPartner>> FindPartner(Id org_id, Id partner_id) override;
	Result<Id> CreatePartner(const OutsourcingPartner &partner) override;
	Status UpdatePartner(const OutsourcingPartner &partner) override;
	Status DeletePartner(Id org_id, Id partner_id) override;
	Result<std::vector<CloudService>> ListCloudServices(Id org_id) override;
	Result<std::optional<CloudService>> FindCloudService(Id org_id, Id service_id) override;
	Result<Id> CreateCloudService(const CloudService &service) override;
	Status UpdateCloudService(const CloudService &service) override;
	Status DeleteCloudService(Id org_id, Id service_id) override;
	Result<int> DeleteSubjectDocuments(Id org_id, const std::string &subject) override;

	Result<std::vector<ContinuitySystem>> ListContinuitySystems(Id org_id) override;
	Result<std::optional<ContinuitySystem>> FindContinuitySystem(Id org_id, Id system_id) override;
	Result<Id> CreateContinuitySystem(const ContinuitySystem &system) override;
	Status UpdateContinuitySystem(const ContinuitySystem &system) override;
	Status DeleteContinuitySystem(Id org_id, Id system_id) override;
	Result<ItEnvironment> GetItEnvironment(Id org_id) override;
	Status SaveItEnvironment(const ItEnvironment &environment) override;

	Result<std::vector<FirmScenario>> ListFirmScenarios(Id org_id) override;
	Result<std::optional<FirmScenario>> FindFirmScenario(Id org_id, Id scenario_id) override;
	Result<Id> CreateFirmScenario(const FirmScenario &scenario) override;
	Status UpdateFirmScenario(const FirmScenario &scenario) override;
	Result<std::vector<Exercise>> ListExercises(Id org_id) override;
	Result<std::optional<Exercise>> FindExercise(Id org_id, Id exercise_id) override;
	Result<Id> CreateExercise(const Exercise &exercise, const std::vector<ExerciseParticipant> &participants) override;
	Status FinishExercise(Id org_id, Id exercise_id, const std::string &finished_at) override;
	Result<std::vector<ExerciseParticipant>> ListExerciseParticipants(Id org_id, Id exercise_id) override;
	Status PutExerciseChoice(Id org_id, const ExerciseChoice &choice) override;
	Result<std::vector<ExerciseChoice>> ListExerciseChoices(Id org_id, Id exercise_id) override;

	// training (sqlite_store_training.cpp)
	Result<std::vector<TrainingSession>> ListTrainingSessions(Id org_id) override;
	Result<std::optional<TrainingSession>> FindTrainingSession(Id org_id, Id session_id) override;
	Result<Id> CreateTrainingSession(const TrainingSession &session) override;
	Status UpdateTrainingSession(const TrainingSession &session) override;
	Status SetTrainingAudience(Id org_id, Id session_id, const std::vector<Id> &user_ids) override;
	Result<std::vector<TrainingMark>> ListTrainingAudience(Id org_id) override;
	Status SetTrainingAttendance(Id org_id, Id session_id, const std::vector<Id> &user_ids,
	                             const std::string &recorded_at) override;
	Result<std::vector<TrainingMark>> ListTrainingAttendance(Id org_id) override;
	Result<Id> AddTrainingQuizResult(Id org_id, const TrainingQuizResult &result) override;
	Result<std::vector<TrainingQuizResult>> ListTrainingQuizResults(Id org_id, std::optional<Id> user_id) override;

	Result<std::vector<Incident>> ListIncidents(Id org_id, std::optional<Id> reported_by) override;
	Result<std::optional<Incident>> FindIncident(Id org_id, Id incident_id) override;
	Result<Id> CreateIncident(const Incident &incident) override;
	Status UpdateIncident(const Incident &incident) override;
	Result<Id> AddIncidentEvent(Id org_id, const IncidentEvent &event) override;
	Result<std::vector<IncidentEvent>> ListIncidentEvents(Id org_id, Id incident_id) override;
	Result<std::optional<IncidentHelpSheet>> FindIncidentHelpSheet(Id org_id, Id incident_id) override;
	Status SaveIncidentHelpSheet(const IncidentHelpSheet &sheet) override;
	Result<std::vector<ProcedureAdaptation>> ListProcedureAdaptations(Id org_id) override;
	Status SaveProcedureAdaptation(const ProcedureAdaptation &adaptation) override;
	Status DeleteProcedureAdaptation(Id org_id, const std::string &kind, const std::string &levels) override;

	//! Ordered by business_category, department, name, id. An empty
	//! registered_on is filled with today's UTC date and an empty updated_at
	//! with the current time, on create and on update alike. Ratings outside
	//! 0..3 are kInvalidInput (the edition-specific range is the caller's).
	Result<std::vector<Asset>> ListAssets(Id org_id) override;
	Result<std::optional<Asset>> FindAsset(Id org_id, Id asset_id) override;
	Result<Id> CreateAsset(const Asset &asset) override;
	Status UpdateAsset(const Asset &asset) override;
	//! kNotFound unless the asset belongs to org_id; its treatments go with it.
	Status DeleteAsset(Id org_id, Id asset_id) override;
	//! Every row is inserted under org_id with a new id (the rows' own id and
	//! org_id are ignored). One invalid row leaves the old register intact;
	//! its error names the row as "assets.<index>.<field>".
	Status ReplaceAssets(Id org_id, const std::vector<Asset> &assets) override;

	//! Ordered by threat_id.
	Result<std::vector<ThreatFrequency>> ListThreatFrequencies(Id org_id) override;
	Status UpsertThreatFrequency(const ThreatFrequency &frequency) override;

	//! Ordered by item_id. Real and planned answers are separate tables.
	Result<std::vector<ControlAnswer>> ListControlAnswers(Id org_id, bool planned) override;
	Status UpsertControlAnswer(const ControlAnswer &answer, bool planned) override;
	//! Deleting an answer that is not there is not an error (it is already unanswered).
	Status DeleteControlAnswer(Id org_id, const std::string &item_id, bool planned) override;
	Status ClearPlannedAnswers(Id org_id) override;

	//! Ordered by successor_id, old_item_id (removed items, with no successor, first).
	Result<std::vector<AnswerReview>> ListAnswerReviews(Id org_id) override;
	Status DeleteAnswerReview(Id org_id, const std::string &old_item_id) override;
	Status DeleteAnswerReviewsFor(Id org_id, const std::string &successor_id) override;

	//! Ordered by asset_id, threat_id.
	Result<std::vector<RiskTreatment>> ListTreatments(Id org_id) override;
	Result<std::optional<RiskTreatment>> FindTreatment(Id org_id, Id asset_id, const std::string &threat_id) override;
	//! kNotFound when the asset is not the organisation's; returns the id of
	//! the inserted or replaced row (the id stays when a row is replaced).
	Result<Id> UpsertTreatment(const RiskTreatment &treatment) override;
	Status DeleteTreatment(Id org_id, Id treatment_id) override;

	Status AppendAudit(const AuditEntry &entry) override;
	Result<std::vector<AuditEntry>> ListAudit(Id org_id, int limit, int offset) override;
	Result<int64_t> NewestAuditId(Id org_id) override;
	Result<std::vector<AuditEntry>> ListAccountAudit(Id user_id, const std::vector<std::string> &actions,
	                                                 int limit) override;
	Result<std::vector<AuditChainEntry>> ListAuditChain() override;
	Result<std::string> AuditHead() override;

	//! Fails with kInvalidInput when path already exists (a backup never
	//! overwrites anything); a failed backup leaves no file behind. SQLite
	//! only: on PostgreSQL kInvalidInput says to use pg_dump.
	Status BackupTo(const std::string &path) override;

	// Two-step login (sqlite_store_two_step.cpp).
	Result<std::optional<TwoStep>> FindTwoStep(Id user_id) override;
	Status BeginTwoStep(Id user_id, const std::string &secret, const std::string &created_at) override;
	Status ConfirmTwoStep(Id user_id, const std::string &confirmed_at, std::int64_t step) override;
	Result<bool> UseTwoStepStep(Id user_id, std::int64_t step) override;
	Status RecordTwoStepFailures(Id user_id, int failed_codes, const std::string &blocked_until) override;
	Status DeleteTwoStep(Id user_id) override;
	Status ReplaceRecoveryCodes(Id user_id, const std::vector<std::string> &code_hashes) override;
	Result<bool> UseRecoveryCode(Id user_id, const std::string &code_hash, const std::string &used_at) override;
	Result<int> CountUnusedRecoveryCodes(Id user_id) override;
	Status CreatePendingSignIn(const PendingSignIn &pending) override;
	Result<std::optional<PendingSignIn>> FindPendingSignIn(const std::string &token_hash,
	                                                       const std::string &now) override;
	Result<int> CountPendingSignInAttempt(const std::string &token_hash) override;
	Status DeletePendingSignIn(const std::string &token_hash) override;
	Result<bool> OrganizationRequiresTwoStep(Id org_id) override;
	Status SetOrganizationRequiresTwoStep(Id org_id, bool required) override;

	// 点検と改善 (sqlite_store_inspections.cpp).
	Result<std::vector<Inspection>> ListInspections(Id org_id) override;
	Result<std::optional<Inspection>> FindInspection(Id org_id, Id inspection_id) override;
	Result<Id> CreateInspection(const Inspection &inspection) override;
	Status UpdateInspection(const Inspection &inspection) override;
	Result<std::vector<InspectionFinding>> ListFindings(Id org_id, Id inspection_id) override;
	Result<std::optional<InspectionFinding>> FindFinding(Id org_id, Id finding_id) override;
	Result<Id> CreateFinding(const InspectionFinding &finding) override;
	Status UpdateFinding(const InspectionFinding &finding) override;

	// The owner's records and the benchmark population (sqlite_store_owner.cpp).
	Result<std::vector<OwnerRecord>> ListOwnerRecords(Id org_id) override;
	Status PutOwnerRecord(const OwnerRecord &record) override;
	Result<std::vector<Organization>> ListOrganizationsInUse() override;
	// Coaching engagements and the consultant portfolio (sqlite_store_coaching.cpp).
	Result<Id> CreateEngagement(const Engagement &engagement, const std::vector<int> &visit_numbers,
	                            const std::vector<std::pair<int, std::string>> &requests) override;
	Result<std::optional<Engagement>> CurrentEngagement(Id org_id) override;
	Result<std::vector<EngagementVisit>> ListVisits(Id org_id, Id engagement_id) override;
	Status UpdateVisit(const EngagementVisit &visit) override;
	Result<std::vector<EngagementRequest>> ListRequests(Id org_id, Id engagement_id) override;
	Result<std::optional<EngagementRequest>> FindRequest(Id org_id, Id request_id) override;
	Status SetRequestDone(Id org_id, Id request_id, bool done, std::optional<Id> by, const std::string &at) override;
	Result<std::vector<PortfolioClient>> ListPortfolio(Id user_id, const std::string &today) override;
	Result<std::vector<RoundScore>> ListPortfolioScores(Id user_id) override;

private:
	SqliteStore(std::unique_ptr<sql::Connection> first, sql::ConnectionPool::Opener open_more, std::size_t limit);

	//! The calling thread's use of one connection for the length of a store
	//! call: the outermost use leases it, nested uses (store calls made inside
	//! InTransaction) share it.
	class ConnectionUse {
	  public:
		explicit ConnectionUse(SqliteStore &store);
		~ConnectionUse();
		ConnectionUse(const ConnectionUse &) = delete;
		ConnectionUse &operator=(const ConnectionUse &) = delete;

	  private:
		SqliteStore &store_;
	};
	ConnectionUse Use() { return ConnectionUse(*this); }
	//! The connection the calling thread's ConnectionUse holds.
	sql::Connection *db();
	//! Nesting depth of InTransaction on the calling thread; 0 means no transaction is open.
	int &TransactionDepth();

	//! Once per database, right after the audit chain migration (NNNN_audit_chain.sql): gives the entries written before the
	//! chain existed their hashes, in id order (sqlite_store_audit.cpp).
	Status SealUnchainedAudit();

	//! The newest schema as the hand-over package sees it, read once from
	//! the SQLite migration files (both backends share one schema).
	Result<const storage::transfer::SchemaModel *> TransferModel();

	std::unique_ptr<sql::ConnectionPool> pool_;
	//! SQLite only: the outermost transactions of this process take turns here
	//! rather than in SQLite's busy handler, which sleeps between tries.
	std::mutex sqlite_writer_;
	//! migrations/sqlite, for the hand-over package's schema (on PostgreSQL too).
	std::string sqlite_migrations_dir_;
	std::mutex transfer_model_mutex_;
	std::unique_ptr<storage::transfer::SchemaModel> transfer_model_;
};

//! The tables EmptyOrganization empties (every table with an org_id column but audit_log), for
//! the test that keeps the list complete as migrations add tables.
std::vector<std::string> OrganizationDataTables();

} // namespace mamori::storage
