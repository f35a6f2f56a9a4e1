"""Escalation to the leadership, directions and their tasks, response plans, lessons-learned reviews."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tiepdan.common.i18n import pick
from tiepdan.coordination import rules
from tiepdan.coordination.models.common import _escalation_code
from tiepdan.coordination.models.periods import EventPeriod
from tiepdan.org.models import Unit

# Escalation to the leadership, directions and tasks, response plans


class EscalationStatus(models.TextChoices):
    REPORTED = "reported", _("Chờ ý kiến chỉ đạo")
    DIRECTED = "directed", _("Đang thực hiện chỉ đạo")
    COMPLETED = "completed", _("Đã thực hiện xong chỉ đạo")
    CLOSED = "closed", _("Đã kết thúc")


class Escalation(models.Model):
    """A matter reported to the leadership (báo cáo Lãnh đạo sở) with a one-page summary."""

    code = models.CharField(_("mã"), max_length=12, unique=True, default=_escalation_code, editable=False)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị báo cáo"))
    visit = models.ForeignKey(
        "reception.Visit", on_delete=models.PROTECT, null=True, blank=True, related_name="escalations"
    )
    letter = models.ForeignKey(
        "letters.Letter", on_delete=models.PROTECT, null=True, blank=True, related_name="escalations"
    )
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, null=True, blank=True, related_name="escalations")
    reasons = models.JSONField(_("lý do báo cáo"), default=list)
    title = models.CharField(_("nội dung vụ việc"), max_length=500)
    head_count = models.PositiveIntegerField(_("số người"), default=1)
    place = models.CharField(_("địa bàn"), max_length=255, blank=True)
    summary = models.TextField(_("tóm tắt diễn biến"))
    history = models.TextField(_("quá trình giải quyết"), blank=True)
    proposal = models.TextField(_("đề xuất của đơn vị"), blank=True)
    period = models.ForeignKey(EventPeriod, on_delete=models.PROTECT, null=True, blank=True, related_name="escalations")
    is_automatic = models.BooleanField(_("tự động theo quy tắc của đợt"), default=False)
    received_at = models.DateTimeField(_("thời điểm tiếp nhận vụ việc"))
    due_at = models.DateTimeField(_("hạn báo cáo lãnh đạo"), null=True, blank=True)
    reported_at = models.DateTimeField(_("thời điểm báo cáo"))
    # An automatic escalation is reported at once; the unit completes its summary by `due_at`.
    completed_at = models.DateTimeField(_("thời điểm hoàn thiện báo cáo"), null=True, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    seen_at = models.DateTimeField(_("lãnh đạo đã xem lúc"), null=True, blank=True)
    seen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("tình trạng"), max_length=12, choices=EscalationStatus.choices, default=EscalationStatus.REPORTED
    )
    closed_on = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    closing_note = models.TextField(_("kết quả"), blank=True)

    class Meta:
        verbose_name = _("báo cáo lãnh đạo")
        verbose_name_plural = _("báo cáo lãnh đạo")
        ordering = ["-reported_at", "-id"]
        constraints = [
            # The rule of an event period escalates a mass visit or letter once (a rerun of the sweep,
            # or the sweep racing the signal, never creates a second one).
            models.UniqueConstraint(
                fields=["visit"], condition=Q(is_automatic=True, visit__isnull=False), name="auto_escalation_visit_once"
            ),
            models.UniqueConstraint(
                fields=["letter"],
                condition=Q(is_automatic=True, letter__isnull=False),
                name="auto_escalation_letter_once",
            ),
        ]
        indexes = [models.Index(fields=["status", "-reported_at"], name="escalation_status_recent")]

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        return reverse("coordination:escalation_detail", kwargs={"code": self.code})

    @property
    def reason_labels(self) -> list[str]:
        return [pick(rules.REASON_LABELS[rules.EscalationReason(r)]) for r in self.reasons]


class Direction(models.Model):
    """The leader's direction (ý kiến chỉ đạo) on an escalated matter; its tasks carry it out."""

    escalation = models.ForeignKey(Escalation, on_delete=models.PROTECT, related_name="directions")
    text = models.TextField(_("ý kiến chỉ đạo"))
    given_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    given_on = models.DateField(_("ngày chỉ đạo"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ý kiến chỉ đạo")
        verbose_name_plural = _("ý kiến chỉ đạo")
        ordering = ["given_on", "id"]

    def __str__(self) -> str:
        return f"{self.given_on:%d/%m/%Y}: {self.text[:60]}"


class ResponsePlanStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo, chờ phê duyệt")
    APPROVED = "approved", _("Đã phê duyệt, đang thực hiện")
    DONE = "done", _("Đã thực hiện xong")


class ResponsePlan(models.Model):
    """A response plan (phương án xử lý) for a complex situation: actions, owners, dates, result."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị chủ trì"))
    escalation = models.ForeignKey(
        Escalation, on_delete=models.PROTECT, null=True, blank=True, related_name="response_plans"
    )
    title = models.CharField(_("tên phương án"), max_length=500)
    situation = models.TextField(_("tình hình, dự báo"))
    objective = models.TextField(_("mục tiêu, yêu cầu"))
    forces = models.TextField(_("lực lượng, phương tiện"), blank=True)
    status = models.CharField(
        _("tình trạng"), max_length=12, choices=ResponsePlanStatus.choices, default=ResponsePlanStatus.DRAFT
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_on = models.DateField(_("ngày phê duyệt"), null=True, blank=True)
    result = models.TextField(_("kết quả"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_on = models.DateField(_("ngày lập"))

    class Meta:
        verbose_name = _("phương án xử lý")
        verbose_name_plural = _("phương án xử lý")
        ordering = ["-created_on", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("coordination:response_plan_detail", kwargs={"pk": self.pk})


class LessonsReview(models.Model):
    """Lessons learned (rút kinh nghiệm) after an event period or a case."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị chủ trì"))
    period = models.ForeignKey(
        EventPeriod, on_delete=models.PROTECT, null=True, blank=True, related_name="reviews", verbose_name=_("đợt")
    )
    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("vụ việc")
    )
    title = models.CharField(_("tiêu đề"), max_length=255)
    held_on = models.DateField(_("ngày họp"))
    what_happened = models.TextField(_("diễn biến"))
    went_well = models.TextField(_("làm được, kết quả tốt"), blank=True)
    went_badly = models.TextField(_("hạn chế, thiếu sót"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("rút kinh nghiệm")
        verbose_name_plural = _("rút kinh nghiệm")
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("coordination:review_detail", kwargs={"pk": self.pk})


class TaskStatus(models.TextChoices):
    OPEN = "open", _("Đang thực hiện")
    DONE = "done", _("Đã hoàn thành")
    CANCELLED = "cancelled", _("Đã hủy")


class Task(models.Model):
    """A task with an owner and a due date, tracked to completion: from a leader's direction, an
    action of a response plan, or a measure of a lessons-learned review (exactly one of them)."""

    direction = models.ForeignKey(Direction, on_delete=models.PROTECT, null=True, blank=True, related_name="tasks")
    response_plan = models.ForeignKey(
        ResponsePlan, on_delete=models.PROTECT, null=True, blank=True, related_name="tasks"
    )
    review = models.ForeignKey(LessonsReview, on_delete=models.PROTECT, null=True, blank=True, related_name="tasks")
    text = models.TextField(_("nhiệm vụ"))
    owner_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="coordination_tasks", verbose_name=_("đơn vị thực hiện")
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coordination_tasks",
        verbose_name=_("người thực hiện"),
    )
    given_on = models.DateField(_("ngày giao"))
    due_on = models.DateField(_("thời hạn"), db_index=True)
    status = models.CharField(_("tình trạng"), max_length=12, choices=TaskStatus.choices, default=TaskStatus.OPEN)
    done_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    result = models.TextField(_("kết quả thực hiện"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(direction__isnull=False, response_plan__isnull=True, review__isnull=True)
                    | Q(direction__isnull=True, response_plan__isnull=False, review__isnull=True)
                    | Q(direction__isnull=True, response_plan__isnull=True, review__isnull=False)
                ),
                name="task_one_source",
            ),
        ]
        indexes = [
            # "My work": open tasks of a person or a unit by due date.
            models.Index(fields=["owner", "status", "due_on"], name="task_owner_open_due"),
            models.Index(fields=["owner_unit", "status", "due_on"], name="task_unit_open_due"),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return reverse("coordination:task_detail", kwargs={"pk": self.pk})

    def state(self, today: date) -> rules.TaskState:
        return rules.task_state(self.due_on, self.done_on, today, cancelled=self.status == TaskStatus.CANCELLED)

    @property
    def source(self):
        if self.direction_id:
            return self.direction.escalation
        return self.response_plan or self.review
