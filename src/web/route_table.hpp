// mamori/web/route_table.hpp
//
// Every route is declared once, as a table entry: method, path pattern, the
// gate it needs and the named handler. MountRoutes puts the gate in front of
// each handler, so no handler checks a session, a CSRF token, an
// organisation or a role itself.
//
// The gate checks, in this order, and stops at the first refusal:
//   1. session   — pages redirect to the sign-in page, API calls answer 401;
//   2. installation admin — other accounts get 404;
//   3. CSRF      — for POST/PUT/PATCH/DELETE: the form's _csrf field (pages),
//                  the multipart _csrf part (file uploads) or X-CSRF-Token (API);
//   4. organisation (path capture 1) — a malformed id or no role gives 404;
//   5. two-step  — when the organisation or the installation requires two-step login and the
//                  account has none: pages go to /account/two-step, API calls answer 403;
//   6. role      — 403 with the route's own refusal text;
//   7. recent password — on the routes of sensitive actions (RecentPassword): the password must
//                  have been entered within app::kRecentPasswordSeconds, else pages go to the
//                  confirm-password page and API calls answer 401 {"reauth_required": true}.
// The installation-admin gate also needs the administrator's own two-step login (after step 2):
// pages go to /account/two-step to set it up, API calls answer 403.
#pragma once

#include "app/organizations.hpp"
#include "web/web_app.hpp"

#include <string>
#include <variant>
#include <vector>

namespace mamori::web {

enum class Method { kGet, kPost, kPut, kPatch, kDelete };

//! Who may call a route.
enum class Access {
	kAnyone,            // no session needed (sign-in, set-up, invitations)
	kSignedIn,          // any session
	kInstallationAdmin, // a session with the installation-admin flag; others get 404
	kOrgMember,         // any role in the organisation
	kOrgStaff,          // any role but 回答者
	kOrgEditor,         // 情報セキュリティ責任者 or 組織管理者
};

//! How an unsafe request proves it came from our own page.
enum class Csrf {
	kAuto,      // by method and kind: none for GET, form field (pages) or header (API) otherwise
	kMultipart, // the _csrf part of a multipart form (file uploads)
	kNone,      // the route takes no CSRF check (API sign-in, unknown API paths)
};

enum class Kind { kPage, kApi };

struct Gate {
	Access access = Access::kAnyone;
	Kind kind = Kind::kPage;
	Csrf csrf = Csrf::kAuto;
	//! The 403 text for a 回答者 on a kOrgStaff or kOrgEditor route ("" = the editor refusal).
	std::string staff_refusal;
	//! The 403 text for a role that may not edit, on a kOrgEditor route ("" = the generic one).
	std::string editor_refusal;
	//! Where a page sends a visitor without a session.
	std::string signed_out_location = "/login";
	//! The 401 text of an API route ("" = the generic one).
	std::string unauthenticated_message;
	//! A sensitive action: the password must have been entered recently (app/reauth.hpp).
	bool recent_password = false;
};

// Gates by name, so a table entry reads as what it requires.
Gate Anyone();
Gate SignedIn();
//! The installation administrator, with their own two-step login and a recent password.
Gate InstallationAdmin();
Gate OrgMember();
//! Any role but 回答者; `refusal` is what a 回答者 is told.
Gate OrgStaff(std::string refusal);
//! 責任者 or 組織管理者. `refusal` is what other roles are told ("" = generic);
//! `staff_refusal`, when set, is what a 回答者 is told instead.
Gate OrgEditor(std::string refusal = "", std::string staff_refusal = "");
Gate Api(Gate gate);
//! `gate` for a file upload: the CSRF token comes as the form's _csrf part.
Gate Multipart(Gate gate);
//! `gate` for a sensitive action: it also needs a recently entered password.
Gate RecentPassword(Gate gate);

//! Where the confirm-password page is, and the gate step that sends people there.
inline constexpr const char *kConfirmPasswordPath = "/account/confirm-password";
bool PassRecentPassword(WebApp &web, Request &request, const Gate &gate);
//! The page to continue with after confirming: a GET's own address, a form post's page (Referer,
//! this site only), else the account page.
std::string ReauthReturnPath(WebApp &web, const Request &request);

using Handler = void (*)(WebApp &web, Request &request);
using OrgHandler = void (*)(WebApp &web, Request &request, const app::OrgAccess &access);

struct Route {
	Method method;
	std::string pattern;
	Gate gate;
	std::variant<Handler, OrgHandler> handler;
};

using RouteTable = std::vector<Route>;

//! Throws std::logic_error when an organisation gate is paired with a plain
//! handler or the reverse (a table mistake, caught at start-up).
void CheckRoutes(const RouteTable &routes);

//! Where mounted routes find the app. It is set before the server listens: the routes can be
//! mounted (their patterns compiled, a few hundred std::regex) while the content still loads.
using AppSlot = std::shared_ptr<WebApp *>;

//! Checks the table, then registers every route with its gate, in table
//! order (httplib tries them in order).
void MountRoutes(AppSlot app, httplib::Server &server, const RouteTable &routes);

//! Runs the gate of `gate` for a request; sends the refusal and returns false
//! when the request must stop. `access` is filled for organisation gates.
bool PassGate(WebApp &web, Request &request, const Gate &gate, std::optional<app::OrgAccess> &access);

// The tables of each area, in the order they are mounted.
RouteTable AuthRoutes();
RouteTable AccountRoutes();
RouteTable ApiRoutes();
RouteTable OrganizationRoutes();
// --- consultant workspace (issue 12) ---
RouteTable CoachingRoutes();
// --- end consultant workspace ---
RouteTable FiveArticleRoutes();
RouteTable SelfcheckRoutes();
RouteTable PolicyRoutes();
RouteTable AuditRoutes();
RouteTable AdminRoutes();
RouteTable RiskRoutes();
RouteTable LanguageRoutes();
RouteTable DocumentRoutes();
RouteTable DocumentEditRoutes();
RouteTable HandbookRoutes();
RouteTable PartnerRoutes();
RouteTable CloudServiceRoutes();
RouteTable IncidentRoutes();
RouteTable ContinuityRoutes();
RouteTable ExerciseRoutes();
RouteTable ExerciseSceneRoutes();
RouteTable ExerciseScenarioRoutes();
RouteTable TrainingRoutes();
RouteTable PrivacyRoutes();
RouteTable TwoStepRoutes();
RouteTable ReauthRoutes();
RouteTable RemovalRoutes();
RouteTable HandoverRoutes();
// The owner's view, 点検と改善 and the benchmark (issue 12).
RouteTable OwnerRoutes();
RouteTable InspectionRoutes();
RouteTable BenchmarkRoutes();

//! All of the above, in mounting order.
RouteTable AllRoutes();

} // namespace mamori::web
