// mamori/app/member_rules.hpp
//
// Who a 外部専門家 (consultant, issue 12) may bring into a firm, and take out of it. The consultant
// coaches with an editor's rights but approves no risk and deletes nothing (OrgAccess), so they
// may give only roles at or below those rights: another 外部専門家 (a colleague on the
// engagement), 回答者 and 閲覧者. The 経営者 approves accepting a 大 risk and the 組織管理者 deletes
// the organisation: the firm gives those roles itself. The 情報セキュリティ責任者 edits as the
// consultant does but also gives every role, so a 責任者 of the consultant's choosing would lift
// this rule: the firm names its leads. One exception lets a firm take ownership of a client the
// consultant registered: while the firm has no 組織管理者 or 責任者 at all (signed up or invited),
// the consultant may invite its first lead, an 組織管理者 or a 責任者. A consultant cannot take a
// firm's lead out either, once that person has signed up: removing the firm's leads would reopen
// the exception. Pure: the callers look the facts up.
#pragma once

#include "app/records.hpp"

namespace mamori::app {

//! 組織管理者 and 情報セキュリティ責任者: the firm's own people who manage the organisation (the
//! account-deletion rule and the consultant's first-admin exception count these).
bool IsFirmLead(Role role);

//! Whether a consultant may invite someone with `role`. `firm_has_lead`: the organisation already
//! has a 組織管理者 or 責任者, signed up or invited (then no further lead: the firm names them).
bool ConsultantMayInvite(Role role, bool firm_has_lead);

//! Whether a consultant may remove a member with `role`. `signed_up`: the member has set a
//! password; an invitation not yet accepted (a mistyped address, an expired link) may be corrected.
bool ConsultantMayRemove(Role role, bool signed_up);

//! The message key of a consultant's refused invitation (field `role`).
const char *ConsultantInviteRefusal(Role role);

} // namespace mamori::app
