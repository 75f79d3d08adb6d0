// mamori/cli/args.cpp
#include "cli/args.hpp"

namespace mamori::cli {

Result<ParsedArgs> ParseArgs(const std::vector<std::string> &args, const std::set<std::string> &value_options,
                             const std::set<std::string> &flag_options) {
	ParsedArgs parsed;
	for (size_t idx = 0; idx < args.size(); ++idx) {
		const std::string &arg = args[idx];
		if (arg.size() < 3 || arg.rfind("--", 0) != 0) {
			parsed.positional.push_back(arg);
			continue;
		}
		std::string name = arg.substr(2);
		std::string value;
		bool has_inline_value = false;
		if (auto eq = name.find('='); eq != std::string::npos) {
			value = name.substr(eq + 1);
			name = name.substr(0, eq);
			has_inline_value = true;
		}
		if (flag_options.count(name) > 0 && !has_inline_value) {
			parsed.flags.insert(name);
			continue;
		}
		if (value_options.count(name) == 0) {
			return Error::Invalid("--" + name, "unknown option");
		}
		if (!has_inline_value) {
			if (idx + 1 >= args.size()) {
				return Error::Invalid("--" + name, "needs a value");
			}
			value = args[++idx];
		}
		parsed.values[name] = value;
	}
	return parsed;
}

} // namespace mamori::cli
