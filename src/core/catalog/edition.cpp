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

const SmeIndustryLimit *SmeCriteria::Find(const std::string &industry) const {
	for (const auto &limit : industries) {
		if (limit.industry == industry) {
			return &limit;
		}
	}
	return nullptr;
}

const Edition *Catalog::FindEdition(const std::string &id) const {
	auto found = editions.find(id);
	return found == editions.end() ? nullptr : &found->second;
}

} // namespace mamori
