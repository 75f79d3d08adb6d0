// mamori/web/training_routes.hpp
//
// The education plan under /orgs/ID/training (issue 9), split by area:
// routes_training.cpp (the plan, the session form, reminders, the route
// table and the dashboard box), routes_training_session.cpp (one session:
// held, attendance, results) and routes_training_quiz.cpp (a member takes
// the quiz). TrainingRoutes (route_table.hpp) joins them. The rules live in
// app/training*.
#pragma once

#include "app/training.hpp"
#include "web/route_table.hpp"

#include <string>

namespace mamori::web::training_pages {

//! "/orgs/ID/training".
std::string TrainingBase(const app::OrgAccess &access);

//! The members' names for display (display name, else e-mail).
std::string MemberName(const storage::Membership &member);

//! The dashboard's box of overdue training for editors, or false when none
//! (the box then does not show).
Json DashboardTraining(WebApp &web, Request &request, const app::OrgAccess &access);

//! The training evidence shown on the 自社診断 question `item_number` when it
//! is the item the training content names (20), or false.
Json SelfcheckTrainingHint(WebApp &web, Request &request, const app::OrgAccess &access, int item_number);

void ShowSession(WebApp &web, Request &request, const app::OrgAccess &access);
void MarkHeld(WebApp &web, Request &request, const app::OrgAccess &access);
void RecordAttendance(WebApp &web, Request &request, const app::OrgAccess &access);
void ShowQuiz(WebApp &web, Request &request, const app::OrgAccess &access);
void TakeQuiz(WebApp &web, Request &request, const app::OrgAccess &access);

} // namespace mamori::web::training_pages
