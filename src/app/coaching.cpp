// mamori/app/coaching.cpp
#include "app/coaching.hpp"

#include "app/audit.hpp"
#include "app/documents/document_kinds.hpp"
#include "app/five_articles_service.hpp"
#include "platform/files.hpp"
#include "platform/programme_files.hpp"

#include <algorithm>
#include <mutex>

namespace mamori::app {

namespace {

constexpr size_t kMaxNotes = 4000;
constexpr size_t kMaxProgrammeBytes = 64 * 1024;

Status RequireEditor(const OrgAccess &access) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	return OkStatus();
}

Status CheckDate(const std::string &field, const std::string &date) {
	if (!date.empty() && !IsIsoDate(date)) {
		return Error::Invalid(field, "errors.coaching.date", {{"field", field}});
	}
	return OkStatus();
}

//! The shipped files, read once: they do not change while the program runs.
Result<std::vector<platform::ProgrammeFile>> ShippedFiles() {
	static std::mutex mutex;
	static std::optional<std::vector<platform::ProgrammeFile>> cache;
	std::lock_guard lock(mutex);
	if (!cache) {
		const std::string content = MAMORI_TRY(platform::LocateResourceDir("content"));
		auto files = MAMORI_TRY(platform::LoadProgrammes(content, ProgrammeDocumentKinds()));
		std::stable_sort(files.begin(), files.end(),
		                 [](const auto &a, const auto &b) { return a.programme.theme < b.programme.theme; });
		cache = std::move(files);
	}
	return *cache;
}

Result<coaching::Programme> ProgrammeFor(const StartEngagementInput &input, std::string &yaml) {
	if (!input.programme_yaml.empty()) {
		yaml = input.programme_yaml;
		return ParseOwnProgramme(yaml);
	}
	for (auto &file : MAMORI_TRY(ShippedFiles())) {
		if (file.programme.id == input.programme_id) {
			yaml = file.text;
			return file.programme;
		}
	}
	return Error::Invalid("programme_id", "errors.coaching.programme_unknown");
}

} // namespace

const std::vector<std::string> &ProgrammeDocumentKinds() {
	static const std::vector<std::string> kinds = [] {
		std::vector<std::string> all = DocumentKinds();
		all.push_back("visit_report");
		all.push_back("final_report");
		return all;
	}();
	return kinds;
}

Result<std::vector<coaching::Programme>> ShippedProgrammes() {
	std::vector<coaching::Programme> programmes;
	for (auto &file : MAMORI_TRY(ShippedFiles())) {
		programmes.push_back(std::move(file.programme));
	}
	return programmes;
}

Result<coaching::Programme> ParseOwnProgramme(const std::string &yaml_text) {
	if (yaml_text.size() > kMaxProgrammeBytes) {
		return Error::Invalid("programme_yaml", "errors.programme.file_too_large",
		                      {{"max", std::to_string(kMaxProgrammeBytes / 1024)}});
	}
	return coaching::ParseProgramme(yaml_text, coaching::ProgrammeOrigin::kConsultant, ProgrammeDocumentKinds());
}

Result<Id> CreateClient(AppContext &ctx, const Actor &actor, const OrganizationInput &input) {
	return CreateOrganization(ctx, actor, input, storage::Role::kConsultant);
}

Result<NewClient> CreateClient(AppContext &ctx, const Actor &actor, const OrganizationInput &input,
                               const ClientAdmin &admin) {
	const std::string email = NormalizeEmail(admin.email);
	if (!email.empty()) {
		MAMORI_TRY(ValidateEmail(email, "admin_email"));
		if (email == NormalizeEmail(actor.email)) {
			return Error::Invalid("admin_email", "errors.coaching.admin_is_you");
		}
	}
	NewClient created;
	MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
		created.org_id = MAMORI_TRY(CreateClient(ctx, actor, input));
		if (email.empty()) {
			return OkStatus();
		}
		// The firm has no lead yet, so the consultant's one 組織管理者 invitation is allowed.
		const OrgAccess access = MAMORI_TRY(AccessOrganization(ctx, actor.user_id, created.org_id));
		auto invited = InviteMember(ctx, actor, access, {email, admin.display_name, storage::Role::kAdmin, std::nullopt});
		if (!invited) {
			Error error = invited.error();
			error.field = error.field == "email" ? "admin_email" : error.field == "display_name" ? "admin_name" : error.field;
			return error;
		}
		created.admin_invitation = *invited;
		return OkStatus();
	}));
	return created;
}

Result<std::vector<ClientWithoutLead>> ClientsWithoutLead(AppContext &ctx, Id user_id) {
	return ctx.store.ClientsWithoutLead(user_id);
}

Result<Id> StartEngagement(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                           const StartEngagementInput &input) {
	MAMORI_TRY(RequireEditor(access));
	MAMORI_TRY(CheckDate("started_on", input.started_on));
	std::string yaml;
	const coaching::Programme programme = MAMORI_TRY(ProgrammeFor(input, yaml));
	storage::Engagement engagement;
	engagement.org_id = access.org.id;
	engagement.programme_id = programme.id;
	engagement.programme_title = programme.title.ja;
	engagement.programme_yaml = yaml;
	engagement.started_by = actor.user_id;
	engagement.started_on = input.started_on.empty() ? ctx.clock.TodayInJapan() : input.started_on;
	std::vector<int> numbers;
	std::vector<std::pair<int, std::string>> requests;
	for (const auto &visit : programme.visits) {
		numbers.push_back(visit.number);
		for (const auto &request : visit.prework) {
			requests.emplace_back(visit.number, request.key);
		}
	}
	Id id = 0;
	MAMORI_TRY(ctx.store.InTransaction([&]() -> Status {
		id = MAMORI_TRY(ctx.store.CreateEngagement(engagement, numbers, requests));
		return Audit(ctx, access.org.id, actor.user_id, "coaching.start", "engagement:" + std::to_string(id),
		             {{"programme", programme.id},
		              {"version", programme.version},
		              {"own", !input.programme_yaml.empty()},
		              {"started_on", engagement.started_on}});
	}));
	return id;
}

const CoachingVisit *Coaching::FindVisit(int number) const {
	for (const auto &visit : visits) {
		if (visit.visit.number == number) {
			return &visit;
		}
	}
	return nullptr;
}

const CoachingVisit *Coaching::LatestVisit() const {
	const CoachingVisit *latest = visits.empty() ? nullptr : &visits.front();
	for (const auto &visit : visits) {
		if (!visit.visit.held_on.empty()) {
			latest = &visit;
		}
	}
	return latest;
}

Result<std::optional<Coaching>> LoadCoaching(AppContext &ctx, const OrgAccess &access) {
	if (access.IsRespondent()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	auto engagement = MAMORI_TRY(ctx.store.CurrentEngagement(access.org.id));
	if (!engagement) {
		return std::optional<Coaching>();
	}
	Coaching result;
	result.engagement = std::move(*engagement);
	// The programme as it was started; a shipped one is re-read as content (both languages).
	auto parsed = coaching::ParseProgramme(result.engagement.programme_yaml, coaching::ProgrammeOrigin::kConsultant,
	                                       ProgrammeDocumentKinds());
	if (!parsed) {
		return Error::Make(ErrorCode::kInternal, "the engagement's stored programme no longer parses");
	}
	result.programme = std::move(parsed.value());
	const auto requests = MAMORI_TRY(ctx.store.ListRequests(access.org.id, result.engagement.id));
	for (auto &visit : MAMORI_TRY(ctx.store.ListVisits(access.org.id, result.engagement.id))) {
		CoachingVisit entry;
		entry.visit = std::move(visit);
		if (const auto *plan = result.programme.FindVisit(entry.visit.number)) {
			entry.plan = *plan;
		}
		entry.prework_complete = true;
		for (const auto &request : requests) {
			if (request.visit_number == entry.visit.number) {
				entry.requests.push_back(request);
				entry.prework_complete = entry.prework_complete && !request.done_at.empty();
			}
		}
		result.visits.push_back(std::move(entry));
	}
	return std::optional<Coaching>(std::move(result));
}

Status UpdateVisit(AppContext &ctx, const Actor &actor, const OrgAccess &access, const VisitInput &input) {
	MAMORI_TRY(RequireEditor(access));
	MAMORI_TRY(CheckDate("planned_on", input.planned_on));
	MAMORI_TRY(CheckDate("held_on", input.held_on));
	if (input.notes.size() > kMaxNotes) {
		return Error::Invalid("notes", "errors.coaching.notes_too_long", {{"max", std::to_string(kMaxNotes)}});
	}
	const auto engagement = MAMORI_TRY(ctx.store.CurrentEngagement(access.org.id));
	if (!engagement) {
		return Error::Make(ErrorCode::kNotFound, "errors.not_found");
	}
	storage::EngagementVisit visit;
	visit.org_id = access.org.id;
	visit.engagement_id = engagement->id;
	visit.number = input.number;
	visit.planned_on = input.planned_on;
	visit.held_on = input.held_on;
	visit.notes = input.notes;
	const auto visits = MAMORI_TRY(ctx.store.ListVisits(access.org.id, engagement->id));
	if (std::none_of(visits.begin(), visits.end(), [&](const auto &v) { return v.number == input.number; })) {
		return Error::Make(ErrorCode::kNotFound, "errors.not_found");
	}
	return ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.UpdateVisit(visit));
		return Audit(ctx, access.org.id, actor.user_id, "coaching.visit", "visit:" + std::to_string(input.number),
		             {{"engagement", engagement->id},
		              {"planned_on", input.planned_on},
		              {"held_on", input.held_on},
		              {"notes_bytes", input.notes.size()}});
	});
}

Status MarkRequest(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id request_id, bool done) {
	MAMORI_TRY(RequireEditor(access));
	const auto request = MAMORI_TRY(ctx.store.FindRequest(access.org.id, request_id));
	if (!request) {
		return Error::Make(ErrorCode::kNotFound, "errors.not_found");
	}
	return ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.SetRequestDone(access.org.id, request_id, done, actor.user_id, ctx.clock.NowIso()));
		return Audit(ctx, access.org.id, actor.user_id, done ? "coaching.request_done" : "coaching.request_reopen",
		             "request:" + std::to_string(request_id),
		             {{"visit", request->visit_number}, {"request", request->request_key}});
	});
}

} // namespace mamori::app
