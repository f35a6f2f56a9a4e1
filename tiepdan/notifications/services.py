"""Send a notice once: in-app always, by e-mail when the recipient has an address and SMTP is set."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from tiepdan.notifications.models import Notification


def notify(
    *, recipients: Iterable[AbstractBaseUser], kind: str, title: str, key: str, body: str = "", link: str = ""
) -> int:
    """Create one notice per recipient unless one with the same key exists; returns how many were new."""
    created = 0
    for user in {u.pk: u for u in recipients}.values():
        try:
            with transaction.atomic():
                notice = Notification.objects.create(
                    recipient=user, kind=kind, title=title, body=body, link=link, dedupe_key=key[:120]
                )
        except IntegrityError:
            continue
        created += 1
        email = getattr(user, "email", "")
        if email:
            send_mail(title, body or title, settings.DEFAULT_FROM_EMAIL, [email], fail_silently=True)
            Notification.objects.filter(pk=notice.pk).update(emailed=True)
    return created
