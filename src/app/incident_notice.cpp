// mamori/app/incident_notice.cpp
#include "app/incident_notice.hpp"

#include "app/documents/incident_responders.hpp"
#include "app/incidents.hpp"
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

namespace {

//! Sends the message and writes what happened on the incident's timeline.
Status SendAndRecord(AppContext &ctx, const MessageCatalog &messages, Locale locale, const Actor &actor,
                     const OrgAccess &access, Id incident_id, const platform::MailMessage &message) {
	const Status sent = ctx.mailer->Send(message);
	storage::IncidentEvent event;
	event.incident_id = incident_id;
	event.at = ctx.clock.NowIso();
	event.user_id = actor.user_id;
	if (sent) {
		event.type = "mail_sent";
		for (const auto &address : message.to) {
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

//! Whether an earlier mail on the incident already went to `address`.
bool AlreadyMailed(const std::vector<storage::IncidentEvent> &events, const std::string &address) {
	for (const auto &event : events) {
		if (event.type != "mail_sent") {
			continue;
		}
		size_t start = 0;
		while (start <= event.text.size()) {
			const size_t end = std::min(event.text.find(", ", start), event.text.size());
			if (event.text.compare(start, end - start, address) == 0 && end - start == address.size()) {
				return true;
			}
			start = end + 2;
		}
	}
	return false;
}

} // namespace

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
	return SendAndRecord(ctx, messages, locale, reporter, access, incident_id, message);
}

Status NotifyIncidentLead(AppContext &ctx, const MessageCatalog &messages, const Actor &actor,
                          const OrgAccess &access, Id incident_id, const std::string &incident_url) {
	if (ctx.mailer == nullptr) {
		return OkStatus();
	}
	const auto incident = MAMORI_TRY(ctx.store.FindIncident(access.org.id, incident_id));
	if (!incident) {
		return Error::Make(ErrorCode::kNotFound, "app_incidents.not_found");
	}
	const Locale locale = DocumentLocaleOf(access.org);
	const incident::IncidentRules &rules = DocumentContentOf(ctx, access.org).incident;
	const auto assessment = AssessIncident(rules.damage, *incident);
	if (!assessment || assessment->lead == nullptr) {
		return OkStatus();
	}
	const Responder lead = MAMORI_TRY(ResponseTeamOf(ctx, access)).For(assessment->lead->id);
	if (lead.email.empty() ||
	    AlreadyMailed(MAMORI_TRY(ctx.store.ListIncidentEvents(access.org.id, incident_id)), lead.email)) {
		return OkStatus();
	}
	const incident::IncidentKind *kind = incident->kind ? rules.procedures.FindKind(*incident->kind) : nullptr;
	platform::MailMessage message;
	message.to = {lead.email};
	message.subject = messages.Text(locale, "mail.incident_lead.subject",
	                                {{"org", access.org.name}, {"level", std::to_string(assessment->level)}});
	message.body = messages.Text(locale, "mail.incident_lead.body",
	                             {{"org", access.org.name},
	                              {"name", lead.name},
	                              {"role", assessment->lead->label},
	                              {"level", std::to_string(assessment->level)},
	                              {"scope", assessment->rule == nullptr ? "" : assessment->rule->scope},
	                              {"kind", kind == nullptr ? "" : kind->label},
	                              {"what", incident->what},
	                              {"url", incident_url}});
	return SendAndRecord(ctx, messages, locale, actor, access, incident_id, message);
}

} // namespace mamori::app
