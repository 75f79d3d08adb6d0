// mamori/app/owner_view.cpp
#include "app/owner_view.hpp"

#include "app/audit.hpp"
#include "app/documents/incident_responders.hpp"
#include "app/documents/subject_documents.hpp"
#include "app/inspections.hpp"
#include "app/progress_service.hpp"
#include "app/register_text.hpp"
#include "core/common/civil_date.hpp"

namespace mamori::app {
namespace {

constexpr size_t kMaxNote = 1000;

bool Published(const std::optional<storage::StoredDocument> &document) {
	return document && document->state == storage::DocumentState::kPublished;
}

Status AddDocumentFacts(AppContext &ctx, const OrgAccess &access, owner::OwnerFacts &facts) {
	const auto governance = MAMORI_TRY(ctx.store.FindDocument(access.org.id, "governance", ""));
	facts.governance_drafted = governance.has_value();
	facts.governance_published = Published(governance);
	const ResponseTeam team = MAMORI_TRY(ResponseTeamOf(ctx, access));
	for (const auto &[role, responder] : team.by_role) {
		facts.emergency_contacts_assigned = facts.emergency_contacts_assigned || !responder.name.empty();
	}
	for (const auto &partner : MAMORI_TRY(ctx.store.ListPartners(access.org.id))) {
		++facts.partners;
		const auto nda = MAMORI_TRY(ctx.store.FindDocument(access.org.id, "outsourcing_nda", PartnerSubject(partner.id)));
		facts.partners_with_nda += Published(nda) ? 1 : 0;
	}
	for (const auto &service : MAMORI_TRY(ctx.store.ListCloudServices(access.org.id))) {
		++facts.cloud_services;
		const auto check = MAMORI_TRY(ctx.store.FindDocument(access.org.id, "cloud_checklist", ServiceSubject(service.id)));
		facts.cloud_services_checked += Published(check) ? 1 : 0;
	}
	return OkStatus();
}

Status AddActivityFacts(AppContext &ctx, const OrgAccess &access, owner::OwnerFacts &facts) {
	facts.continuity_systems = static_cast<int>(MAMORI_TRY(ctx.store.ListContinuitySystems(access.org.id)).size());
	for (const auto &exercise : MAMORI_TRY(ctx.store.ListExercises(access.org.id))) {
		if (exercise.finished_at && exercise.held_on > facts.last_exercise_on) {
			facts.last_exercise_on = exercise.held_on;
		}
	}
	for (const auto &session : MAMORI_TRY(ctx.store.ListTrainingSessions(access.org.id))) {
		if (session.held && session.held_on && *session.held_on > facts.last_training_on) {
			facts.last_training_on = *session.held_on;
		}
	}
	for (const auto &article : MAMORI_TRY(ctx.store.ListFiveArticles(access.org.id))) {
		// 5か条 No.5「脅威や攻撃の手口を知ろう」is the habit of following the news (取組7).
		if (article.number == 5 && article.state == ArticleState::kDone) {
			facts.article5_done = true;
		}
	}
	const InspectionOverview inspections = MAMORI_TRY(InspectionHistory(ctx, access));
	facts.inspections_planned = static_cast<int>(inspections.records.size());
	facts.last_inspection_done_on = inspections.last_done_on;
	facts.last_report_to_owner_on = inspections.last_reported_on;
	facts.overdue_actions = inspections.overdue_actions;
	for (const auto &record : MAMORI_TRY(ctx.store.ListOwnerRecords(access.org.id))) {
		facts.budget_recorded = facts.budget_recorded || record.topic == "budget";
		facts.information_sources_recorded = facts.information_sources_recorded || record.topic == "information_sources";
	}
	return OkStatus();
}

Result<owner::OwnerFacts> FactsWith(AppContext &ctx, const OrgAccess &access, const Progress &progress) {
	owner::OwnerFacts facts;
	facts.today = ctx.clock.TodayInJapan();
	facts.policy_drafted = progress.facts.policy_drafted;
	facts.policy_published = progress.facts.policy_published;
	facts.selfcheck_started = progress.facts.selfcheck_started;
	facts.selfcheck_completed = progress.facts.selfcheck_completed;
	facts.risk_assets = progress.facts.risk_assets;
	facts.risk_check_complete = progress.facts.risk_check_complete;
	facts.risks_needing_decision = progress.facts.risks_needing_decision;
	facts.overdue_treatments = static_cast<int>(progress.overdue.size());
	MAMORI_TRY(AddDocumentFacts(ctx, access, facts));
	MAMORI_TRY(AddActivityFacts(ctx, access, facts));
	return facts;
}

} // namespace

Result<owner::OwnerFacts> GatherOwnerFacts(AppContext &ctx, const OrgAccess &access, const Catalog *content) {
	const Progress progress = MAMORI_TRY(ComputeProgress(ctx, access, content));
	return FactsWith(ctx, access, progress);
}

Result<OwnerView> ComputeOwnerView(AppContext &ctx, const OrgAccess &access, const Catalog *content) {
	const Progress progress = MAMORI_TRY(ComputeProgress(ctx, access, content));
	OwnerView view;
	view.facts = MAMORI_TRY(FactsWith(ctx, access, progress));
	view.items = owner::JudgeKeyItems(view.facts);
	// 表3's 点検と改善 is tracked by the inspections; the other tasks as on the dashboard.
	auto statuses = TaskStatusesFromFacts(progress.facts);
	switch (owner::ReviewStatus(view.facts)) {
	case owner::ItemStatus::kDone:
		statuses["review"] = TaskStatus::kDone;
		break;
	case owner::ItemStatus::kInProgress:
		statuses["review"] = TaskStatus::kInProgress;
		break;
	case owner::ItemStatus::kNotStarted:
		statuses["review"] = TaskStatus::kNotStarted;
		break;
	}
	const Edition &edition = access.EditionOf(content != nullptr ? *content : ctx.catalog);
	view.position = LocateOnPath(edition.step_path, statuses);
	for (auto &record : MAMORI_TRY(ctx.store.ListOwnerRecords(access.org.id))) {
		(record.topic == "budget" ? view.budget : view.information_sources) = record;
	}
	return view;
}

// The owner's records are kept by the same people who report an inspection
// to the owner: the 経営者 and the editors (one rule, app/inspections.cpp).
bool CanKeepOwnerRecords(const OrgAccess &access) { return CanReportToOwner(access); }

Status SaveOwnerRecord(AppContext &ctx, const Actor &actor, const OrgAccess &access, const std::string &topic,
                       const std::string &note, const std::string &recorded_on) {
	if (!CanKeepOwnerRecords(access)) {
		return Error::Make(ErrorCode::kForbidden, "app_owner.record_role");
	}
	if (topic != "budget" && topic != "information_sources") {
		return Error::Invalid("topic", "app_owner.topic_unknown");
	}
	const register_text::TextRule texts[] = {{"note", &note, kMaxNote, "app_owner.note_required", "app_owner.note_too_long"}};
	MAMORI_TRY(register_text::CheckTexts(texts));
	const std::string date = recorded_on.empty() ? ctx.clock.TodayInJapan() : recorded_on;
	if (!ParseIsoDate(date)) {
		return Error::Invalid("recorded_on", "app_owner.date_invalid");
	}
	const storage::OwnerRecord record{access.org.id, topic, note, date, actor.user_id, ""};
	return ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.PutOwnerRecord(record));
		return Audit(ctx, access.org.id, actor.user_id, "owner_record.save", "owner_record:" + topic,
		             {{"topic", topic}, {"note", note}, {"recorded_on", date}});
	});
}

} // namespace mamori::app
