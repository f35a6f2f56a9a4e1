"""Pure coordination rules: event-period phases, internal time limits, escalation times, task states.

Plain Python: every input (dates, `today`, `now`, the period's settings) is an argument; nothing here
reads the clock, the settings or the database, so each rule is tested on its own (tests/test_rules.py).
Messages are Vietnamese first, with an English twin for the API and the English interface.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum


class RuleError(ValueError):
    """An input a rule refuses, with the reason in Vietnamese (shown beside the field) and English."""

    def __init__(self, message_vi: str, message_en: str = ""):
        super().__init__(message_vi)
        self.message_vi = message_vi
        self.message_en = message_en or message_vi


def _d(day: date) -> str:
    return f"{day:%d/%m/%Y}"


# --- Event periods (domain.md §6 MON-1, §10) ---------------------------------------------------


class Phase(StrEnum):
    BEFORE = "before"
    DURING = "during"
    AFTER = "after"


PHASE_LABELS = {
    Phase.BEFORE: ("Trước sự kiện", "Before the event"),
    Phase.DURING: ("Trong thời gian diễn ra sự kiện", "During the event"),
    Phase.AFTER: ("Sau sự kiện", "After the event"),
}
ALL_PHASES = (Phase.BEFORE, Phase.DURING, Phase.AFTER)


@dataclass(frozen=True)
class Window:
    """An event period: the event runs `starts_on`–`ends_on`; the watch starts `before_days` earlier
    and lasts `after_days` longer (the plan's "trước, trong và sau")."""

    starts_on: date
    ends_on: date
    before_days: int = 0
    after_days: int = 0

    def __post_init__(self) -> None:
        check_window(self.starts_on, self.ends_on, self.before_days, self.after_days)

    @property
    def first_day(self) -> date:
        return self.starts_on - timedelta(days=self.before_days)

    @property
    def last_day(self) -> date:
        return self.ends_on + timedelta(days=self.after_days)

    def phase_on(self, day: date) -> Phase | None:
        return phase_on(day, self)

    def phase_bounds(self, phase: Phase) -> tuple[date, date] | None:
        """First and last day of `phase`, or None when the phase is empty (0 days before/after)."""
        if phase == Phase.BEFORE:
            return (self.first_day, self.starts_on - timedelta(days=1)) if self.before_days else None
        if phase == Phase.DURING:
            return self.starts_on, self.ends_on
        return (self.ends_on + timedelta(days=1), self.last_day) if self.after_days else None


def check_window(starts_on: date, ends_on: date, before_days: int, after_days: int) -> None:
    if ends_on < starts_on:
        raise RuleError(
            f"Ngày kết thúc sự kiện ({_d(ends_on)}) không được trước ngày bắt đầu ({_d(starts_on)}).",
            f"The event's end ({_d(ends_on)}) is before its start ({_d(starts_on)}).",
        )
    if before_days < 0 or after_days < 0:
        raise RuleError("Số ngày trước và sau sự kiện không được âm.", "The days before and after cannot be negative.")
    if before_days > 366 or after_days > 366:
        raise RuleError(
            "Số ngày trước hoặc sau sự kiện không được quá 366 ngày.",
            "The days before or after cannot exceed 366.",
        )


def phase_on(day: date, window: Window) -> Phase | None:
    """The phase of the event period on `day`, or None outside the period."""
    if day < window.first_day or day > window.last_day:
        return None
    if day < window.starts_on:
        return Phase.BEFORE
    if day <= window.ends_on:
        return Phase.DURING
    return Phase.AFTER


# --- Rules switched on during a period ---------------------------------------------------------


class RuleKind(StrEnum):
    DAILY_REPORT = "daily_report"
    INTERNAL_LIMIT = "internal_limit"
    MASS_ESCALATION = "mass_escalation"
    DUTY_ROSTER = "duty_roster"


RULE_LABELS = {
    RuleKind.DAILY_REPORT: ("Báo cáo tình hình hằng ngày", "Daily situation report"),
    RuleKind.INTERNAL_LIMIT: (
        "Rút ngắn thời hạn xử lý nội bộ (tỷ lệ % thời hạn luật định)",
        "Shorter internal time limits (% of the legal limit)",
    ),
    RuleKind.MASS_ESCALATION: (
        "Báo cáo Lãnh đạo sở vụ việc đông người trong số giờ",
        "Report a mass matter to the leadership within hours",
    ),
    RuleKind.DUTY_ROSTER: ("Lịch trực", "Duty roster"),
}

# The value each rule needs: (minimum, maximum, unit label vi, unit label en); None when it has none.
RULE_VALUE_BOUNDS: dict[RuleKind, tuple[int, int, str, str] | None] = {
    RuleKind.DAILY_REPORT: None,
    # Never longer than the legal limit: at most 100 % of it.
    RuleKind.INTERNAL_LIMIT: (10, 100, "%", "%"),
    RuleKind.MASS_ESCALATION: (1, 72, "giờ", "hours"),
    RuleKind.DUTY_ROSTER: None,
}


def check_rule_value(kind: RuleKind, value: int | None) -> int | None:
    """The value a period rule stores, or RuleError; an internal limit is never over 100 %."""
    bounds = RULE_VALUE_BOUNDS[RuleKind(kind)]
    if bounds is None:
        return None
    low, high, unit_vi, unit_en = bounds
    if value is None:
        raise RuleError(f"Cần nhập giá trị ({unit_vi}) cho quy tắc này.", f"This rule needs a value ({unit_en}).")
    if kind == RuleKind.INTERNAL_LIMIT and value > 100:
        raise RuleError(
            "Thời hạn nội bộ không được dài hơn thời hạn luật định: tỷ lệ tối đa là 100%.",
            "An internal limit cannot be longer than the legal one: at most 100%.",
        )
    if not low <= value <= high:
        raise RuleError(f"Giá trị phải từ {low} đến {high} {unit_vi}.", f"The value must be {low}–{high} {unit_en}.")
    return value


@dataclass(frozen=True)
class PeriodRuleSpec:
    kind: RuleKind
    phases: frozenset[Phase]
    value: int | None = None


@dataclass(frozen=True)
class ActiveRules:
    """The rules in force on one day, merged over every period active that day (strictest wins)."""

    daily_report: bool = False
    duty_roster: bool = False
    internal_limit_percent: int | None = None
    mass_escalation_hours: int | None = None

    @property
    def any(self) -> bool:
        return bool(
            self.daily_report
            or self.duty_roster
            or self.internal_limit_percent is not None
            or self.mass_escalation_hours is not None
        )


def active_rules(periods: Iterable[tuple[Window, Iterable[PeriodRuleSpec]]], day: date) -> ActiveRules:
    """Merge the rules of every period active on `day`: the shortest limit and time win."""
    daily = duty = False
    percent: int | None = None
    hours: int | None = None
    for window, rules in periods:
        phase = phase_on(day, window)
        if phase is None:
            continue
        for rule in rules:
            if phase not in rule.phases:
                continue
            if rule.kind == RuleKind.DAILY_REPORT:
                daily = True
            elif rule.kind == RuleKind.DUTY_ROSTER:
                duty = True
            elif rule.kind == RuleKind.INTERNAL_LIMIT and rule.value is not None:
                percent = rule.value if percent is None else min(percent, rule.value)
            elif rule.kind == RuleKind.MASS_ESCALATION and rule.value is not None:
                hours = rule.value if hours is None else min(hours, rule.value)
    return ActiveRules(daily, duty, percent, hours)


# --- Internal time limits ----------------------------------------------------------------------


def shortened_due(start: date, legal_due: date, percent: int) -> date:
    """The internal limit a period sets: `percent` % of the legal span, counted in calendar days
    from `start` and rounded down, never later than `legal_due` and never before `start`."""
    check_rule_value(RuleKind.INTERNAL_LIMIT, percent)
    span = (legal_due - start).days
    if span <= 0:
        return legal_due
    return start + timedelta(days=math.floor(span * percent / 100))


def internal_due_problem(
    internal_due: date,
    *,
    legal_due: date | None,
    assigned_on: date,
    period_limit: date | None = None,
    period_name: str = "",
) -> RuleError | None:
    """Why `internal_due` is not allowed, or None. The internal due date can never be later than the
    legal one; during an event period with a shorter internal limit, never later than that limit."""
    if internal_due < assigned_on:
        return RuleError(
            f"Hạn xử lý nội bộ ({_d(internal_due)}) không được trước ngày phân công ({_d(assigned_on)}).",
            f"The internal due date ({_d(internal_due)}) is before the assignment ({_d(assigned_on)}).",
        )
    if legal_due is not None and internal_due > legal_due:
        return RuleError(
            f"Hạn xử lý nội bộ ({_d(internal_due)}) không được muộn hơn thời hạn theo quy định của pháp luật "
            f"({_d(legal_due)}).",
            f"The internal due date ({_d(internal_due)}) is later than the legal time limit ({_d(legal_due)}).",
        )
    if period_limit is not None and internal_due > period_limit:
        name = f" “{period_name}”" if period_name else ""
        return RuleError(
            f"Trong đợt cao điểm{name}, hạn xử lý nội bộ không được muộn hơn {_d(period_limit)} "
            "(thời hạn nội bộ rút ngắn của đợt).",
            f"During the event period{name} the internal due date cannot be later than {_d(period_limit)}.",
        )
    return None


# --- Escalation --------------------------------------------------------------------------------


def escalation_due(received_at: datetime, hours: int) -> datetime:
    """By when a mass matter received at `received_at` must be reported to the leadership."""
    if received_at.tzinfo is None:
        raise RuleError("Thời điểm tiếp nhận phải có múi giờ.", "The reception time needs a time zone.")
    check_rule_value(RuleKind.MASS_ESCALATION, hours)
    return received_at + timedelta(hours=hours)


class EscalationTiming(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    PENDING = "pending"
    OVERDUE = "overdue"


def escalation_timing(due_at: datetime | None, reported_at: datetime | None, now: datetime) -> EscalationTiming:
    """Whether the report to the leadership was (or still can be) made in time."""
    if reported_at is not None:
        return EscalationTiming.LATE if due_at is not None and reported_at > due_at else EscalationTiming.ON_TIME
    if due_at is not None and now > due_at:
        return EscalationTiming.OVERDUE
    return EscalationTiming.PENDING


class EscalationReason(StrEnum):
    MASS = "mass"
    COMPLEX = "complex"
    OVER_LEVEL = "over_level"
    HOT_SPOT = "hot_spot"


REASON_LABELS = {
    EscalationReason.MASS: ("Đông người", "Mass"),
    EscalationReason.COMPLEX: ("Phức tạp", "Complex"),
    EscalationReason.OVER_LEVEL: ("Vượt cấp", "Over-level"),
    EscalationReason.HOT_SPOT: ("Điểm nóng", "Hot spot"),
}


def escalation_reasons(
    *, head_count: int, mass_threshold: int, complexity: str = "none", over_level: bool = False
) -> list[EscalationReason]:
    """Reasons a matter must go to the leadership (plan-2024 II.2; MASS-1..4; TCD-ADHOC)."""
    reasons = []
    if head_count >= mass_threshold:
        reasons.append(EscalationReason.MASS)
    if complexity not in ("", "none"):
        reasons.append(EscalationReason.COMPLEX)
    if over_level:
        reasons.append(EscalationReason.OVER_LEVEL)
    return reasons


# --- Tasks: directions, response-plan actions, lessons-learned measures ------------------------


class TaskState(StrEnum):
    DONE = "done"
    DONE_LATE = "done_late"
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    OPEN = "open"
    CANCELLED = "cancelled"


TASK_STATE_LABELS = {
    TaskState.DONE: ("Đã hoàn thành", "Done"),
    TaskState.DONE_LATE: ("Hoàn thành muộn", "Done late"),
    TaskState.OVERDUE: ("Quá hạn", "Overdue"),
    TaskState.DUE_SOON: ("Sắp đến hạn", "Due soon"),
    TaskState.OPEN: ("Đang thực hiện", "In progress"),
    TaskState.CANCELLED: ("Đã hủy", "Cancelled"),
}


def task_state(
    due_on: date | None, done_on: date | None, today: date, *, near_days: int = 3, cancelled: bool = False
) -> TaskState:
    if cancelled:
        return TaskState.CANCELLED
    if done_on is not None:
        return TaskState.DONE_LATE if due_on is not None and done_on > due_on else TaskState.DONE
    if due_on is None:
        return TaskState.OPEN
    if today > due_on:
        return TaskState.OVERDUE
    if (due_on - today).days <= near_days:
        return TaskState.DUE_SOON
    return TaskState.OPEN


def task_due_problem(due_on: date, *, given_on: date, limit: date | None = None) -> RuleError | None:
    """A task's due date is not before the day it is given, nor after an outer limit (the legal due
    date of the matter, or the internal one)."""
    if due_on < given_on:
        return RuleError(
            f"Thời hạn ({_d(due_on)}) không được trước ngày giao nhiệm vụ ({_d(given_on)}).",
            f"The due date ({_d(due_on)}) is before the day the task is given ({_d(given_on)}).",
        )
    if limit is not None and due_on > limit:
        return RuleError(
            f"Thời hạn ({_d(due_on)}) không được muộn hơn thời hạn giải quyết theo quy định ({_d(limit)}).",
            f"The due date ({_d(due_on)}) is later than the legal time limit ({_d(limit)}).",
        )
    return None


# --- Plan tasks: progress and "who is late" ----------------------------------------------------


class PlanTaskState(StrEnum):
    NOT_STARTED = "not_started"
    ON_TRACK = "on_track"
    REPORT_MISSING = "report_missing"
    LATE = "late"
    DONE = "done"
    DONE_LATE = "done_late"


PLAN_TASK_STATE_LABELS = {
    PlanTaskState.NOT_STARTED: ("Chưa đến thời gian thực hiện", "Not started yet"),
    PlanTaskState.ON_TRACK: ("Đang thực hiện", "On track"),
    PlanTaskState.REPORT_MISSING: ("Chậm báo cáo tiến độ", "Progress report missing"),
    PlanTaskState.LATE: ("Chậm, quá thời hạn", "Late"),
    PlanTaskState.DONE: ("Đã hoàn thành", "Done"),
    PlanTaskState.DONE_LATE: ("Hoàn thành muộn", "Done late"),
}
LATE_STATES = frozenset({PlanTaskState.REPORT_MISSING, PlanTaskState.LATE})


def plan_task_state(
    *,
    today: date,
    starts_on: date | None,
    due_on: date | None,
    done_on: date | None = None,
    last_report_on: date | None = None,
    report_every_days: int | None = None,
) -> PlanTaskState:
    """The state of one unit's share of a plan task: late when past its due date without completion,
    or when its progress report is older than the reporting interval the plan sets."""
    if done_on is not None:
        return PlanTaskState.DONE_LATE if due_on is not None and done_on > due_on else PlanTaskState.DONE
    if starts_on is not None and today < starts_on:
        return PlanTaskState.NOT_STARTED
    if due_on is not None and today > due_on:
        return PlanTaskState.LATE
    if report_every_days:
        reference = last_report_on or starts_on
        if reference is not None and (today - reference).days > report_every_days:
            return PlanTaskState.REPORT_MISSING
    return PlanTaskState.ON_TRACK


# --- Dialogue (domain.md KN-DIALOG) ------------------------------------------------------------

DIALOGUE_NOTICE_DAYS = 5


def dialogue_notice_problem(
    *, notice_on: date | None, dialogue_on: date, latest_notice_on: date, mandatory: bool
) -> RuleError | None:
    """KN-DIALOG: the parties are told the time, place and content at least 5 days before the
    dialogue (`latest_notice_on` comes from the legal engine, which moves it off a day off)."""
    if notice_on is None:
        if mandatory:
            return RuleError(
                "Đối thoại trong giải quyết khiếu nại lần hai là bắt buộc: cần ghi ngày thông báo cho các bên "
                f"(chậm nhất {_d(latest_notice_on)}).",
                "Dialogue is mandatory in a second-time complaint: enter the date the parties were notified "
                f"(at the latest {_d(latest_notice_on)}).",
            )
        return None
    if notice_on > dialogue_on:
        return RuleError(
            f"Ngày thông báo ({_d(notice_on)}) không được sau ngày đối thoại ({_d(dialogue_on)}).",
            f"The notice ({_d(notice_on)}) is after the dialogue ({_d(dialogue_on)}).",
        )
    if notice_on > latest_notice_on:
        return RuleError(
            f"Phải thông báo cho các bên chậm nhất {DIALOGUE_NOTICE_DAYS} ngày trước ngày đối thoại, tức là "
            f"trước hoặc vào ngày {_d(latest_notice_on)}; ngày thông báo {_d(notice_on)} là quá muộn.",
            f"The parties must be notified at least {DIALOGUE_NOTICE_DAYS} days before the dialogue, by "
            f"{_d(latest_notice_on)}; {_d(notice_on)} is too late.",
        )
    return None


# --- Daily reports and the duty roster ---------------------------------------------------------


def missing_days(required: Iterable[date], covered: Iterable[date]) -> list[date]:
    """Days on which something was required (a daily report, someone on duty) and is missing."""
    done = set(covered)
    return sorted(day for day in set(required) if day not in done)


def days_between(first: date, last: date) -> list[date]:
    if last < first:
        return []
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]
