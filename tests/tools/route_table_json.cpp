// mamori/tests/tools/route_table_json.cpp
//
// Prints the web app's route table as JSON, so the authorization matrix test
// (tests/http/authorization_matrix.test.mjs) is driven by the routes that
// really exist: a route added without a matrix entry fails that test.
#include "web/route_table.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace {

const char *MethodName(mamori::web::Method method) {
	switch (method) {
	case mamori::web::Method::kGet: return "GET";
	case mamori::web::Method::kPost: return "POST";
	case mamori::web::Method::kPut: return "PUT";
	case mamori::web::Method::kPatch: return "PATCH";
	case mamori::web::Method::kDelete: return "DELETE";
	}
	return "?";
}

//! The gate's own access, printed only to explain a failure; the test's expectations come from
//! its matrix, written independently of the code it checks.
const char *AccessName(mamori::web::Access access) {
	switch (access) {
	case mamori::web::Access::kAnyone: return "anyone";
	case mamori::web::Access::kSignedIn: return "signed_in";
	case mamori::web::Access::kInstallationAdmin: return "installation_admin";
	case mamori::web::Access::kOrgMember: return "member";
	case mamori::web::Access::kOrgStaff: return "staff";
	case mamori::web::Access::kOrgEditor: return "editor";
	}
	return "?";
}

} // namespace

int main() {
	nlohmann::json routes = nlohmann::json::array();
	for (const auto &route : mamori::web::AllRoutes()) {
		routes.push_back({{"method", MethodName(route.method)},
		                  {"pattern", route.pattern},
		                  {"api", route.gate.kind == mamori::web::Kind::kApi},
		                  {"gate", AccessName(route.gate.access)},
		                  {"multipart", route.gate.csrf == mamori::web::Csrf::kMultipart}});
	}
	std::cout << routes.dump(1) << "\n";
	return 0;
}
