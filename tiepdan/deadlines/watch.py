"""The deadline watch: near-due and overdue notices, escalation of overdue items to the leadership.

Idempotent and race-safe: each notice is claimed with a conditional UPDATE
(`... WHERE near_notified_on IS NULL`), so two runs at once, or a rerun the same day, never send
the same notice twice (the pattern of healthchecks' sendalerts).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Q

from tiepdan.deadlines.calendar import working_calendar
from tiepdan.deadlines.models import Deadline, DeadlineStatus
from tiepdan.notifications.services import notify
from tiepdan.org.roles import Role


@dataclass
class WatchResult:
    near: int = 0
    overdue: int = 0
    escalated: int = 0
    notices: int = 0


def _users_with_role(role: Role, unit_id: int | None = None):
    users = get_user_model().objects.filter(is_active=True, groups__name=role.value)
    if unit_id is not None:
        users = users.filter(staff__unit_id=unit_id)
    return list(users.distinct())


def _link(deadline: Deadline) -> str:
    subject = deadline.subject
    get_url = getattr(subject, "get_absolute_url", None)
    return get_url() if get_url else ""


def _claim(deadline: Deadline, field: str, today: date) -> bool:
    return Deadline.objects.filter(pk=deadline.pk, **{f"{field}__isnull": True}).update(**{field: today}) == 1


def horizon(today: date, near_working_days: int) -> date:
    calendar = working_calendar()
    day = today
    for _ in range(near_working_days):
        day = calendar.next_working_day(day)
    return day


def run_watch(*, today: date, near_working_days: int = 3) -> WatchResult:
    result = WatchResult()
    open_items = Deadline.objects.filter(status=DeadlineStatus.OPEN, due_on__isnull=False).select_related(
        "unit", "handler"
    )
    until = horizon(today, near_working_days)
    inspection = _users_with_role(Role.INSPECTION)
    leadership = _users_with_role(Role.LEADERSHIP)
    heads: dict[int, list] = {}

    def audience(d: Deadline) -> list:
        if d.unit_id not in heads:
            heads[d.unit_id] = _users_with_role(Role.UNIT_HEAD, d.unit_id)
        return ([d.handler] if d.handler else []) + heads[d.unit_id] + inspection

    near = open_items.filter(due_on__gte=today, due_on__lte=until, near_notified_on__isnull=True)
    for d in near.iterator(chunk_size=500):
        if _claim(d, "near_notified_on", today):
            result.near += 1
            result.notices += notify(
                recipients=audience(d),
                kind="deadline_near",
                title=f"Sắp đến hạn {d.due_on:%d/%m/%Y}: {d.label}",
                body=f"{d.rule_id} — {d.source}",
                link=_link(d),
                key=f"near:{d.pk}",
            )
    overdue = open_items.filter(due_on__lt=today).filter(
        Q(overdue_notified_on__isnull=True) | Q(escalated_on__isnull=True)
    )
    for d in overdue.iterator(chunk_size=500):
        if _claim(d, "overdue_notified_on", today):
            result.overdue += 1
            result.notices += notify(
                recipients=audience(d),
                kind="deadline_overdue",
                title=f"Quá hạn từ {d.due_on:%d/%m/%Y}: {d.label}",
                body=f"{d.rule_id} — {d.source}",
                link=_link(d),
                key=f"overdue:{d.pk}",
            )
        if _claim(d, "escalated_on", today):
            result.escalated += 1
            result.notices += notify(
                recipients=leadership,
                kind="deadline_escalated",
                title=f"Báo cáo lãnh đạo — việc quá hạn: {d.label} ({d.unit.name})",
                body=f"Hạn {d.due_on:%d/%m/%Y} theo {d.source}.",
                link=_link(d),
                key=f"escalated:{d.pk}",
            )
    return result
