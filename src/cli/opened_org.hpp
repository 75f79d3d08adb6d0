// mamori/cli/opened_org.hpp
//
// The opening steps of every command that acts on one organisation's stored
// data as one of its members (--db, --org, --as): the same rights that member
// has in the web app, and "not found" for an organisation they have no role in.
#pragma once

#include "app/app_context.hpp"
#include "app/organizations.hpp"
#include "cli/args.hpp"
#include "core/catalog/catalogs.hpp"
#include "storage/store.hpp"

#include <memory>

namespace mamori::cli {

struct OpenedOrg {
	Catalogs catalogs;
	std::unique_ptr<storage::Store> store;
	app::Actor actor;
	app::OrgAccess access;

	app::AppContext Context() { return app::AppContext{catalogs.Default(), *store, &catalogs}; }
};

//! The store --db names, which must be given and exist: opening a missing
//! SQLite file would create an empty database, which every command would then
//! read as "nothing there" (an audit chain of 0 entries verifies as intact).
Result<std::unique_ptr<storage::Store>> OpenExistingStore(const ParsedArgs &parsed);

Result<OpenedOrg> OpenOrganization(const ParsedArgs &parsed);

//! The same without an organisation (--db, --as): `access` stays empty, for
//! commands that act as a user before there is an organisation to act in.
Result<OpenedOrg> OpenAsUser(const ParsedArgs &parsed);

//! Writes a file of the organisation's data to `path`, recording the export (data.export, who,
//! what, when) in the audit log first: the command line's side of web/audited_download.hpp.
Status WriteAuditedExport(OpenedOrg &opened, const std::string &path, const std::string &bytes);

} // namespace mamori::cli
