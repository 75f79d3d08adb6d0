// mamori/tests/unit/core/selfcheck/answer_code_test.cpp
//
// The answer code (one letter per item, kept in selfcheck_round_scores): every sheet comes back
// as it went in, the letters are the persisted ones, and a foreign letter is refused.
#include "core/selfcheck/answer_code.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <vector>

namespace mamori {
namespace {

rc::Gen<AnswerSheet> GenCodedSheet() {
	// 0..3 are answers, 4 is blank; up to 40 items so that the last ones may be blank too.
	return rc::gen::map(rc::gen::container<std::vector<int>>(rc::gen::inRange(0, 5)), [](const std::vector<int> &codes) {
		AnswerSheet sheet;
		for (size_t idx = 0; idx < codes.size() && idx < 40; ++idx) {
			if (codes[idx] < 4) {
				sheet[static_cast<int>(idx) + 1] = static_cast<Answer>(codes[idx]);
			}
		}
		return sheet;
	});
}

TEST(AnswerCodeTest, OneLetterPerItemUpToTheLastAnswered) {
	const AnswerSheet sheet = {{1, Answer::kImplemented}, {2, Answer::kPartial}, {4, Answer::kNotImplemented},
	                           {5, Answer::kUnknown}};
	EXPECT_EQ(EncodeAnswerCode(sheet), "ip-nu");
	EXPECT_EQ(EncodeAnswerCode({}), "");
	EXPECT_EQ(AnswerInCode("ip-nu", 2), Answer::kPartial);
	EXPECT_EQ(AnswerInCode("ip-nu", 3), std::nullopt);
	EXPECT_EQ(AnswerInCode("ip-nu", 6), std::nullopt);
	EXPECT_EQ(AnswerInCode("ip-nu", 0), std::nullopt);
}

TEST(AnswerCodeTest, RefusesAForeignLetter) {
	EXPECT_FALSE(DecodeAnswerCode("ipx").has_value());
	EXPECT_TRUE(DecodeAnswerCode("").value().empty());
}

RC_GTEST_PROP(AnswerCodeProperty, DecodesToTheSheetEncoded, ()) {
	const AnswerSheet sheet = *GenCodedSheet();
	const std::string code = EncodeAnswerCode(sheet);
	RC_ASSERT(DecodeAnswerCode(code) == std::optional<AnswerSheet>(sheet));
	for (int item = 1; item <= 41; ++item) {
		const auto found = sheet.find(item);
		RC_ASSERT(AnswerInCode(code, item) ==
		          (found == sheet.end() ? std::optional<Answer>() : std::optional<Answer>(found->second)));
	}
}

} // namespace
} // namespace mamori
