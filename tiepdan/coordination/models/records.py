"""Over-level tracking, mediation and dialogue sessions, legal dissemination and its library."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import FileExtensionValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tiepdan.coordination.models.common import ATTACHMENT_EXTENSIONS
from tiepdan.org.models import Unit

# Over-level tracking


class OverLevel(models.TextChoices):
    PROVINCE = "province", _("Lên cấp tỉnh")
    CENTRAL = "central", _("Lên cơ quan Trung ương")


class OverLevelEvent(models.Model):
    """Citizens went past the competent level about a matter, or a higher body sent a letter back."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị theo dõi"))
    letter = models.ForeignKey(
        "letters.Letter", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("đơn")
    )
    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("vụ việc")
    )
    matter = models.CharField(_("nội dung vụ việc"), max_length=500)
    level = models.CharField(_("cấp"), max_length=12, choices=OverLevel.choices)
    body = models.CharField(_("cơ quan công dân đến / gửi đơn"), max_length=255)
    occurred_on = models.DateField(_("ngày"), db_index=True)
    head_count = models.PositiveIntegerField(_("số người"), default=1, validators=[MinValueValidator(1)])
    returned_letter = models.ForeignKey(
        "letters.Letter",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("đơn do cơ quan cấp trên chuyển về"),
    )
    note = models.TextField(_("ghi chú"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vụ việc vượt cấp")
        verbose_name_plural = _("vụ việc vượt cấp")
        ordering = ["-occurred_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_level_display()} {self.occurred_on:%d/%m/%Y}: {self.matter[:60]}"


# =============================================================================================
# Mediation and dialogue


class SessionKind(models.TextChoices):
    MEDIATION = "mediation", _("Hòa giải")
    DIALOGUE = "dialogue", _("Đối thoại")


class SessionOutcome(models.TextChoices):
    AGREED = "agreed", _("Thống nhất, đạt kết quả")
    PARTLY = "partly", _("Thống nhất một phần")
    NOT_AGREED = "not_agreed", _("Không thống nhất")
    POSTPONED = "postponed", _("Hoãn, tổ chức lại")


class MediationSession(models.Model):
    """A mediation or dialogue session held by a union, the inspection unit or the leadership."""

    kind = models.CharField(_("hình thức"), max_length=12, choices=SessionKind.choices)
    organiser_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị tổ chức")
    )
    held_on = models.DateField(_("ngày tổ chức"), db_index=True)
    place = models.CharField(_("địa điểm"), max_length=255)
    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("vụ việc")
    )
    matter = models.CharField(_("nội dung"), max_length=500)
    participants = models.TextField(_("thành phần tham dự"))
    director_attends = models.BooleanField(_("Giám đốc Sở trực tiếp chủ trì"), default=False)
    notice_sent_on = models.DateField(_("ngày thông báo cho các bên"), null=True, blank=True)
    minutes = models.TextField(_("biên bản, diễn biến"), blank=True)
    outcome = models.CharField(_("kết quả"), max_length=12, choices=SessionOutcome.choices, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("buổi hòa giải, đối thoại")
        verbose_name_plural = _("hòa giải, đối thoại")
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on:%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        return reverse("coordination:mediation_detail", kwargs={"pk": self.pk})


# =============================================================================================
# Legal dissemination


class LegalTextStatus(models.TextChoices):
    IN_FORCE = "in_force", _("Còn hiệu lực")
    AMENDED = "amended", _("Còn hiệu lực, đã được sửa đổi, bổ sung")
    NOT_YET = "not_yet", _("Chưa có hiệu lực")
    REPLACED = "replaced", _("Đã được thay thế")
    EXPIRED = "expired", _("Hết hiệu lực")


class LegalText(models.Model):
    """A legal text named in the plan or in domain.md, with its status and a short summary."""

    number = models.CharField(_("số, ký hiệu"), max_length=60, unique=True)
    kind = models.CharField(_("loại văn bản"), max_length=60)
    title = models.CharField(_("trích yếu"), max_length=500)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=120)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    in_force_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    status = models.CharField(_("tình trạng hiệu lực"), max_length=12, choices=LegalTextStatus.choices)
    replaced_by = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("thay thế bởi")
    )
    amended_by = models.CharField(_("sửa đổi, bổ sung bởi"), max_length=255, blank=True)
    summary = models.TextField(_("tóm tắt nội dung"))
    in_plan = models.BooleanField(_("được nêu trong kế hoạch của Sở"), default=False)
    confidence = models.CharField(_("mức độ kiểm chứng"), max_length=20, default="verified")

    class Meta:
        verbose_name = _("văn bản pháp luật")
        verbose_name_plural = _("thư viện văn bản pháp luật")
        ordering = ["kind", "issued_on", "number"]

    def __str__(self) -> str:
        return f"{self.kind} {self.number}"


class Audience(models.TextChoices):
    STAFF = "staff", _("Cán bộ, công chức, viên chức, người lao động")
    CITIZENS = "citizens", _("Nhân dân")
    MEMBERS = "members", _("Đoàn viên, hội viên")
    MIXED = "mixed", _("Nhiều đối tượng")


class DisseminationSession(models.Model):
    """A legal dissemination session (tuyên truyền, phổ biến pháp luật)."""

    organiser_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị tổ chức")
    )
    held_on = models.DateField(_("ngày tổ chức"), db_index=True)
    place = models.CharField(_("địa điểm"), max_length=255)
    audience = models.CharField(_("đối tượng"), max_length=12, choices=Audience.choices)
    audience_detail = models.CharField(_("mô tả đối tượng"), max_length=255, blank=True)
    attendees = models.PositiveIntegerField(_("số người tham dự"))
    legal_texts = models.ManyToManyField(LegalText, related_name="sessions", verbose_name=_("văn bản được phổ biến"))
    materials = models.TextField(_("tài liệu phát, hình thức"), blank=True)
    attachment = models.FileField(
        _("tệp tài liệu"),
        upload_to="coordination/dissemination/%Y/",
        blank=True,
        validators=[FileExtensionValidator(ATTACHMENT_EXTENSIONS)],
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("buổi tuyên truyền, phổ biến pháp luật")
        verbose_name_plural = _("tuyên truyền, phổ biến pháp luật")
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.organiser_unit} {self.held_on:%d/%m/%Y}"
