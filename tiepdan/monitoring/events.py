"""Event periods (đợt cao điểm): the sensitive spans around the congress and the elections.

Pure data and functions, no ORM and no clock. The heightened-monitoring period of domain.md §6 MON-1 is
set by Party and Government directives and provincial plans; the shipped seeds are domain.md §10's
suggestions. `monitoring.config.event_periods()` takes, in order: the setting `TIEPDAN_EVENT_PERIODS`
(a list of dicts with the fields below, dates as "YYYY-MM-DD"); the active periods the agency keeps in
the `coordination` app (`coordination.selectors.event_periods_for_monitoring`); these defaults. Every
consumer takes a tuple of `EventPeriod`, so where the periods come from changes nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class EventPeriod:
    """`start`–`end`: the heightened-monitoring period; `key_start`–`key_end`: the event itself."""

    code: str
    name: str
    start: date
    end: date
    key_start: date
    key_end: date

    def __post_init__(self) -> None:
        if not (self.start <= self.key_start <= self.key_end <= self.end):
            raise ValueError(f"event period {self.code}: need start ≤ key_start ≤ key_end ≤ end")

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


DEFAULT_EVENT_PERIODS: tuple[EventPeriod, ...] = (
    # domain.md §10: congress 19–23/01/2026 (verified); monitoring seed 01/01–31/01/2026.
    EventPeriod(
        code="dai-hoi-xiv",
        name="Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
        start=date(2026, 1, 1),
        end=date(2026, 1, 31),
        key_start=date(2026, 1, 19),
        key_end=date(2026, 1, 23),
    ),
    # domain.md §10: election Sunday 15/03/2026 (verified); election boards formed 04/01; results and
    # complaints about them until about the end of March.
    EventPeriod(
        code="bau-cu-2026",
        name="Bầu cử đại biểu Quốc hội khóa XVI và đại biểu HĐND các cấp nhiệm kỳ 2026–2031",
        start=date(2026, 1, 4),
        end=date(2026, 3, 31),
        key_start=date(2026, 3, 15),
        key_end=date(2026, 3, 15),
    ),
)


def _date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def parse_event_periods(rows: Iterable[Mapping]) -> tuple[EventPeriod, ...]:
    """Event periods from plain data (the setting, or coordination's rows); dates as `date` or ISO text.
    Raises ValueError on a bad row."""
    periods = []
    for row in rows:
        start = _date(row["start"])
        end = _date(row["end"])
        periods.append(
            EventPeriod(
                code=row["code"],
                name=row["name"],
                start=start,
                end=end,
                key_start=_date(row.get("key_start") or row["start"]),
                key_end=_date(row.get("key_end") or row.get("key_start") or row["end"]),
            )
        )
    return tuple(sorted(periods, key=lambda p: (p.start, p.code)))


def periods_on(day: date, periods: Sequence[EventPeriod]) -> list[EventPeriod]:
    return [p for p in periods if p.contains(day)]


def days_to_event(day: date, periods: Sequence[EventPeriod]) -> int | None:
    """0 inside a period; the days until the next period starts; None when no period is ahead."""
    if periods_on(day, periods):
        return 0
    ahead = [(p.start - day).days for p in periods if p.start > day]
    return min(ahead) if ahead else None


def next_or_current(day: date, periods: Sequence[EventPeriod]) -> EventPeriod | None:
    current = periods_on(day, periods)
    if current:
        return min(current, key=lambda p: p.key_start)
    ahead = [p for p in periods if p.start > day]
    return min(ahead, key=lambda p: p.start) if ahead else None


def period_to_compare(day: date, periods: Sequence[EventPeriod]) -> EventPeriod | None:
    """The period the dashboard compares: the current one (latest key date), else the last ended."""
    current = periods_on(day, periods)
    if current:
        return max(current, key=lambda p: p.key_start)
    past = [p for p in periods if p.end < day]
    return max(past, key=lambda p: p.end) if past else None


def comparison_spans(day: date, period: EventPeriod) -> tuple[tuple[date, date], tuple[date, date]]:
    """The period up to `day` and the span of the same length just before it."""
    end = min(day, period.end)
    length = (end - period.start).days + 1
    before_end = period.start - timedelta(days=1)
    return (period.start, end), (before_end - timedelta(days=length - 1), before_end)
