// mamori/storage/partner_store.hpp
//
// The register of outsourcing partners (委託管理, 付録5 §9) and of the cloud
// services the firm uses (付録6, 表9), each linked to assets of the
// 情報資産管理台帳 (issue 8). One area of the Store interface
// (storage/store.hpp); the organisation-scoping rule stated there holds here
// too. The rows live here rather than in records.hpp because nothing else
// uses them.
#pragma once

#include "core/common/result.hpp"
#include "storage/records.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mamori::storage {

//! A company the firm hands work (and information) to.
struct OutsourcingPartner {
	Id id = 0;
	Id org_id = 0;
	std::string name;            // 委託先の名称
	std::string contact;         // 代表者・所在地・連絡先
	std::string work;            // 委託する業務
	std::string information;     // 渡す情報, one item a line
	std::string contract_start;  // YYYY-MM-DD or ""
	std::string contract_end;    // YYYY-MM-DD or ""
	std::vector<Id> asset_ids;   // register assets handed over, ascending
	std::string created_at;
	std::string updated_at;
};

//! A cloud service the firm uses (社外サービス).
struct CloudService {
	Id id = 0;
	Id org_id = 0;
	std::string name;
	std::string provider;       // 提供事業者
	std::string purpose;        // 利用する業務
	std::string administrator;  // アカウント管理者
	std::string note;
	std::vector<Id> asset_ids;  // register assets stored in it, ascending
	std::string created_at;
	std::string updated_at;
};

class PartnerStore {
public:
	virtual ~PartnerStore() = default;

	//! Ordered by name, id.
	virtual Result<std::vector<OutsourcingPartner>> ListPartners(Id org_id) = 0;
	virtual Result<std::optional<OutsourcingPartner>> FindPartner(Id org_id, Id partner_id) = 0;
	//! Every asset id must be an asset of partner.org_id (else kInvalidInput,
	//! field "asset_ids"); the links are replaced with asset_ids.
	virtual Result<Id> CreatePartner(const OutsourcingPartner &partner) = 0;
	//! kNotFound unless the partner belongs to partner.org_id.
	virtual Status UpdatePartner(const OutsourcingPartner &partner) = 0;
	virtual Status DeletePartner(Id org_id, Id partner_id) = 0;

	//! Ordered by name, id. The same rules as partners.
	virtual Result<std::vector<CloudService>> ListCloudServices(Id org_id) = 0;
	virtual Result<std::optional<CloudService>> FindCloudService(Id org_id, Id service_id) = 0;
	virtual Result<Id> CreateCloudService(const CloudService &service) = 0;
	virtual Status UpdateCloudService(const CloudService &service) = 0;
	virtual Status DeleteCloudService(Id org_id, Id service_id) = 0;

	//! Deletes the organisation's documents about one subject (every
	//! template, with their revisions); returns how many went.
	virtual Result<int> DeleteSubjectDocuments(Id org_id, const std::string &subject) = 0;
};

} // namespace mamori::storage
