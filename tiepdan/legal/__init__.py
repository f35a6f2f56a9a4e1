"""The pure legal engine: working calendar, rules table, deadlines with explanations, grounds.

Plain Python: no Django, no clock, no settings, no database. Every input is an argument. See
docs/adr/0002-legal-engine.md and /work/shared/domain.md (§0 counting, §12 rules table).
"""

from tiepdan.legal.calendar import (
    CalendarEntry,
    WorkingCalendar,
    build_calendar,
    calendar_from_holidays_file,
    shipped_entries,
)
from tiepdan.legal.deadline import Deadline, Step, Suspension, compute_deadline
from tiepdan.legal.errors import (
    CalendarConflict,
    CalendarDataError,
    CalendarRangeError,
    InvalidArgument,
    LegalError,
    NoTimeLimit,
    RuleNotInForce,
    TooManyExtensions,
    UnknownRule,
    UnknownVariant,
)
from tiepdan.legal.rules import RULES, Rule, Unit, get_rule, rule_ids

__all__ = [
    "RULES",
    "CalendarConflict",
    "CalendarDataError",
    "CalendarEntry",
    "CalendarRangeError",
    "Deadline",
    "InvalidArgument",
    "LegalError",
    "NoTimeLimit",
    "Rule",
    "RuleNotInForce",
    "Step",
    "Suspension",
    "TooManyExtensions",
    "Unit",
    "UnknownRule",
    "UnknownVariant",
    "WorkingCalendar",
    "build_calendar",
    "calendar_from_holidays_file",
    "compute_deadline",
    "get_rule",
    "rule_ids",
    "shipped_entries",
]
