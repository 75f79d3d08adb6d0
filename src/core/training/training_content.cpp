// mamori/core/training/training_content.cpp
#include "core/training/training_content.hpp"

namespace mamori::training {

const QuizChoice *QuizQuestion::FindChoice(std::string_view choice_id) const {
	for (const auto &choice : choices) {
		if (choice.id == choice_id) {
			return &choice;
		}
	}
	return nullptr;
}

const QuizSet *TrainingContent::FindQuizSet(std::string_view id) const {
	for (const auto &set : quiz_sets) {
		if (set.id == id) {
			return &set;
		}
	}
	return nullptr;
}

} // namespace mamori::training
