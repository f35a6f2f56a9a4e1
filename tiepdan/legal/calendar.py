"""The working calendar of a Vietnamese state agency.

"Ngày làm việc" (working day) is Monday to Friday, minus public holidays and official days off, plus the
official make-up Saturdays (domain.md CAL-3). Three layers build it, lowest first:

1. the `holidays` library (Labour Code 2019 Art 112 holidays) for years without an official table;
2. the shipped official table (data/official_days.json) for the years it lists: it replaces layer 1,
   because the public sector follows the Ministry of Home Affairs notice, which can differ from the
   statutory pattern (extra bridge days, swaps), and because the library already lists proposals that
   are not law (Vietnam Culture Day 24/11);
3. administrator edits (stored by the application) on top: each replaces the lower layers for its day.

Everything here is pure: no clock, no settings, no database.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from importlib import resources
from typing import Any

import holidays

from tiepdan.legal.errors import CalendarConflict, CalendarDataError, CalendarRangeError

DEFAULT_YEARS = range(2024, 2031)

WEEKDAY_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
WEEKDAY_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# The holidays library already lists 24/11 (Vietnam Culture Day) from 2026, but it is only a proposal
# (Resolution 80-NQ/TW; the Labour Code Art 112 amendment is not law yet, domain.md §10). Counting it as a
# day off would silently lengthen every deadline across it, so it is dropped from library years too; an
# administrator adds it as an entry once it becomes law.
NOT_YET_LAW_HOLIDAYS_EN = ("Vietnam Cultural Day",)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class EntryKind(StrEnum):
    DAY_OFF = "day_off"
    WORKING_DAY = "working_day"


def format_date(d: date) -> str:
    """dd/mm/yyyy, the way Vietnamese documents write dates."""
    return d.strftime("%d/%m/%Y")


def is_weekend(d: date) -> bool:
    return d.weekday() >= 5


@dataclass(frozen=True)
class CalendarEntry:
    """An official announcement: a weekday off, or a weekend day that is worked (make-up day).

    A `working_day` entry on a weekday cancels a day off of a lower layer; a `day_off` entry on a weekend
    day only records why the weekend belongs to a named break (e.g. the nine-day Tết break of 2026).
    """

    day: date
    kind: str
    reason: str
    reason_en: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.day, date) or isinstance(self.day, datetime):
            raise CalendarDataError(
                f"ngày của mục lịch phải là một ngày (date), không phải {self.day!r}",
                f"a calendar entry needs a date, not {self.day!r}",
            )
        if self.kind not in (EntryKind.DAY_OFF, EntryKind.WORKING_DAY):
            raise CalendarDataError(
                f'loại mục lịch "{self.kind}" không hợp lệ (chỉ "day_off" hoặc "working_day")',
                f'invalid calendar entry kind "{self.kind}" (only "day_off" or "working_day")',
            )
        if not self.reason.strip():
            raise CalendarDataError(
                f"mục lịch ngày {format_date(self.day)} thiếu lý do",
                f"the calendar entry for {format_date(self.day)} has no reason",
            )

    @property
    def is_working(self) -> bool:
        return self.kind == EntryKind.WORKING_DAY


def _index_entries(
    entries: Iterable[CalendarEntry], source_vi: str, source_en: str
) -> dict[date, CalendarEntry]:
    """Index one layer by day; a day listed twice in one layer is an error (never silently last-wins)."""
    indexed: dict[date, CalendarEntry] = {}
    for entry in entries:
        previous = indexed.get(entry.day)
        if previous is not None:
            day = format_date(entry.day)
            if previous.kind != entry.kind:
                raise CalendarConflict(
                    f"ngày {day} vừa là ngày nghỉ vừa là ngày làm việc trong {source_vi}",
                    f"{day} is both a day off and a working day in {source_en}",
                )
            raise CalendarConflict(
                f"ngày {day} được khai báo hai lần trong {source_vi}",
                f"{day} is listed twice in {source_en}",
            )
        indexed[entry.day] = entry
    return indexed


class WorkingCalendar:
    """Answers "is this a working day, and if not, why?" for the years in `supported_years`."""

    def __init__(
        self, entries: Iterable[CalendarEntry] = (), *, supported_years: range = DEFAULT_YEARS
    ) -> None:
        if len(supported_years) == 0 or supported_years.step != 1:
            raise CalendarDataError(
                "khoảng năm của lịch phải liên tục và không rỗng",
                "the calendar's year range must be contiguous and not empty",
            )
        self.supported_years = supported_years
        self._entries = _index_entries(entries, "lịch làm việc", "the working calendar")
        for day in self._entries:
            self._check(day)

    def __repr__(self) -> str:
        years = f"{self.supported_years.start}-{self.supported_years.stop - 1}"
        return f"<WorkingCalendar {years}, {len(self._entries)} entries>"

    def _check(self, d: date) -> None:
        if d.year not in self.supported_years:
            first, last = self.supported_years.start, self.supported_years.stop - 1
            raise CalendarRangeError(
                f"ngày {format_date(d)} nằm ngoài các năm mà lịch làm việc hỗ trợ ({first}–{last})",
                f"{format_date(d)} is outside the years the working calendar supports ({first}-{last})",
            )

    def check_date(self, d: date) -> None:
        """Raise CalendarRangeError if `d` is outside `supported_years`."""
        self._check(d)

    def entry(self, d: date) -> CalendarEntry | None:
        """The explicit entry for `d` (official day off, make-up day, administrator edit), if any."""
        self._check(d)
        return self._entries.get(d)

    def is_working_day(self, d: date) -> bool:
        self._check(d)
        entry = self._entries.get(d)
        if entry is not None:
            return entry.is_working
        return not is_weekend(d)

    def reason(self, d: date) -> str | None:
        """Vietnamese: why `d` is off (including "Thứ Bảy"/"Chủ nhật"), or why a weekend day is worked.

        None for an ordinary working weekday.
        """
        self._check(d)
        entry = self._entries.get(d)
        if entry is not None:
            if is_weekend(d) and not entry.is_working:
                return f"{WEEKDAY_VI[d.weekday()]} – {entry.reason}"
            return entry.reason
        if is_weekend(d):
            return WEEKDAY_VI[d.weekday()]
        return None

    def reason_en(self, d: date) -> str | None:
        """English counterpart of `reason`."""
        self._check(d)
        entry = self._entries.get(d)
        if entry is not None:
            text = entry.reason_en or entry.reason
            if is_weekend(d) and not entry.is_working:
                return f"{WEEKDAY_EN[d.weekday()]} – {text}"
            return text
        if is_weekend(d):
            return WEEKDAY_EN[d.weekday()]
        return None

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after `d`."""
        day = d + timedelta(days=1)
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def previous_working_day(self, d: date) -> date:
        """The last working day strictly before `d`."""
        day = d - timedelta(days=1)
        while not self.is_working_day(day):
            day -= timedelta(days=1)
        return day

    def roll_forward(self, d: date) -> date:
        """`d` if it is a working day, else the next one (Civil Code 2015 Art 148(5), CAL-2)."""
        return d if self.is_working_day(d) else self.next_working_day(d)

    def roll_back(self, d: date) -> date:
        """`d` if it is a working day, else the previous one (for "at least N days before" rules)."""
        return d if self.is_working_day(d) else self.previous_working_day(d)

    def non_working_days(self, year: int) -> list[tuple[date, str]]:
        """For the admin page: the weekdays off and the weekend days worked in `year`, with reasons."""
        self._check(date(year, 1, 1))
        listing = []
        for day, entry in sorted(self._entries.items()):
            if day.year != year:
                continue
            if entry.is_working == is_weekend(day):
                listing.append((day, entry.reason))
        return listing

    def entries(self, year: int | None = None) -> list[CalendarEntry]:
        """All explicit entries (sorted), optionally for one year."""
        return [e for d, e in sorted(self._entries.items()) if year is None or d.year == year]


# --- the shipped official table -------------------------------------------------------------------


def _parse_iso_date(value: Any, where_vi: str, where_en: str) -> date:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise CalendarDataError(
            f"{where_vi}: {value!r} không phải ngày dạng YYYY-MM-DD",
            f"{where_en}: {value!r} is not a YYYY-MM-DD date",
        )
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CalendarDataError(
            f"{where_vi}: ngày {value} không tồn tại",
            f"{where_en}: {value} is not a real date",
        ) from None


@lru_cache(maxsize=1)
def _shipped_table() -> Mapping[int, tuple[dict[str, Any], tuple[CalendarEntry, ...]]]:
    raw = json.loads(resources.files("tiepdan.legal").joinpath("data/official_days.json").read_text("utf-8"))
    table: dict[int, tuple[dict[str, Any], tuple[CalendarEntry, ...]]] = {}
    for year_text, block in raw["years"].items():
        year = int(year_text)
        entries = []
        for item in block["entries"]:
            day = _parse_iso_date(item["date"], "bảng ngày nghỉ chính thức", "official days table")
            if day.year != year:
                raise CalendarDataError(
                    f"bảng ngày nghỉ chính thức: ngày {item['date']} nằm trong khối năm {year}",
                    f"official days table: {item['date']} is filed under year {year}",
                )
            entries.append(CalendarEntry(day, item["kind"], item["reason"], item.get("reason_en", "")))
        _index_entries(entries, f"bảng ngày nghỉ chính thức năm {year}", f"the official table for {year}")
        info = {key: value for key, value in block.items() if key != "entries"}
        table[year] = (info, tuple(entries))
    return table


def shipped_entries() -> list[CalendarEntry]:
    """The official days off and make-up days shipped with the code (2025–2027), sorted by day."""
    return sorted((e for _, entries in _shipped_table().values() for e in entries), key=lambda e: e.day)


def shipped_years() -> dict[int, dict[str, Any]]:
    """Year -> {"source", "confidence", "note", ...} of the shipped table, for the admin page."""
    return {year: dict(info) for year, (info, _) in sorted(_shipped_table().items())}


@lru_cache(maxsize=32)
def _library_entries(year: int) -> tuple[CalendarEntry, ...]:
    """Statutory holidays and make-up days of `year` from the holidays library (Labour Code Art 112)."""
    names_vi = holidays.VN(years=year, language="vi")
    names_en = holidays.VN(years=year, language="en_US")
    entries = []
    for day in sorted(names_en):
        pairs = [
            (vi, en)
            for vi, en in zip(names_vi.get_list(day), names_en.get_list(day), strict=True)
            if not en.startswith(NOT_YET_LAW_HOLIDAYS_EN)
        ]
        if pairs:
            reason_vi = "; ".join(vi for vi, _ in pairs)
            reason_en = "; ".join(en for _, en in pairs)
            entries.append(CalendarEntry(day, EntryKind.DAY_OFF, reason_vi, reason_en))
    for day in sorted(names_en.weekend_workdays):
        if day.year != year:
            continue  # the library keeps make-up days of other years in the same set
        entries.append(
            CalendarEntry(
                day,
                EntryKind.WORKING_DAY,
                "Ngày làm việc bù (hoán đổi ngày nghỉ lễ)",
                "Make-up working day (swapped day off)",
            )
        )
    return tuple(entries)


def build_calendar(extra: Iterable[CalendarEntry] = (), *, years: range = DEFAULT_YEARS) -> WorkingCalendar:
    """The calendar: library holidays, replaced by the official table for its years, then `extra` on top.

    `extra` holds the administrator's edits: each entry replaces whatever the lower layers say about its
    day. Within `extra`, a day listed twice (or both off and working) raises CalendarConflict; a day
    outside `years` raises CalendarRangeError.
    """
    table = _shipped_table()
    merged: dict[date, CalendarEntry] = {}
    for year in years:
        layer = table[year][1] if year in table else _library_entries(year)
        merged.update((e.day, e) for e in layer)
    edits = _index_entries(extra, "các chỉnh sửa của quản trị viên", "the administrator's edits")
    merged.update(edits)
    # The constructor refuses any day outside `years`, so an edit for an unsupported year fails loudly.
    return WorkingCalendar(merged.values(), supported_years=years)


# --- a replacement holidays file (command line --holidays) ------------------------------------------

_FILE_KEYS = ("days_off", "working_days")


def calendar_from_holidays_file(data: dict[str, Any]) -> WorkingCalendar:
    """A calendar from {"days_off": [...], "working_days": [...]} (ISO dates) that REPLACES built-ins.

    Weekends stay off unless listed in "working_days"; only weekend days may be listed there (a weekday
    is already a working day). An item may also be {"date": ..., "reason": ..., "reason_en": ...}.
    Keys starting with "_" are ignored (comments). Errors raise CalendarDataError/CalendarConflict.
    The supported years cover 2024–2030 and every year the file mentions.
    """
    if not isinstance(data, dict):
        raise CalendarDataError(
            "tệp ngày nghỉ phải là một đối tượng JSON có khóa days_off và/hoặc working_days",
            "the holidays file must be a JSON object with days_off and/or working_days",
        )
    unknown = sorted(k for k in data if k not in _FILE_KEYS and not str(k).startswith("_"))
    if unknown:
        raise CalendarDataError(
            f"tệp ngày nghỉ có khóa không hợp lệ: {', '.join(map(str, unknown))} (chỉ days_off, "
            "working_days)",
            f"the holidays file has unknown keys: {', '.join(map(str, unknown))} (only days_off, "
            "working_days)",
        )
    if not any(k in data for k in _FILE_KEYS):
        raise CalendarDataError(
            "tệp ngày nghỉ không có days_off hay working_days",
            "the holidays file has neither days_off nor working_days",
        )
    entries: list[CalendarEntry] = []
    for key in _FILE_KEYS:
        items = data.get(key, [])
        if not isinstance(items, list):
            raise CalendarDataError(
                f"tệp ngày nghỉ: {key} phải là một danh sách ngày",
                f"holidays file: {key} must be a list of dates",
            )
        kind = EntryKind.DAY_OFF if key == "days_off" else EntryKind.WORKING_DAY
        for item in items:
            entries.append(_file_item(item, key, kind))
    _index_entries(entries, "tệp ngày nghỉ", "the holidays file")
    for entry in entries:
        if entry.is_working and not is_weekend(entry.day):
            day = format_date(entry.day)
            raise CalendarDataError(
                f"tệp ngày nghỉ: ngày làm bù {day} là {WEEKDAY_VI[entry.day.weekday()]}, "
                "chỉ được khai báo Thứ Bảy hoặc Chủ nhật",
                f"holidays file: make-up day {day} is a {WEEKDAY_EN[entry.day.weekday()]}; "
                "only a Saturday or Sunday can be listed",
            )
    file_years = [e.day.year for e in entries]
    first = min([DEFAULT_YEARS.start, *file_years])
    stop = max([DEFAULT_YEARS.stop, *(y + 1 for y in file_years)])
    return WorkingCalendar(entries, supported_years=range(first, stop))


def _file_item(item: Any, key: str, kind: EntryKind) -> CalendarEntry:
    where_vi, where_en = f"tệp ngày nghỉ, {key}", f"holidays file, {key}"
    if kind == EntryKind.DAY_OFF:
        reason_vi, reason_en = "Ngày nghỉ theo tệp lịch", "Day off (holidays file)"
    else:
        reason_vi, reason_en = "Ngày làm việc bù theo tệp lịch", "Make-up working day (holidays file)"
    if isinstance(item, dict):
        day = _parse_iso_date(item.get("date"), where_vi, where_en)
        reason_vi = str(item.get("reason") or reason_vi)
        reason_en = str(item.get("reason_en") or reason_en)
    else:
        day = _parse_iso_date(item, where_vi, where_en)
    return CalendarEntry(day, kind, reason_vi, reason_en)
