// mamori/tests/unit/route_table_test.cpp
//
// The route table (web/route_table): each route is declared once, and its
// gate fits what the route does.
#include "web/route_table.hpp"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <string>
#include <utility>

namespace mamori::web {
namespace {

bool IsOrgGate(Access access) {
	return access == Access::kOrgMember || access == Access::kOrgStaff || access == Access::kOrgEditor;
}

TEST(RouteTableTest, EveryRouteIsDeclaredOnce) {
	std::set<std::pair<int, std::string>> seen;
	const RouteTable routes = AllRoutes();
	ASSERT_GT(routes.size(), 70u);
	for (const Route &route : routes) {
		EXPECT_TRUE(seen.insert({static_cast<int>(route.method), route.pattern}).second) << route.pattern;
	}
}

TEST(RouteTableTest, OrganisationGatesHaveTheOrganisationAsFirstCapture) {
	for (const Route &route : AllRoutes()) {
		const bool org_gate = IsOrgGate(route.gate.access);
		EXPECT_EQ(org_gate, std::holds_alternative<OrgHandler>(route.handler)) << route.pattern;
		if (org_gate) {
			const bool page = route.pattern.rfind(R"(/orgs/(\d+))", 0) == 0;
			const bool api = route.pattern.rfind(R"(/api/v1/orgs/([^/]+))", 0) == 0;
			EXPECT_TRUE(page || api) << route.pattern;
		}
	}
}

TEST(RouteTableTest, OnlySignInAndUnknownApiPathsSkipCsrf) {
	for (const Route &route : AllRoutes()) {
		if (route.gate.csrf != Csrf::kNone) {
			continue;
		}
		const bool sign_in = route.pattern == "/api/v1/session" && route.method == Method::kPost;
		const bool unknown_api = route.pattern == "/api/.*";
		EXPECT_TRUE(sign_in || unknown_api) << route.pattern;
	}
}

TEST(RouteTableTest, StaffAndEditorGatesSayWhyTheyRefuse) {
	for (const Route &route : AllRoutes()) {
		if (route.gate.access == Access::kOrgStaff) {
			EXPECT_FALSE(route.gate.staff_refusal.empty()) << route.pattern;
		}
	}
	const Gate editor = OrgEditor("only editors", "not for respondents");
	EXPECT_EQ(editor.access, Access::kOrgEditor);
	EXPECT_EQ(editor.editor_refusal, "only editors");
	EXPECT_EQ(editor.staff_refusal, "not for respondents");
	EXPECT_EQ(Api(SignedIn()).kind, Kind::kApi);
}

TEST(RouteTableTest, CheckRefusesAHandlerThatDoesNotFitItsGate) {
	Handler plain = [](WebApp &, Request &) {};
	OrgHandler org = [](WebApp &, Request &, const app::OrgAccess &) {};
	EXPECT_THROW(CheckRoutes({{Method::kGet, R"(/orgs/(\d+)/x)", OrgMember(), plain}}), std::logic_error);
	EXPECT_THROW(CheckRoutes({{Method::kGet, "/x", SignedIn(), org}}), std::logic_error);
	EXPECT_NO_THROW(
	    CheckRoutes({{Method::kGet, R"(/orgs/(\d+)/x)", OrgMember(), org}, {Method::kGet, "/x", SignedIn(), plain}}));
	EXPECT_NO_THROW(CheckRoutes(AllRoutes()));
}

} // namespace
} // namespace mamori::web
