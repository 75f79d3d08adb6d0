// mamori/app/records.hpp
//
// The stored records the use cases hand to their callers, under app/'s own
// names, so that adapters (web/, cli/) depend on app/ and not on storage/.
#pragma once

#include "storage/store.hpp"

namespace mamori::app {

using storage::AnswerReview;
using storage::Asset;
using storage::Department;
using storage::FiveArticleStatus;
using storage::Organization;
using storage::RiskTreatment;
using storage::Role;
using storage::SelfcheckResponse;
using storage::SelfcheckRound;
//! The store itself, opened by the program's entry point (cli/) and handed to adapters.
using storage::Store;

using storage::ParseRoleName;
using storage::RoleName;

} // namespace mamori::app
