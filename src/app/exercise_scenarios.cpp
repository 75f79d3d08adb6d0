// mamori/app/exercise_scenarios.cpp
#include "app/exercise_scenarios.hpp"

#include "app/audit.hpp"
#include "app/incident_procedures.hpp"
#include "core/catalog/exercise_scenario_loader.hpp"

namespace mamori::app {
namespace {

// A scenario of nine scenes is about 20 KB; room for a longer story.
constexpr size_t kMaxYaml = 200'000;

std::string Subject(Id id) { return "exercise_scenario:" + std::to_string(id); }

} // namespace

Result<incident::IncidentRules> ExerciseManual(AppContext &ctx, const OrgAccess &access, Locale locale) {
	return FirmIncidentRules(ctx, access, ctx.catalogs != nullptr ? ctx.catalogs->In(locale) : ctx.catalog);
}

Result<std::vector<ScenarioChoice>> ListScenarios(AppContext &ctx, const OrgAccess &access, Locale locale) {
	std::vector<ScenarioChoice> choices;
	for (const auto &scenario : ctx.catalog.exercises) {
		choices.push_back({"builtin:" + scenario.id, scenario.title.In(locale), false, 0, ""});
	}
	for (const auto &firm : MAMORI_TRY(ctx.store.ListFirmScenarios(access.org.id))) {
		// The stored title is Japanese; the text gives the reader's language.
		auto parsed = ParseFirmScenario(ctx, access, firm.yaml);
		const std::string title = parsed ? parsed->title.In(locale) : firm.title;
		choices.push_back({"firm:" + std::to_string(firm.id), title, true, firm.id, firm.based_on});
	}
	return choices;
}

const incident::ExerciseScenario *FindBuiltinScenario(AppContext &ctx, const std::string &id) {
	for (const auto &scenario : ctx.catalog.exercises) {
		if (scenario.id == id) {
			return &scenario;
		}
	}
	return nullptr;
}

Result<incident::ExerciseScenario> ParseFirmScenario(AppContext &ctx, const OrgAccess &access,
                                                     const std::string &yaml) {
	if (yaml.find_first_not_of(" \t\r\n") == std::string::npos) {
		return Error::Invalid("yaml", "app_exercises.yaml_required");
	}
	if (yaml.size() > kMaxYaml) {
		return Error::Invalid("yaml", "app_exercises.yaml_too_long", {{"max", std::to_string(kMaxYaml)}});
	}
	const auto manual = MAMORI_TRY(ExerciseManual(ctx, access, kDefaultLocale));
	auto parsed = ParseExerciseScenario(yaml, "scenario", manual.procedures, ScenarioEnglish::kOptional);
	if (!parsed) {
		// A copy of a built-in scenario may name sample steps the firm has
		// since adapted away; those are still valid references (they just
		// no longer match the firm's manual in the result).
		if (auto sample = ParseExerciseScenario(yaml, "scenario", ctx.catalog.incident.procedures,
		                                        ScenarioEnglish::kOptional)) {
			return sample;
		}
	}
	if (!parsed) {
		// field is "scenario: scenes[2].decision" or just "scenario"; show the entry.
		std::string where = parsed.error().field;
		where = where.size() > 10 ? where.substr(10) : "";
		return Error::Invalid("yaml", where.empty() ? "app_exercises.yaml_invalid" : "app_exercises.yaml_invalid_at",
		                      {{"where", where}, {"problem", parsed.error().message}});
	}
	return parsed;
}

Result<storage::FirmScenario> GetFirmScenario(AppContext &ctx, const OrgAccess &access, Id scenario_id) {
	auto scenario = MAMORI_TRY(ctx.store.FindFirmScenario(access.org.id, scenario_id));
	if (!scenario) {
		return Error::Make(ErrorCode::kNotFound, "app_exercises.scenario_not_found");
	}
	return *scenario;
}

Result<Id> CopyBuiltinScenario(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                               const std::string &builtin_id) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	const incident::ExerciseScenario *builtin = FindBuiltinScenario(ctx, builtin_id);
	if (builtin == nullptr) {
		return Error::Invalid("scenario", "app_exercises.scenario_unknown");
	}
	storage::FirmScenario scenario;
	scenario.org_id = access.org.id;
	scenario.based_on = builtin->id;
	scenario.title = builtin->title.ja;
	scenario.yaml = builtin->yaml;
	Id id = 0;
	MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
		id = MAMORI_TRY(ctx.store.CreateFirmScenario(scenario));
		return Audit(ctx, access.org.id, actor.user_id, "exercise_scenario.copy", Subject(id),
		             {{"based_on", builtin->id}});
	}));
	return id;
}

Status SaveFirmScenario(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id scenario_id,
                        const std::string &yaml) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	storage::FirmScenario scenario = MAMORI_TRY(GetFirmScenario(ctx, access, scenario_id));
	const incident::ExerciseScenario parsed = MAMORI_TRY(ParseFirmScenario(ctx, access, yaml));
	const std::string before_title = scenario.title;
	scenario.title = parsed.title.ja;
	scenario.yaml = yaml;
	return ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.UpdateFirmScenario(scenario));
		return Audit(ctx, access.org.id, actor.user_id, "exercise_scenario.update", Subject(scenario_id),
		             {{"title_before", before_title}, {"title", scenario.title}, {"bytes", yaml.size()}});
	});
}

} // namespace mamori::app
