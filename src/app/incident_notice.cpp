// mamori/app/incident_notice.cpp
#include "app/incident_notice.hpp"

#include "app/languages.hpp"

#include <algorithm>

namespace mamori::app {

Result<std::vector<std::string>> IncidentNoticeRecipients(AppContext &ctx, const OrgAccess &access) {
	std::vector<std::string> recipients;
	for (const auto &member : MAMORI_TRY(ctx.store.ListMembers(access.org.id))) {
		if (member.role == storage::Role::kAdmin || member.role == storage::Role::kManager) {
			recipients.push_back(member.email);
		}
	}
	std::sort(recipients.begin(), recipients.end());
	recipients.erase(std::unique(recipients.begin(), recipients.end()), recipients.end());
	return recipients;
}

Status NotifyIncidentReported(AppContext &ctx, const MessageCatalog &messages, const Actor &reporter,
                              const OrgAccess &access, Id incident_id, const std::string &incident_url) {
	if (ctx.mailer == nullptr) {
		return OkStatus();
	}
	const auto incident = MAMORI_TRY(ctx.store.FindIncident(access.org.id, incident_id));
	if (!incident) {
		return Error::Make(ErrorCode::kNotFound, "app_incidents.not_found");
	}
	const auto recipients = MAMORI_TRY(IncidentNoticeRecipients(ctx, access));
	if (recipients.empty()) {
		return OkStatus();
	}
	const Locale locale = DocumentLocaleOf(access.org);
	platform::MailMessage message;
	message.to = recipients;
	message.subject = messages.Text(locale, "mail.incident.subject", {{"org", access.org.name}});
	message.body = messages.Text(locale, "mail.incident.body",
	                             {{"org", access.org.name},
	                              {"reporter", reporter.email},
	                              {"what", incident->what},
	                              {"noticed_at", incident->noticed_at},
	                              {"device", incident->device.empty() ? messages.Text(locale, "mail.incident.no_device")
	                                                                  : incident->device},
	                              {"url", incident_url}});
	const Status sent = ctx.mailer->Send(message);
	storage::IncidentEvent event;
	event.incident_id = incident_id;
	event.at = ctx.clock.NowIso();
	event.user_id = reporter.user_id;
	if (sent) {
		event.type = "mail_sent";
		for (const auto &address : recipients) {
			event.text += (event.text.empty() ? "" : ", ") + address;
		}
	} else {
		event.type = "mail_failed";
		event.text = messages.Text(locale, sent.error().message, sent.error().params);
	}
	return ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.AddIncidentEvent(access.org.id, event));
		return OkStatus();
	});
}

} // namespace mamori::app
