// mamori/cli/exit_codes.cpp
#include "cli/exit_codes.hpp"

namespace mamori::cli {

int ExitCodeFor(ErrorCode code) {
	switch (code) {
	case ErrorCode::kInvalidInput:
	case ErrorCode::kConflict:
	case ErrorCode::kPayloadTooLarge:
	case ErrorCode::kNotFound:
		return kExitBadInput;
	case ErrorCode::kUnauthenticated:
	case ErrorCode::kForbidden:
	case ErrorCode::kRateLimited:
	case ErrorCode::kCatalogInvalid:
	case ErrorCode::kStorage:
	case ErrorCode::kUnavailable:
	case ErrorCode::kInternal:
		return kExitFailure;
	}
	return kExitFailure;
}

} // namespace mamori::cli
