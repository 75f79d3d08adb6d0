// mamori/storage/inspection_store.hpp
//
// 点検と改善 (第2部 4(5), issue 12): inspections planned against a standard
// (5か条, 自社診断 or the firm's own regulations) with the guideline's
// methods, their findings, and the corrective action each finding leads to
// (an owner who is a member, a due date, closed when done). One area of the
// Store interface (storage/store.hpp); every method is scoped by org_id.
#pragma once

#include "core/common/result.hpp"
#include "storage/records.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mamori::storage {

struct Inspection {
	Id id = 0;
	Id org_id = 0;
	std::string title;
	std::string standard;  // five_articles / selfcheck / own_rules
	std::string scope;     // what is checked against the standard ("No.1", a regulation's name)
	std::vector<std::string> methods;  // question / review / observation / technical / checklist
	std::string planned_on;   // YYYY-MM-DD
	std::string inspector;    // who inspects
	std::string done_on;      // "" until the results are recorded
	std::string summary;      // the overall result
	std::string reported_on;  // "" until reported to the 経営者
	std::string owner_comment;  // the 経営者's evaluation
	std::string created_at;
	std::string updated_at;
};

struct InspectionFinding {
	Id id = 0;
	Id org_id = 0;
	Id inspection_id = 0;
	std::string description;
	std::string severity;  // high / medium / low
	std::string action;    // the corrective action
	Id action_owner = 0;   // a member's user id
	std::string due_on;    // YYYY-MM-DD
	std::string closed_on;  // "" while the action is open
	std::string created_at;
	std::string updated_at;
};

class InspectionStore {
public:
	virtual ~InspectionStore() = default;

	//! Newest plan first (planned_on, then id, descending).
	virtual Result<std::vector<Inspection>> ListInspections(Id org_id) = 0;
	virtual Result<std::optional<Inspection>> FindInspection(Id org_id, Id inspection_id) = 0;
	virtual Result<Id> CreateInspection(const Inspection &inspection) = 0;
	//! kNotFound unless the inspection belongs to inspection.org_id.
	virtual Status UpdateInspection(const Inspection &inspection) = 0;

	//! Every finding of the organisation (inspection_id 0) or of one inspection, by inspection and id.
	virtual Result<std::vector<InspectionFinding>> ListFindings(Id org_id, Id inspection_id) = 0;
	virtual Result<std::optional<InspectionFinding>> FindFinding(Id org_id, Id finding_id) = 0;
	//! kNotFound unless the inspection is the organisation's.
	virtual Result<Id> CreateFinding(const InspectionFinding &finding) = 0;
	//! kNotFound unless the finding belongs to finding.org_id.
	virtual Status UpdateFinding(const InspectionFinding &finding) = 0;
};

} // namespace mamori::storage
