"""Who may do what at the reception desk. Views and services ask here; nothing else decides."""

from __future__ import annotations

from tiepdan.org.roles import Role
from tiepdan.org.selectors import has_role, is_read_only, staff_of
from tiepdan.people.policies import sees_denouncer_identity

RECORD_ROLES = (Role.RECEPTION_OFFICER, Role.INSPECTION, Role.LEADERSHIP, Role.ADMINISTRATOR)
# The notice of a mass visit goes to these roles (and to the advisory unit's head); they acknowledge it.
ACKNOWLEDGE_ROLES = (Role.LEADERSHIP, Role.INSPECTION)
# The planning office keeps order and security at the reception place (the department's plan).
INCIDENT_ROLES = (Role.PLANNING_OFFICE, Role.ADMINISTRATOR)
SCHEDULE_VIEW_ROLES = (
    Role.RECEPTION_OFFICER, Role.INSPECTION, Role.LEADERSHIP, Role.ADMINISTRATOR, Role.AUDITOR,
    Role.PLANNING_OFFICE,
)
SCHEDULE_MANAGE_ROLES = (Role.RECEPTION_OFFICER, Role.INSPECTION, Role.LEADERSHIP, Role.ADMINISTRATOR)


def _writer(user, roles) -> bool:
    return staff_of(user) is not None and has_role(user, *roles) and not is_read_only(user)


def may_record_visits(user) -> bool:
    return _writer(user, RECORD_ROLES)


def may_acknowledge_mass_visits(user) -> bool:
    return _writer(user, ACKNOWLEDGE_ROLES)


def may_record_incidents(user) -> bool:
    return _writer(user, INCIDENT_ROLES)


def may_view_schedule(user) -> bool:
    return staff_of(user) is not None and has_role(user, *SCHEDULE_VIEW_ROLES)


def may_manage_schedule(user) -> bool:
    return _writer(user, SCHEDULE_MANAGE_ROLES)


def may_see_identity(user, visit) -> bool:
    """TC-CONFID: a denunciation visit's denouncers (and its original content) are shown to the leadership
    and the inspection only — not to the desk that recorded it, nor to the units; anyone may see the
    visitors of another kind of visit they may open."""
    if not visit.is_denunciation:
        return True
    return bool(user.is_authenticated) and staff_of(user) is not None and sees_denouncer_identity(user)


def may_see_denouncers(user) -> bool:
    """Whether the user may ever see a denouncer at the desk (the returning-citizen lookup's matches)."""
    return bool(user.is_authenticated) and staff_of(user) is not None and sees_denouncer_identity(user)
