"""Writes of deadlines. Every date comes from `tiepdan.legal`; nothing here counts days."""

from __future__ import annotations

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q

from tiepdan.deadlines.calendar import working_calendar
from tiepdan.deadlines.models import Deadline, DeadlineStatus
from tiepdan.legal.calendar import WorkingCalendar
from tiepdan.legal.deadline import Suspension, compute_deadline


def _apply(deadline: Deadline, calendar: WorkingCalendar) -> None:
    suspensions = [
        Suspension(start=date.fromisoformat(s), end=date.fromisoformat(e) if e else None)
        for s, e in deadline.suspensions
    ]
    result = compute_deadline(
        deadline.rule_id,
        deadline.start,
        calendar=calendar,
        variant=deadline.variant or None,
        extensions=deadline.extensions,
        suspensions=suspensions,
    )
    deadline.rule_id = result.rule_id
    deadline.due_on = result.due
    deadline.days = result.days
    deadline.unit_of_time = str(result.unit)
    deadline.source = result.source
    deadline.explanation = result.as_json()["explanation"]


def track(
    *,
    subject,
    unit,
    rule_id: str,
    start: date,
    label: str,
    handler=None,
    variant: str | None = None,
    extensions: int = 0,
) -> Deadline:
    """Start a statutory time limit for `subject` (a letter, visit or case)."""
    deadline = Deadline(
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        unit=unit,
        handler=handler,
        rule_id=rule_id,
        label=label,
        start=start,
        variant=variant or "",
        extensions=extensions,
    )
    _apply(deadline, working_calendar())
    deadline.save()
    return deadline


def open_deadlines_of(subject, *rule_prefixes: str):
    ct = ContentType.objects.get_for_model(subject)
    qs = Deadline.objects.filter(content_type=ct, object_id=subject.pk, status=DeadlineStatus.OPEN)
    if rule_prefixes:
        condition = Q()
        for prefix in rule_prefixes:
            # "KN-ACCEPT" matches the regime variants KN-ACCEPT-A/-B, never another rule ("TC-T" ≠ "TC-TX").
            condition |= Q(rule_id=prefix) | Q(rule_id__startswith=f"{prefix}-")
        qs = qs.filter(condition)
    return qs


@transaction.atomic
def update_deadlines(subject, rule_prefixes: tuple[str, ...], **changes) -> list[Deadline]:
    """Change variant / extensions / suspensions of open deadlines and recompute their dates."""
    calendar = working_calendar()
    updated = []
    for deadline in open_deadlines_of(subject, *rule_prefixes).select_for_update():
        for field, value in changes.items():
            setattr(deadline, field, value)
        _apply(deadline, calendar)
        deadline.save()
        updated.append(deadline)
    return updated


def close_deadlines(
    subject, rule_prefixes: tuple[str, ...], *, on: date, status: str = DeadlineStatus.MET
) -> int:
    return open_deadlines_of(subject, *rule_prefixes).update(status=status, met_on=on)


@transaction.atomic
def recompute_open_deadlines(around: date) -> int:
    """After a calendar change: recompute the open deadlines whose counting window may include `around`."""
    calendar = working_calendar()
    count = 0
    affected = Deadline.objects.filter(status=DeadlineStatus.OPEN, start__lte=around).filter(
        Q(due_on__isnull=True) | Q(due_on__gte=around)
    )
    for deadline in affected.select_for_update():
        before = deadline.due_on
        _apply(deadline, calendar)
        if deadline.due_on != before:
            deadline.save()
            count += 1
    return count


def remap_unit(old_unit, new_unit) -> int:
    """Open deadlines follow their open items to the successor unit; met ones stay (history)."""
    return Deadline.objects.filter(unit=old_unit, status=DeadlineStatus.OPEN).update(unit=new_unit)
