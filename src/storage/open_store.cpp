// mamori/storage/open_store.cpp
#include "storage/open_store.hpp"

#include "platform/files.hpp"
#include "storage/sqlite/sqlite_store.hpp"

#include <cctype>
#include <string_view>

namespace mamori::storage {

namespace {

//! The scheme of "scheme:rest" (lower-cased), or empty when url has none. A
//! scheme is letters, digits, '+', '-', '.' starting with a letter (RFC 3986),
//! at least two characters long so a Windows drive letter ("C:\db") stays a path.
std::string SchemeOf(std::string_view url) {
	const size_t colon = url.find(':');
	if (colon == std::string_view::npos || colon < 2 || !std::isalpha(static_cast<unsigned char>(url[0]))) {
		return "";
	}
	std::string scheme;
	for (char c : url.substr(0, colon)) {
		const auto u = static_cast<unsigned char>(c);
		if (!std::isalnum(u) && c != '+' && c != '-' && c != '.') {
			return "";
		}
		scheme += static_cast<char>(std::tolower(u));
	}
	return scheme;
}

} // namespace

Result<StoreUrl> ParseStoreUrl(const std::string &url) {
	if (url.empty()) {
		return Error::Invalid("db", "errors.store.url_empty");
	}
	const std::string scheme = SchemeOf(url);
	if (scheme.empty()) {
		return StoreUrl{StoreUrl::Backend::kSqlite, url};
	}
	if (scheme == "sqlite") {
		std::string_view path = std::string_view(url).substr(scheme.size() + 1);
		if (path.substr(0, 2) == "//") {
			path.remove_prefix(2);
		}
		if (path.empty()) {
			return Error::Invalid("db", "errors.store.sqlite_no_file");
		}
		return StoreUrl{StoreUrl::Backend::kSqlite, std::string(path)};
	}
	if ((scheme == "postgresql" || scheme == "postgres") && url.compare(scheme.size(), 3, "://") == 0) {
		return StoreUrl{StoreUrl::Backend::kPostgres, url};
	}
	return Error::Invalid("db", "errors.store.scheme_unknown", {{"scheme", scheme}});
}

bool StoreExists(const std::string &url) {
	auto parsed = ParseStoreUrl(url);
	if (!parsed) {
		return false;
	}
	return parsed->backend == StoreUrl::Backend::kPostgres || platform::FileExists(parsed->target);
}

Result<std::unique_ptr<Store>> OpenStore(const std::string &url, const std::string &migrations_root) {
	auto parsed = ParseStoreUrl(url);
	if (!parsed) {
		return parsed.error();
	}
	switch (parsed->backend) {
	case StoreUrl::Backend::kSqlite: {
		auto store = SqliteStore::Open(parsed->target, migrations_root + "/sqlite");
		if (!store) {
			return store.error();
		}
		return std::unique_ptr<Store>(std::move(store).value());
	}
	case StoreUrl::Backend::kPostgres: {
		auto store = SqliteStore::OpenPostgres(parsed->target, migrations_root + "/postgresql");
		if (!store) {
			return store.error();
		}
		return std::unique_ptr<Store>(std::move(store).value());
	}
	}
	return Error::Make(ErrorCode::kInternal, "unhandled store backend");
}

Result<std::unique_ptr<Store>> OpenStore(const std::string &url) {
	// Parse first, so a bad URL is reported as such even when migrations/ is missing.
	if (auto parsed = ParseStoreUrl(url); !parsed) {
		return parsed.error();
	}
	auto migrations_root = platform::LocateResourceDir("migrations");
	if (!migrations_root) {
		return migrations_root.error();
	}
	return OpenStore(url, *migrations_root);
}

} // namespace mamori::storage
