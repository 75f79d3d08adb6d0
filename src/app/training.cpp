// mamori/app/training.cpp
#include "app/training.hpp"

#include "app/audit.hpp"
#include "app/five_articles_service.hpp"
#include "app/register_text.hpp"

#include <algorithm>

namespace mamori::app {
namespace {

using register_text::TextRule;

// A session is one line of the plan: a short title, a paragraph of content
// and a method such as 「集合研修」 or 「朝礼」.
constexpr size_t kMaxTitle = 200;
constexpr size_t kMaxContent = 2000;
constexpr size_t kMaxMethod = 100;

std::string Subject(Id id) { return "training_session:" + std::to_string(id); }

nlohmann::json SessionJson(const TrainingSessionInput &input) {
	const auto &session = input.session;
	return {{"title", session.title},         {"content", session.content},
	        {"method", session.method},       {"planned_on", session.planned_on},
	        {"audience_all", session.audience_all}, {"chosen", input.chosen},
	        {"quiz_set", session.quiz_set}};
}

bool IsMember(const std::vector<storage::Membership> &members, Id user_id) {
	return std::any_of(members.begin(), members.end(), [&](const auto &m) { return m.user_id == user_id; });
}

Status RequireEditor(const OrgAccess &access) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	return OkStatus();
}

} // namespace

const storage::TrainingSession *TrainingRecords::FindSession(Id id) const {
	for (const auto &session : sessions) {
		if (session.id == id) {
			return &session;
		}
	}
	return nullptr;
}

const storage::Membership *TrainingRecords::FindMember(Id user_id) const {
	for (const auto &member : members) {
		if (member.user_id == user_id) {
			return &member;
		}
	}
	return nullptr;
}

bool TrainingRecords::InAudience(Id session_id, Id user_id) const {
	auto found = audience.find(session_id);
	return found != audience.end() && found->second.count(user_id) > 0;
}

Status ValidateTrainingSession(const TrainingSessionInput &input, const training::TrainingContent &content,
                               const std::vector<storage::Membership> &members) {
	const auto &session = input.session;
	const TextRule title[] = {
	    {"title", &session.title, kMaxTitle, "app_training.title_required", "app_training.title_too_long"},
	};
	MAMORI_TRY(register_text::CheckTexts(title));
	if (!IsIsoDate(session.planned_on)) {
		return Error::Invalid("planned_on", "app_training.date_invalid");
	}
	const TextRule texts[] = {
	    {"content", &session.content, kMaxContent, nullptr, "app_training.content_too_long"},
	    {"method", &session.method, kMaxMethod, nullptr, "app_training.method_too_long"},
	};
	MAMORI_TRY(register_text::CheckTexts(texts));
	if (!session.quiz_set.empty() && content.FindQuizSet(session.quiz_set) == nullptr) {
		return Error::Invalid("quiz_set", "app_training.quiz_set_unknown", {{"quiz_set", session.quiz_set}});
	}
	if (!session.audience_all) {
		if (input.chosen.empty()) {
			return Error::Invalid("audience", "app_training.audience_empty");
		}
		for (Id user : input.chosen) {
			if (!IsMember(members, user)) {
				return Error::Invalid("audience", "app_training.audience_not_member");
			}
		}
	}
	return OkStatus();
}

Result<TrainingRecords> LoadTrainingRecords(AppContext &ctx, const OrgAccess &access) {
	const Id org = access.org.id;
	TrainingRecords records;
	records.sessions = MAMORI_TRY(ctx.store.ListTrainingSessions(org));
	records.members = MAMORI_TRY(ctx.store.ListMembers(org));
	std::map<Id, std::set<Id>> chosen;
	for (const auto &mark : MAMORI_TRY(ctx.store.ListTrainingAudience(org))) {
		chosen[mark.session_id].insert(mark.user_id);
	}
	for (const auto &session : records.sessions) {
		auto &audience = records.audience[session.id];
		for (const auto &member : records.members) {
			// A chosen member who has since left the organisation drops out.
			if (session.audience_all || chosen[session.id].count(member.user_id) > 0) {
				audience.insert(member.user_id);
			}
		}
	}
	for (const auto &mark : MAMORI_TRY(ctx.store.ListTrainingAttendance(org))) {
		records.attended[mark.session_id].insert(mark.user_id);
	}
	records.results = MAMORI_TRY(ctx.store.ListTrainingQuizResults(org, std::nullopt));
	for (const auto &result : records.results) {
		if (result.passed) {
			records.passed[result.session_id].insert(result.user_id);
		}
	}
	return records;
}

Result<storage::TrainingSession> GetTrainingSession(AppContext &ctx, const OrgAccess &access, Id session_id) {
	auto session = MAMORI_TRY(ctx.store.FindTrainingSession(access.org.id, session_id));
	if (!session) {
		return Error::Make(ErrorCode::kNotFound, "app_training.not_found");
	}
	return *session;
}

Result<Id> CreateTrainingSession(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                 TrainingSessionInput input) {
	MAMORI_TRY(RequireEditor(access));
	input.session.org_id = access.org.id;
	input.session.held = false;
	input.session.held_on.reset();
	const auto members = MAMORI_TRY(ctx.store.ListMembers(access.org.id));
	MAMORI_TRY(ValidateTrainingSession(input, ctx.catalog.training, members));
	Id id = 0;
	MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
		id = MAMORI_TRY(ctx.store.CreateTrainingSession(input.session));
		MAMORI_TRY(ctx.store.SetTrainingAudience(access.org.id, id, input.session.audience_all ? std::vector<Id>{}
		                                                                                       : input.chosen));
		return Audit(ctx, access.org.id, actor.user_id, "training.create", Subject(id), SessionJson(input));
	}));
	return id;
}

Status UpdateTrainingSession(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id session_id,
                             TrainingSessionInput input) {
	MAMORI_TRY(RequireEditor(access));
	const auto before = MAMORI_TRY(GetTrainingSession(ctx, access, session_id));
	input.session.id = session_id;
	input.session.org_id = access.org.id;
	input.session.held = before.held;  // holding is its own action
	input.session.held_on = before.held_on;
	const auto members = MAMORI_TRY(ctx.store.ListMembers(access.org.id));
	MAMORI_TRY(ValidateTrainingSession(input, ctx.catalog.training, members));
	return ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.UpdateTrainingSession(input.session));
		MAMORI_TRY(ctx.store.SetTrainingAudience(access.org.id, session_id, input.session.audience_all
		                                                                        ? std::vector<Id>{}
		                                                                        : input.chosen));
		return Audit(ctx, access.org.id, actor.user_id, "training.update", Subject(session_id), SessionJson(input));
	});
}

Status MarkTrainingHeld(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id session_id,
                        const std::string &held_on) {
	MAMORI_TRY(RequireEditor(access));
	auto session = MAMORI_TRY(GetTrainingSession(ctx, access, session_id));
	if (!IsIsoDate(held_on)) {
		return Error::Invalid("held_on", "app_training.date_invalid");
	}
	if (held_on > ctx.clock.TodayInJapan()) {
		return Error::Invalid("held_on", "app_training.held_in_future");
	}
	session.held = true;
	session.held_on = held_on;
	return ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.UpdateTrainingSession(session));
		return Audit(ctx, access.org.id, actor.user_id, "training.held", Subject(session_id), {{"held_on", held_on}});
	});
}

Status RecordTrainingAttendance(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id session_id,
                                const std::vector<Id> &attended) {
	MAMORI_TRY(RequireEditor(access));
	const auto records = MAMORI_TRY(LoadTrainingRecords(ctx, access));
	if (records.FindSession(session_id) == nullptr) {
		return Error::Make(ErrorCode::kNotFound, "app_training.not_found");
	}
	for (Id user : attended) {
		if (!records.InAudience(session_id, user)) {
			return Error::Invalid("attended", "app_training.attendee_not_in_audience");
		}
	}
	return ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.SetTrainingAttendance(access.org.id, session_id, attended, ctx.clock.NowIso()));
		return Audit(ctx, access.org.id, actor.user_id, "training.attendance", Subject(session_id),
		             {{"attended", attended}});
	});
}

} // namespace mamori::app
