// mamori/platform/shared_library.cpp
#include "platform/shared_library.hpp"

#include <dlfcn.h>

namespace mamori::platform {

namespace {

std::string LastLoaderError() {
	const char *text = ::dlerror();
	return text != nullptr ? text : "unknown error";
}

} // namespace

Result<SharedLibrary> SharedLibrary::Open(const char *soname) {
	// RTLD_NOW: a missing function shows here, at the first use, not halfway through a document.
	void *handle = ::dlopen(soname, RTLD_NOW | RTLD_LOCAL);
	if (handle == nullptr) {
		return Error::Make(ErrorCode::kInternal, std::string("cannot load the shared library ") + soname + " (" +
		                                             LastLoaderError() + "); is its Debian package installed?");
	}
	return SharedLibrary(handle, soname);
}

Result<void *> SharedLibrary::Symbol(const char *name) const {
	::dlerror();  // clear an earlier error, so a null address is told apart from a failure
	void *address = ::dlsym(handle_, name);
	if (address == nullptr) {
		return Error::Make(ErrorCode::kInternal,
		                   "the shared library " + soname_ + " has no function " + name + " (" + LastLoaderError() + ")");
	}
	return address;
}

} // namespace mamori::platform
