"""Who may see what of a citizen. Plain decisions over roles; the selectors and views ask here."""

from __future__ import annotations

from tiepdan.org.roles import Role
from tiepdan.org.selectors import has_role, is_read_only, sees_whole_agency, staff_of

# TC-CONFID (Law 25/2018 Art 47; Law 42/2013 Art 25): a denouncer's identity is shown only to the
# leadership and the inspection; everyone else sees "(giữ bí mật)" in lists, exports and histories.
IDENTITY_ROLES = (Role.LEADERSHIP, Role.INSPECTION)
# The reception desk must recognise a returning citizen whatever unit handled them before.
ALL_CITIZENS_ROLES = (Role.RECEPTION_OFFICER,)


def sees_denouncer_identity(user) -> bool:
    return has_role(user, *IDENTITY_ROLES)


def sees_all_citizens(user) -> bool:
    return sees_whole_agency(user) or has_role(user, *ALL_CITIZENS_ROLES)


def may_merge_citizens(user) -> bool:
    return has_role(user, Role.ADMINISTRATOR, Role.INSPECTION)


def may_edit_citizens(user) -> bool:
    return staff_of(user) is not None and not is_read_only(user)
