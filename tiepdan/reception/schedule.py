"""Pure: whether a head met the periodic reception quota in a month (TCD-HEAD-1, PARTY-1/2).

Takes the sessions as plain facts and `today` as an argument; no database, no clock. Only sessions
held by the head in person count (TCD-NODELEG: Law 136/2025 did not let heads delegate periodic
reception); sessions held by an authorised deputy are shown, not counted.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from tiepdan.legal.reception import QuotaPeriod, ReceptionQuota


class MonthState(StrEnum):
    MET = "met"
    UNMET = "unmet"
    OPEN = "open"  # the current month, not met yet
    FUTURE = "future"
    NOT_IN_FORCE = "not_in_force"


STATE_LABELS = {
    MonthState.MET: ("đạt", "met"),
    MonthState.UNMET: ("không đạt", "not met"),
    MonthState.OPEN: ("đang thực hiện", "in progress"),
    MonthState.FUTURE: ("chưa đến", "upcoming"),
    MonthState.NOT_IN_FORCE: ("chưa áp dụng", "not in force"),
}


@dataclass(frozen=True)
class SessionFact:
    day: date
    status: str  # planned / held / not_held (reception.models.SessionStatus)
    host_role: str  # head / deputy_authorized / ""


@dataclass(frozen=True)
class MonthCompliance:
    month: date  # first day of the month
    required: int
    held_by_head: int
    held_authorized: int
    planned: int
    not_held: int
    state: MonthState

    @property
    def label_vi(self) -> str:
        return STATE_LABELS[self.state][0]

    @property
    def label_en(self) -> str:
        return STATE_LABELS[self.state][1]

    @property
    def shortfall(self) -> int:
        return max(0, self.required - self.held_by_head)


def month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def required_in_month(quota: ReceptionQuota, month: date) -> int:
    """Days required in `month`: the monthly quota, or the weekly quota times the weeks starting in it."""
    if quota.per == QuotaPeriod.WEEK:
        mondays = sum(
            1 for day in range(1, month_end(month).day + 1) if month.replace(day=day).weekday() == 0
        )
        return quota.days * mondays
    return quota.days


def month_compliance(
    *, quota: ReceptionQuota, month: date, facts: Iterable[SessionFact], today: date, in_force: bool = True
) -> MonthCompliance:
    month = month.replace(day=1)
    end = month_end(month)
    in_month = [f for f in facts if month <= f.day <= end]
    held_head = sum(1 for f in in_month if f.status == "held" and f.host_role == "head")
    held_auth = sum(1 for f in in_month if f.status == "held" and f.host_role != "head")
    planned = sum(1 for f in in_month if f.status == "planned")
    not_held = sum(1 for f in in_month if f.status == "not_held")
    required = required_in_month(quota, month)
    if not in_force:
        state = MonthState.NOT_IN_FORCE
    elif month > today:
        state = MonthState.FUTURE
    elif held_head >= required:
        state = MonthState.MET
    elif end >= today:
        state = MonthState.OPEN
    else:
        state = MonthState.UNMET
    return MonthCompliance(month, required, held_head, held_auth, planned, not_held, state)
