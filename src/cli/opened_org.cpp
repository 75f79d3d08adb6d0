// mamori/cli/opened_org.cpp
#include "cli/opened_org.hpp"

#include "app/accounts.hpp"
#include "app/audit.hpp"
#include "platform/files.hpp"
#include "storage/open_store.hpp"

#include <filesystem>

namespace mamori::cli {

Result<std::unique_ptr<storage::Store>> OpenExistingStore(const ParsedArgs &parsed) {
	if (!parsed.Has("db")) {
		return Error::Invalid("--db", "cli.errors.db_required");
	}
	if (!storage::StoreExists(parsed.Value("db"))) {
		return Error::Invalid("--db", "cli.errors.db_not_found", {{"path", parsed.Value("db")}});
	}
	return storage::OpenStore(parsed.Value("db"));
}

Result<OpenedOrg> OpenOrganization(const ParsedArgs &parsed) {
	if (!parsed.Has("db")) {
		return Error::Invalid("--db", "cli.errors.db_required");
	}
	if (!storage::StoreExists(parsed.Value("db"))) {
		return Error::Invalid("--db", "cli.errors.db_not_found", {{"path", parsed.Value("db")}});
	}
	if (!parsed.Has("as")) {
		return Error::Invalid("--as", "cli.errors.as_required");
	}
	const std::string org_text = parsed.Value("org");
	if (org_text.empty() || org_text.find_first_not_of("0123456789") != std::string::npos || org_text.size() > 18) {
		return Error::Invalid("--org", "cli.errors.org_required");
	}
	auto content_dir = platform::LocateResourceDir("content");
	if (!content_dir) {
		return content_dir.error();
	}
	auto catalogs = platform::LoadCatalogs(*content_dir);
	if (!catalogs) {
		return catalogs.error();
	}
	auto store = storage::OpenStore(parsed.Value("db"));
	if (!store) {
		return store.error();
	}
	OpenedOrg opened{std::move(catalogs.value()), std::move(store.value()), {}, {}};
	app::AppContext ctx{opened.catalogs.Default(), *opened.store, &opened.catalogs};
	auto user = ctx.store.FindUserByEmail(app::NormalizeEmail(parsed.Value("as")));
	if (!user) {
		return user.error();
	}
	if (!user->has_value()) {
		return Error::Invalid("--as", "cli.errors.as_unknown");
	}
	opened.actor = app::Actor{(*user)->id, (*user)->email, (*user)->is_admin};
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
