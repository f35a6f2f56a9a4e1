"""Reads of issued documents; every access goes through `documents_visible_to`."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from tiepdan.documents.models import IssuedDocument
from tiepdan.org.selectors import scope_by_unit


def documents_for(subject: Any) -> QuerySet[IssuedDocument]:
    """The documents issued about `subject` (a letter, visit, case ...), newest first.

    Not scoped: the caller has already fetched `subject` through its own `*_visible_to(user)`.
    """
    return IssuedDocument.objects.filter(
        content_type=ContentType.objects.get_for_model(subject), object_id=subject.pk
    ).select_related("unit")


def documents_visible_to(user: Any) -> QuerySet[IssuedDocument]:
    """The documents of the units `user` may see (an officer of another unit sees none of them)."""
    return scope_by_unit(IssuedDocument.objects.select_related("unit", "content_type"), user)
