// mamori/storage/store.hpp
//
// The data-access interface. The web layer and the CLI talk only to Store;
// SQLite is the default backend and PostgreSQL will implement the same
// interface. Every method that changes data is atomic on its own; a caller
// that needs several changes (and their audit entry) to land together wraps
// them in InTransaction, which nests.
//
// The methods are grouped by area into AccountStore, OrganizationStore,
// SelfcheckStore, RiskStore, AuditStore and DocumentStore (one header each),
// which Store inherits; a backend implements Store.
//
// Organisation scoping: every method that reads or writes organisation data
// takes the org_id and filters by it in the query itself, so a wrong id can
// only ever produce "not found", never another organisation's rows.
#pragma once

#include "core/common/result.hpp"
#include "storage/account_store.hpp"
#include "storage/audit_store.hpp"
#include "storage/coaching_store.hpp"
#include "storage/continuity_store.hpp"
#include "storage/counter_store.hpp"
#include "storage/document_store.hpp"
#include "storage/exercise_store.hpp"
#include "storage/incident_store.hpp"
#include "storage/inspection_store.hpp"
#include "storage/organization_store.hpp"
#include "storage/owner_store.hpp"
#include "storage/partner_store.hpp"
#include "storage/records.hpp"
#include "storage/removal_store.hpp"
#include "storage/risk_store.hpp"
#include "storage/selfcheck_store.hpp"
#include "storage/training_store.hpp"
#include "storage/transfer_store.hpp"
#include "storage/two_step_store.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace mamori::storage {

//! The whole data-access interface: every area plus what spans them
//! (transactions, installation settings, backups). Code that needs only one
//! area may take that interface (e.g. RiskStore&) instead.
class Store : public AccountStore,
              public OrganizationStore,
              public SelfcheckStore,
              public RiskStore,
              public AuditStore,
              public DocumentStore,
              public PartnerStore,
              public IncidentStore,
              public ContinuityStore,
              public ExerciseStore,
              public TrainingStore,
              public TwoStepStore,
              public CounterStore,
              public RemovalStore,
              public TransferStore,
              public InspectionStore,
              public OwnerStore,
              public CoachingStore {
public:
	~Store() override = default;

	//! Runs fn inside one transaction: commits when it returns ok, rolls back
	//! otherwise (and on exceptions). Calls may nest.
	virtual Status InTransaction(const std::function<Status()> &fn) = 0;

	// --- installation ---------------------------------------------------
	virtual Result<std::optional<std::string>> GetSetting(const std::string &key) = 0;
	virtual Status PutSetting(const std::string &key, const std::string &value) = 0;

	// --- maintenance ------------------------------------------------------
	//! A consistent copy of the live database into a new file (online backup).
	virtual Status BackupTo(const std::string &path) = 0;
};

std::string_view RoleName(Role role);  // admin / manager / executive / respondent / viewer / consultant
std::optional<Role> ParseRoleName(std::string_view name);

} // namespace mamori::storage
