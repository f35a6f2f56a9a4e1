"""Event periods (đợt cao điểm) with phases, the rules switched on, milestones, roster, daily reports."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tiepdan.common.i18n import in_language
from tiepdan.coordination import rules
from tiepdan.coordination.models.common import _choices
from tiepdan.coordination.models.plans import Plan
from tiepdan.org.models import Agency, Staff, Unit

# Event periods


class EventPeriod(models.Model):
    """A sensitive period (đợt cao điểm) — a congress, an election — with before/during/after phases."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="event_periods")
    # Stable key other apps use (monitoring reads the periods by it).
    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên đợt"), max_length=255)
    short_name = models.CharField(_("tên ngắn"), max_length=80)
    scope = models.CharField(_("phạm vi"), max_length=255, blank=True)
    starts_on = models.DateField(_("sự kiện bắt đầu"))
    ends_on = models.DateField(_("sự kiện kết thúc"))
    before_days = models.PositiveSmallIntegerField(_("số ngày theo dõi trước sự kiện"), default=0)
    after_days = models.PositiveSmallIntegerField(_("số ngày theo dõi sau sự kiện"), default=0)
    plan = models.ForeignKey(
        Plan, on_delete=models.SET_NULL, null=True, blank=True, related_name="periods", verbose_name=_("kế hoạch")
    )
    source = models.CharField(_("căn cứ"), max_length=255, blank=True)
    active = models.BooleanField(_("đang áp dụng"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đợt cao điểm")
        verbose_name_plural = _("đợt cao điểm")
        ordering = ["starts_on", "id"]

    def __str__(self) -> str:
        return self.short_name

    def get_absolute_url(self) -> str:
        return reverse("coordination:period_detail", kwargs={"pk": self.pk})

    @property
    def window(self) -> rules.Window:
        return rules.Window(self.starts_on, self.ends_on, self.before_days, self.after_days)

    def phase_on(self, day: date) -> rules.Phase | None:
        return self.window.phase_on(day)


class PeriodRule(models.Model):
    period = models.ForeignKey(EventPeriod, on_delete=models.CASCADE, related_name="rules")
    kind = models.CharField(_("quy tắc"), max_length=20, choices=_choices(rules.RULE_LABELS))
    phases = models.JSONField(_("áp dụng trong giai đoạn"), default=list)
    value = models.PositiveSmallIntegerField(_("giá trị"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("quy tắc của đợt")
        verbose_name_plural = _("quy tắc của đợt")
        ordering = ["period", "kind"]
        constraints = [models.UniqueConstraint(fields=["period", "kind"], name="period_rule_once")]

    def __str__(self) -> str:
        return self.get_kind_display()

    def clean(self) -> None:
        # The administration form checks what the service checks (an internal limit ≤ 100 %).
        from django.core.exceptions import ValidationError

        try:
            rules.check_rule_value(rules.RuleKind(self.kind), self.value)
        except rules.RuleError as exc:
            raise ValidationError({"value": in_language(exc.message_vi, exc.message_en)}) from None
        if not self.phases or any(p not in rules.Phase.__members__.values() for p in self.phases):
            raise ValidationError({"phases": _("Chọn giai đoạn trong: before, during, after.")})

    @property
    def spec(self) -> rules.PeriodRuleSpec:
        return rules.PeriodRuleSpec(
            rules.RuleKind(self.kind), frozenset(rules.Phase(p) for p in self.phases), self.value
        )


class PeriodMilestone(models.Model):
    period = models.ForeignKey(EventPeriod, on_delete=models.CASCADE, related_name="milestones")
    on = models.DateField(_("ngày"))
    title = models.CharField(_("mốc"), max_length=255)

    class Meta:
        verbose_name = _("mốc thời gian")
        verbose_name_plural = _("mốc thời gian")
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return f"{self.on:%d/%m/%Y}: {self.title}"


class DutyKind(models.TextChoices):
    LEADER = "leader", _("Lãnh đạo trực")
    RECEPTION = "reception", _("Trực tiếp công dân")
    SECURITY = "security", _("Trực bảo vệ, an ninh trật tự")


class DutyShift(models.Model):
    """One person on call on one day of an event period (the duty roster)."""

    period = models.ForeignKey(EventPeriod, on_delete=models.CASCADE, related_name="duty_shifts")
    on = models.DateField(_("ngày trực"))
    kind = models.CharField(_("nhiệm vụ trực"), max_length=20, choices=DutyKind.choices)
    staff = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="+", verbose_name=_("cán bộ trực"))
    phone = models.CharField(_("điện thoại liên hệ"), max_length=20, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("lịch trực")
        verbose_name_plural = _("lịch trực")
        ordering = ["on", "kind", "id"]
        constraints = [models.UniqueConstraint(fields=["period", "on", "kind", "staff"], name="duty_shift_once")]

    def __str__(self) -> str:
        return f"{self.on:%d/%m/%Y} {self.get_kind_display()}: {self.staff}"


class SituationReport(models.Model):
    """The daily situation report (báo cáo tình hình hằng ngày) a unit sends during an event period."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị"))
    on = models.DateField(_("ngày báo cáo"), db_index=True)
    visits = models.PositiveIntegerField(_("số lượt tiếp"), default=0)
    mass_visits = models.PositiveIntegerField(_("số đoàn đông người"), default=0)
    letters = models.PositiveIntegerField(_("số đơn tiếp nhận"), default=0)
    escalations = models.PositiveIntegerField(_("số vụ việc báo cáo lãnh đạo"), default=0)
    hot_spots = models.TextField(_("điểm nóng, vụ việc cần lưu ý"), blank=True)
    summary = models.TextField(_("tình hình chung"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(_("thời điểm gửi"), auto_now_add=True)

    class Meta:
        verbose_name = _("báo cáo tình hình hằng ngày")
        verbose_name_plural = _("báo cáo tình hình hằng ngày")
        ordering = ["-on", "unit"]
        constraints = [models.UniqueConstraint(fields=["unit", "on"], name="situation_report_once_a_day")]

    def __str__(self) -> str:
        return f"{self.unit} {self.on:%d/%m/%Y}"
