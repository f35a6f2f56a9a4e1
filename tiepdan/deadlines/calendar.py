"""The agency's working-day calendar: the legal engine's shipped table plus administrators' rows.

Built once per change of the OfficialDay table (a cheap count/max query tells whether it changed)
so that a list of 50 items does not rebuild the calendar 50 times.
"""

from __future__ import annotations

import threading

from django.db.models import Count, Max

from tiepdan.deadlines.models import OfficialDay
from tiepdan.legal.calendar import CalendarEntry, WorkingCalendar, build_calendar

_lock = threading.Lock()
_cache: dict[str, tuple[tuple, WorkingCalendar]] = {}


def admin_entries() -> list[CalendarEntry]:
    return [
        CalendarEntry(day=row.day, kind=row.kind, reason=row.reason)
        for row in OfficialDay.objects.filter(withdrawn=False).order_by("day")
    ]


def working_calendar() -> WorkingCalendar:
    stamp = OfficialDay.objects.aggregate(n=Count("id"), last=Max("created_at"), days=Max("day"))
    version = (stamp["n"], stamp["last"], stamp["days"], OfficialDay.objects.filter(withdrawn=True).count())
    with _lock:
        cached = _cache.get("default")
        if cached and cached[0] == version:
            return cached[1]
        calendar = build_calendar(admin_entries())
        _cache["default"] = (version, calendar)
        return calendar
