"""Who may do what in coordination. Visibility is the selectors' job (scoped by unit); these say
whether a user who sees an object may act on it. The auditor (read-only) may never write."""

from __future__ import annotations

from tiepdan.org.roles import Role
from tiepdan.org.selectors import has_role, is_read_only, staff_of, visible_unit_ids

MANAGERS = (Role.LEADERSHIP, Role.INSPECTION, Role.ADMINISTRATOR)


def _writer(user) -> bool:
    return user.is_authenticated and staff_of(user) is not None and not is_read_only(user)


def _in_unit(user, unit_id: int | None) -> bool:
    staff = staff_of(user)
    return staff is not None and unit_id is not None and staff.unit_id == unit_id


def _unit_visible(user, unit_id: int) -> bool:
    ids = visible_unit_ids(user)
    return ids is None or unit_id in ids


def may_write(user) -> bool:
    return _writer(user)


def may_manage_periods(user) -> bool:
    return _writer(user) and has_role(user, *MANAGERS)


def may_manage_roster(user) -> bool:
    return _writer(user) and has_role(user, *MANAGERS, Role.PLANNING_OFFICE)


def may_submit_situation_report(user) -> bool:
    staff = staff_of(user)
    return _writer(user) and staff is not None and (staff.unit.is_advisory or has_role(user, Role.INSPECTION))


def may_report_plan_progress(user, unit_id: int) -> bool:
    """A unit reports on its own share; the inspection unit (which compiles the reports) for any unit."""
    if not _writer(user):
        return False
    return _in_unit(user, unit_id) or has_role(user, Role.INSPECTION, Role.ADMINISTRATOR)


def may_assign(user, lead_unit_id: int) -> bool:
    """The head of the lead unit, the inspection unit and the leadership assign and transfer."""
    if not _writer(user):
        return False
    if has_role(user, *MANAGERS):
        return True
    return has_role(user, Role.UNIT_HEAD) and _unit_visible(user, lead_unit_id)


def may_comment(user) -> bool:
    return _writer(user)


def may_escalate(user) -> bool:
    return _writer(user)


def may_direct(user) -> bool:
    """Only the leadership gives directions (chỉ đạo) and closes an escalated matter."""
    return _writer(user) and has_role(user, Role.LEADERSHIP)


def may_complete_task(user, task) -> bool:
    if not _writer(user):
        return False
    if task.owner_id == user.pk or _in_unit(user, task.owner_unit_id):
        return True
    return has_role(user, Role.LEADERSHIP, Role.INSPECTION)


def may_add_actions(user, unit_id: int) -> bool:
    """Actions of a response plan, measures of a review: the unit that owns it or a manager."""
    return _writer(user) and (_in_unit(user, unit_id) or has_role(user, *MANAGERS, Role.UNIT_HEAD))


def may_record_for_unit(user, unit_id: int) -> bool:
    """Sessions, over-level events, reviews recorded for a unit: its own staff or a manager."""
    return _writer(user) and (_in_unit(user, unit_id) or has_role(user, *MANAGERS))
