// mamori/tests/unit/storage/store_contract.hpp
//
// The behaviour every Store backend must show, written against the Store
// interface only (storage/store.hpp). The TEST_P cases live in
// store_contract_*_test.cpp; a backend joins by instantiating the suite with
// its StoreBackend (storage/sqlite/sqlite_contract_test.cpp does it for
// SQLite, storage/postgres/postgres_contract_test.cpp for PostgreSQL). Checks that need
// to look below the interface (schema constraints, migrations) belong in that
// backend's own folder, not here.
#pragma once

#include "storage/store.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>

namespace mamori::storage {

//! How the contract opens stores of one backend.
struct StoreBackend {
	std::string name;
	//! A new, empty, fully migrated store; `dir` is a fresh folder the backend
	//! may keep files in for the test's lifetime.
	std::function<Result<std::unique_ptr<Store>>(const std::filesystem::path &dir)> open_fresh;
	//! Opens what BackupTo(path) wrote, to check the copy is a usable store;
	//! empty for a backend whose BackupTo refuses (PostgreSQL: pg_dump).
	std::function<Result<std::unique_ptr<Store>>(const std::string &path)> open_backup;
	//! Empty when the backend can run here; otherwise why its tests are skipped
	//! (PostgreSQL without MAMORI_TEST_PG_URL).
	std::string unavailable;
	//! A second store on the database the last open_fresh(dir) made, as another server
	//! process on it would open it.
	std::function<Result<std::unique_ptr<Store>>(const std::filesystem::path &dir)> open_again;
};

inline void PrintTo(const StoreBackend &backend, std::ostream *out) { *out << backend.name; }

class StoreContract : public ::testing::TestWithParam<StoreBackend> {
protected:
	void SetUp() override;

	Id MakeOrg(const std::string &name);
	//! The display name is "担当 " + email, so joins can be checked.
	Id MakeUser(const std::string &email);
	Id MakeRound(Id org_id);
	Id MakeAsset(Id org_id, const std::string &name);

	static Asset SampleAsset(Id org_id, const std::string &name);
	//! A session of `user_id` started at `created_at`, live until 2025-04-01T18:00:00Z; its CSRF
	//! token is "csrf-" + hash.
	static Session SampleSignInSession(const std::string &hash, Id user_id, const std::string &created_at);
	static RiskTreatment SampleTreatment(Id org_id, Id asset_id, const std::string &threat_id);
	//! Every stored column of an asset but its id.
	static void ExpectSameAsset(const Asset &got, const Asset &want);

	testing_support::TempDir dir_{"store"};
	std::unique_ptr<Store> store_;
};

} // namespace mamori::storage
