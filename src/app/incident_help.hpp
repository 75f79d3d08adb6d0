// mamori/app/incident_help.hpp
//
// 「事前に情報を整理しましょう」 (Tokyo handbook 6-1): before phoning IPA, the
// police or a security company, have seven answers ready. mamori drafts them
// from what the firm already keeps (the report, the timeline, the register's
// media, the cloud-service register, the IT environment), so the call takes
// minutes; the 責任者 corrects the draft and saves it with the incident.
#pragma once

#include "app/app_context.hpp"
#include "app/documents/document_words.hpp"
#include "app/organizations.hpp"
#include "storage/continuity_store.hpp"
#include "storage/incident_store.hpp"

#include <string>
#include <vector>

namespace mamori::app {

//! What the draft is made from, gathered by LoadHelpSheet.
struct HelpSheetSources {
	storage::Incident incident;
	std::vector<storage::IncidentEvent> events;
	std::vector<std::string> media;           // 媒体・保存先 names in the register, each once
	std::vector<std::string> cloud_services;  // "name (provider)"
	storage::ItEnvironment environment;
};

//! The sheet drafted from the firm's data, in the language of `words`.
//! Pure: the same sources give the same sheet.
storage::IncidentHelpSheet DraftHelpSheet(const DocumentWords &words, const HelpSheetSources &sources);

struct HelpSheetView {
	storage::IncidentHelpSheet sheet;
	bool saved = false;  // false: the draft, never saved yet
};

//! The saved sheet, or the draft. Only those who see every incident (the
//! 責任者, 組織管理者 and 経営者) get it; others 403; another firm's 404.
Result<HelpSheetView> LoadHelpSheet(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                                    const DocumentWords &words, Id incident_id);

//! Saves the 責任者's sheet on an open incident (closed: 409), with a
//! timeline entry and an audit entry in the same transaction. Errors name
//! the field (devices, operating_systems, …).
Status SaveHelpSheet(AppContext &ctx, const Actor &actor, const OrgAccess &access, storage::IncidentHelpSheet sheet);

//! The firm's operating systems and security software (shown on the
//! 事業継続 page), from which every sheet starts.
Result<storage::ItEnvironment> LoadItEnvironment(AppContext &ctx, const OrgAccess &access);
Status SaveItEnvironment(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                         storage::ItEnvironment environment);

} // namespace mamori::app
