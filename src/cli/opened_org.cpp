// mamori/cli/opened_org.cpp
#include "cli/opened_org.hpp"

#include "app/accounts.hpp"
#include "app/audit.hpp"
#include "platform/files.hpp"
#include "storage/open_store.hpp"

#include <filesystem>

namespace mamori::cli {

namespace {

Status CheckStoreExists(const ParsedArgs &parsed) {
	if (!parsed.Has("db")) {
		return Error::Invalid("--db", "cli.errors.db_required");
	}
	if (!storage::StoreExists(parsed.Value("db"))) {
		return Error::Invalid("--db", "cli.errors.db_not_found", {{"path", parsed.Value("db")}});
	}
	return OkStatus();
}

//! Opens the store and finds the --as user; with `org_text`, checks its form
//! before anything is loaded (the order of the errors the CLI tests see).
Result<OpenedOrg> OpenAs(const ParsedArgs &parsed, const std::string *org_text) {
	MAMORI_TRY(CheckStoreExists(parsed));
	if (!parsed.Has("as")) {
		return Error::Invalid("--as", "cli.errors.as_required");
	}
	if (org_text != nullptr &&
	    (org_text->empty() || org_text->find_first_not_of("0123456789") != std::string::npos || org_text->size() > 18)) {
		return Error::Invalid("--org", "cli.errors.org_required");
	}
	const std::string content_dir = MAMORI_TRY(platform::LocateResourceDir("content"));
	Catalogs catalogs = MAMORI_TRY(platform::LoadCatalogs(content_dir));
	std::unique_ptr<storage::Store> store = MAMORI_TRY(storage::OpenStore(parsed.Value("db")));
	OpenedOrg opened{std::move(catalogs), std::move(store), {}, {}};
	auto user = MAMORI_TRY(opened.store->FindUserByEmail(app::NormalizeEmail(parsed.Value("as"))));
	if (!user.has_value()) {
		return Error::Invalid("--as", "cli.errors.as_unknown");
	}
	opened.actor = app::Actor{user->id, user->email, user->is_admin};
	return opened;
}

} // namespace

Result<std::unique_ptr<storage::Store>> OpenExistingStore(const ParsedArgs &parsed) {
	MAMORI_TRY(CheckStoreExists(parsed));
	return storage::OpenStore(parsed.Value("db"));
}

Result<OpenedOrg> OpenAsUser(const ParsedArgs &parsed) { return OpenAs(parsed, nullptr); }

Result<OpenedOrg> OpenOrganization(const ParsedArgs &parsed) {
	const std::string org_text = parsed.Value("org");
	OpenedOrg opened = MAMORI_TRY(OpenAs(parsed, &org_text));
	app::AppContext ctx = opened.Context();
	auto access = app::AccessOrganization(ctx, opened.actor.user_id, std::stoll(org_text));
	if (!access) {
		Error error = access.error();
		error.field = "--org";
		return error;
	}
	opened.access = *access;
	return opened;
}

Status WriteAuditedExport(OpenedOrg &opened, const std::string &path, const std::string &bytes) {
	app::AppContext ctx = opened.Context();
	const std::string name = std::filesystem::path(path).filename().string();
	if (auto audited = app::AuditDownload(ctx, opened.actor, opened.access, name, {{"file", path}}); !audited) {
		return audited;
	}
	if (auto written = platform::WriteWholeFile(path, bytes); !written) {
		Error error = written.error();
		error.field = "--out";
		return error;
	}
	return OkStatus();
}

} // namespace mamori::cli
