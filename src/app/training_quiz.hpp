// mamori/app/training_quiz.hpp
//
// A member of a session's audience takes its quiz (issue 9): the answers are
// checked against the quiz set of content/training/quizzes.yaml, scored, and
// stored with the time, so the 責任者 sees results per member and the member
// their own. A retake adds a result; the latest pass counts.
#pragma once

#include "app/training.hpp"
#include "core/training/quiz_scoring.hpp"

namespace mamori::app {

//! The quiz set a session uses; kNotFound when it has none or the content no
//! longer lists it.
Result<const training::QuizSet *> SessionQuizSet(const training::TrainingContent &content,
                                                 const storage::TrainingSession &session);

//! Scores and stores the actor's answers. kForbidden unless the actor is in
//! the session's audience; an unanswered question or an unknown choice is
//! kInvalidInput naming the field "q_<question id>".
Result<storage::TrainingQuizResult> TakeTrainingQuiz(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                                     Id session_id, const training::QuizAnswers &answers);

//! The answers stored with a result (question id → choice id).
training::QuizAnswers ResultAnswers(const storage::TrainingQuizResult &result);

} // namespace mamori::app
