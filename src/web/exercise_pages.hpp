// mamori/web/exercise_pages.hpp
//
// What the tabletop-exercise pages share (internal to web/): their addresses
// and loading an exercise named by the path.
#pragma once

#include "app/exercises.hpp"
#include "web/web_app.hpp"

#include <optional>
#include <string>

namespace mamori::web::exercise_pages {

std::string Base(const app::OrgAccess &access);
std::string ExerciseHref(const app::OrgAccess &access, Id exercise_id);
//! Scenes are numbered from 1 in addresses.
std::string SceneHref(const app::OrgAccess &access, Id exercise_id, size_t number);

//! The exercise of path capture 2, or the error page sent.
std::optional<app::ExerciseRecord> LoadExercise(WebApp &web, Request &request, const app::OrgAccess &access);

} // namespace mamori::web::exercise_pages
