"""Visits at the reception place: the electronic reception book (Sổ tiếp công dân, Form 03/TCD)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tiepdan.common.choices import MatterType
from tiepdan.common.codes import new_public_code
from tiepdan.org.models import Domain, Staff, Unit
from tiepdan.people.models import Citizen


def _visit_code() -> str:
    return new_public_code("TD")


class LeaderMode(models.TextChoices):
    NONE = "none", _("Cán bộ tiếp")
    SCHEDULED = "scheduled", _("Lãnh đạo tiếp định kỳ")
    AD_HOC = "ad_hoc", _("Lãnh đạo tiếp đột xuất")


class HostRole(models.TextChoices):
    HEAD = "head", _("Thủ trưởng tiếp")
    DEPUTY_AUTHORIZED = "deputy_authorized", _("Ủy quyền tiếp")


class VisitOutcome(models.TextChoices):
    GUIDED = "guided", _("Hướng dẫn, giải thích")
    LETTER_RECEIVED = "letter_received", _("Tiếp nhận đơn")
    TRANSFERRED = "transferred", _("Chuyển đơn đến cơ quan có thẩm quyền")
    REFUSED = "refused", _("Từ chối tiếp")
    ANSWERED = "answered", _("Trả lời trực tiếp")


class Visit(models.Model):
    code = models.CharField(_("mã lượt tiếp"), max_length=12, unique=True, default=_visit_code, editable=False)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="visits", verbose_name=_("đơn vị tiếp"))
    received_at = models.DateTimeField(_("thời gian tiếp"), db_index=True)
    place = models.CharField(_("địa điểm"), max_length=255, default="Trụ sở tiếp công dân")
    officer = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="visits", verbose_name=_("cán bộ tiếp"), null=True
    )
    leader_mode = models.CharField(_("hình thức"), max_length=20, choices=LeaderMode.choices, default="none")
    leader = models.ForeignKey(
        Staff, on_delete=models.PROTECT, null=True, blank=True, related_name="led_visits", verbose_name=_("lãnh đạo tiếp")
    )
    host_role = models.CharField(_("vai trò người chủ trì"), max_length=20, choices=HostRole.choices, blank=True)
    visitors = models.ManyToManyField(Citizen, through="VisitParticipant", related_name="visits")
    head_count = models.PositiveIntegerField(_("số người"), default=1)
    is_mass = models.BooleanField(_("đoàn đông người"), default=False, db_index=True)
    matter_type = models.CharField(_("loại nội dung"), max_length=20, choices=MatterType.choices)
    domain = models.ForeignKey(Domain, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("lĩnh vực"))
    commune_code = models.PositiveIntegerField(_("xã, phường nơi phát sinh"), null=True, blank=True, db_index=True)
    content = models.TextField(_("nội dung"))
    documents_received = models.TextField(_("tài liệu, giấy tờ nhận"), blank=True)
    is_repeat = models.BooleanField(_("tiếp nhiều lần"), default=False)
    outcome = models.CharField(_("kết quả"), max_length=20, choices=VisitOutcome.choices)
    refusal_ground = models.CharField(_("lý do từ chối"), max_length=40, blank=True)
    competent_body = models.CharField(_("cơ quan có thẩm quyền"), max_length=255, blank=True)
    answer_due_on = models.DateField(_("hạn trả lời"), null=True, blank=True, db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lượt tiếp công dân")
        verbose_name_plural = _("sổ tiếp công dân")
        ordering = ["-received_at", "-id"]
        indexes = [models.Index(fields=["unit", "-received_at"], name="visit_unit_recent")]

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        return reverse("reception:visit_detail", kwargs={"code": self.code})


class VisitParticipant(models.Model):
    visit = models.ForeignKey(Visit, on_delete=models.PROTECT, related_name="participants")
    citizen = models.ForeignKey(Citizen, on_delete=models.PROTECT, related_name="visit_participations")
    is_representative = models.BooleanField(_("người đại diện"), default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["visit", "citizen"], name="visit_participant_once")]
