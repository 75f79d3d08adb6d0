// mamori/web/exercise_pages.cpp
#include "web/exercise_pages.hpp"

namespace mamori::web::exercise_pages {

std::string Base(const app::OrgAccess &access) { return "/orgs/" + std::to_string(access.org.id) + "/exercises"; }

std::string ExerciseHref(const app::OrgAccess &access, Id exercise_id) {
	return Base(access) + "/" + std::to_string(exercise_id);
}

std::string SceneHref(const app::OrgAccess &access, Id exercise_id, size_t number) {
	return ExerciseHref(access, exercise_id) + "/scenes/" + std::to_string(number);
}

std::optional<app::ExerciseRecord> LoadExercise(WebApp &web, Request &request, const app::OrgAccess &access) {
	const auto id = WebApp::ParseId(request.http.matches[2]);
	auto record = id ? app::GetExercise(web.ctx(), access, *id)
	                 : Result<app::ExerciseRecord>(Error::Make(ErrorCode::kNotFound, "app_exercises.not_found"));
	if (!record) {
		web.SendErrorPage(request, record.error());
		return std::nullopt;
	}
	return std::move(*record);
}

} // namespace mamori::web::exercise_pages
