// mamori/app/languages.cpp
#include "app/languages.hpp"

#include "app/audit.hpp"
#include "core/catalog/catalogs.hpp"

namespace mamori::app {

std::optional<Locale> ChosenLocaleOf(const storage::User &user) { return ParseLocale(user.locale); }

Status SetUserLanguage(AppContext &ctx, Id user_id, Locale locale) {
	return ctx.store.UpdateUserLocale(user_id, std::string(LocaleCode(locale)));
}

Locale DocumentLocaleOf(const storage::Organization &org) {
	return ParseLocale(org.document_locale).value_or(kDefaultLocale);
}

const Catalog &DocumentContentOf(const AppContext &ctx, const storage::Organization &org) {
	return ctx.catalogs != nullptr ? ctx.catalogs->In(DocumentLocaleOf(org)) : ctx.catalog;
}

Status SetDocumentLanguage(AppContext &ctx, const Actor &actor, const OrgAccess &access, Locale locale) {
	if (!access.CanEdit()) {
		return Error::Make(ErrorCode::kForbidden, "errors.role.editors_only");
	}
	storage::Organization updated = access.org;
	updated.document_locale = std::string(LocaleCode(locale));
	if (updated.document_locale == access.org.document_locale) {
		return OkStatus();
	}
	return ctx.store.InTransaction([&]() -> Status {
		MAMORI_TRY(ctx.store.UpdateOrganization(updated));
		return Audit(ctx, updated.id, actor.user_id, "org.document_language", "org:" + std::to_string(updated.id),
		             {{"before", access.org.document_locale}, {"after", updated.document_locale}});
	});
}

} // namespace mamori::app
