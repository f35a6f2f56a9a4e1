"""Shared pieces of the coordination models."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tiepdan.common.codes import new_public_code

ATTACHMENT_EXTENSIONS = ["pdf", "docx", "doc", "xlsx", "odt", "jpg", "jpeg", "png"]


def _escalation_code() -> str:
    return new_public_code("BC")


def _choices(labels: dict) -> list[tuple[str, str]]:
    return [(key.value, _(vi)) for key, (vi, _en) in labels.items()]
