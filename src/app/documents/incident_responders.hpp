// mamori/app/documents/incident_responders.hpp
//
// Who answers the phone when something happens, as the もしもマニュアル and
// the emergency card print it: the 管理体制 (governance document) names a
// person per role, and its table of contacts gives that person's phone and
// e-mail. The one source, so the manual never names someone the 管理体制
// does not.
#pragma once

#include "app/documents/document_words.hpp"
#include "core/document/document_values.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace mamori::app {

struct Responder {
	std::string name;   // "" while the role is unassigned
	std::string phone;  // "" when the contacts table does not list it
	std::string email;
};

struct ResponseTeam {
	std::map<std::string, Responder> by_role;     // 管理体制 role id → responder
	document::TableRows external_contacts;        // 社外の緊急連絡先, as the firm entered them
	const document::FieldSpec *external_contacts_field = nullptr;  // its columns
	std::string alternative_channel;              // メールが使えないときの連絡手段
	std::optional<storage::StoredDocument> governance;  // nullopt while the 管理体制 was never saved

	//! The responder for a role of the incident rules (a damage-level lead or
	//! a procedure actor); an empty one when the role has nobody.
	Responder For(std::string_view incident_role) const;
};

Result<ResponseTeam> ResponseTeamOf(AppContext &ctx, const OrgAccess &access);

//! Cells that print a blank (【電話】) where the 管理体制 has nothing yet.
document::Line NameCell(const DocumentWords &words, const Responder &responder, const std::string &role_label);
document::Line PhoneCell(const DocumentWords &words, const Responder &responder);
document::Line EmailCell(const DocumentWords &words, const Responder &responder);

} // namespace mamori::app
