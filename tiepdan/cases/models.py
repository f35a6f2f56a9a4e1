"""Cases under settlement: one per accepted matter, each step kept as a row (history)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tiepdan.cases.workflow.results import AMOUNT_KEYS
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
        indexes = [
            models.Index(fields=["unit", "status"], name="case_unit_status"),
            # The case list's order (newest accepted first) within a unit and within a track: read in order and
            # stopped at the page's end (SQLite sorted a unit's 20,000 cases, joined, for each page).
            models.Index(fields=["unit", "-accepted_on", "-id"], name="case_unit_recent"),
            models.Index(fields=["track", "-accepted_on", "-id"], name="case_track_recent"),
            # Open cases by due date (awaiting assignment, most urgent first), in the agency and in a unit:
            # walked in order and stopped at the page's end, instead of joining and sorting every open case.
            models.Index(fields=["due_on", "id"], name="case_open_due", condition=models.Q(closed_on__isnull=True)),
            models.Index(
                fields=["unit", "due_on", "id"], name="case_open_unit_due", condition=models.Q(closed_on__isnull=True)
            ),
        ]

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


class SettlementOutcome(models.TextChoices):
    """Keys of `workflow.results.SettlementOutcome`; the label shown depends on the track
    (`workflow.results.outcome_label`), these generic ones are for the admin and the audit log."""

    CORRECT = "correct", _("Đúng")
    PARTLY = "partly", _("Đúng một phần")
    WRONG = "wrong", _("Sai")
    UPHELD = "upheld", _("Công nhận quyết định lần đầu")
    ANNULLED = "annulled", _("Hủy, sửa quyết định lần đầu")


def _not_negative(prefix: str = "settlement") -> list[models.CheckConstraint]:
    return [
        models.CheckConstraint(
            condition=models.Q(**{f"{name}__gte": 0}) | models.Q(**{f"{name}__isnull": True}),
            name=f"{prefix}_{name}_not_negative",
        )
        for name in AMOUNT_KEYS
    ]


class ResultValues(models.Model):
    """The outcome and the amounts of a settlement result (the current ones, or those a correction replaced)."""

    outcome = models.CharField(_("kết quả giải quyết"), max_length=20, choices=SettlementOutcome.choices)
    # Money in million đồng and land in m², as the forms count them; blank = not stated.
    recover_money = models.DecimalField(
        _("thu hồi cho Nhà nước: tiền (triệu đồng)"), max_digits=16, decimal_places=3, null=True, blank=True
    )
    recover_land = models.DecimalField(
        _("thu hồi cho Nhà nước: đất (m²)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    return_money = models.DecimalField(
        _("trả lại cho tổ chức, cá nhân: tiền (triệu đồng)"), max_digits=16, decimal_places=3, null=True, blank=True
    )
    return_land = models.DecimalField(
        _("trả lại cho tổ chức, cá nhân: đất (m²)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    return_people = models.PositiveIntegerField(_("số người được trả lại quyền lợi"), null=True, blank=True)
    sanction_people = models.PositiveIntegerField(_("số người bị kiến nghị xử lý hành chính"), null=True, blank=True)
    investigation_cases = models.PositiveIntegerField(_("số vụ chuyển cơ quan điều tra"), null=True, blank=True)
    investigation_people = models.PositiveIntegerField(_("số người chuyển cơ quan điều tra"), null=True, blank=True)

    class Meta:
        abstract = True

    def values(self) -> dict:
        """{"outcome": …, amount key: value or None, …}: what a correction compares and keeps."""
        return {name: getattr(self, name) for name in ("outcome", *AMOUNT_KEYS)}


class SettlementResult(ResultValues):
    """The result stated by the step that settles the case (complaint decision, denunciation conclusion):
    the outcome and the optional amounts counted by forms 01/KQGQ, 02/KQGQTC and 03/KQGQ. One row per
    deciding step, kept beside the history row it belongs to (docs/adr/0007-settlement-results.md). It holds
    the current values; a correction keeps the values it replaces in a SettlementResultRevision."""

    step = models.OneToOneField(
        CaseStep, on_delete=models.PROTECT, primary_key=True, related_name="result", verbose_name=_("bước xử lý")
    )

    class Meta:
        verbose_name = _("kết quả giải quyết")
        verbose_name_plural = _("kết quả giải quyết")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome__in=SettlementOutcome.values), name="settlement_outcome_known"
            ),
            *_not_negative(),
        ]

    def __str__(self) -> str:
        return f"{self.step_id}: {self.outcome}"


class SettlementResultRevision(ResultValues):
    """One correction of a recorded result: who, when, why, and the values it replaced (those in force until
    `recorded_on`). Reports read a result as it stood on their cut-off: the values of the first revision
    recorded after the cut-off, else the current ones (docs/adr/0007-settlement-results.md, "Corrections")."""

    result = models.ForeignKey(
        SettlementResult, on_delete=models.PROTECT, related_name="revisions", verbose_name=_("kết quả giải quyết")
    )
    # The day the correction was recorded (never chosen by the user): compared with a report's cut-off.
    recorded_on = models.DateField(_("ngày điều chỉnh"))
    recorded_at = models.DateTimeField(_("thời điểm điều chỉnh"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người điều chỉnh")
    )
    reason = models.TextField(_("lý do điều chỉnh"))

    class Meta:
        verbose_name = _("điều chỉnh kết quả giải quyết")
        verbose_name_plural = _("các lần điều chỉnh kết quả giải quyết")
        ordering = ["recorded_on", "id"]
        # reports.selectors._settlement_results joins the revisions of a result recorded after the cut-off.
        indexes = [models.Index(fields=["result", "recorded_on"], name="result_revision_on")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome__in=SettlementOutcome.values), name="settlement_revision_outcome_known"
            ),
            *_not_negative("settlement_revision"),
        ]

    def __str__(self) -> str:
        return f"{self.result_id}: {self.outcome} ({self.recorded_on:%d/%m/%Y})"


class SatisfactionLevel(models.TextChoices):
    SATISFIED = "satisfied", _("Hài lòng")
    DISSATISFIED = "dissatisfied", _("Chưa hài lòng")
    NO_OPINION = "no_opinion", _("Không ý kiến")


class CitizenSatisfaction(models.Model):
    """What the citizen said of the result, recorded by an officer once the result was notified; the
    accountability of unit heads counts the records dated within the period."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="satisfaction_records")
    level = models.CharField(_("mức độ hài lòng"), max_length=20, choices=SatisfactionLevel.choices)
    on = models.DateField(_("ngày ghi nhận"), db_index=True)  # accountability filters by period
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ý kiến hài lòng của công dân")
        verbose_name_plural = _("ý kiến hài lòng của công dân")
        ordering = ["on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__in=SatisfactionLevel.values), name="satisfaction_level_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.level} {self.on:%d/%m/%Y}"
