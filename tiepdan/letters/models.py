"""Letters from every channel, their classification and disposition (Circular 05/2021/TT-TTCP)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tiepdan.common.choices import Channel, MatterType
from tiepdan.common.codes import new_public_code
from tiepdan.org.models import Domain, Unit
from tiepdan.people.models import Citizen
from tiepdan.reception.models import Visit


def _letter_code() -> str:
    return new_public_code("D")


class Competence(models.TextChoices):
    WITHIN = "within", _("Thuộc thẩm quyền")
    OUTSIDE = "outside", _("Không thuộc thẩm quyền")


class LetterStatus(models.TextChoices):
    REGISTERED = "registered", _("Đã vào sổ")
    CLASSIFIED = "classified", _("Đã phân loại")
    DISPOSED = "disposed", _("Đã xử lý")


class Disposition(models.TextChoices):
    # domain.md §2: the letter outcome enum of the handling form and report 01/XLD.
    ACCEPT = "accept", _("Thụ lý giải quyết")
    GUIDE = "guide", _("Hướng dẫn")
    TRANSFER = "transfer", _("Chuyển đơn")
    URGE = "urge", _("Đôn đốc giải quyết")
    FILE = "file", _("Lưu đơn")


class Letter(models.Model):
    code = models.CharField(_("mã đơn"), max_length=12, unique=True, default=_letter_code, editable=False)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="letters", verbose_name=_("đơn vị xử lý"))
    channel = models.CharField(_("nguồn đơn"), max_length=20, choices=Channel.choices)
    received_on = models.DateField(_("ngày nhận"), db_index=True)
    visit = models.ForeignKey(Visit, on_delete=models.PROTECT, null=True, blank=True, related_name="letters")
    senders = models.ManyToManyField(Citizen, through="LetterSender", related_name="letters")
    is_anonymous = models.BooleanField(_("đơn nặc danh"), default=False)
    signer_count = models.PositiveIntegerField(_("số người ký đơn"), default=1)
    transferring_body = models.CharField(_("cơ quan chuyển đơn"), max_length=255, blank=True)
    transfer_doc_number = models.CharField(_("số văn bản chuyển"), max_length=50, blank=True)
    summary = models.CharField(_("tóm tắt nội dung"), max_length=500)
    text = models.TextField(_("nội dung đơn"), blank=True)
    matter_type = models.CharField(_("loại đơn"), max_length=20, choices=MatterType.choices, db_index=True)
    domain = models.ForeignKey(Domain, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("lĩnh vực"))
    commune_code = models.PositiveIntegerField(_("xã, phường nơi phát sinh"), null=True, blank=True, db_index=True)
    competence = models.CharField(_("thẩm quyền"), max_length=10, choices=Competence.choices, blank=True)
    competent_body = models.CharField(_("cơ quan có thẩm quyền"), max_length=255, blank=True)
    is_eligible = models.BooleanField(_("đủ điều kiện xử lý"), null=True)
    ineligibility_reason = models.CharField(_("lý do không đủ điều kiện"), max_length=40, blank=True)
    status = models.CharField(_("trạng thái"), max_length=12, choices=LetterStatus.choices, default="registered")
    disposition = models.CharField(_("hướng xử lý"), max_length=10, choices=Disposition.choices, blank=True)
    disposed_on = models.DateField(_("ngày xử lý"), null=True, blank=True)
    reply_received = models.BooleanField(_("đã nhận văn bản trả lời"), default=False)
    # A duplicate points at the first letter of the same matter; reports count letters and matters.
    duplicate_of = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="duplicates", verbose_name=_("trùng với")
    )
    due_on = models.DateField(_("hạn xử lý"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đơn")
        verbose_name_plural = _("đơn")
        ordering = ["-received_on", "-id"]
        indexes = [
            models.Index(fields=["unit", "-received_on"], name="letter_unit_recent"),
            models.Index(fields=["status", "due_on"], name="letter_status_due"),
            models.Index(fields=["matter_type", "received_on"], name="letter_type_received"),
        ]

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        return reverse("letters:letter_detail", kwargs={"code": self.code})


class LetterSender(models.Model):
    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="sender_links")
    citizen = models.ForeignKey(Citizen, on_delete=models.PROTECT, related_name="letter_links")
    is_representative = models.BooleanField(_("người đại diện"), default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["letter", "citizen"], name="letter_sender_once")]
