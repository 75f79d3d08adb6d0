// mamori/storage/sqlite/sqlite_store_transfer.cpp
//
// The hand-over package's side of the store (transfer_store.hpp): the work is
// in storage/transfer/, which knows the schema; this file gives it the
// connection, the lock and the accounts.
#include "storage/sqlite/sqlite_store.hpp"

#include "storage/sqlite/sqlite_support.hpp"
#include "storage/transfer/organization_rows.hpp"
#include "storage/transfer/package_schema.hpp"

namespace mamori::storage {

using namespace sqlite_detail;

Result<const transfer::SchemaModel *> SqliteStore::TransferModel() {
	std::lock_guard lock(transfer_model_mutex_);
	if (!transfer_model_) {
		transfer::SchemaModel model = MAMORI_TRY(transfer::CurrentSchemaModel(sqlite_migrations_dir_));
		transfer_model_ = std::make_unique<transfer::SchemaModel>(std::move(model));
	}
	return transfer_model_.get();
}

Result<mamori::transfer::OrganizationData> SqliteStore::ReadOrganizationData(Id org_id) {
	ConnectionUse use = Use();
	const transfer::SchemaModel *model = MAMORI_TRY(TransferModel());
	return transfer::ReadOrganizationRows(*db(), *model, org_id);
}

Result<Id> SqliteStore::WriteOrganizationData(const mamori::transfer::OrganizationData &data,
                                              std::optional<Id> replace_org) {
	ConnectionUse use = Use();
	const mamori::transfer::OrganizationData upgraded =
	    MAMORI_TRY(transfer::UpgradeOrganizationData(data, sqlite_migrations_dir_));
	const transfer::SchemaModel *model = MAMORI_TRY(TransferModel());
	const transfer::PersonResolver people = [this](const transfer::PackagePerson &person) -> Result<std::int64_t> {
		if (auto known = MAMORI_TRY(FindUserByEmail(person.email))) {
			return known->id;
		}
		User user;
		user.email = person.email;
		user.display_name = person.display_name;
		return CreateUser(user);
	};
	Result<Id> written = Id{0};
	MAMORI_TRY(InTransaction([&]() -> Status {
		written = transfer::WriteOrganizationRows(*db(), *model, upgraded, replace_org, people);
		return written ? OkStatus() : Status(written.error());
	}));
	return written;
}

} // namespace mamori::storage
