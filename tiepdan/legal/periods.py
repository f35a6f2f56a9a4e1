"""Counting primitives: walk a number of calendar or working days over a working calendar.

Civil Code 2015 Art 147 (CAL-1): the event day is not counted, counting starts the next day. Working
days (CAL-3) are the days the calendar says are working days, so official make-up Saturdays count.
Excluded spans (suspensions, CAL-4; obstacle time for the complaint limitation period, CAL-5) are
skipped: a span excludes the days after its start decision up to and including its end decision.

These functions do not roll the end over a rest day (CAL-2): `deadline.py` does it and explains it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tiepdan.legal.calendar import WorkingCalendar, is_weekend
from tiepdan.legal.errors import InvalidArgument
from tiepdan.legal.rules import Unit

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Span:
    """Days excluded from counting: those after `start` up to and including `end` (None = still open).

    For a suspension, `start` is the suspension decision and `end` the continuation decision: the clock
    stops the day after the suspension decision and resumes the day after the continuation decision.
    """

    start: date
    end: date | None

    def excludes(self, d: date) -> bool:
        return d > self.start and (self.end is None or d <= self.end)


@dataclass(frozen=True)
class CountResult:
    """The outcome of one walk.

    `end` is the last counted day, or None if an open span stopped the count (`stopped_by`).
    """

    end: date | None
    counted: int
    days_off: tuple[date, ...] = ()  # non-working days (other than plain weekends) skipped, working-day count
    weekend_days: int = 0  # plain Saturdays and Sundays skipped, working-day count
    made_up_days: tuple[date, ...] = ()  # weekend days counted because they are official working days
    excluded: tuple[tuple[Span, int], ...] = ()  # per span: days of the unit it removed from the count
    stopped_by: Span | None = None


def _counts(calendar: WorkingCalendar, d: date, unit: Unit) -> bool:
    return unit == Unit.CALENDAR_DAYS or calendar.is_working_day(d)


def count_forward(
    calendar: WorkingCalendar, after: date, n: int, unit: Unit, *, excluded: Sequence[Span] = ()
) -> CountResult:
    """Count `n` days of `unit` strictly after `after`, skipping the `excluded` spans."""
    if n < 0:
        raise InvalidArgument(
            f"số ngày phải không âm (nhận {n})", f"the number of days must not be negative (got {n})"
        )
    calendar.check_date(after)
    day, counted = after, 0
    days_off: list[date] = []
    made_up: list[date] = []
    weekend = 0
    excluded_count: dict[Span, int] = {}
    while counted < n:
        day += ONE_DAY
        span = next((s for s in excluded if s.excludes(day)), None)
        if span is not None:
            if span.end is None:
                return CountResult(
                    None,
                    counted,
                    tuple(days_off),
                    weekend,
                    tuple(made_up),
                    _pairs(excluded, excluded_count),
                    span,
                )
            if _counts(calendar, day, unit):
                excluded_count[span] = excluded_count.get(span, 0) + 1
            continue
        if _counts(calendar, day, unit):
            counted += 1
            if unit == Unit.WORKING_DAYS and is_weekend(day):
                made_up.append(day)
        elif is_weekend(day) and calendar.entry(day) is None:
            weekend += 1
        else:
            days_off.append(day)
    return CountResult(
        day, counted, tuple(days_off), weekend, tuple(made_up), _pairs(excluded, excluded_count)
    )


def count_backward(calendar: WorkingCalendar, before: date, n: int, unit: Unit) -> CountResult:
    """Count `n` days of `unit` strictly before `before` ("at least n days before" an event)."""
    if n < 0:
        raise InvalidArgument(
            f"số ngày phải không âm (nhận {n})", f"the number of days must not be negative (got {n})"
        )
    calendar.check_date(before)
    day, counted = before, 0
    days_off: list[date] = []
    made_up: list[date] = []
    weekend = 0
    while counted < n:
        day -= ONE_DAY
        if _counts(calendar, day, unit):
            counted += 1
            if unit == Unit.WORKING_DAYS and is_weekend(day):
                made_up.append(day)
        elif is_weekend(day) and calendar.entry(day) is None:
            weekend += 1
        else:
            days_off.append(day)
    return CountResult(day, counted, tuple(days_off), weekend, tuple(made_up))


def _pairs(spans: Sequence[Span], counts: dict[Span, int]) -> tuple[tuple[Span, int], ...]:
    return tuple((s, counts[s]) for s in spans if s in counts)


def add_calendar_days(calendar: WorkingCalendar, start: date, n: int) -> date:
    """`start` + n calendar days, rolled to the next working day if needed (CAL-1, CAL-2)."""
    return calendar.roll_forward(end_of(count_forward(calendar, start, n, Unit.CALENDAR_DAYS)))


def add_working_days(calendar: WorkingCalendar, start: date, n: int) -> date:
    """The n-th working day after `start` (CAL-1, CAL-3); `start` itself when n is 0 and it is working."""
    return calendar.roll_forward(end_of(count_forward(calendar, start, n, Unit.WORKING_DAYS)))


def end_of(result: CountResult) -> date:
    """The last counted day of a walk that finished (no open span stopped it)."""
    if result.end is None:  # callers check stopped_by first
        raise RuntimeError("the count was stopped by an open span")
    return result.end
