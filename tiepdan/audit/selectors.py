"""Reads of the access log: only leadership, inspection and auditors may read who saw what."""

from __future__ import annotations

from django.db.models import QuerySet

from tiepdan.audit.models import AccessLog
from tiepdan.org.roles import Role
from tiepdan.org.selectors import has_role

READERS = (Role.LEADERSHIP, Role.INSPECTION, Role.AUDITOR, Role.ADMINISTRATOR)


def access_logs_visible_to(user) -> QuerySet[AccessLog]:
    if not user.is_authenticated or not has_role(user, *READERS):
        return AccessLog.objects.none()
    return AccessLog.objects.select_related("user", "user__staff")


def access_logs_for(obj) -> QuerySet[AccessLog]:
    return AccessLog.objects.filter(
        object_type=f"{obj._meta.app_label}.{obj._meta.model_name}", object_id=obj.pk
    ).select_related("user", "user__staff")
