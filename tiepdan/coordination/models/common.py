"""Shared pieces of the coordination models."""

from __future__ import annotations

from tiepdan.common.codes import new_public_code
from tiepdan.common.i18n import twin

ATTACHMENT_EXTENSIONS = ["pdf", "docx", "doc", "xlsx", "odt", "jpg", "jpeg", "png"]


def _escalation_code() -> str:
    return new_public_code("BC")


def _choices(labels: dict) -> list[tuple[str, str]]:
    """Choices from the (Vietnamese, English) labels of a pure rule module, in the reader's language."""
    return [(key.value, twin(vi, en)) for key, (vi, en) in labels.items()]
