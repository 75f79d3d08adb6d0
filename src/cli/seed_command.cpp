// mamori/cli/seed_command.cpp
//
// `mamori seed`: fills a database with N organisations, each with a few
// departments' answers, for benchmarks (docs/performance.md). All
// organisations belong to one account so a single session can reach them.
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"

#include "app/accounts.hpp"
#include "app/cloud_services.hpp"
#include "app/organizations.hpp"
#include "app/partners.hpp"
#include "app/risk_service.hpp"
#include "app/selfcheck_service.hpp"
#include "platform/files.hpp"
#include "storage/open_store.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <iostream>

namespace mamori::cli {

int RunSeed(const Args &args) {
	auto parsed = ParseArgs(args, {"db", "orgs", "email", "password", "assets", "partners"}, {});
	if (!parsed) {
		return ReportError(parsed.error());
	}
	int org_count = 0;
	const std::string count_text = parsed->Value("orgs", "1000");
	auto [end, ec] = std::from_chars(count_text.data(), count_text.data() + count_text.size(), org_count);
	if (ec != std::errc() || end != count_text.data() + count_text.size() || org_count < 1 || org_count > 100000) {
		return ReportError(Error::Invalid("--orgs", "cli.errors.orgs_range"));
	}
	int partner_count = 0;
	const std::string partners_text = parsed->Value("partners", "0");
	auto [partners_end, partners_ec] =
	    std::from_chars(partners_text.data(), partners_text.data() + partners_text.size(), partner_count);
	if (partners_ec != std::errc() || partners_end != partners_text.data() + partners_text.size() || partner_count < 0 ||
	    partner_count > 1000) {
		return ReportError(Error::Invalid("--partners", "cli_partners.partners_range"));
	}
	if (!parsed->Has("db")) {
		return ReportError(Error::Invalid("--db", "cli.errors.db_required"));
	}
	auto content_dir = platform::LocateResourceDir("content");
	if (!content_dir) {
		return ReportError(content_dir.error());
	}
	auto catalog = platform::LoadCatalog(*content_dir);
	if (!catalog) {
		return ReportError(catalog.error());
	}
	auto store = storage::OpenStore(parsed->Value("db"));
	if (!store) {
		return ReportError(store.error());
	}
	app::AppContext ctx{*catalog, **store};
	const std::string email = parsed->Value("email", "bench@example.jp");
	auto user_id = app::CreateAccount(ctx, {email, parsed->Value("password", "bench-Passphrase-2025"), "bench", false},
	                                  std::nullopt);
	if (!user_id) {
		return ReportError(user_id.error());
	}
	const app::Actor actor{*user_id, email, false};
	const int item_count = catalog->DefaultEdition().ItemCount();
	const char *industries[] = {"manufacturing", "wholesale", "retail", "services", "other"};
	// Sample data in the language of the person running the benchmark; the
	// default Japanese keeps the text widths of real registers.
	const MessageCatalog *messages = CliMessages();
	const Locale locale = CliLocale();
	const auto text = [&](std::string_view key, MessageParams params = {}) {
		return messages != nullptr ? messages->Text(locale, key, params) : std::string(key);
	};
	const std::string departments[] = {text("cli.seed.department_sales"), text("cli.seed.department_factory"),
	                                   text("cli.seed.department_general")};
	for (int org_idx = 0; org_idx < org_count; ++org_idx) {
		auto status = ctx.store.InTransaction([&]() -> Status {
			app::OrganizationInput input{text("cli.seed.organisation", {{"number", std::to_string(org_idx + 1)}}),
			                             industries[org_idx % 5],
			                             10'000'000LL * (1 + org_idx % 30), 5 + org_idx % 200};
			auto org_id = app::CreateOrganization(ctx, actor, input);
			if (!org_id) {
				return org_id.error();
			}
			auto access = app::AccessOrganization(ctx, actor.user_id, *org_id);
			if (!access) {
				return access.error();
			}
			for (int dept_idx = 0; dept_idx < 3; ++dept_idx) {
				AnswerSheet answers;
				for (int item = 1; item <= item_count; ++item) {
					answers[item] = static_cast<Answer>((item * 7 + org_idx * 3 + dept_idx * 5) % 4);
				}
				auto saved = app::SaveAnswers(ctx, actor, *access, departments[dept_idx], answers,
				                              app::SaveMode::kReplace, true);
				if (!saved) {
					return saved.error();
				}
			}
			return OkStatus();
		});
		if (!status) {
			return ReportError(status.error());
		}
	}
	// The register of the first organisation gets --assets rows, for the
	// register-page benchmark.
	int asset_count = 0;
	const std::string assets_text = parsed->Value("assets", "0");
	auto [assets_end, assets_ec] = std::from_chars(assets_text.data(), assets_text.data() + assets_text.size(), asset_count);
	if (assets_ec != std::errc() || assets_end != assets_text.data() + assets_text.size() || asset_count < 0 ||
	    asset_count > 20000) {
		return ReportError(Error::Invalid("--assets", "cli.errors.assets_range"));
	}
	if (asset_count > 0) {
		auto access = app::AccessOrganization(ctx, actor.user_id, 1);
		if (!access) {
			return ReportError(access.error());
		}
		const auto &media = catalog->DefaultEdition().risk_catalog.media;
		std::vector<storage::Asset> rows;
		for (int idx = 0; idx < asset_count; ++idx) {
			storage::Asset asset;
			const MessageParams category_number = {{"number", std::to_string(idx % 10)}};
			asset.business_category =
			    idx % 2 ? text("cli.seed.category_sales", category_number) : text("cli.seed.category_accounting", category_number);
			asset.name = text("cli.seed.asset", {{"number", std::to_string(idx + 1)}});
			asset.department = idx % 3 ? departments[0] : departments[2];
			asset.medium = media[static_cast<size_t>(idx) % media.size()].id;
			asset.confidentiality = idx % 3;
			asset.integrity = (idx / 3) % 3;
			asset.availability = (idx / 9) % 3;
			asset.personal_info = idx % 7 == 0;
			rows.push_back(asset);
		}
		if (auto status = app::ReplaceRegister(ctx, actor, *access, rows, "seed"); !status) {
			return ReportError(status.error());
		}
	}
	// The first organisation gets --partners outsourcing partners and as many
	// cloud services, each with its own documents (issue 8).
	if (partner_count > 0) {
		auto access = app::AccessOrganization(ctx, actor.user_id, 1);
		if (!access) {
			return ReportError(access.error());
		}
		for (int idx = 0; idx < partner_count; ++idx) {
			const MessageParams number = {{"number", std::to_string(idx + 1)}};
			storage::OutsourcingPartner partner;
			partner.name = text("cli_partners.partner", number);
			partner.work = text("cli_partners.work");
			partner.information = text("cli_partners.information");
			if (auto created = app::CreatePartner(ctx, actor, *access, partner); !created) {
				return ReportError(created.error());
			}
			storage::CloudService service;
			service.name = text("cli_partners.service", number);
			service.provider = text("cli_partners.provider");
			if (auto created = app::CreateCloudService(ctx, actor, *access, service); !created) {
				return ReportError(created.error());
			}
		}
	}
	std::cout << nlohmann::json{{"organizations", org_count}, {"email", email}, {"assets", asset_count}, {"partners", partner_count}}
	                 .dump()
	          << std::endl;
	return kExitOk;
}

} // namespace mamori::cli
