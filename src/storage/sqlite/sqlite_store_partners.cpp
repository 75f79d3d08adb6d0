// mamori/storage/sqlite/sqlite_store_partners.cpp
// SqliteStore: outsourcing partners and cloud services with their links to
// the asset register (issue 8, migration 0011).
#include "storage/sqlite/sqlite_store.hpp"

#include "storage/sqlite/sqlite_support.hpp"

namespace mamori::storage {

using namespace sqlite_detail;

namespace {

//! Where one kind of register row keeps its asset links.
struct LinkTable {
	const char *table;   // outsourcing_partner_assets / cloud_service_assets
	const char *column;  // partner_id / service_id
	const char *owners;  // outsourcing_partners / cloud_services
};
constexpr LinkTable kPartnerLinks{"outsourcing_partner_assets", "partner_id", "outsourcing_partners"};
constexpr LinkTable kServiceLinks{"cloud_service_assets", "service_id", "cloud_services"};

//! The links of one row, through the organisation's own assets (scoped like
//! every other query, though the row was already found under org_id).
Result<std::vector<Id>> LinkedAssets(Connection *db, const LinkTable &links, Id org_id, Id owner_id) {
	return QueryAll<Id>(db, std::string("SELECT l.asset_id FROM ") + links.table + " l JOIN assets a ON a.id = l.asset_id " +
	                            "WHERE a.org_id = ? AND l." + links.column + " = ? ORDER BY l.asset_id",
	                    [&](Statement &s) { s.Bind(1, org_id).Bind(2, owner_id); },
	                    [](const Statement &s) -> Result<Id> { return s.ColumnInt64(0); });
}

//! Replaces the links of one row. An asset of another organisation (or none)
//! inserts nothing and is refused, so a link never crosses organisations.
Status ReplaceLinks(Connection *db, const LinkTable &links, Id org_id, Id owner_id, const std::vector<Id> &asset_ids) {
	MAMORI_TRY(Execute(db,
	                   std::string("DELETE FROM ") + links.table + " WHERE " + links.column + " IN (SELECT id FROM " +
	                       links.owners + " WHERE org_id = ? AND id = ?)",
	                   [&](Statement &s) { s.Bind(1, org_id).Bind(2, owner_id); }));
	for (Id asset_id : asset_ids) {
		const int inserted = MAMORI_TRY(Execute(
		    db, std::string("INSERT INTO ") + links.table + "(" + links.column + ", asset_id) SELECT o.id, a.id FROM " +
		            links.owners + " o, assets a WHERE o.org_id = ? AND o.id = ? AND a.org_id = o.org_id AND a.id = ? "
		            "ON CONFLICT DO NOTHING",
		    [&](Statement &s) { s.Bind(1, org_id).Bind(2, owner_id).Bind(3, asset_id); }));
		if (inserted == 0) {
			auto duplicate = MAMORI_TRY(Exists(db,
			                                   std::string("SELECT 1 FROM ") + links.table + " WHERE " + links.column +
			                                       " = ? AND asset_id = ?",
			                                   [&](Statement &s) { s.Bind(1, owner_id).Bind(2, asset_id); }));
			if (!duplicate) {
				return Error::Invalid("asset_ids", "app_partners.asset_unknown", {{"id", std::to_string(asset_id)}});
			}
		}
	}
	return OkStatus();
}

const std::string kPartnerColumns =
    "SELECT id, org_id, name, contact, work, information, contract_start, contract_end, created_at, updated_at "
    "FROM outsourcing_partners ";

Result<OutsourcingPartner> ReadPartner(const Statement &s) {
	OutsourcingPartner partner;
	partner.id = s.ColumnInt64(0);
	partner.org_id = s.ColumnInt64(1);
	partner.name = s.ColumnText(2);
	partner.contact = s.ColumnText(3);
	partner.work = s.ColumnText(4);
	partner.information = s.ColumnText(5);
	partner.contract_start = s.ColumnText(6);
	partner.contract_end = s.ColumnText(7);
	partner.created_at = s.ColumnText(8);
	partner.updated_at = s.ColumnText(9);
	return partner;
}

const std::string kServiceColumns =
    "SELECT id, org_id, name, provider, purpose, administrator, note, created_at, updated_at FROM cloud_services ";

Result<CloudService> ReadService(const Statement &s) {
	CloudService service;
	service.id = s.ColumnInt64(0);
	service.org_id = s.ColumnInt64(1);
	service.name = s.ColumnText(2);
	service.provider = s.ColumnText(3);
	service.purpose = s.ColumnText(4);
	service.administrator = s.ColumnText(5);
	service.note = s.ColumnText(6);
	service.created_at = s.ColumnText(7);
	service.updated_at = s.ColumnText(8);
	return service;
}

//! Rows with their links filled in.
template <typename Row>
Status AddLinks(Connection *db, const LinkTable &links, std::vector<Row> &rows) {
	for (auto &row : rows) {
		row.asset_ids = MAMORI_TRY(LinkedAssets(db, links, row.org_id, row.id));
	}
	return OkStatus();
}

} // namespace

Result<std::vector<OutsourcingPartner>> SqliteStore::ListPartners(Id org_id) {
	ConnectionUse use = Use();
	auto partners = MAMORI_TRY(QueryAll<OutsourcingPartner>(db(), kPartnerColumns + "WHERE org_id = ? ORDER BY name, id",
	                                                       [&](Statement &s) { s.Bind(1, org_id); }, ReadPartner));
	MAMORI_TRY(AddLinks(db(), kPartnerLinks, partners));
	return partners;
}

Result<std::optional<OutsourcingPartner>> SqliteStore::FindPartner(Id org_id, Id partner_id) {
	ConnectionUse use = Use();
	auto partner = MAMORI_TRY(QueryOne<OutsourcingPartner>(db(), kPartnerColumns + "WHERE org_id = ? AND id = ?",
	                                                       [&](Statement &s) { s.Bind(1, org_id).Bind(2, partner_id); },
	                                                       ReadPartner));
	if (partner) {
		partner->asset_ids = MAMORI_TRY(LinkedAssets(db(), kPartnerLinks, org_id, partner->id));
	}
	return partner;
}

Result<Id> SqliteStore::CreatePartner(const OutsourcingPartner &partner) {
	Id id = 0;
	MAMORI_TRY(InTransaction([&]() -> Status {
		id = MAMORI_TRY(Inserted(db(), Execute(db(),
		                                      "INSERT INTO outsourcing_partners(org_id, name, contact, work, information, "
		                                      "contract_start, contract_end, created_at, updated_at) "
		                                      "VALUES (?, ?, ?, ?, ?, ?, ?, " MAMORI_SQL_NOW ", " MAMORI_SQL_NOW ")",
		                                      [&](Statement &s) {
			                                      s.Bind(1, partner.org_id)
			                                          .Bind(2, partner.name)
			                                          .Bind(3, partner.contact)
			                                          .Bind(4, partner.work)
			                                          .Bind(5, partner.information)
			                                          .Bind(6, partner.contract_start)
			                                          .Bind(7, partner.contract_end);
		                                      })));
		return ReplaceLinks(db(), kPartnerLinks, partner.org_id, id, partner.asset_ids);
	}));
	return id;
}

Status SqliteStore::UpdatePartner(const OutsourcingPartner &partner) {
	return InTransaction([&]() -> Status {
		MAMORI_TRY(ExpectChanged(Execute(db(),
		                                 "UPDATE outsourcing_partners SET name = ?, contact = ?, work = ?, information = ?, "
		                                 "contract_start = ?, contract_end = ?, updated_at = " MAMORI_SQL_NOW " "
		                                 "WHERE org_id = ? AND id = ?",
		                                 [&](Statement &s) {
			                                 s.Bind(1, partner.name)
			                                     .Bind(2, partner.contact)
			                                     .Bind(3, partner.work)
			                                     .Bind(4, partner.information)
			                                     .Bind(5, partner.contract_start)
			                                     .Bind(6, partner.contract_end)
			                                     .Bind(7, partner.org_id)
			                                     .Bind(8, partner.id);
		                                 }),
		                         "the outsourcing partner does not exist"));
		return ReplaceLinks(db(), kPartnerLinks, partner.org_id, partner.id, partner.asset_ids);
	});
}

Status SqliteStore::DeletePartner(Id org_id, Id partner_id) {
	return InTransaction([&]() -> Status {
		// Its asset links go with it (ON DELETE CASCADE).
		return ExpectChanged(Execute(db(), "DELETE FROM outsourcing_partners WHERE org_id = ? AND id = ?",
		                             [&](Statement &s) { s.Bind(1, org_id).Bind(2, partner_id); }),
		                     "the outsourcing partner does not exist");
	});
}

Result<std::vector<CloudService>> SqliteStore::ListCloudServices(Id org_id) {
	ConnectionUse use = Use();
	auto services = MAMORI_TRY(QueryAll<CloudService>(db(), kServiceColumns + "WHERE org_id = ? ORDER BY name, id",
	                                                  [&](Statement &s) { s.Bind(1, org_id); }, ReadService));
	MAMORI_TRY(AddLinks(db(), kServiceLinks, services));
	return services;
}

Result<std::optional<CloudService>> SqliteStore::FindCloudService(Id org_id, Id service_id) {
	ConnectionUse use = Use();
	auto service = MAMORI_TRY(QueryOne<CloudService>(db(), kServiceColumns + "WHERE org_id = ? AND id = ?",
	                                                 [&](Statement &s) { s.Bind(1, org_id).Bind(2, service_id); },
	                                                 ReadService));
	if (service) {
		service->asset_ids = MAMORI_TRY(LinkedAssets(db(), kServiceLinks, org_id, service->id));
	}
	return service;
}

Result<Id> SqliteStore::CreateCloudService(const CloudService &service) {
	Id id = 0;
	MAMORI_TRY(InTransaction([&]() -> Status {
		id = MAMORI_TRY(Inserted(db(), Execute(db(),
		                                      "INSERT INTO cloud_services(org_id, name, provider, purpose, administrator, "
		                                      "note, created_at, updated_at) "
		                                      "VALUES (?, ?, ?, ?, ?, ?, " MAMORI_SQL_NOW ", " MAMORI_SQL_NOW ")",
		                                      [&](Statement &s) {
			                                      s.Bind(1, service.org_id)
			                                          .Bind(2, service.name)
			                                          .Bind(3, service.provider)
			                                          .Bind(4, service.purpose)
			                                          .Bind(5, service.administrator)
			                                          .Bind(6, service.note);
		                                      })));
		return ReplaceLinks(db(), kServiceLinks, service.org_id, id, service.asset_ids);
	}));
	return id;
}

Status SqliteStore::UpdateCloudService(const CloudService &service) {
	return InTransaction([&]() -> Status {
		MAMORI_TRY(ExpectChanged(Execute(db(),
		                                 "UPDATE cloud_services SET name = ?, provider = ?, purpose = ?, administrator = ?, "
		                                 "note = ?, updated_at = " MAMORI_SQL_NOW " WHERE org_id = ? AND id = ?",
		                                 [&](Statement &s) {
			                                 s.Bind(1, service.name)
			                                     .Bind(2, service.provider)
			                                     .Bind(3, service.purpose)
			                                     .Bind(4, service.administrator)
			                                     .Bind(5, service.note)
			                                     .Bind(6, service.org_id)
			                                     .Bind(7, service.id);
		                                 }),
		                         "the cloud service does not exist"));
		return ReplaceLinks(db(), kServiceLinks, service.org_id, service.id, service.asset_ids);
	});
}

Status SqliteStore::DeleteCloudService(Id org_id, Id service_id) {
	return InTransaction([&]() -> Status {
		return ExpectChanged(Execute(db(), "DELETE FROM cloud_services WHERE org_id = ? AND id = ?",
		                             [&](Statement &s) { s.Bind(1, org_id).Bind(2, service_id); }),
		                     "the cloud service does not exist");
	});
}

Result<int> SqliteStore::DeleteSubjectDocuments(Id org_id, const std::string &subject) {
	ConnectionUse use = Use();
	if (subject.empty()) {
		// '' is the documents without a subject: never deleted this way.
		return Error::Invalid("subject", "app_partners.subject_required");
	}
	// Revisions and read confirmations go with them (ON DELETE CASCADE).
	return Execute(db(), "DELETE FROM documents WHERE org_id = ? AND subject = ?",
	               [&](Statement &s) { s.Bind(1, org_id).Bind(2, subject); });
}

} // namespace mamori::storage
