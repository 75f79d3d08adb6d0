// mamori/cli/exit_codes.hpp
#pragma once

#include "core/common/result.hpp"

namespace mamori::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;   // environment, storage, bugs
inline constexpr int kExitBadInput = 2;  // the contract's "bad input" exit

//! The one table from ErrorCode to process exit status.
int ExitCodeFor(ErrorCode code);

} // namespace mamori::cli
