// mamori/app/documents/subject_documents.cpp
#include "app/documents/subject_documents.hpp"

#include <algorithm>
#include <charconv>
#include <set>

namespace mamori::app {
namespace {

constexpr std::string_view kPartnerPrefix = "partner:";
constexpr std::string_view kServicePrefix = "service:";

Error NoSuchSubject(const std::string &subject) {
	return Error::Make(ErrorCode::kNotFound, "app_partners.subject_unknown", {{"subject", subject}});
}

//! The non-blank lines of a free text (the information handed over).
std::vector<std::string> Lines(const std::string &text) {
	std::vector<std::string> lines;
	size_t start = 0;
	while (start <= text.size()) {
		size_t end = text.find('\n', start);
		if (end == std::string::npos) {
			end = text.size();
		}
		std::string line = text.substr(start, end - start);
		while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
			line.pop_back();
		}
		const size_t first = line.find_first_not_of(" \t");
		if (first != std::string::npos) {
			lines.push_back(line.substr(first));
		}
		start = end + 1;
	}
	return lines;
}

std::string JoinLines(const std::vector<std::string> &lines) {
	std::string joined;
	for (const auto &line : lines) {
		joined += (joined.empty() ? "" : "\n") + line;
	}
	return joined;
}

//! The register's assets with these ids, in register order.
Result<std::vector<storage::Asset>> AssetsOf(AppContext &ctx, const OrgAccess &access, const std::vector<Id> &ids) {
	std::vector<storage::Asset> linked;
	const std::set<Id> wanted(ids.begin(), ids.end());
	for (auto &asset : MAMORI_TRY(ctx.store.ListAssets(access.org.id))) {
		if (wanted.count(asset.id) != 0) {
			linked.push_back(std::move(asset));
		}
	}
	return linked;
}

//! Sets a field only when the template has it and there is something to say.
void Put(const document::DocumentTemplate &tmpl, document::DocumentValues &values, const std::string &field,
         const std::string &value) {
	if (!value.empty() && tmpl.FindField(field) != nullptr) {
		values.fields[field] = value;
	}
}

Result<document::DocumentValues> PartnerValues(AppContext &ctx, const OrgAccess &access,
                                               const document::DocumentTemplate &tmpl, const storage::OutsourcingPartner &partner) {
	document::DocumentValues values;
	const auto assets = MAMORI_TRY(AssetsOf(ctx, access, partner.asset_ids));
	// What is handed over: the free text line by line, then the register's
	// assets not already named there.
	std::vector<std::string> handed = Lines(partner.information);
	std::vector<std::pair<std::string, std::string>> items;  // name, content
	for (const auto &line : handed) {
		items.emplace_back(line, "");
	}
	for (const auto &asset : assets) {
		if (std::find(handed.begin(), handed.end(), asset.name) == handed.end()) {
			handed.push_back(asset.name);
			items.emplace_back(asset.name, asset.note);
		}
	}
	Put(tmpl, values, "party_a", access.org.name);
	Put(tmpl, values, "party_b", partner.name);
	Put(tmpl, values, "partner_name", partner.name);
	Put(tmpl, values, "outsourced_work", partner.work);
	Put(tmpl, values, "handed_information", JoinLines(handed));
	if (const auto *table = tmpl.FindField("confidential_items"); table != nullptr && !items.empty()) {
		document::TableRows rows;
		for (const auto &[name, content] : items) {
			if (static_cast<int>(rows.size()) >= table->max_rows) {
				break;  // the template's slot holds no more; the firm sees the rest in the register
			}
			std::vector<std::string> cells(table->columns.size());
			cells[0] = name;
			if (cells.size() > 1) {
				cells[1] = content;
			}
			rows.push_back(std::move(cells));
		}
		values.tables["confidential_items"] = std::move(rows);
	}
	return values;
}

Result<document::DocumentValues> ServiceValues(AppContext &ctx, const OrgAccess &access,
                                               const document::DocumentTemplate &tmpl, const storage::CloudService &service) {
	document::DocumentValues values;
	std::vector<std::string> names;
	for (const auto &asset : MAMORI_TRY(AssetsOf(ctx, access, service.asset_ids))) {
		names.push_back(asset.name);
	}
	Put(tmpl, values, "service_name", service.name);
	Put(tmpl, values, "provider", service.provider);
	Put(tmpl, values, "business_use", service.purpose);
	Put(tmpl, values, "stored_assets", JoinLines(names));
	return values;
}

} // namespace

std::string PartnerSubject(Id partner_id) {
	return std::string(kPartnerPrefix) + std::to_string(partner_id);
}

std::string ServiceSubject(Id service_id) {
	return std::string(kServicePrefix) + std::to_string(service_id);
}

std::optional<DocumentSubject> ParseSubject(std::string_view subject) {
	DocumentSubject parsed;
	std::string_view digits;
	if (subject.substr(0, kPartnerPrefix.size()) == kPartnerPrefix) {
		parsed.kind = SubjectKind::kPartner;
		digits = subject.substr(kPartnerPrefix.size());
	} else if (subject.substr(0, kServicePrefix.size()) == kServicePrefix) {
		parsed.kind = SubjectKind::kService;
		digits = subject.substr(kServicePrefix.size());
	} else {
		return std::nullopt;
	}
	if (digits.empty() || digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string_view::npos) {
		return std::nullopt;
	}
	std::from_chars(digits.data(), digits.data() + digits.size(), parsed.id);
	if (parsed.id <= 0) {
		return std::nullopt;
	}
	return parsed;
}

std::optional<SubjectKind> SubjectKindOf(std::string_view template_kind) {
	if (template_kind == "outsourcing_nda" || template_kind == "outsourcing_checklist") {
		return SubjectKind::kPartner;
	}
	if (template_kind == "cloud_checklist") {
		return SubjectKind::kService;
	}
	return std::nullopt;
}

Result<document::DocumentValues> SubjectValues(AppContext &ctx, const OrgAccess &access,
                                               const document::DocumentTemplate &tmpl, const std::string &subject) {
	if (subject.empty()) {
		return document::DocumentValues{};
	}
	const auto parsed = ParseSubject(subject);
	const auto takes = SubjectKindOf(tmpl.kind);
	if (!parsed || !takes || parsed->kind != *takes) {
		return NoSuchSubject(subject);
	}
	if (parsed->kind == SubjectKind::kPartner) {
		const auto partner = MAMORI_TRY(ctx.store.FindPartner(access.org.id, parsed->id));
		if (!partner) {
			return NoSuchSubject(subject);
		}
		return PartnerValues(ctx, access, tmpl, *partner);
	}
	const auto service = MAMORI_TRY(ctx.store.FindCloudService(access.org.id, parsed->id));
	if (!service) {
		return NoSuchSubject(subject);
	}
	return ServiceValues(ctx, access, tmpl, *service);
}

Result<std::string> SubjectName(AppContext &ctx, const OrgAccess &access, const std::string &subject) {
	const auto parsed = ParseSubject(subject);
	if (!parsed) {
		return NoSuchSubject(subject);
	}
	if (parsed->kind == SubjectKind::kPartner) {
		const auto partner = MAMORI_TRY(ctx.store.FindPartner(access.org.id, parsed->id));
		if (!partner) {
			return NoSuchSubject(subject);
		}
		return partner->name;
	}
	const auto service = MAMORI_TRY(ctx.store.FindCloudService(access.org.id, parsed->id));
	if (!service) {
		return NoSuchSubject(subject);
	}
	return service->name;
}

document::DocumentValues WithRegisterValues(const document::DocumentValues &entered,
                                            const document::DocumentValues &from_register) {
	document::DocumentValues shown = entered;
	for (const auto &[field, value] : from_register.fields) {
		shown.fields.emplace(field, value);  // an entered value stays
	}
	for (const auto &[field, rows] : from_register.tables) {
		shown.tables.emplace(field, rows);
	}
	return shown;
}

document::DocumentValues WithoutRegisterValues(document::DocumentValues entered,
                                               const document::DocumentValues &from_register) {
	for (const auto &[field, value] : from_register.fields) {
		auto it = entered.fields.find(field);
		if (it != entered.fields.end() && it->second == value) {
			entered.fields.erase(it);
		}
	}
	for (const auto &[field, rows] : from_register.tables) {
		auto it = entered.tables.find(field);
		if (it != entered.tables.end() && it->second == rows) {
			entered.tables.erase(it);
		}
	}
	return entered;
}

} // namespace mamori::app
