// mamori/platform/shared_library.hpp
//
// A library opened when a feature first needs it, not when mamori starts. Every library the
// binary is linked with is mapped and relocated before main, with all of its own dependencies:
// libpq (Kerberos, LDAP, GnuTLS...), libcurl and pango/cairo (fontconfig, harfbuzz, X11...)
// brought some sixty libraries and half of a cold start that needs none of them on SQLite
// (issue 11). Their headers still give every function its type; only the address is found late.
#pragma once

#include "core/common/result.hpp"

#include <string>

namespace mamori::platform {

class SharedLibrary {
public:
	//! Opens the library by its SONAME (e.g. "libpq.so.5", fixed by the build). It stays loaded
	//! until the process ends, as a linked library would.
	static Result<SharedLibrary> Open(const char *soname);

	//! The address of the library's function `name`, as type F (a pointer to that function).
	template <typename F>
	Result<F> Function(const char *name) const {
		auto address = Symbol(name);
		if (!address) {
			return address.error();
		}
		return reinterpret_cast<F>(*address);
	}

private:
	SharedLibrary(void *handle, std::string soname) : handle_(handle), soname_(std::move(soname)) {}
	Result<void *> Symbol(const char *name) const;

	void *handle_;
	std::string soname_;
};

//! A table of a library's functions, found by `Find` on the first call of Load and kept for the
//! process, a failure too (a package does not appear while mamori runs).
template <typename Table, Result<Table> (*Find)()>
class FunctionsFoundOnce {
public:
	static Result<const Table *> Load() {
		const Result<Table> &found = Found();
		if (!found) {
			return found.error();
		}
		return &found.value();
	}
	//! The table, once Load has succeeded.
	static const Table &Get() { return Found().value(); }

private:
	static const Result<Table> &Found() {
		static const Result<Table> found = Find();
		return found;
	}
};

} // namespace mamori::platform

//! In a function returning a Result: sets the field of `table` named as the function `name` to
//! its address in `library`, typed by the function's own declaration.
#define MAMORI_FIND_FUNCTION(library, table, name) \
	(table).name = MAMORI_TRY((library).Function<decltype(&::name)>(#name));
