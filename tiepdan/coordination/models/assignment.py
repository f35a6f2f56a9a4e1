"""Assignment of letters and cases: lead and coordinating units, handler, internal due date, history."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tiepdan.coordination.models.common import ATTACHMENT_EXTENSIONS
from tiepdan.org.models import Unit

# Assignment of letters and cases


class Assignment(models.Model):
    """Who leads a letter or a case, who coordinates, who handles it, and the internal due date."""

    letter = models.OneToOneField(
        "letters.Letter", on_delete=models.PROTECT, null=True, blank=True, related_name="assignment"
    )
    case = models.OneToOneField(
        "cases.Case", on_delete=models.PROTECT, null=True, blank=True, related_name="assignment"
    )
    lead_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="led_assignments", verbose_name=_("đơn vị chủ trì")
    )
    coordinating_units = models.ManyToManyField(
        Unit, related_name="coordinated_assignments", blank=True, verbose_name=_("đơn vị phối hợp")
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coordination_assignments",
        verbose_name=_("người xử lý"),
    )
    internal_due_on = models.DateField(_("hạn xử lý nội bộ"), null=True, blank=True, db_index=True)
    legal_due_on = models.DateField(_("hạn theo quy định"), null=True, blank=True)
    assigned_on = models.DateField(_("ngày phân công"))
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("phân công xử lý")
        verbose_name_plural = _("phân công xử lý")
        ordering = ["internal_due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(letter__isnull=False) & Q(case__isnull=True))
                | (Q(letter__isnull=True) & Q(case__isnull=False)),
                name="assignment_one_subject",
            ),
        ]
        indexes = [models.Index(fields=["lead_unit", "internal_due_on"], name="assignment_unit_due")]

    def __str__(self) -> str:
        return str(self.subject)

    def get_absolute_url(self) -> str:
        return reverse("coordination:assignment_detail", kwargs={"kind": self.subject_kind, "code": self.subject.code})

    @property
    def subject(self):
        return self.case if self.case_id else self.letter

    @property
    def subject_kind(self) -> str:
        return "vu-viec" if self.case_id else "don"


class AssignmentEventKind(models.TextChoices):
    ASSIGNED = "assigned", _("Phân công")
    TRANSFERRED = "transferred", _("Chuyển đơn vị chủ trì")
    HANDLER = "handler", _("Đổi người xử lý")
    COORDINATORS = "coordinators", _("Đổi đơn vị phối hợp")
    DUE = "due", _("Đổi hạn nội bộ")
    COMMENT = "comment", _("Ý kiến")
    DOCUMENT = "document", _("Văn bản nội bộ")


class AssignmentEvent(models.Model):
    """The history of an assignment, one row per change: who, when, what, why."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("loại"), max_length=20, choices=AssignmentEventKind.choices)
    from_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    to_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    text = models.TextField(_("nội dung, lý do"), blank=True)
    document_number = models.CharField(_("số, ký hiệu văn bản"), max_length=60, blank=True)
    attachment = models.FileField(
        _("tệp đính kèm"),
        upload_to="coordination/%Y/%m/",
        blank=True,
        validators=[FileExtensionValidator(ATTACHMENT_EXTENSIONS)],
    )
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("thời điểm"))

    class Meta:
        verbose_name = _("diễn biến phân công")
        verbose_name_plural = _("diễn biến phân công")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.at:%d/%m/%Y %H:%M}"
