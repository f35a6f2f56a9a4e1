"""Reports for a period, their unit parts, their kept versions and files, and the inspection records of
unit heads' responsibility (kiểm tra trách nhiệm thủ trưởng) with findings and follow-up measures.

A version, once written, is never changed: the figures it holds are the forms computed from the data as
of the cut-off, so they can be compared with a new computation at any time. The final version (the one
sent, with its register number) and its files are frozen as well.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.deletion import ProtectedError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tiepdan.common.codes import new_public_code
from tiepdan.org.models import Staff, Unit
from tiepdan.reports import workflow as wf
from tiepdan.reports.periods import kind_choices


def _report_code() -> str:
    return new_public_code("BC")


def _check_code() -> str:
    return new_public_code("KT")


class Frozen(Exception):
    """A kept version or a sent report's file is never modified."""


class FrozenQuerySet(models.QuerySet):
    def delete(self):  # type: ignore[override]
        raise ProtectedError(_("Phiên bản báo cáo đã lưu không được xóa."), set(self))

    def update(self, **kwargs):  # type: ignore[override]
        raise Frozen(_("Phiên bản báo cáo đã lưu không được sửa."))


class Report(models.Model):
    code = models.CharField(_("mã báo cáo"), max_length=12, unique=True, default=_report_code, editable=False)
    kind = models.CharField(_("loại kỳ báo cáo"), max_length=10, choices=kind_choices())
    year = models.PositiveIntegerField(_("năm"))
    month = models.PositiveSmallIntegerField(_("tháng"), null=True, blank=True)
    period_start = models.DateField(_("số liệu từ ngày"))
    period_end = models.DateField(_("ngày chốt số liệu"), db_index=True)
    title = models.CharField(_("trích yếu"), max_length=500)
    event_period = models.CharField(_("đợt cao điểm, sự kiện"), max_length=255, blank=True)
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="reports", verbose_name=_("đơn vị chủ trì tổng hợp")
    )
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=[(s.value, s.label_vi) for s in wf.Status], default="drafting"
    )
    # The editable sections of the narrative (notable, assessment, tasks, proposals); the figures'
    # paragraphs are generated from each version's figures and are never typed.
    narrative = models.JSONField(_("nội dung báo cáo"), default=dict, blank=True)
    addressees = models.TextField(_("kính gửi (mỗi dòng một nơi)"), blank=True)
    recipients = models.TextField(_("nơi nhận (mỗi dòng một nơi)"), blank=True)
    number = models.PositiveIntegerField(_("số"), null=True, blank=True)
    number_text = models.CharField(_("số, ký hiệu"), max_length=60, blank=True)
    sent_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    issued_document_code = models.CharField(_("mã văn bản đã ban hành"), max_length=12, blank=True)
    approved_version = models.ForeignKey(
        "ReportVersion", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("phiên bản được phê duyệt"),
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("báo cáo")
        verbose_name_plural = _("báo cáo")
        ordering = ["-period_end", "-id"]
        indexes = [models.Index(fields=["kind", "year"], name="report_kind_year")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reports:report_detail", kwargs={"code": self.code})

    @property
    def status_enum(self) -> wf.Status:
        return wf.Status(self.status)

    @property
    def is_editable(self) -> bool:
        return self.status_enum in wf.EDITABLE


class ContributionStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã gửi đơn vị tổng hợp")


class ReportContribution(models.Model):
    """A unit's part of the report: what the unit did, notable matters, shortcomings and proposals."""

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="contributions")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="report_contributions",
                             verbose_name=_("đơn vị"))
    results = models.TextField(_("kết quả thực hiện"), blank=True)
    notable = models.TextField(_("vụ việc nổi cộm, đông người, phức tạp"), blank=True)
    difficulties = models.TextField(_("tồn tại, hạn chế, nguyên nhân"), blank=True)
    proposals = models.TextField(_("đề xuất, kiến nghị"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=12, choices=ContributionStatus.choices, default="draft")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("phần báo cáo của đơn vị")
        verbose_name_plural = _("phần báo cáo của các đơn vị")
        ordering = ["unit__path"]
        constraints = [models.UniqueConstraint(fields=["report", "unit"], name="contribution_once_per_unit")]

    def __str__(self) -> str:
        return f"{self.report.code} – {self.unit}"


class ReportVersion(models.Model):
    """One compilation of the report: the forms as of the cut-off, the narrative and the .docx, kept forever."""

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("phiên bản"))
    is_final = models.BooleanField(_("bản chính thức đã ban hành"), default=False)
    cutoff = models.DateField(_("ngày chốt số liệu"))
    figures = models.JSONField(_("số liệu các biểu"))  # {form code: FormTable.to_dict()}
    facts = models.JSONField(_("vụ việc nổi bật, điểm nóng"), default=dict)
    narrative = models.JSONField(_("nội dung"), default=dict)
    docx = models.BinaryField(_("tệp .docx"), null=True)
    sha256 = models.CharField(_("mã băm SHA-256 của .docx"), max_length=64, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FrozenQuerySet.as_manager()

    class Meta:
        verbose_name = _("phiên bản báo cáo")
        verbose_name_plural = _("các phiên bản báo cáo")
        ordering = ["report", "number"]
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="report_version_number_unique")]

    def __str__(self) -> str:
        return f"{self.report.code} v{self.number}"

    def save(self, *args, **kwargs):
        # Invariant, not control flow: a kept version is written once.
        if self.pk is not None:
            raise Frozen(_("Phiên bản báo cáo đã lưu không được sửa."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):  # type: ignore[override]
        raise ProtectedError(_("Phiên bản báo cáo đã lưu không được xóa."), {self})


class ReportFile(models.Model):
    """A file of the final version (the .xlsx of each form), frozen with it."""

    version = models.ForeignKey(ReportVersion, on_delete=models.PROTECT, related_name="files")
    name = models.CharField(_("tên tệp"), max_length=120)
    form_code = models.CharField(_("biểu số"), max_length=20, blank=True)
    data = models.BinaryField(_("nội dung"))
    sha256 = models.CharField(max_length=64)

    objects = FrozenQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["version", "name"], name="report_file_unique_name")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise Frozen(_("Tệp của báo cáo đã ban hành không được sửa."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):  # type: ignore[override]
        raise ProtectedError(_("Tệp của báo cáo đã ban hành không được xóa."), {self})


class ReportEvent(models.Model):
    """The report's history: every action with who, when, the version and the note (e.g. why returned)."""

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="events")
    action = models.CharField(_("thao tác"), max_length=20)
    from_status = models.CharField(max_length=12, blank=True)
    to_status = models.CharField(max_length=12, blank=True)
    version = models.ForeignKey(ReportVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.action} {self.at:%d/%m/%Y %H:%M}"

    @property
    def label(self) -> tuple[str, str]:
        return wf.EVENT_LABELS.get(self.action, (self.action, self.action))


# ---------------------------------------------------------------------------------------------
# Inspection of a head's responsibility


class CheckStatus(models.TextChoices):
    OPEN = "open", _("Đang kiểm tra")
    CONCLUDED = "concluded", _("Đã kết luận, đang khắc phục")
    CLOSED = "closed", _("Đã hoàn thành khắc phục")


class AccountabilityCheck(models.Model):
    """A check of a unit head's responsibility for reception, letters and complaint settlement (plan III.2)."""

    code = models.CharField(_("mã"), max_length=12, unique=True, default=_check_code, editable=False)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="accountability_checks",
                             verbose_name=_("đơn vị được kiểm tra"))
    head = models.ForeignKey(Staff, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                             verbose_name=_("thủ trưởng đơn vị"))
    period_start = models.DateField(_("thời kỳ kiểm tra từ ngày"))
    period_end = models.DateField(_("đến ngày"))
    decision_number = models.CharField(_("số quyết định, kế hoạch kiểm tra"), max_length=60, blank=True)
    checked_on = models.DateField(_("ngày kiểm tra"))
    conclusion = models.TextField(_("kết luận kiểm tra"), blank=True)
    concluded_on = models.DateField(_("ngày kết luận"), null=True, blank=True)
    status = models.CharField(_("trạng thái"), max_length=12, choices=CheckStatus.choices, default="open")
    closed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kiểm tra trách nhiệm thủ trưởng")
        verbose_name_plural = _("kiểm tra trách nhiệm thủ trưởng")
        ordering = ["-checked_on", "-id"]
        indexes = [models.Index(fields=["unit", "status"], name="acccheck_unit_status")]

    def __str__(self) -> str:
        return f"{self.unit} {self.checked_on:%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        return reverse("reports:check_detail", kwargs={"code": self.code})


class FindingKind(models.TextChoices):
    GOOD = "good", _("Ưu điểm")
    SHORTCOMING = "shortcoming", _("Tồn tại, hạn chế")
    VIOLATION = "violation", _("Vi phạm")


class CheckFinding(models.Model):
    check_record = models.ForeignKey(AccountabilityCheck, on_delete=models.PROTECT, related_name="findings")
    kind = models.CharField(_("loại"), max_length=12, choices=FindingKind.choices)
    text = models.TextField(_("nội dung phát hiện"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.text[:80]


class MeasureStatus(models.TextChoices):
    PENDING = "pending", _("Đang thực hiện")
    DONE = "done", _("Đã hoàn thành")


class CheckMeasure(models.Model):
    """A recommendation of the check with its follow-up measure, owner and due date, tracked until done."""

    check_record = models.ForeignKey(AccountabilityCheck, on_delete=models.PROTECT, related_name="measures")
    finding = models.ForeignKey(CheckFinding, on_delete=models.PROTECT, null=True, blank=True, related_name="measures")
    recommendation = models.TextField(_("kiến nghị, biện pháp khắc phục"))
    owner = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị thực hiện"))
    due_on = models.DateField(_("thời hạn"), db_index=True)
    status = models.CharField(_("tình trạng"), max_length=12, choices=MeasureStatus.choices, default="pending")
    done_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    result = models.TextField(_("kết quả thực hiện"), blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.recommendation[:80]
