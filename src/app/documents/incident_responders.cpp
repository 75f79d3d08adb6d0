// mamori/app/documents/incident_responders.cpp
#include "app/documents/incident_responders.hpp"

#include "app/documents/document_editing.hpp"

namespace mamori::app {
namespace {

//! The incident rules (content/incident/) name the system administrator and
//! the department manager by shorter ids than the 管理体制 does; the other
//! roles share their ids. Kept here, because only these documents join the two.
std::string GovernanceRoleOf(std::string_view incident_role) {
	if (incident_role == "system_admin") {
		return "system_administrator";
	}
	if (incident_role == "security_department_manager") {
		return "department_manager";
	}
	return std::string(incident_role);
}

//! The index of a column of a table field, or nullopt.
std::optional<size_t> ColumnOf(const document::FieldSpec *field, std::string_view id) {
	if (field == nullptr) {
		return std::nullopt;
	}
	for (size_t i = 0; i < field->columns.size(); ++i) {
		if (field->columns[i].id == id) {
			return i;
		}
	}
	return std::nullopt;
}

std::string Cell(const std::vector<std::string> &row, std::optional<size_t> column) {
	return column && *column < row.size() ? row[*column] : std::string();
}

//! A person's phone and e-mail from the 社内の連絡先 table, found by name.
void AddContact(const document::DocumentTemplate &governance, const document::DocumentValues &values,
                Responder &responder) {
	const auto rows = values.tables.find("contacts");
	if (rows == values.tables.end()) {
		return;
	}
	const document::FieldSpec *table = governance.FindField("contacts");
	const auto name = ColumnOf(table, "name");
	for (const auto &row : rows->second) {
		if (!responder.name.empty() && Cell(row, name) == responder.name) {
			responder.phone = Cell(row, ColumnOf(table, "phone"));
			responder.email = Cell(row, ColumnOf(table, "email"));
			return;
		}
	}
}

document::Line ValueOrBlank(const DocumentWords &words, const std::string &value, const std::string &label) {
	return value.empty() ? document::TextLine(words("documents.frame.blank", {{"label", label}}), document::SpanKind::kBlank)
	                     : document::TextLine(value, document::SpanKind::kValue);
}

} // namespace

Responder ResponseTeam::For(std::string_view incident_role) const {
	auto found = by_role.find(GovernanceRoleOf(incident_role));
	return found == by_role.end() ? Responder{} : found->second;
}

Result<ResponseTeam> ResponseTeamOf(AppContext &ctx, const OrgAccess &access) {
	ResponseTeam team;
	auto opened = OpenDocument(ctx, access, "governance");
	if (!opened) {
		if (opened.error().code == ErrorCode::kNotFound) {
			return team;  // an edition without a 管理体制: every role prints as a blank
		}
		return opened.error();
	}
	team.governance = opened->stored;
	for (const auto &[role, name] : MAMORI_TRY(RoleHolders(ctx, access))) {
		Responder responder{name, "", ""};
		AddContact(*opened->tmpl, opened->values, responder);
		team.by_role.emplace(role, std::move(responder));
	}
	if (auto rows = opened->values.tables.find("external_contacts"); rows != opened->values.tables.end()) {
		team.external_contacts = rows->second;
		team.external_contacts_field = opened->tmpl->FindField("external_contacts");
	}
	if (auto channel = opened->values.fields.find("alternative_channel"); channel != opened->values.fields.end()) {
		team.alternative_channel = channel->second;
	}
	return team;
}

document::Line NameCell(const DocumentWords &words, const Responder &responder, const std::string &role_label) {
	return ValueOrBlank(words, responder.name, role_label);
}

document::Line PhoneCell(const DocumentWords &words, const Responder &responder) {
	return ValueOrBlank(words, responder.phone, words("incident_documents.phone"));
}

document::Line EmailCell(const DocumentWords &words, const Responder &responder) {
	return ValueOrBlank(words, responder.email, words("incident_documents.email"));
}

} // namespace mamori::app
