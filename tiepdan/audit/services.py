"""Writes of the audit app: the log of every access to confidential data, and scrubbing of the
general change log where it would otherwise keep a denouncer's identity in plain text."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest

from tiepdan.audit.models import AccessLog

REDACTED = "[đã ẩn để bảo vệ người tố cáo]"


def client_ip(request: HttpRequest | None) -> str | None:
    """The peer address. X-Forwarded-For is not trusted: a client can write anything in it."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def log_access(*, user, obj, purpose: str, ip: str | None = None) -> AccessLog:
    """Record that `user` saw the confidential data of `obj`, and why (Law 25/2018 Art 47)."""
    return AccessLog.objects.create(
        user=user,
        object_type=f"{obj._meta.app_label}.{obj._meta.model_name}",
        object_id=obj.pk,
        purpose=purpose[:255],
        ip_address=ip,
    )


def scrub_change_log(model, object_ids) -> int:
    """Blank the django-auditlog entries of these objects (their field values, representation and
    serialised copy). Used when a letter turns out to be a denunciation after its senders had been
    recorded in plain text: the identity moves to the encrypted table and must not stay in the log.
    The entries themselves are kept (who did what, when)."""
    from auditlog.models import LogEntry

    ids = [str(i) for i in object_ids]
    if not ids:
        return 0
    ct = ContentType.objects.get_for_model(model)
    return LogEntry.objects.filter(content_type=ct, object_pk__in=ids).update(
        changes={}, changes_text="", object_repr=REDACTED, serialized_data=None, additional_data=None
    )
