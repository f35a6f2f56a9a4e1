"""Administration of the working-day calendar: an official day off or make-up day is added,
checked against the legal engine, audited, and the open deadlines it affects are recomputed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from auditlog.context import set_actor
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tiepdan.deadlines.calendar import admin_entries
from tiepdan.deadlines.models import OfficialDay, OfficialDayKind
from tiepdan.deadlines.services import recompute_open_deadlines
from tiepdan.legal.calendar import CalendarEntry, build_calendar
from tiepdan.legal.errors import LegalError


class CalendarEditRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class CalendarEdit:
    day: OfficialDay
    recomputed: int


def add_official_day(*, day: date, kind: str, reason: str, actor) -> CalendarEdit:
    shown = f"{day:%d/%m/%Y}"
    if OfficialDay.objects.filter(day=day, withdrawn=False).exists():
        raise CalendarEditRefused(_("Ngày %(d)s đã có trong lịch.") % {"d": shown})
    try:
        current = build_calendar(admin_entries())
        if day.year not in current.supported_years:
            raise CalendarEditRefused(_("Ngày %(d)s nằm ngoài các năm lịch hỗ trợ.") % {"d": shown})
        if kind == OfficialDayKind.DAY_OFF and not current.is_working_day(day):
            raise CalendarEditRefused(
                _("Ngày %(d)s đã là ngày nghỉ (%(r)s).") % {"d": shown, "r": current.reason(day) or ""}
            )
        if kind == OfficialDayKind.WORKING_DAY and current.is_working_day(day):
            raise CalendarEditRefused(_("Ngày %(d)s đã là ngày làm việc.") % {"d": shown})
        build_calendar([*admin_entries(), CalendarEntry(day=day, kind=kind, reason=reason)])
    except LegalError as exc:
        raise CalendarEditRefused(exc.message_vi) from None
    try:
        with transaction.atomic(), set_actor(actor):
            row = OfficialDay.objects.create(day=day, kind=kind, reason=reason, created_by=actor)
    except IntegrityError:
        raise CalendarEditRefused(_("Ngày %(d)s đã có trong lịch.") % {"d": f"{day:%d/%m/%Y}"}) from None
    return CalendarEdit(day=row, recomputed=recompute_open_deadlines(day))


def withdraw_official_day(*, row: OfficialDay, actor) -> CalendarEdit:
    with transaction.atomic(), set_actor(actor):
        row.withdrawn = True
        row.save(update_fields=["withdrawn"])
    return CalendarEdit(day=row, recomputed=recompute_open_deadlines(row.day))
