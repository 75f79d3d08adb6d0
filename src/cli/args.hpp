// mamori/cli/args.hpp
//
// A small flag parser: positional words plus --name VALUE / --name=VALUE /
// boolean --flag. Unknown flags are errors, so typos never pass silently.
#pragma once

#include "core/common/result.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace mamori::cli {

struct ParsedArgs {
	std::vector<std::string> positional;
	std::map<std::string, std::string> values;
	std::set<std::string> flags;

	bool Has(const std::string &name) const { return values.count(name) > 0 || flags.count(name) > 0; }
	std::string Value(const std::string &name, const std::string &fallback = "") const {
		auto found = values.find(name);
		return found == values.end() ? fallback : found->second;
	}
};

//! value_options take an argument; flag_options do not.
Result<ParsedArgs> ParseArgs(const std::vector<std::string> &args, const std::set<std::string> &value_options,
                             const std::set<std::string> &flag_options);

} // namespace mamori::cli
