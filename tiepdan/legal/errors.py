"""Errors raised by the legal engine.

Every error carries a Vietnamese and an English message because the engine's errors reach citizens'
officers through the UI and the command line unchanged.
"""

from __future__ import annotations


class LegalError(Exception):
    """Base class: `message_vi` (full diacritics) and `message_en` are shown to users as they are."""

    def __init__(self, message_vi: str, message_en: str) -> None:
        super().__init__(f"{message_vi} / {message_en}")
        self.message_vi = message_vi
        self.message_en = message_en

    def one_line(self) -> str:
        """The bilingual one-line form used by the command line: Vietnamese first, then English."""
        return f"Lỗi: {self.message_vi} / Error: {self.message_en}".replace("\n", " ")


class UnknownRule(LegalError):
    """No rule has this id (nor this base id)."""


class RuleNotInForce(UnknownRule):
    """The rule exists but is not in force on the start date (regime A to 30/06/2026, B from 01/07/2026)."""


class UnknownVariant(LegalError):
    """The rule has no variant of that name (e.g. "remote" for TC-T)."""


class TooManyExtensions(LegalError):
    """More extensions than allowed for the rule and variant (TC-T: complex 1, especially complex 2)."""


class NoTimeLimit(LegalError):
    """The rule is in the table for citation only (quota, count, confidentiality, report period...)."""


class CalendarRangeError(LegalError):
    """A date outside the years the working calendar knows."""


class CalendarDataError(LegalError):
    """Calendar data (holidays file, official table, administrator entry) is malformed."""


class CalendarConflict(CalendarDataError):
    """The same day is listed twice, or both as a day off and as a working day, in one source."""


class InvalidArgument(LegalError):
    """An argument outside its domain (overlapping suspensions, unknown criterion, bad report kind...)."""
