// mamori/web/training_routes.hpp
//
// The education plan under /orgs/ID/training (issue 9), split by area:
// routes_training.cpp (the plan, reminders, the dashboard box, the item-20
// hint and the route table), routes_training_form.cpp (planning and editing),
// routes_training_session.cpp (one session:
// held, attendance, results) and routes_training_quiz.cpp (a member takes
// the quiz). TrainingRoutes (route_table.hpp) joins them. The rules live in
// app/training*.
#pragma once

#include "app/training.hpp"
#include "web/route_table.hpp"

#include <string>
#include <vector>

namespace mamori::web::training_pages {

//! "/orgs/ID/training".
std::string TrainingBase(const app::OrgAccess &access);

//! "/orgs/ID/training/SID".
std::string SessionPath(const app::OrgAccess &access, Id session_id);

//! The ids ticked in a form's checkboxes named `name`; anything but a number
//! becomes 0, which the app refuses as no member.
std::vector<Id> TickedIds(const Request &request, const char *name);

//! The members' names for display (display name, else e-mail).
std::string MemberName(const storage::Membership &member);

//! The dashboard's box of overdue training for editors, or false when none
//! (the box then does not show).
Json DashboardTraining(WebApp &web, Request &request, const app::OrgAccess &access);

//! The training evidence shown on the 自社診断 question `item_number` when it
//! is the item the training content names (20), or false.
Json SelfcheckTrainingHint(WebApp &web, Request &request, const app::OrgAccess &access, int item_number);

// The session form (routes_training_form.cpp); 責任者 and 組織管理者 only.
void ShowNew(WebApp &web, Request &request, const app::OrgAccess &access);
void Create(WebApp &web, Request &request, const app::OrgAccess &access);
void ShowEdit(WebApp &web, Request &request, const app::OrgAccess &access);
void Update(WebApp &web, Request &request, const app::OrgAccess &access);

void ShowSession(WebApp &web, Request &request, const app::OrgAccess &access);
void MarkHeld(WebApp &web, Request &request, const app::OrgAccess &access);
void RecordAttendance(WebApp &web, Request &request, const app::OrgAccess &access);
void ShowQuiz(WebApp &web, Request &request, const app::OrgAccess &access);
void TakeQuiz(WebApp &web, Request &request, const app::OrgAccess &access);

} // namespace mamori::web::training_pages
