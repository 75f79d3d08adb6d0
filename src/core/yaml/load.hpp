// mamori/core/yaml/load.hpp
//
// Reads YAML text into a Node tree with libyaml. The content files use a
// plain subset of YAML, and Load holds every file to it, so a mistake in a
// file is named instead of silently read one way or another:
// - one document; an empty text is a null node;
// - keys are non-empty text, and a mapping names each key once;
// - no anchors or aliases (`&name`, `*name`): nothing shipped uses them, and
//   refusing them rules out documents that expand exponentially;
// - nesting at most kMaxDepth levels deep, so readers may recurse;
// - the text is UTF-8 (libyaml refuses broken sequences and control bytes).
// A plain ~, null, Null, NULL or an empty value is a null node; quoted, it is text.
#pragma once

#include "core/yaml/node.hpp"

#include <string_view>

namespace mamori::yaml {

inline constexpr int kMaxDepth = 64;

//! The tree of `text`. Throws ParseError with the line and column of the problem.
Node Load(std::string_view text);

} // namespace mamori::yaml
