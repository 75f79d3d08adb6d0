// mamori/core/common/result.hpp
//
// The one error model of mamori. Every fallible operation returns Result<T>:
// either a value or an Error carrying a code, the offending field, and a
// message key of the message catalog with its parameters (content/messages/;
// core/i18n/message_catalog.hpp turns it into text in the reader's language).
// Adapters map ErrorCode to their own vocabulary in exactly one place each
// (HTTP status: web/http_errors.cpp; CLI exit code: cli/exit_codes.cpp).
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace mamori {

//! Named values for a message's {{placeholders}}, in the order given.
using MessageParams = std::vector<std::pair<std::string, std::string>>;

// When adding a code here, also add it to the HTTP table (web/http_errors.cpp)
// and the CLI table (cli/exit_codes.cpp); the compiler flags a missing case.
enum class ErrorCode {
	kInvalidInput,     // The caller sent something malformed or out of range.
	kUnauthenticated,  // No valid session or credentials.
	kForbidden,        // Authenticated, but the role does not allow this.
	kNotFound,         // Missing, or not visible to this caller.
	kConflict,         // The request clashes with current state (duplicate, stale).
	kPayloadTooLarge,  // The body exceeds the configured limit.
	kRateLimited,      // Too many attempts; try again later.
	kCatalogInvalid,   // A content file is broken; the program cannot start.
	kStorage,          // The database failed.
	kUnavailable,      // An outside service (the mail relay) refused or did not answer.
	kInternal,         // A bug or an unexpected environment failure.
};

struct Error {
	ErrorCode code = ErrorCode::kInternal;
	//! Dotted path of the input field at fault ("answers.26"), or empty.
	std::string field;
	//! The message catalog key ("errors.not_found") of one sentence
	//! saying what is wrong, for an end user. Text that is not a key (a
	//! library's own diagnostic, a catalog file problem) is shown as it is.
	std::string message;
	//! Values for the message's {{placeholders}}.
	MessageParams params;

	//! "field: message" without translation, for logs and diagnostics; the
	//! adapters show DescribeError (message_catalog.hpp) to people.
	std::string Describe() const {
		if (field.empty()) {
			return message;
		}
		return field + ": " + message;
	}

	static Error Invalid(std::string field, std::string message, MessageParams params = {}) {
		return Error{ErrorCode::kInvalidInput, std::move(field), std::move(message), std::move(params)};
	}
	static Error Make(ErrorCode code, std::string message, MessageParams params = {}) {
		return Error{code, "", std::move(message), std::move(params)};
	}
};

template <typename T>
class [[nodiscard]] Result {
public:
	Result(T value) : state_(std::move(value)) {}
	Result(Error error) : state_(std::move(error)) {}

	bool ok() const { return std::holds_alternative<T>(state_); }
	explicit operator bool() const { return ok(); }

	T &value() & {
		assert(ok() && "value() on an error Result");
		return std::get<T>(state_);
	}
	const T &value() const & {
		assert(ok() && "value() on an error Result");
		return std::get<T>(state_);
	}
	T &&value() && {
		assert(ok() && "value() on an error Result");
		return std::get<T>(std::move(state_));
	}
	T *operator->() { return &value(); }
	const T *operator->() const { return &value(); }
	T &operator*() & { return value(); }
	const T &operator*() const & { return value(); }

	const Error &error() const {
		assert(!ok() && "error() on a success Result");
		return std::get<Error>(state_);
	}

private:
	std::variant<T, Error> state_;
};

//! Result<void>: success carries nothing.
struct Ok {};
using Status = Result<Ok>;
inline Status OkStatus() { return Ok{}; }

namespace result_detail {
inline Error ErrorOf(const Error &error) { return error; }
template <typename T>
Error ErrorOf(const Result<T> &result) {
	return result.error();
}
} // namespace result_detail

} // namespace mamori

//! Evaluates a Result expression; on error returns the error from the
//! enclosing function, otherwise yields the value (moved out). For example:
//!   const Organization org = MAMORI_TRY(store.FindOrganization(id));
//! A GNU statement expression (GCC and Clang), the same tool Abseil's and
//! SerenityOS's TRY use.
#define MAMORI_TRY(expression)                                               \
	({                                                                       \
		auto mamori_try_result_ = (expression);                              \
		if (!mamori_try_result_.ok()) {                                      \
			return ::mamori::result_detail::ErrorOf(mamori_try_result_);     \
		}                                                                    \
		std::move(mamori_try_result_).value();                               \
	})
