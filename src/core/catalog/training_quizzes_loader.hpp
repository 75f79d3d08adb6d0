// mamori/core/catalog/training_quizzes_loader.hpp
//
// Reads content/training/quizzes.yaml into training::TrainingContent. The
// sessions store a quiz set's id and each result stores choice ids, so
// duplicate ids, a question with fewer than 2 or more than 4 choices, a
// `correct` naming no choice or numbers out of range are refused; each error
// names the file and the entry (quiz_sets[1].questions[2].correct).
#pragma once

#include "core/catalog/catalog_loader.hpp"
#include "core/training/training_content.hpp"

#include <string>

namespace mamori {

//! The file the quizzes are read from, relative to content/.
std::string TrainingQuizzesFileName();

//! The content as `locale` sees it. Throws the loader's internal problem
//! type; call it only from ParseCatalog (or ParseTrainingContent).
training::TrainingContent ReadTrainingContent(const ContentFiles &files, Locale locale);

//! The same, for a caller outside the catalog (tests): errors as Error.
Result<training::TrainingContent> ParseTrainingContent(const ContentFiles &files, Locale locale);

} // namespace mamori
