// mamori/app/incident_notice.hpp
//
// A new incident report goes out by mail (issue 9) to the people who work
// incidents, when the installation has a mail relay. The report itself is
// already stored: mail is a second channel, so a relay that refuses never
// loses or undoes a report. The outcome is written on the incident's timeline
// so the 責任者 can see whether the mail went.
#pragma once

#include "app/app_context.hpp"
#include "app/organizations.hpp"
#include "core/i18n/message_catalog.hpp"

#include <string>
#include <vector>

namespace mamori::app {

//! Who is told of a new report: the members who can work incidents (組織管理者
//! and 責任者), by their account addresses, sorted and without repeats.
Result<std::vector<std::string>> IncidentNoticeRecipients(AppContext &ctx, const OrgAccess &access);

//! Mails the report (what, when noticed, device, who reported it, the link
//! `incident_url`) in the organisation's document language, then records
//! "mail_sent" (with the recipients) or "mail_failed" (with the reason) on
//! the timeline. Without a relay or recipients it does nothing. Errors only
//! when the timeline cannot be written.
Status NotifyIncidentReported(AppContext &ctx, const MessageCatalog &messages, const Actor &reporter,
                              const OrgAccess &access, Id incident_id, const std::string &incident_url);

//! After classification the level names who leads (最高責任者, 対応責任者 or
//! 情報システム管理者). When the 管理体制 gives that person an e-mail address
//! that no earlier mail on this incident reached, they are told: the level,
//! its scope, their role and the link. Recorded on the timeline like the
//! first mail. Without a relay, a classification or an address it does nothing.
Status NotifyIncidentLead(AppContext &ctx, const MessageCatalog &messages, const Actor &actor,
                          const OrgAccess &access, Id incident_id, const std::string &incident_url);

} // namespace mamori::app
