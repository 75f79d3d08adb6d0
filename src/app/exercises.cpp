// mamori/app/exercises.cpp
#include "app/exercises.hpp"

#include "app/audit.hpp"
#include "app/exercise_scenarios.hpp"
#include "app/register_text.hpp"
#include "core/common/civil_date.hpp"

#include <set>

namespace mamori::app {
namespace {

std::string Subject(Id id) { return "exercise:" + std::to_string(id); }

std::string MemberName(const storage::Membership &member) {
	return member.display_name.empty() ? member.email : member.display_name;
}

Status CheckEditable(const OrgAccess &access, const storage::Exercise &exercise) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	if (exercise.finished_at) {
		return Error::Make(ErrorCode::kConflict, "app_exercises.finished");
	}
	return OkStatus();
}

//! The scenario the session will keep: a built-in id, or the firm's text.
Status ChooseScenario(AppContext &ctx, const OrgAccess &access, const std::string &key, storage::Exercise &exercise) {
	if (key.rfind("builtin:", 0) == 0) {
		if (const auto *builtin = FindBuiltinScenario(ctx, key.substr(8))) {
			exercise.builtin_scenario = builtin->id;
			exercise.title = builtin->title.ja;
			return OkStatus();
		}
	} else if (key.rfind("firm:", 0) == 0) {
		const std::string digits = key.substr(5);
		if (!digits.empty() && digits.size() < 12 && digits.find_first_not_of("0123456789") == std::string::npos) {
			auto firm = MAMORI_TRY(ctx.store.FindFirmScenario(access.org.id, std::stoll(digits)));
			if (firm) {
				exercise.scenario_yaml = firm->yaml;
				exercise.title = firm->title;
				return OkStatus();
			}
		}
	}
	return Error::Invalid("scenario", "app_exercises.scenario_unknown");
}

} // namespace

std::string ExerciseRecord::ChoiceOf(Id participant_id, const std::string &decision_id) const {
	for (const auto &choice : choices) {
		if (choice.participant_id == participant_id && choice.decision_id == decision_id) {
			return choice.option_id;
		}
	}
	return "";
}

Result<std::vector<storage::Exercise>> ListExercises(AppContext &ctx, const OrgAccess &access) {
	return ctx.store.ListExercises(access.org.id);
}

Result<ExerciseRecord> GetExercise(AppContext &ctx, const OrgAccess &access, Id exercise_id) {
	auto exercise = MAMORI_TRY(ctx.store.FindExercise(access.org.id, exercise_id));
	if (!exercise) {
		return Error::Make(ErrorCode::kNotFound, "app_exercises.not_found");
	}
	ExerciseRecord record;
	record.exercise = std::move(*exercise);
	if (!record.exercise.builtin_scenario.empty()) {
		const auto *builtin = FindBuiltinScenario(ctx, record.exercise.builtin_scenario);
		if (builtin == nullptr) {
			return Error::Make(ErrorCode::kNotFound, "app_exercises.scenario_gone", {{"id", record.exercise.builtin_scenario}});
		}
		record.scenario = *builtin;
	} else {
		record.scenario = MAMORI_TRY(ParseFirmScenario(ctx, access, record.exercise.scenario_yaml));
	}
	record.participants = MAMORI_TRY(ctx.store.ListExerciseParticipants(access.org.id, exercise_id));
	record.choices = MAMORI_TRY(ctx.store.ListExerciseChoices(access.org.id, exercise_id));
	return record;
}

Result<Id> CreateExercise(AppContext &ctx, const Actor &actor, const OrgAccess &access, const ExerciseInput &input) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	storage::Exercise exercise;
	exercise.org_id = access.org.id;
	if (input.held_on.empty()) {
		return Error::Invalid("held_on", "app_exercises.held_on_required");
	}
	if (!ParseIsoDate(input.held_on)) {
		return Error::Invalid("held_on", "app_exercises.held_on_invalid");
	}
	exercise.held_on = input.held_on;
	MAMORI_TRY(ChooseScenario(ctx, access, input.scenario_key, exercise));

	const auto members = MAMORI_TRY(ctx.store.ListMembers(access.org.id));
	auto member = [&](Id id) -> const storage::Membership * {
		for (const auto &m : members) {
			if (m.user_id == id) {
				return &m;
			}
		}
		return nullptr;
	};
	const storage::Membership *facilitator = member(input.facilitator_id);
	if (facilitator == nullptr) {
		return Error::Invalid("facilitator", "app_exercises.facilitator_unknown");
	}
	exercise.facilitator_id = facilitator->user_id;
	exercise.facilitator_name = MemberName(*facilitator);

	std::vector<storage::ExerciseParticipant> participants;
	std::set<Id> seen;
	for (Id id : input.member_ids) {
		const storage::Membership *m = member(id);
		if (m == nullptr) {
			return Error::Invalid("participants", "app_exercises.participant_unknown");
		}
		if (seen.insert(id).second) {
			participants.push_back({0, 0, id, MemberName(*m)});
		}
	}
	if (input.outsiders.size() > kMaxOutsiders) {
		return Error::Invalid("outsiders", "app_exercises.outsiders_too_many", {{"max", std::to_string(kMaxOutsiders)}});
	}
	for (const auto &name : input.outsiders) {
		if (name.size() > kMaxOutsiderName) {
			return Error::Invalid("outsiders", "app_exercises.outsider_too_long",
			                      {{"max", std::to_string(kMaxOutsiderName)}});
		}
		if (!register_text::Blank(name)) {
			participants.push_back({0, 0, std::nullopt, name});
		}
	}
	if (participants.empty()) {
		return Error::Invalid("participants", "app_exercises.participants_required");
	}
	exercise.created_by = actor.user_id;
	exercise.created_at = ctx.clock.NowIso();
	Id id = 0;
	MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
		id = MAMORI_TRY(ctx.store.CreateExercise(exercise, participants));
		nlohmann::json names = nlohmann::json::array();
		for (const auto &p : participants) {
			names.push_back(p.name);
		}
		return Audit(ctx, access.org.id, actor.user_id, "exercise.create", Subject(id),
		             {{"held_on", exercise.held_on},
		              {"scenario", exercise.builtin_scenario.empty() ? input.scenario_key : exercise.builtin_scenario},
		              {"facilitator", exercise.facilitator_name},
		              {"participants", names}});
	}));
	return id;
}

Status RecordChoices(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id exercise_id,
                     const std::string &decision_id, const std::map<Id, std::string> &choices) {
	const ExerciseRecord record = MAMORI_TRY(GetExercise(ctx, access, exercise_id));
	MAMORI_TRY(CheckEditable(access, record.exercise));
	const incident::ExerciseDecision *decision = record.scenario.FindDecision(decision_id);
	if (decision == nullptr) {
		return Error::Make(ErrorCode::kNotFound, "app_exercises.decision_unknown");
	}
	for (const auto &[participant_id, option_id] : choices) {
		const bool known = std::any_of(record.participants.begin(), record.participants.end(),
		                               [&](const auto &p) { return p.id == participant_id; });
		const std::string field = "choice-" + std::to_string(participant_id);
		if (!known) {
			return Error::Invalid(field, "app_exercises.participant_unknown");
		}
		if (decision->FindOption(option_id) == nullptr) {
			return Error::Invalid(field, "app_exercises.option_unknown", {{"option", option_id}});
		}
	}
	if (choices.empty()) {
		// Named after the first participant's radio group, so the error summary links to it.
		const std::string field =
		    record.participants.empty() ? "choices" : "choice-" + std::to_string(record.participants.front().id);
		return Error::Invalid(field, "app_exercises.choices_required");
	}
	const std::string now = ctx.clock.NowIso();
	return ctx.store.InTransaction([&]() -> Status {
		nlohmann::json detail = nlohmann::json::object();
		for (const auto &[participant_id, option_id] : choices) {
			MAMORI_TRY(ctx.store.PutExerciseChoice(access.org.id,
			                                       {participant_id, decision_id, option_id, now, actor.user_id}));
			detail[std::to_string(participant_id)] = option_id;
		}
		return Audit(ctx, access.org.id, actor.user_id, "exercise.choices", Subject(exercise_id),
		             {{"decision", decision_id}, {"choices", detail}});
	});
}

Status FinishExercise(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id exercise_id) {
	auto exercise = MAMORI_TRY(ctx.store.FindExercise(access.org.id, exercise_id));
	if (!exercise) {
		return Error::Make(ErrorCode::kNotFound, "app_exercises.not_found");
	}
	MAMORI_TRY(CheckEditable(access, *exercise));
	const std::string now = ctx.clock.NowIso();
	return ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.FinishExercise(access.org.id, exercise_id, now));
		return Audit(ctx, access.org.id, actor.user_id, "exercise.finish", Subject(exercise_id), {{"finished_at", now}});
	});
}

incident::ExerciseComparison CompareExercise(const ExerciseRecord &record, const incident::IncidentProcedures &manual) {
	std::vector<std::int64_t> participants;
	for (const auto &p : record.participants) {
		participants.push_back(p.id);
	}
	std::vector<incident::ExerciseAnswer> answers;
	for (const auto &choice : record.choices) {
		answers.push_back({choice.participant_id, choice.decision_id, choice.option_id});
	}
	return incident::CompareWithManual(record.scenario, manual, participants, answers);
}

} // namespace mamori::app
