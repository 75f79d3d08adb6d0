// mamori/tests/unit/support/golden.hpp
//
// The comparison shared by the golden suites (tests/golden/*): the expected
// file is a subset of the actual output, numbers within 1e-9, and
// MAMORI_UPDATE_GOLDEN=1 refreshes the values of keys an expected file
// already names (it never creates one).
#pragma once

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

namespace mamori::golden {

using Json = nlohmann::json;

//! Collects every place where `expected` is not a subset of `actual`. Numbers
//! compare by value (1 equals 1.0; rates within 1e-9).
inline void CompareSubset(const Json &expected, const Json &actual, const std::string &path, std::vector<std::string> &problems) {
	const std::string here = path.empty() ? "(document)" : path;
	if (expected.is_object()) {
		if (!actual.is_object()) {
			problems.push_back(here + ": expected an object, got " + actual.dump());
			return;
		}
		for (const auto &[key, value] : expected.items()) {
			const std::string child = path.empty() ? key : path + "." + key;
			auto found = actual.find(key);
			if (found == actual.end()) {
				problems.push_back(child + ": missing in the output");
				continue;
			}
			CompareSubset(value, *found, child, problems);
		}
		return;
	}
	if (expected.is_array()) {
		if (!actual.is_array() || actual.size() != expected.size()) {
			problems.push_back(here + ": expected " + expected.dump() + ", got " + actual.dump());
			return;
		}
		for (size_t idx = 0; idx < expected.size(); ++idx) {
			CompareSubset(expected[idx], actual[idx], path + "[" + std::to_string(idx) + "]", problems);
		}
		return;
	}
	if (expected.is_number() && actual.is_number()) {
		if (std::fabs(expected.get<double>() - actual.get<double>()) > 1e-9) {
			problems.push_back(here + ": expected " + expected.dump() + ", got " + actual.dump());
		}
		return;
	}
	if (expected != actual) {
		problems.push_back(here + ": expected " + expected.dump() + ", got " + actual.dump());
	}
}

//! The expected document's shape with the actual values (for MAMORI_UPDATE_GOLDEN).
inline Json Refresh(const Json &expected, const Json &actual) {
	if (expected.is_object() && actual.is_object()) {
		Json out = Json::object();
		for (const auto &[key, value] : expected.items()) {
			if (auto found = actual.find(key); found != actual.end()) out[key] = Refresh(value, *found);
		}
		return out;
	}
	if (expected.is_array() && actual.is_array() && expected.size() == actual.size()) {
		Json out = Json::array();
		for (size_t idx = 0; idx < expected.size(); ++idx) out.push_back(Refresh(expected[idx], actual[idx]));
		return out;
	}
	return actual;
}

inline bool UpdateRequested() {
	const char *flag = std::getenv("MAMORI_UPDATE_GOLDEN");
	return flag != nullptr && std::string(flag) == "1";
}

} // namespace mamori::golden
