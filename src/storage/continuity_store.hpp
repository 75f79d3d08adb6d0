// mamori/storage/continuity_store.hpp
//
// 事業継続 (IT-BCP, issue 9): the firm's IT systems in restoration order and
// what each needs to come back. One area of the Store interface
// (storage/store.hpp); the organisation-scoping rule stated there holds here
// too.
#pragma once

#include "core/common/result.hpp"
#include "storage/records.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mamori::storage {

//! One IT system of the firm and how it is restored.
struct ContinuitySystem {
	Id id = 0;
	Id org_id = 0;
	std::string name;         // システム名
	std::string business;     // 支える業務
	int priority = 1;         // 復旧優先順位: 1 is restored first
	std::string target_time;  // 目標復旧時間, free text
	std::string resources;    // 人・機器・データ・バックアップ
	std::string fallback;     // 停止中の代替手段
	std::string owner;        // 担当者
	std::string created_at;
	std::string updated_at;
};

//! The operating systems and security software the firm uses, kept once so
//! each incident's help sheet starts from them.
struct ItEnvironment {
	Id org_id = 0;
	std::string operating_systems;
	std::string security_software;
	std::string updated_at;  // "" while never saved
};

class ContinuityStore {
public:
	virtual ~ContinuityStore() = default;

	//! In restoration order: priority, name, id.
	virtual Result<std::vector<ContinuitySystem>> ListContinuitySystems(Id org_id) = 0;
	virtual Result<std::optional<ContinuitySystem>> FindContinuitySystem(Id org_id, Id system_id) = 0;
	//! A priority below 1 or an empty name is kInvalidInput.
	virtual Result<Id> CreateContinuitySystem(const ContinuitySystem &system) = 0;
	//! kNotFound unless the system belongs to system.org_id.
	virtual Status UpdateContinuitySystem(const ContinuitySystem &system) = 0;
	virtual Status DeleteContinuitySystem(Id org_id, Id system_id) = 0;

	//! Empty fields while never saved.
	virtual Result<ItEnvironment> GetItEnvironment(Id org_id) = 0;
	virtual Status SaveItEnvironment(const ItEnvironment &environment) = 0;
};

} // namespace mamori::storage
