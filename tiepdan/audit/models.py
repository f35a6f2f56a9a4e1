"""The log of every access to confidential data (a denouncer's identity, Law 25/2018 Art 47)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessLog(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    object_type = models.CharField(max_length=60)
    object_id = models.PositiveBigIntegerField()
    purpose = models.CharField(_("mục đích"), max_length=255)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        verbose_name = _("nhật ký truy cập thông tin mật")
        verbose_name_plural = _("nhật ký truy cập thông tin mật")
        ordering = ["-at"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="accesslog_object")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.object_type}#{self.object_id} ({self.at:%d/%m/%Y %H:%M})"
