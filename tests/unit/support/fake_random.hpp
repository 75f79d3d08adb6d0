// mamori/tests/unit/support/fake_random.hpp
//
// A predictable RandomSource: tokens are "token-1", "token-2", ... and codes
// count up from 1 ("0001", "0002", ...), so a test can name the token a use
// case handed out.
#pragma once

#include "platform/crypto.hpp"

#include <string>

namespace mamori::testing_support {

class SequenceRandom final : public platform::RandomSource {
public:
	std::string Token(int /*bytes*/) override { return "token-" + std::to_string(++drawn_); }
	std::string Digits(int digits) override {
		std::string number = std::to_string(++drawn_);
		return std::string(number.size() < static_cast<size_t>(digits) ? digits - number.size() : 0, '0') + number;
	}
	int drawn() const { return drawn_; }

private:
	int drawn_ = 0;
};

} // namespace mamori::testing_support
