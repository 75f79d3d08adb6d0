// mamori/core/catalog/edition.cpp
#include "core/catalog/edition.hpp"

namespace mamori {

const SelfcheckItem *Edition::FindItem(int number) const {
	for (const auto &item : selfcheck_items) {
		if (item.number == number) {
			return &item;
		}
	}
	return nullptr;
}

template <typename T>
static const T *FindById(const std::vector<T> &entries, const std::string &id) {
	for (const auto &entry : entries) {
		if (entry.id == id) {
			return &entry;
		}
	}
	return nullptr;
}

const RiskMedium *RiskCatalog::FindMedium(const std::string &id) const { return FindById(media, id); }

const RiskThreat *RiskCatalog::FindThreat(const std::string &id) const {
	for (const auto &medium : media) {
		if (const RiskThreat *threat = FindById(medium.threats, id)) {
			return threat;
		}
	}
	return nullptr;
}

const CheckItem *RiskCatalog::FindCheckItem(const std::string &id) const { return FindById(check_items, id); }

const ControlCategory *RiskCatalog::FindCategory(const std::string &id) const { return FindById(categories, id); }

const SmeIndustryLimit *SmeCriteria::Find(const std::string &industry) const {
	for (const auto &limit : industries) {
		if (limit.industry == industry) {
			return &limit;
		}
	}
	return nullptr;
}

std::string SmeCriteria::IndustryNames() const {
	std::string names;
	for (const auto &limit : industries) {
		names += (names.empty() ? "" : ", ") + limit.industry;
	}
	return names;
}

const Edition *Catalog::FindEdition(const std::string &id) const {
	auto found = editions.find(id);
	return found == editions.end() ? nullptr : &found->second;
}

} // namespace mamori

namespace mamori {

const document::DocumentTemplate *Edition::FindDocumentTemplate(std::string_view id) const {
	for (const auto &tmpl : document_templates) {
		if (tmpl.id == id) {
			return &tmpl;
		}
	}
	return nullptr;
}

} // namespace mamori
