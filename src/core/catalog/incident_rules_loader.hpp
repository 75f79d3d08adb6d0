// mamori/core/catalog/incident_rules_loader.hpp
//
// Reads content/incident/damage_levels.yaml, personal_data_report.yaml and
// procedures.yaml into IncidentRules. The code decides each fact and ground
// by its id, so a file naming an unknown one, leaving one out or giving a
// level no condition before the last is refused, as is a kind without steps
// for some damage level; each error names the file and the entry.
#pragma once

#include "core/catalog/catalog_loader.hpp"
#include "core/incident/incident_rules.hpp"

#include <string>
#include <vector>

namespace mamori {

//! The files the rules are read from, relative to content/.
std::vector<std::string> IncidentRuleFileNames();

//! The rules as `locale` sees them. Throws the loader's internal problem
//! type; call it only from ParseCatalog.
incident::IncidentRules ReadIncidentRules(const ContentFiles &files, Locale locale);

} // namespace mamori
