"""Deadlines that the law starts, stored with their explanation so lists filter on an index.

Every letter, visit and case step that starts a statutory time limit gets one row here, computed by
`tiepdan.legal` and recomputed whenever an event moves it (suspension, extension, complexity,
calendar change). The deadline watch reads only this table.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from tiepdan.org.models import Unit


class DeadlineStatus(models.TextChoices):
    OPEN = "open", _("Đang tính")
    MET = "met", _("Đã hoàn thành")
    CANCELLED = "cancelled", _("Không còn áp dụng")


class Deadline(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="deadlines", verbose_name=_("đơn vị")
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="deadlines"
    )
    rule_id = models.CharField(_("quy định"), max_length=30)
    label = models.CharField(_("việc phải làm"), max_length=255)
    start = models.DateField(_("ngày bắt đầu tính"))
    variant = models.CharField(max_length=30, blank=True)
    extensions = models.PositiveSmallIntegerField(default=0)
    suspensions = models.JSONField(default=list, blank=True)  # [[start, end|None], ...] ISO dates
    due_on = models.DateField(_("hạn"), null=True, blank=True)
    days = models.PositiveIntegerField(default=0)
    unit_of_time = models.CharField(max_length=20)
    source = models.CharField(_("căn cứ"), max_length=255)
    explanation = models.JSONField(default=list)
    status = models.CharField(_("trạng thái"), max_length=12, choices=DeadlineStatus.choices, default="open")
    met_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    # Set by the deadline watch with a conditional UPDATE so two runs never notify twice.
    near_notified_on = models.DateField(null=True, blank=True)
    overdue_notified_on = models.DateField(null=True, blank=True)
    escalated_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("thời hạn")
        verbose_name_plural = _("thời hạn")
        ordering = ["due_on", "id"]
        indexes = [
            # The deadline watch and the "near due / overdue" lists: open items by due date.
            models.Index(fields=["status", "due_on"], name="deadline_open_due"),
            models.Index(fields=["content_type", "object_id"], name="deadline_subject"),
            models.Index(fields=["unit", "status", "due_on"], name="deadline_unit_open_due"),
        ]

    def __str__(self) -> str:
        return f"{self.rule_id} → {self.due_on}"

    @property
    def is_open(self) -> bool:
        return self.status == DeadlineStatus.OPEN

    def summary_vi(self) -> str:
        if self.due_on is None:
            return str(_("Đang tạm đình chỉ: chưa tính hạn"))
        return f"{self.due_on:%d/%m/%Y}"


class OfficialDayKind(models.TextChoices):
    DAY_OFF = "day_off", _("Ngày nghỉ")
    WORKING_DAY = "working_day", _("Ngày làm bù")


class OfficialDay(models.Model):
    """An administrator's addition to the working-day calendar (an announced day off or make-up day).

    The shipped table of official announcements lives in `tiepdan.legal`; these rows go on top.
    """

    day = models.DateField(_("ngày"))
    kind = models.CharField(_("loại"), max_length=20, choices=OfficialDayKind.choices)
    reason = models.CharField(_("lý do, văn bản thông báo"), max_length=255)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    withdrawn = models.BooleanField(_("đã hủy"), default=False)

    class Meta:
        verbose_name = _("ngày nghỉ, ngày làm bù")
        verbose_name_plural = _("ngày nghỉ, ngày làm bù")
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(
                fields=["day"], condition=models.Q(withdrawn=False), name="official_day_unique_when_current"
            )
        ]

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y}: {self.reason}"
