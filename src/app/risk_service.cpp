// mamori/app/risk_service.cpp
#include "app/risk_service.hpp"

#include "app/audit.hpp"
#include "app/five_articles_service.hpp"
#include "app/org_views.hpp"
#include "core/risk/risk.hpp"
#include "platform/clock.hpp"

#include <algorithm>
#include <map>

namespace mamori::app {
namespace {

constexpr size_t kMaxTextBytes = 200;
constexpr size_t kMaxNoteBytes = 1000;
constexpr size_t kMaxAssets = 20000;

const Error kEditOnly = Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");

bool Blank(const std::string &text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

nlohmann::json AssetJson(const storage::Asset &asset) {
	return {{"business_category", asset.business_category},
	        {"name", asset.name},
	        {"note", asset.note},
	        {"users", asset.users},
	        {"department", asset.department},
	        {"medium", asset.medium},
	        {"personal_info", asset.personal_info},
	        {"sensitive_personal_info", asset.sensitive_personal_info},
	        {"my_number", asset.my_number},
	        {"confidentiality", asset.confidentiality},
	        {"integrity", asset.integrity},
	        {"availability", asset.availability},
	        {"business_critical", asset.business_critical},
	        {"retention", asset.retention},
	        {"risk_owner", asset.risk_owner}};
}

Result<storage::Asset> FindOwnAsset(AppContext &ctx, const OrgAccess &access, Id asset_id) {
	auto found = ctx.store.FindAsset(access.org.id, asset_id);
	if (!found) {
		return found.error();
	}
	if (!found->has_value()) {
		return Error::Make(ErrorCode::kNotFound, "app_risk.asset_not_found");
	}
	return **found;
}

} // namespace

Status ValidateAsset(const Edition &edition, const storage::Asset &asset) {
	struct TextField {
		const char *field;
		const std::string *value;
		const char *required_key; // nullptr when the field may stay empty
		const char *too_long_key;
		size_t max;
	};
	const TextField texts[] = {
	    {"business_category", &asset.business_category, "app_risk.asset.required.business_category",
	     "app_risk.asset.too_long.business_category", kMaxTextBytes},
	    {"name", &asset.name, "app_risk.asset.required.name", "app_risk.asset.too_long.name", kMaxTextBytes},
	    {"note", &asset.note, nullptr, "app_risk.asset.too_long.note", kMaxNoteBytes},
	    {"users", &asset.users, nullptr, "app_risk.asset.too_long.users", kMaxTextBytes},
	    {"department", &asset.department, nullptr, "app_risk.asset.too_long.department", kMaxTextBytes},
	    {"retention", &asset.retention, nullptr, "app_risk.asset.too_long.retention", kMaxTextBytes},
	    {"risk_owner", &asset.risk_owner, nullptr, "app_risk.asset.too_long.risk_owner", kMaxTextBytes},
	};
	for (const auto &text : texts) {
		if (text.required_key != nullptr && Blank(*text.value)) {
			return Error::Invalid(text.field, text.required_key);
		}
		if (text.value->size() > text.max) {
			return Error::Invalid(text.field, text.too_long_key, {{"max", std::to_string(text.max)}});
		}
	}
	if (edition.risk_catalog.FindMedium(asset.medium) == nullptr) {
		return Error::Invalid("medium", "app_risk.asset.medium_choose");
	}
	const RiskScale &scale = edition.risk_scale;
	const struct {
		const char *field;
		const char *key;
		int value;
	} ratings[] = {{"confidentiality", "app_risk.asset.rating.confidentiality", asset.confidentiality},
	               {"integrity", "app_risk.asset.rating.integrity", asset.integrity},
	               {"availability", "app_risk.asset.rating.availability", asset.availability}};
	for (const auto &rating : ratings) {
		if (rating.value < scale.rating_min || rating.value > scale.rating_max) {
			return Error::Invalid(rating.field, rating.key,
			                      {{"min", std::to_string(scale.rating_min)}, {"max", std::to_string(scale.rating_max)}});
		}
	}
	return OkStatus();
}

RegisterAsset ToRegisterAsset(const storage::Asset &asset) {
	RegisterAsset out;
	out.key = std::to_string(asset.id);
	out.name = asset.name;
	out.medium = asset.medium;
	out.rating = AssetRating{asset.confidentiality, asset.integrity,  asset.availability, asset.personal_info,
	                         asset.sensitive_personal_info, asset.my_number, asset.business_critical};
	return out;
}

Result<Id> CreateAsset(AppContext &ctx, const Actor &actor, const OrgAccess &access, storage::Asset asset) {
	if (!access.CanEdit()) {
		return kEditOnly;
	}
	if (auto status = ValidateAsset(access.EditionOf(ctx.catalog), asset); !status) {
		return status.error();
	}
	asset.org_id = access.org.id;
	asset.registered_on = ctx.clock.TodayInJapan();
	asset.updated_at = ctx.clock.NowIso();
	Id id = 0;
	auto status = ctx.store.InTransaction([&]() -> Status {
		auto created = ctx.store.CreateAsset(asset);
		if (!created) {
			return created.error();
		}
		id = *created;
		return Audit(ctx, access.org.id, actor.user_id, "asset.create", "asset:" + std::to_string(id), AssetJson(asset));
	});
	if (!status) {
		return status.error();
	}
	return id;
}

Status UpdateAsset(AppContext &ctx, const Actor &actor, const OrgAccess &access, storage::Asset asset) {
	if (!access.CanEdit()) {
		return kEditOnly;
	}
	if (auto status = ValidateAsset(access.EditionOf(ctx.catalog), asset); !status) {
		return status;
	}
	auto before = FindOwnAsset(ctx, access, asset.id);
	if (!before) {
		return before.error();
	}
	asset.org_id = access.org.id;
	// 表12: 登録日 is updated whenever the row changes.
	asset.registered_on = ctx.clock.TodayInJapan();
	asset.updated_at = ctx.clock.NowIso();
	return ctx.store.InTransaction([&]() -> Status {
		if (auto status = ctx.store.UpdateAsset(asset); !status) {
			return status;
		}
		return Audit(ctx, access.org.id, actor.user_id, "asset.update", "asset:" + std::to_string(asset.id),
		             {{"before", AssetJson(*before)}, {"after", AssetJson(asset)}});
	});
}

Result<Id> DuplicateAsset(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id asset_id) {
	auto original = FindOwnAsset(ctx, access, asset_id);
	if (!original) {
		return original.error();
	}
	storage::Asset copy = *original;
	copy.id = 0;
	return CreateAsset(ctx, actor, access, copy);
}

Status DeleteAsset(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id asset_id) {
	if (!access.CanEdit()) {
		return kEditOnly;
	}
	auto asset = FindOwnAsset(ctx, access, asset_id);
	if (!asset) {
		return asset.error();
	}
	return ctx.store.InTransaction([&]() -> Status {
		if (auto status = ctx.store.DeleteAsset(access.org.id, asset_id); !status) {
			return status;
		}
		return Audit(ctx, access.org.id, actor.user_id, "asset.delete", "asset:" + std::to_string(asset_id),
		             AssetJson(*asset));
	});
}

Result<int> ApplyAssetTemplate(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                               const std::string &template_id) {
	if (!access.CanEdit()) {
		return kEditOnly;
	}
	const Edition &edition = access.EditionOf(ctx.catalog);
	const AssetTemplate *tmpl = nullptr;
	for (const auto &candidate : edition.asset_templates) {
		if (candidate.id == template_id) {
			tmpl = &candidate;
		}
	}
	if (tmpl == nullptr) {
		return Error::Invalid("template_id", "app_risk.template_choose");
	}
	const std::string today = ctx.clock.TodayInJapan();
	const std::string now = ctx.clock.NowIso();
	auto status = ctx.store.InTransaction([&]() -> Status {
		for (const auto &row : tmpl->rows) {
			storage::Asset asset;
			asset.org_id = access.org.id;
			asset.business_category = row.business_category;
			asset.name = row.name;
			asset.note = row.note;
			asset.users = row.users;
			asset.department = row.department;
			asset.medium = row.medium;
			asset.personal_info = row.personal_info;
			asset.sensitive_personal_info = row.sensitive_personal_info;
			asset.my_number = row.my_number;
			asset.confidentiality = row.confidentiality;
			asset.integrity = row.integrity;
			asset.availability = row.availability;
			asset.business_critical = row.business_critical;
			asset.retention = row.retention;
			asset.risk_owner = row.risk_owner;
			asset.registered_on = today;
			asset.updated_at = now;
			if (auto created = ctx.store.CreateAsset(asset); !created) {
				return created.error();
			}
		}
		return Audit(ctx, access.org.id, actor.user_id, "asset.template", "template:" + tmpl->id,
		             {{"rows", tmpl->rows.size()}, {"name", tmpl->name}});
	});
	if (!status) {
		return status.error();
	}
	return static_cast<int>(tmpl->rows.size());
}

Status ReplaceRegister(AppContext &ctx, const Actor &actor, const OrgAccess &access,
                       std::vector<storage::Asset> assets, const std::string &source) {
	if (!access.CanEdit()) {
		return kEditOnly;
	}
	if (assets.size() > kMaxAssets) {
		return Error::Invalid("rows", "app_risk.too_many_rows", {{"max", std::to_string(kMaxAssets)}});
	}
	const Edition &edition = access.EditionOf(ctx.catalog);
	const std::string today = ctx.clock.TodayInJapan();
	for (size_t idx = 0; idx < assets.size(); ++idx) {
		if (auto status = ValidateAsset(edition, assets[idx]); !status) {
			Error error = status.error();
			error.field = "rows[" + std::to_string(idx) + "]." + error.field;
			return error;
		}
		assets[idx].org_id = access.org.id;
		if (assets[idx].registered_on.empty() || !IsIsoDate(assets[idx].registered_on)) {
			assets[idx].registered_on = today;
		}
	}
	return ctx.store.InTransaction([&]() -> Status {
		if (auto status = ctx.store.ReplaceAssets(access.org.id, assets); !status) {
			return status;
		}
		return Audit(ctx, access.org.id, actor.user_id, "asset.import", source, {{"rows", assets.size()}});
	});
}

Status SetThreatFrequency(AppContext &ctx, const Actor &actor, const OrgAccess &access, const std::string &threat_id,
                          int frequency) {
	if (!access.CanEdit()) {
		return kEditOnly;
	}
	const Edition &edition = access.EditionOf(ctx.catalog);
	if (edition.risk_catalog.FindThreat(threat_id) == nullptr) {
		return Error::Invalid("threat_id", "app_risk.threat_unknown");
	}
	if (frequency < edition.risk_scale.threat_min || frequency > edition.risk_scale.threat_max) {
		return Error::Invalid("frequency", "app_risk.frequency_choose");
	}
	return ctx.store.InTransaction([&]() -> Status {
		if (auto status = ctx.store.UpsertThreatFrequency({access.org.id, threat_id, frequency}); !status) {
			return status;
		}
		return Audit(ctx, access.org.id, actor.user_id, "threat.frequency", "threat:" + threat_id,
		             {{"frequency", frequency}});
	});
}

Status SetControlAnswer(AppContext &ctx, const Actor &actor, const OrgAccess &access, const std::string &item_id,
                        int answer, bool planned) {
	if (!access.CanEdit()) {
		return kEditOnly;
	}
	const Edition &edition = access.EditionOf(ctx.catalog);
	if (edition.risk_catalog.FindCheckItem(item_id) == nullptr) {
		return Error::Invalid("item_id", "app_risk.check_item_unknown");
	}
	if (answer != 0 && !CheckAnswerFromInt(answer)) {
		return Error::Invalid("answer", "app_risk.answer_choose");
	}
	return ctx.store.InTransaction([&]() -> Status {
		Status stored = answer == 0 ? ctx.store.DeleteControlAnswer(access.org.id, item_id, planned)
		                            : ctx.store.UpsertControlAnswer({access.org.id, item_id, answer, ctx.clock.NowIso()}, planned);
		if (!stored) {
			return stored;
		}
		if (!planned && answer != 0) {
			// A real answer to the item settles what the old items' answers left open.
			if (Status resolved = ctx.store.DeleteAnswerReviewsFor(access.org.id, item_id); !resolved) {
				return resolved;
			}
		}
		return Audit(ctx, access.org.id, actor.user_id, planned ? "control.plan" : "control.answer", "item:" + item_id,
		             {{"answer", answer}});
	});
}

Result<std::vector<storage::AnswerReview>> ListAnswerReviews(AppContext &ctx, const OrgAccess &access) {
	return ctx.store.ListAnswerReviews(access.org.id);
}

Status ConfirmControlAnswer(AppContext &ctx, const Actor &actor, const OrgAccess &access, const std::string &item_id) {
	if (!access.CanEdit()) {
		return kEditOnly;
	}
	if (access.EditionOf(ctx.catalog).risk_catalog.FindCheckItem(item_id) == nullptr) {
		return Error::Invalid("item_id", "app_risk.check_item_unknown");
	}
	return ctx.store.InTransaction([&]() -> Status {
		if (Status resolved = ctx.store.DeleteAnswerReviewsFor(access.org.id, item_id); !resolved) {
			return resolved;
		}
		return Audit(ctx, access.org.id, actor.user_id, "control.review_confirm", "item:" + item_id, {});
	});
}

Status DismissAnswerReview(AppContext &ctx, const Actor &actor, const OrgAccess &access, const std::string &old_item_id) {
	if (!access.CanEdit()) {
		return kEditOnly;
	}
	auto reviews = ctx.store.ListAnswerReviews(access.org.id);
	if (!reviews) {
		return reviews.error();
	}
	auto found = std::find_if(reviews->begin(), reviews->end(),
	                          [&](const storage::AnswerReview &review) { return review.old_item_id == old_item_id; });
	if (found == reviews->end()) {
		// A form field names the review, so an unknown one is bad input (400), not a missing page.
		return Error::Invalid("old_item_id", "app_risk.review_not_found");
	}
	return ctx.store.InTransaction([&]() -> Status {
		if (Status deleted = ctx.store.DeleteAnswerReview(access.org.id, old_item_id); !deleted) {
			return deleted;
		}
		return Audit(ctx, access.org.id, actor.user_id, "control.review_dismiss", "item:" + old_item_id,
		             {{"answer", found->answer}, {"successor", found->successor_id}, {"reason", found->reason}});
	});
}

Status ClearPlannedAnswers(AppContext &ctx, const Actor &actor, const OrgAccess &access) {
	if (!access.CanEdit()) {
		return kEditOnly;
	}
	return ctx.store.InTransaction([&]() -> Status {
		if (auto status = ctx.store.ClearPlannedAnswers(access.org.id); !status) {
			return status;
		}
		return Audit(ctx, access.org.id, actor.user_id, "control.plan_clear", "org:" + std::to_string(access.org.id), {});
	});
}

Result<CheckAnswers> LoadAnswers(AppContext &ctx, const OrgAccess &access, bool planned) {
	auto rows = ctx.store.ListControlAnswers(access.org.id, planned);
	if (!rows) {
		return rows.error();
	}
	CheckAnswers answers;
	for (const auto &row : *rows) {
		if (auto answer = CheckAnswerFromInt(row.answer)) {
			answers[row.item_id] = *answer;
		}
	}
	return answers;
}

Result<std::map<std::string, int>> LoadFrequencies(AppContext &ctx, const OrgAccess &access) {
	auto rows = ctx.store.ListThreatFrequencies(access.org.id);
	if (!rows) {
		return rows.error();
	}
	std::map<std::string, int> values;
	for (const auto &row : *rows) {
		values[row.threat_id] = row.frequency;
	}
	return values;
}

Result<std::vector<storage::Asset>> ListAssets(AppContext &ctx, const OrgAccess &access) {
	return ctx.store.ListAssets(access.org.id);
}

Result<storage::Asset> FindAsset(AppContext &ctx, const OrgAccess &access, Id asset_id) {
	auto found = ctx.store.FindAsset(access.org.id, asset_id);
	if (!found) {
		return found.error();
	}
	if (!found->has_value()) {
		return Error::Make(ErrorCode::kNotFound, "app_risk.asset_not_found");
	}
	return **found;
}

Result<std::vector<storage::RiskTreatment>> ListTreatments(AppContext &ctx, const OrgAccess &access) {
	return ctx.store.ListTreatments(access.org.id);
}

Result<std::optional<storage::RiskTreatment>> FindTreatment(AppContext &ctx, const OrgAccess &access, Id asset_id,
                                                            const std::string &threat_id) {
	return ctx.store.FindTreatment(access.org.id, asset_id, threat_id);
}

namespace {

Result<std::shared_ptr<const RegisterAnalysis>> RunAnalysis(AppContext &ctx, const OrgAccess &access, bool with_planned,
                                                            const Edition &edition) {
	auto analysis = std::make_shared<RegisterAnalysis>();
	auto assets = ctx.store.ListAssets(access.org.id);
	if (!assets) {
		return assets.error();
	}
	analysis->assets = std::move(assets.value());
	for (const auto &asset : analysis->assets) {
		analysis->input.assets.push_back(ToRegisterAsset(asset));
	}
	auto frequencies = ctx.store.ListThreatFrequencies(access.org.id);
	if (!frequencies) {
		return frequencies.error();
	}
	for (const auto &frequency : *frequencies) {
		analysis->input.frequencies[frequency.threat_id] = frequency.frequency;
	}
	auto real = LoadAnswers(ctx, access, false);
	if (!real) {
		return real.error();
	}
	analysis->input.answers = std::move(real.value());
	auto planned = LoadAnswers(ctx, access, true);
	if (!planned) {
		return planned.error();
	}
	analysis->planned = std::move(planned.value());
	if (with_planned) {
		for (const auto &[item, answer] : analysis->planned) {
			analysis->input.answers[item] = answer;
		}
	}
	analysis->result = AnalyzeRegister(edition, analysis->input);
	return std::shared_ptr<const RegisterAnalysis>(std::move(analysis));
}

//! What a kept analysis costs, roughly: the stored rows, the analysis input and four threats each.
size_t AnalysisBytes(const RegisterAnalysis &analysis) {
	constexpr size_t kPerAsset = 2048;
	constexpr size_t kFixed = 16 * 1024;
	return kFixed + analysis.assets.size() * kPerAsset;
}

} // namespace

Result<std::shared_ptr<const RegisterAnalysis>> AnalyzeOrganization(AppContext &ctx, const OrgAccess &access,
                                                                    bool with_planned, const Catalog *content) {
	const Edition &edition = access.EditionOf(content != nullptr ? *content : ctx.catalog);
	return CachedOrgView<RegisterAnalysis>(
	    ctx, access.org.id, std::string(with_planned ? "analysis.planned:" : "analysis:") + KeyOf(&edition),
	    [&] { return RunAnalysis(ctx, access, with_planned, edition); }, AnalysisBytes);
}

std::optional<TreatmentDecision> ParseDecision(const std::string &name) {
	if (name == "reduce") {
		return TreatmentDecision::kReduce;
	}
	if (name == "accept") {
		return TreatmentDecision::kAccept;
	}
	if (name == "avoid") {
		return TreatmentDecision::kAvoid;
	}
	if (name == "transfer") {
		return TreatmentDecision::kTransfer;
	}
	return std::nullopt;
}

std::string_view DecisionLabel(const std::string &name) {
	if (name == "reduce") {
		return "app_risk.decision.reduce";
	}
	if (name == "accept") {
		return "app_risk.decision.accept";
	}
	if (name == "avoid") {
		return "app_risk.decision.avoid";
	}
	if (name == "transfer") {
		return "app_risk.decision.transfer";
	}
	return "app_risk.decision.undecided";
}

//! The current risk value and level of (asset, threat), from the real answers.
static Result<const ThreatAssessment *> FindRisk(const RegisterAnalysis &analysis, Id asset_id,
                                                 const std::string &threat_id) {
	for (const auto &asset : analysis.result.assets) {
		if (asset.asset->key != std::to_string(asset_id)) {
			continue;
		}
		for (const auto &threat : asset.threats) {
			if (threat.threat->id == threat_id) {
				return &threat;
			}
		}
	}
	return Error::Invalid("threat_id", "app_risk.threat_not_for_asset");
}

Result<Id> SaveTreatment(AppContext &ctx, const Actor &actor, const OrgAccess &access, storage::RiskTreatment treatment) {
	if (!access.CanEdit()) {
		return kEditOnly;
	}
	auto asset = FindOwnAsset(ctx, access, treatment.asset_id);
	if (!asset) {
		return asset.error();
	}
	auto analysis = AnalyzeOrganization(ctx, access, false);
	if (!analysis) {
		return analysis.error();
	}
	auto risk = FindRisk(**analysis, treatment.asset_id, treatment.threat_id);
	if (!risk) {
		return risk.error();
	}
	const bool high = (*risk)->level != nullptr && (*risk)->level->id == "high";
	auto decision = ParseDecision(treatment.decision);
	if (!decision) {
		return Error::Invalid("decision", "app_risk.treatment.decision_choose");
	}
	if (*decision != TreatmentDecision::kAccept && Blank(treatment.measure)) {
		return Error::Invalid("measure", "app_risk.treatment.measure_required");
	}
	if (*decision == TreatmentDecision::kAccept && high && Blank(treatment.reason)) {
		return Error::Invalid("reason", "app_risk.treatment.reason_required");
	}
	if (!treatment.due_on.empty() && !IsIsoDate(treatment.due_on)) {
		return Error::Invalid("due_on", "app_risk.treatment.due_on_invalid");
	}
	if (*decision != TreatmentDecision::kAccept && treatment.due_on.empty()) {
		return Error::Invalid("due_on", "app_risk.treatment.due_on_required");
	}
	if (treatment.residual_risk < 0 || treatment.residual_risk > (*risk)->risk_value) {
		return Error::Invalid("residual_risk", "app_risk.treatment.residual_range",
		                      {{"max", std::to_string((*risk)->risk_value)}});
	}
	if (*decision == TreatmentDecision::kReduce) {
		// 低減 improves the vulnerability only; 重要度 and 脅威 stay as they are (手順3 ①, 表14).
		const ThreatAssessment &current = **risk;
		const int importance = current.possibility > 0 ? current.risk_value / current.possibility : 0;
		const auto reachable = RiskValuesByReduction(access.EditionOf(ctx.catalog).risk_scale, importance,
		                                             current.frequency, current.vulnerability);
		if (std::find(reachable.begin(), reachable.end(), treatment.residual_risk) == reachable.end()) {
			std::string values;
			for (int value : reachable) {
				values += (values.empty() ? "" : ", ") + std::to_string(value);
			}
			return Error::Invalid("residual_risk", "app_risk.treatment.residual_reduce", {{"values", values}});
		}
	}
	for (const auto *text : {&treatment.measure, &treatment.owner, &treatment.reason}) {
		if (text->size() > kMaxNoteBytes) {
			return Error::Invalid("measure", "app_risk.treatment.text_too_long");
		}
	}
	treatment.org_id = access.org.id;
	treatment.updated_at = ctx.clock.NowIso();
	// Changing an approved acceptance withdraws the approval: the 経営者 approved what was written then.
	auto existing = ctx.store.FindTreatment(access.org.id, treatment.asset_id, treatment.threat_id);
	if (!existing) {
		return existing.error();
	}
	treatment.approved_by.reset();
	treatment.approved_at.clear();
	if (existing->has_value() && (*existing)->decision == treatment.decision && (*existing)->reason == treatment.reason) {
		treatment.approved_by = (*existing)->approved_by;
		treatment.approved_at = (*existing)->approved_at;
	}
	Id id = 0;
	auto status = ctx.store.InTransaction([&]() -> Status {
		auto saved = ctx.store.UpsertTreatment(treatment);
		if (!saved) {
			return saved.error();
		}
		id = *saved;
		return Audit(ctx, access.org.id, actor.user_id, "risk.treatment",
		             "asset:" + std::to_string(treatment.asset_id) + "/" + treatment.threat_id,
		             {{"decision", treatment.decision},
		              {"measure", treatment.measure},
		              {"owner", treatment.owner},
		              {"due_on", treatment.due_on},
		              {"residual_risk", treatment.residual_risk},
		              {"reason", treatment.reason},
		              {"completed", treatment.completed}});
	});
	if (!status) {
		return status.error();
	}
	return id;
}

Status ApproveAcceptance(AppContext &ctx, const Actor &actor, const OrgAccess &access, Id asset_id,
                         const std::string &threat_id) {
	if (!access.CanApproveRisk()) {
		return Error::Make(ErrorCode::kForbidden, "app_risk.approve_forbidden");
	}
	auto existing = ctx.store.FindTreatment(access.org.id, asset_id, threat_id);
	if (!existing) {
		return existing.error();
	}
	if (!existing->has_value() || (*existing)->decision != "accept") {
		return Error::Invalid("decision", "app_risk.approve_only_accept");
	}
	storage::RiskTreatment approved = **existing;
	approved.approved_by = actor.user_id;
	approved.approved_at = ctx.clock.NowIso();
	return ctx.store.InTransaction([&]() -> Status {
		if (auto saved = ctx.store.UpsertTreatment(approved); !saved) {
			return saved.error();
		}
		return Audit(ctx, access.org.id, actor.user_id, "risk.accept_approve",
		             "asset:" + std::to_string(asset_id) + "/" + threat_id, {{"reason", approved.reason}});
	});
}

Result<std::vector<OverdueTreatment>> OverdueTreatments(AppContext &ctx, const OrgAccess &access,
                                                        const Catalog *content) {
	auto treatments = ctx.store.ListTreatments(access.org.id);
	if (!treatments) {
		return treatments.error();
	}
	auto assets = ctx.store.ListAssets(access.org.id);
	if (!assets) {
		return assets.error();
	}
	std::map<Id, std::string> names;
	for (const auto &asset : *assets) {
		names[asset.id] = asset.name;
	}
	const Edition &edition = access.EditionOf(content != nullptr ? *content : ctx.catalog);
	const std::string today = ctx.clock.TodayInJapan();
	std::vector<OverdueTreatment> overdue;
	for (const auto &treatment : *treatments) {
		if (treatment.completed || treatment.due_on.empty() || treatment.due_on >= today) {
			continue;
		}
		const RiskThreat *threat = edition.risk_catalog.FindThreat(treatment.threat_id);
		overdue.push_back({treatment, names[treatment.asset_id], threat ? threat->name : treatment.threat_id});
	}
	return overdue;
}

} // namespace mamori::app
