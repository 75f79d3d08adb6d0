// mamori/app/coaching.hpp
//
// Coaching a client firm (issue 12): the consultant's clients, engagements that follow a
// programme (content/programmes/, or the consultant's own in the same YAML form), visits with
// dates and agenda notes, and pre-work requests the firm's 責任者 or the consultant marks done.
// Every change is audited in the transaction that makes it.
#pragma once

#include "app/app_context.hpp"
#include "app/organizations.hpp"
#include "core/coaching/programme.hpp"
#include "storage/coaching_store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mamori::app {

//! The document kinds a programme's deliverable may name: the pack's and the coaching reports.
const std::vector<std::string> &ProgrammeDocumentKinds();

//! The shipped programmes (content/programmes/*.yaml), theme 1 first; read once.
Result<std::vector<coaching::Programme>> ShippedProgrammes();

//! A consultant's own programme, checked like the shipped ones but with one language allowed.
//! Errors name the entry at fault (field "visits.2.agenda" …).
Result<coaching::Programme> ParseOwnProgramme(const std::string &yaml_text);

//! Creates a client organisation with the acting account as its consultant (外部専門家).
Result<Id> CreateClient(AppContext &ctx, const Actor &actor, const OrganizationInput &input);

//! The firm's 組織管理者, named when the client is registered so that the firm owns its
//! organisation from the start: invited as any member is (a one-time link the consultant hands
//! over). An empty e-mail leaves it for later; the portfolio then shows the client as without one.
struct ClientAdmin {
	std::string email;
	std::string display_name;
};
struct NewClient {
	Id org_id = 0;
	std::optional<Invitation> admin_invitation;  // set when an 組織管理者 was named
};
//! CreateClient and the 組織管理者's invitation, all or nothing. Errors of the invitation name
//! the fields `admin_email` and `admin_name`.
Result<NewClient> CreateClient(AppContext &ctx, const Actor &actor, const OrganizationInput &input,
                               const ClientAdmin &admin);

using storage::ClientWithoutLead;
//! The account's clients whose firm has no 組織管理者 or 責任者 who has signed up, by id.
Result<std::vector<ClientWithoutLead>> ClientsWithoutLead(AppContext &ctx, Id user_id);

struct StartEngagementInput {
	std::string programme_id;    // a shipped programme, or
	std::string programme_yaml;  // the consultant's own (used when not empty)
	std::string started_on;      // YYYY-MM-DD; today when empty
};

//! Starts an engagement: its visits and every pre-work request open. Editors and consultants.
Result<Id> StartEngagement(AppContext &ctx, const Actor &actor, const OrgAccess &access, const StartEngagementInput &input);

struct CoachingVisit {
	storage::EngagementVisit visit;
	coaching::ProgrammeVisit plan;
	std::vector<storage::EngagementRequest> requests;
	bool prework_complete = false;  // every request of the visit is done
};

struct Coaching {
	storage::Engagement engagement;
	coaching::Programme programme;
	std::vector<CoachingVisit> visits;

	const CoachingVisit *FindVisit(int number) const;
	//! The visit a 実施報告書 is about by default: the latest one held, else the first.
	const CoachingVisit *LatestVisit() const;
};

//! The organisation's current engagement, or nullopt when none was started. Not for 回答者.
Result<std::optional<Coaching>> LoadCoaching(AppContext &ctx, const OrgAccess &access);

struct VisitInput {
	int number = 0;
	std::string planned_on;  // YYYY-MM-DD or ''
	std::string held_on;     // YYYY-MM-DD or ''
	std::string notes;       // ≤ 4000 bytes
};
Status UpdateVisit(AppContext &ctx, const Actor &actor, const OrgAccess &access, const VisitInput &input);

//! Marks a pre-work request done (or open again). The firm's 責任者 and 組織管理者 and the
//! consultant may; kNotFound for a request of another organisation.
Status MarkRequest(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id request_id, bool done);

} // namespace mamori::app
