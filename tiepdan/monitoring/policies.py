"""Who may see and do what in monitoring. One place; views ask here and nowhere else.

- The dashboard: every staff role but the unions; unit staff see their units' numbers only.
- Commune risk, forecasts, the map and the whole register: the roles that see the whole agency
  (leadership, inspection, auditor, administrator). Unit staff see the hot spots of their units.
- Acting on a hot spot (owner, status, dismissal): leadership and inspection; recording an action:
  those, the hot spot's owner and the head of its unit. The auditor only reads.
- Uploading the communes' boundaries: administrator and inspection.
"""

from __future__ import annotations

from tiepdan.org.roles import Role
from tiepdan.org.selectors import has_role, is_read_only, sees_whole_agency, staff_of, visible_unit_ids

DASHBOARD_ROLES = frozenset(Role) - {Role.TRADE_UNION, Role.YOUTH_UNION}
MANAGE_ROLES = (Role.LEADERSHIP, Role.INSPECTION)
MAP_ROLES = (Role.ADMINISTRATOR, Role.INSPECTION)


def can_view_dashboard(user) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return staff_of(user) is not None and has_role(user, *DASHBOARD_ROLES)


def sees_agency_monitoring(user) -> bool:
    return can_view_dashboard(user) and sees_whole_agency(user)


def can_manage_hot_spot(user, hot_spot=None) -> bool:
    return has_role(user, *MANAGE_ROLES) and not is_read_only(user)


def can_record_action(user, hot_spot) -> bool:
    if is_read_only(user) or not can_view_dashboard(user):
        return False
    if can_manage_hot_spot(user) or hot_spot.owner_id == user.pk:
        return True
    ids = visible_unit_ids(user)
    return has_role(user, Role.UNIT_HEAD) and (ids is None or hot_spot.unit_id in ids)


def can_upload_map(user) -> bool:
    return has_role(user, *MAP_ROLES) and not is_read_only(user)
