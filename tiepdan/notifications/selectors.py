"""Reads of the notifications."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser

from tiepdan.notifications.models import Notification


def unread_count(user: AbstractBaseUser) -> int:
    """The user's unread notifications; read with the user by the authentication backend when it can."""
    known = getattr(user, "tiepdan_unread", None)
    if known is not None:
        return known
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def forget_unread_count(user: AbstractBaseUser) -> None:
    """After notifications are marked read in this request, the count read with the user is stale."""
    if hasattr(user, "tiepdan_unread"):
        user.tiepdan_unread = None
