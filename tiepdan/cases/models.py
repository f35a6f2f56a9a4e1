"""Cases under settlement: one per accepted matter, each step kept as a row (history)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tiepdan.common.codes import new_public_code
from tiepdan.letters.models import Letter
from tiepdan.org.models import Domain, Unit


def _case_code() -> str:
    return new_public_code("VV")


class Complexity(models.TextChoices):
    NONE = "none", _("Thông thường")
    COMPLEX = "complex", _("Phức tạp")
    ESPECIALLY_COMPLEX = "especially_complex", _("Đặc biệt phức tạp")


class Case(models.Model):
    code = models.CharField(_("mã vụ việc"), max_length=12, unique=True, default=_case_code, editable=False)
    track = models.CharField(_("loại vụ việc"), max_length=30, db_index=True)
    status = models.CharField(_("trạng thái"), max_length=30, db_index=True)
    previous_status = models.CharField(max_length=30, blank=True)
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="cases", verbose_name=_("đơn vị chủ trì")
    )
    original_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", null=True, blank=True)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="handled_cases",
        verbose_name=_("người xử lý"),
    )
    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, null=True, blank=True, related_name="cases")
    title = models.CharField(_("nội dung vụ việc"), max_length=500)
    domain = models.ForeignKey(
        Domain, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("lĩnh vực")
    )
    commune_code = models.PositiveIntegerField(null=True, blank=True, db_index=True)
    participant_count = models.PositiveIntegerField(_("số người"), default=1)
    accepted_on = models.DateField(_("ngày thụ lý"), db_index=True)
    is_remote_area = models.BooleanField(_("vùng sâu, vùng xa"), default=False)
    complexity = models.CharField(_("mức độ"), max_length=20, choices=Complexity.choices, default="none")
    complexity_criteria = models.JSONField(_("tiêu chí phức tạp"), default=list, blank=True)
    extensions_used = models.PositiveSmallIntegerField(_("số lần gia hạn"), default=0)
    withdrawal_exceptions = models.JSONField(default=list, blank=True)
    documents = models.JSONField(default=list, blank=True)  # requirement codes present (workflow.Requirement)
    due_on = models.DateField(_("hạn giải quyết"), null=True, blank=True, db_index=True)
    closed_on = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vụ việc")
        verbose_name_plural = _("vụ việc")
        ordering = ["-accepted_on", "-id"]
        indexes = [models.Index(fields=["unit", "status"], name="case_unit_status")]

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        return reverse("cases:case_detail", kwargs={"code": self.code})


class CaseStep(models.Model):
    """One action taken on a case: who, when, on which document; the case history."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="steps")
    action = models.CharField(_("thao tác"), max_length=40)
    from_status = models.CharField(max_length=30, blank=True)
    to_status = models.CharField(max_length=30, blank=True)
    on = models.DateField(_("ngày"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    document_number = models.CharField(_("số văn bản"), max_length=60, blank=True)
    document_title = models.CharField(_("tên văn bản"), max_length=255, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bước xử lý")
        verbose_name_plural = _("các bước xử lý")
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.action} {self.on:%d/%m/%Y}"


class Suspension(models.Model):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="suspensions")
    start = models.DateField(_("ngày tạm đình chỉ"))
    end = models.DateField(_("ngày tiếp tục"), null=True, blank=True)
    reason = models.CharField(_("lý do"), max_length=255)

    class Meta:
        ordering = ["start"]

    def __str__(self) -> str:
        return f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}" if self.end else f"{self.start:%d/%m/%Y} –"
