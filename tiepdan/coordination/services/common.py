"""Shared pieces of the coordination services: the refusal, permission checks, audiences of notices."""

from __future__ import annotations

from datetime import date

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import translation

from tiepdan.coordination import rules
from tiepdan.org.roles import Role
from tiepdan.org.selectors import advisory_unit


class Refused(Exception):
    """An input refused by a rule; `field` names the form field the message belongs beside.

    `message` is a translatable text (gettext_lazy, shown in the reader's language) or, from a pure
    rule, the Vietnamese text with its English twin in `message_en`."""

    def __init__(self, message, *, field: str | None = None, message_en: str = ""):
        super().__init__(message)
        self.message = message
        self._message_en = message_en
        self.field = field

    @classmethod
    def from_rule(cls, error: rules.RuleError, field: str | None = None) -> Refused:
        return cls(error.message_vi, field=field, message_en=error.message_en)

    @property
    def message_vi(self) -> str:
        with translation.override("vi"):
            return str(self.message)

    @property
    def message_en(self) -> str:
        if self._message_en:
            return self._message_en
        with translation.override("en"):
            return str(self.message)

    def __str__(self) -> str:
        """The message in the active language."""
        return self.message_en if (translation.get_language() or "").startswith("en") else self.message_vi


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _text(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise Refused(message, field=field)
    return value


# --- audiences of notices ----------------------------------------------------------------------


def _users(condition: Q):
    return list(get_user_model().objects.filter(condition, is_active=True).distinct())


def leadership_users():
    return _users(Q(groups__name=Role.LEADERSHIP.value))


def _escalation_audience(on: date):
    """The leadership, the inspection and the head of the advisory unit (plan-2024 II.2, III.2)."""
    condition = Q(groups__name__in=[Role.LEADERSHIP.value, Role.INSPECTION.value])
    if unit := advisory_unit(on):
        condition |= Q(staff__unit=unit, staff__position__is_head=True)
    return _users(condition)


def _unit_users(unit_id: int, *, heads_only: bool = False):
    condition = Q(staff__unit_id=unit_id)
    if heads_only:
        condition &= Q(groups__name=Role.UNIT_HEAD.value) | Q(staff__position__is_head=True)
    return _users(condition)
