"""Data periods (kỳ chốt số liệu) of the periodic reports, domain.md §7.2.

Circular 01/2024/TT-TTCP Art 7(1) (same cut-offs as TT 02/2021 Art 7(1)): every period ends on the
14th and the next starts on the 15th; the year runs from 15/12 of the previous year to 14/12. Quarter I,
6 months, 9 months and Year carry a narrative report; Quarters II–IV send only the data tables.

The monthly period (15th of the previous month – 14th of the month) is NOT in the circular: it is an
assumption for the province's own monthly report and for dashboards, made configurable through
`month_cutoff_day`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from tiepdan.legal.errors import InvalidArgument

SOURCE = "Thông tư 01/2024/TT-TTCP, Điều 7 khoản 1"
CUTOFF_DAY = 14  # the last day of every TT 01/2024 period


@dataclass(frozen=True)
class ReportKind:
    code: str
    rule_id: str | None
    label_vi: str
    label_en: str
    narrative: bool  # TT 01/2024: a narrative report, or the data tables only
    end_month: int | None  # month of the period's last day; None for "month"
    spans_year: bool  # starts on 15/12 of the previous year


REPORT_KINDS: dict[str, ReportKind] = {
    kind.code: kind
    for kind in (
        ReportKind("Q1", "RPT-Q1", "Báo cáo quý I", "Quarter I report", True, 3, False),
        ReportKind("Q2", "RPT-Q2", "Biểu số liệu quý II", "Quarter II data tables", False, 6, False),
        ReportKind("Q3", "RPT-Q3", "Biểu số liệu quý III", "Quarter III data tables", False, 9, False),
        ReportKind("Q4", "RPT-Q4", "Biểu số liệu quý IV", "Quarter IV data tables", False, 12, False),
        ReportKind("6M", "RPT-6M", "Báo cáo 6 tháng", "6-month report", True, 6, True),
        ReportKind("9M", "RPT-9M", "Báo cáo 9 tháng", "9-month report", True, 9, True),
        ReportKind("Y", "RPT-Y", "Báo cáo năm", "Annual report", True, 12, True),
        ReportKind("month", None, "Báo cáo tháng", "Monthly report", False, None, False),
    )
}


def _previous_month(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)


def report_period(
    kind: str, year: int, month: int | None = None, *, month_cutoff_day: int = CUTOFF_DAY
) -> tuple[date, date]:
    """(first day, last day) of the data period, both included.

    Q1 = 15/12 of the previous year – 14/03; Q2 = 15/03 – 14/06; Q3 = 15/06 – 14/09; Q4 = 15/09 –
    14/12; 6M, 9M and Y start on 15/12 of the previous year and end on 14/06, 14/09 and 14/12.
    "month" needs `month` and runs from the day after `month_cutoff_day` of the previous month to
    `month_cutoff_day` of the month (default 15th–14th, an assumption, see the module docstring).
    """
    spec = REPORT_KINDS.get(kind)
    if spec is None:
        kinds = ", ".join(REPORT_KINDS)
        raise InvalidArgument(
            f'loại báo cáo "{kind}" không hợp lệ (chỉ {kinds})',
            f'unknown report kind "{kind}" (only {kinds})',
        )
    if spec.end_month is None:
        if month is None or not 1 <= month <= 12:
            raise InvalidArgument(
                f"báo cáo tháng cần tháng từ 1 đến 12 (nhận {month})",
                f"a monthly report needs a month from 1 to 12 (got {month})",
            )
        if not 1 <= month_cutoff_day <= 28:
            raise InvalidArgument(
                f"ngày chốt số liệu tháng phải từ 1 đến 28 (nhận {month_cutoff_day})",
                f"the monthly cut-off day must be from 1 to 28 (got {month_cutoff_day})",
            )
        end = date(year, month, month_cutoff_day)
        start = date(*_previous_month(year, month), month_cutoff_day) + timedelta(days=1)
        return start, end
    if month is not None:
        raise InvalidArgument(
            f'chỉ báo cáo tháng mới có tháng (loại "{kind}")',
            f'only a monthly report takes a month (kind "{kind}")',
        )
    end = date(year, spec.end_month, CUTOFF_DAY)
    if spec.spans_year:
        return date(year - 1, 12, CUTOFF_DAY + 1), end
    start_year, start_month = _previous_month(year, spec.end_month - 2)
    return date(start_year, start_month, CUTOFF_DAY + 1), end


def report_year(day: date) -> int:
    """The report year a day belongs to: from 15/12 a day counts towards the next year's reports."""
    return day.year + 1 if (day.month, day.day) > (12, CUTOFF_DAY) else day.year


def quarter_containing(day: date) -> tuple[int, str]:
    """(report year, "Q1".."Q4") of the quarter whose data period contains `day` (20/12/2025 -> 2026, Q1)."""
    year = report_year(day)
    for code in ("Q1", "Q2", "Q3", "Q4"):
        start, end = report_period(code, year)
        if start <= day <= end:
            return year, code
    raise AssertionError("the four quarters cover the report year")  # pragma: no cover


def month_containing(day: date, *, month_cutoff_day: int = CUTOFF_DAY) -> tuple[int, int]:
    """(year, month) of the monthly period containing `day` (16/01 -> February with the default cut-off)."""
    if day.day > month_cutoff_day:
        year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    else:
        year, month = day.year, day.month
    report_period("month", year, month, month_cutoff_day=month_cutoff_day)  # validates the cut-off day
    return year, month
