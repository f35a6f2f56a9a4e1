"""Report periods as data: the kinds of domain.md §7.2 plus monthly, weekly, daily and ad hoc.

Plain Python: no Django, no clock. The cut-offs of the periodic reports come from
`tiepdan.legal.reporting.report_period` (Circular 01/2024/TT-TTCP Art 7(1)); they are never written
again here. Weekly and daily reports are the project's own kinds for an event period (the plan of
11/2024 asks for "báo cáo kịp thời" during the congresses and elections, domain.md MON-1): a week is
the seven days ending on the chosen day, a day is that day. An ad hoc (đột xuất) or thematic report
takes the period the requesting body sets in writing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from tiepdan.legal.errors import InvalidArgument
from tiepdan.legal.reporting import REPORT_KINDS, report_period


class PeriodKind(StrEnum):
    Q1 = "Q1"
    Q2 = "Q2"
    Q3 = "Q3"
    Q4 = "Q4"
    SIX_MONTHS = "6M"
    NINE_MONTHS = "9M"
    YEAR = "Y"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    AD_HOC = "ad_hoc"


# (Vietnamese, English) labels of the kinds the legal module does not define.
_OWN_LABELS = {
    PeriodKind.WEEK: ("Báo cáo tuần", "Weekly report"),
    PeriodKind.DAY: ("Báo cáo ngày", "Daily report"),
    PeriodKind.AD_HOC: ("Báo cáo đột xuất, chuyên đề", "Ad hoc or thematic report"),
}


def kind_label(kind: str) -> tuple[str, str]:
    kind = PeriodKind(kind)
    if kind in _OWN_LABELS:
        return _OWN_LABELS[kind]
    spec = REPORT_KINDS[kind.value]
    return spec.label_vi, spec.label_en


def has_narrative(kind: str) -> bool:
    """TT 01/2024: Quarters II–IV send the data tables only; every other kind has a narrative report."""
    kind = PeriodKind(kind)
    if kind.value in REPORT_KINDS:
        return REPORT_KINDS[kind.value].narrative or kind == PeriodKind.MONTH
    return True


def kind_choices() -> list[tuple[str, str]]:
    return [(k.value, kind_label(k)[0]) for k in PeriodKind]


@dataclass(frozen=True)
class Period:
    kind: PeriodKind
    start: date
    end: date  # the cut-off (chốt số liệu): the last day counted, included
    year: int
    month: int | None = None

    @property
    def label_vi(self) -> str:
        return f"{kind_label(self.kind)[0]} (từ {self.start:%d/%m/%Y} đến {self.end:%d/%m/%Y})"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous_end(self) -> date:
        """The last day before the period: what was still open then is carried over (kỳ trước chuyển sang)."""
        return self.start - timedelta(days=1)


def make_period(
    kind: str, *, year: int | None = None, month: int | None = None, day: date | None = None,
    start: date | None = None, end: date | None = None,
) -> Period:
    """The period of a report of `kind`.

    Q1–Q4, 6M, 9M, Y need `year`; month needs `year` and `month`; week and day need `day` (the last
    day); ad hoc needs `start` and `end`.
    """
    try:
        kind = PeriodKind(kind)
    except ValueError:
        raise InvalidArgument(f'loại kỳ báo cáo "{kind}" không hợp lệ', f'unknown report kind "{kind}"') from None
    if kind in (PeriodKind.WEEK, PeriodKind.DAY):
        if day is None:
            raise InvalidArgument("báo cáo tuần, ngày cần ngày chốt số liệu", "a weekly or daily report needs a day")
        first = day - timedelta(days=6) if kind == PeriodKind.WEEK else day
        return Period(kind, first, day, day.year, day.month)
    if kind == PeriodKind.AD_HOC:
        if start is None or end is None:
            raise InvalidArgument("báo cáo đột xuất cần ngày bắt đầu và ngày kết thúc", "an ad hoc report needs dates")
        if end < start:
            raise InvalidArgument(
                f"ngày kết thúc {end:%d/%m/%Y} trước ngày bắt đầu {start:%d/%m/%Y}",
                f"the end {end:%d/%m/%Y} is before the start {start:%d/%m/%Y}",
            )
        return Period(kind, start, end, end.year, None)
    if year is None:
        raise InvalidArgument("kỳ báo cáo cần năm", "the report period needs a year")
    first, last = report_period(kind.value, year, month if kind == PeriodKind.MONTH else None)
    return Period(kind, first, last, year, month if kind == PeriodKind.MONTH else None)
