"""Plans (kế hoạch) as data: sections, assignees (the units given a part), tasks, progress reports."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tiepdan.org.models import Agency, Unit

# Plans


class Plan(models.Model):
    """A plan (kế hoạch) issued by the agency: its text as data, its tasks assigned to units."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="plans", verbose_name=_("cơ quan"))
    number = models.PositiveIntegerField(_("số"), null=True, blank=True)
    symbol = models.CharField(_("ký hiệu"), max_length=40, default="KH-SVHTTDL")
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    # When the day is left blank for the clerical office ("ngày ... tháng 11 năm 2024").
    issued_month = models.CharField(_("tháng ban hành (khi chưa ghi ngày)"), max_length=20, blank=True)
    title = models.CharField(_("trích yếu"), max_length=500)
    grounds = models.TextField(_("căn cứ, văn bản thực hiện"), help_text=_("Mỗi dòng một văn bản."))
    introduction = models.TextField(_("đoạn mở đầu"), blank=True)
    purposes = models.TextField(_("mục đích, yêu cầu"), help_text=_("Mỗi đoạn một dòng."))
    content_intro = models.TextField(_("dẫn nhập phần nội dung"), blank=True)
    closing = models.TextField(_("đoạn kết"))
    recipients = models.TextField(_("nơi nhận"), help_text=_("Mỗi dòng một nơi nhận, không gồm dòng “Lưu”."))
    archive = models.CharField(_("lưu"), max_length=60, default="VT")
    signer_authority = models.CharField(_("thẩm quyền ký (KT., TL., ...)"), max_length=60, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=120, default="GIÁM ĐỐC")
    signer_name = models.CharField(_("họ tên người ký"), max_length=120, blank=True)
    drafting_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", null=True, blank=True, verbose_name=_("đơn vị soạn thảo")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.number_symbol

    def get_absolute_url(self) -> str:
        return reverse("coordination:plan_detail", kwargs={"pk": self.pk})

    @property
    def number_symbol(self) -> str:
        return f"{self.number:02d}/{self.symbol}" if self.number else f"…/{self.symbol}"

    @property
    def date_label(self) -> str:
        return f"{self.issued_on:%d/%m/%Y}" if self.issued_on else self.issued_month

    @staticmethod
    def lines(text: str) -> list[str]:
        return [line.strip() for line in text.splitlines() if line.strip()]


class PlanSection(models.TextChoices):
    CONTENT = "content", _("II. Nội dung kế hoạch")
    IMPLEMENTATION = "implementation", _("III. Tổ chức thực hiện")


class PlanAssignee(models.Model):
    """One subsection of "III. Tổ chức thực hiện": the unit(s) a group of tasks is given to."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="assignees")
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    heading = models.CharField(_("tiêu đề"), max_length=255)
    lead_units = models.ManyToManyField(Unit, related_name="+", blank=True, verbose_name=_("đơn vị chủ trì"))
    # "Các cơ quan, đơn vị thuộc sở": every unit of the agency answers for its own share.
    all_units = models.BooleanField(_("tất cả các đơn vị thuộc sở"), default=False)
    # Unions are not subordinate units: the plan "requests" (đề nghị) rather than assigns.
    is_request = models.BooleanField(_("đề nghị (tổ chức đoàn thể)"), default=False)

    class Meta:
        verbose_name = _("đơn vị được giao")
        verbose_name_plural = _("đơn vị được giao")
        ordering = ["plan", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "order"], name="plan_assignee_order_once")]

    def __str__(self) -> str:
        return self.heading


class PlanTask(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    section = models.CharField(_("phần"), max_length=20, choices=PlanSection.choices)
    # Null in section II: the plan asks every unit of the agency (all units lead their own share).
    assignee = models.ForeignKey(
        PlanAssignee, on_delete=models.CASCADE, null=True, blank=True, related_name="tasks", verbose_name=_("giao cho")
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    text = models.TextField(_("nhiệm vụ"))
    details = models.TextField(_("nội dung cụ thể"), blank=True, help_text=_("Mỗi đoạn một dòng."))
    coordinating_units = models.ManyToManyField(Unit, related_name="+", blank=True, verbose_name=_("đơn vị phối hợp"))
    starts_on = models.DateField(_("thời gian bắt đầu"), null=True, blank=True)
    due_on = models.DateField(_("thời hạn hoàn thành"), null=True, blank=True, db_index=True)
    expected_output = models.CharField(_("sản phẩm, kết quả"), max_length=255, blank=True)
    report_every_days = models.PositiveSmallIntegerField(
        _("báo cáo tiến độ định kỳ (ngày)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )

    class Meta:
        verbose_name = _("nhiệm vụ của kế hoạch")
        verbose_name_plural = _("nhiệm vụ của kế hoạch")
        ordering = ["plan", "section", "assignee__order", "order"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_all_units(self) -> bool:
        return self.assignee_id is None or self.assignee.all_units


class PlanTaskReport(models.Model):
    """A unit's progress report on its share of a plan task."""

    task = models.ForeignKey(PlanTask, on_delete=models.CASCADE, related_name="reports")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị"))
    reported_on = models.DateField(_("ngày báo cáo"))
    progress = models.PositiveSmallIntegerField(
        _("tiến độ (%)"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    text = models.TextField(_("kết quả thực hiện"))
    is_done = models.BooleanField(_("đã hoàn thành"), default=False)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("báo cáo tiến độ")
        verbose_name_plural = _("báo cáo tiến độ")
        ordering = ["-reported_on", "-id"]
        indexes = [models.Index(fields=["task", "unit", "-reported_on"], name="plan_report_latest")]

    def __str__(self) -> str:
        return f"{self.unit}: {self.progress}% ({self.reported_on:%d/%m/%Y})"
