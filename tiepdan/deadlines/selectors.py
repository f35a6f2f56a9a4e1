"""Reads of deadlines: scoped by unit, one query per list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import QuerySet

from tiepdan.deadlines.models import Deadline, DeadlineStatus
from tiepdan.org.selectors import scope_by_unit

NEAR_DUE_DAYS = 3


def deadlines_visible_to(user) -> QuerySet[Deadline]:
    # The subject (letter, visit, case) is a generic relation: prefetch it, one query per kind.
    return scope_by_unit(
        Deadline.objects.select_related("unit", "content_type", "handler").prefetch_related("subject"), user
    )


def open_deadlines_visible_to(user) -> QuerySet[Deadline]:
    return deadlines_visible_to(user).filter(status=DeadlineStatus.OPEN)


def deadlines_for(subject) -> QuerySet[Deadline]:
    from django.contrib.contenttypes.models import ContentType

    ct = ContentType.objects.get_for_model(subject)
    return Deadline.objects.filter(content_type=ct, object_id=subject.pk).order_by("created_at", "id")


@dataclass
class MyWork:
    overdue_count: int
    near_count: int
    open_count: int
    urgent: list[Deadline]


def my_work(user, *, today: date, near_days: int = NEAR_DUE_DAYS) -> MyWork:
    qs = open_deadlines_visible_to(user).filter(due_on__isnull=False)
    horizon = today + timedelta(days=near_days + 4)  # calendar days covering near_days working days
    overdue = qs.filter(due_on__lt=today).count()
    near = qs.filter(due_on__gte=today, due_on__lte=horizon).count()
    urgent = list(qs.filter(due_on__lte=horizon).order_by("due_on", "id")[:20])
    return MyWork(overdue_count=overdue, near_count=near, open_count=qs.count(), urgent=urgent)
