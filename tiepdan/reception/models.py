"""Visits at the reception place: the electronic reception book (Sổ tiếp công dân, Form 03/TCD), mass
visits and their acknowledgement, incidents at the reception place, and the heads' scheduled reception
sessions with their conclusion notices (Thông báo kết luận tiếp công dân)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tiepdan.common.choices import MatterType
from tiepdan.common.codes import new_public_code
from tiepdan.org.models import Domain, Position, Staff, Unit
from tiepdan.people.models import Citizen, EncryptedIdentity

# "TD" + 10 characters fits the column's 12: with 8, two of a province's million visits would share a
# random code about once in ten loads.
VISIT_CODE_LENGTH = 10


def new_visit_code() -> str:
    return new_public_code("TD", VISIT_CODE_LENGTH)


def _visit_code() -> str:  # the name migrations refer to
    return new_visit_code()


def _session_code() -> str:
    return new_public_code("LT")


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
        Staff, on_delete=models.PROTECT, null=True, blank=True, related_name="led_visits",
        verbose_name=_("lãnh đạo tiếp"),
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
    # Form 03/TCD columns 8–13 (domain.md §1.5).
    brought_letter = models.BooleanField(_("công dân có đơn"), default=False)
    prior_settlement_body = models.CharField(_("cơ quan đã giải quyết"), max_length=255, blank=True)
    within_competence = models.BooleanField(_("thuộc thẩm quyền"), null=True, blank=True)
    document_number = models.CharField(_("số văn bản hướng dẫn, chuyển đơn"), max_length=60, blank=True)
    result_note = models.CharField(_("theo dõi kết quả"), max_length=255, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    # Written notice Form 01/TCD needed (Law 42/2013 Art 9(3); ND154 Art 4(1)(h)).
    refusal_notice_required = models.BooleanField(_("phải ra thông báo từ chối bằng văn bản"), default=False)
    # TCD-SPLIT: a mixed content is recorded as one visit per type; the parts point at the first one.
    split_from = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="split_parts",
        verbose_name=_("tách từ lượt tiếp"),
    )
    session = models.ForeignKey(
        "ReceptionSession", on_delete=models.PROTECT, null=True, blank=True, related_name="visits",
        verbose_name=_("buổi tiếp định kỳ"),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("lượt tiếp công dân")
        verbose_name_plural = _("sổ tiếp công dân")
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["unit", "-received_at"], name="visit_unit_recent"),
            # The reception book's filters (type, officer, repeat, commune), each within a period.
            models.Index(fields=["matter_type", "received_at"], name="visit_type_received"),
            models.Index(fields=["officer", "received_at"], name="visit_officer_received"),
            models.Index(fields=["is_repeat", "received_at"], name="visit_repeat_received"),
            models.Index(fields=["commune_code", "received_at"], name="visit_commune_received"),
            # Few visits are parts of another: on the plain foreign-key index SQLite's statistics count every
            # visit under NULL and a visit page's "other parts" query walked the whole book (90 ms at 500k).
            models.Index(fields=["split_from"], name="visit_split_parts", condition=models.Q(split_from__isnull=False)),
        ]

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        return reverse("reception:visit_detail", kwargs={"code": self.code})

    @property
    def is_denunciation(self) -> bool:
        return self.matter_type == MatterType.DENUNCIATION


class VisitParticipant(models.Model):
    visit = models.ForeignKey(Visit, on_delete=models.PROTECT, related_name="participants")
    citizen = models.ForeignKey(Citizen, on_delete=models.PROTECT, related_name="visit_participations")
    is_representative = models.BooleanField(_("người đại diện"), default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["visit", "citizen"], name="visit_participant_once")]

    def __str__(self) -> str:
        return f"{self.visit_id}/{self.citizen_id}"


class VisitDenouncer(EncryptedIdentity):
    """One visitor of a denunciation visit: name, ID number, phone, address and commune encrypted together
    (`payload`, Fernet, tiepdan.audit.crypto), with keyed hashes (blind indexes) of the ID number, the phone
    and the folded name + commune so that a returning denouncer is recognised without the plain values.
    Never a Citizen record; read only through reception.services.identity.reveal_visit_identity, which
    logs every access (Law 25/2018 Art 47; docs/adr/0004-denouncer-identity.md)."""

    visit = models.ForeignKey(Visit, on_delete=models.PROTECT, related_name="denouncers")

    class Meta:
        verbose_name = _("thông tin người tố cáo tại nơi tiếp (mã hóa)")
        verbose_name_plural = _("thông tin người tố cáo tại nơi tiếp (mã hóa)")
        ordering = ["visit", "order"]


class VisitProtectedContent(models.Model):
    """The original content of a denunciation visit that named the denouncer, encrypted; the visit row
    keeps the redacted copy (tiepdan.text.redact) that lists, exports and the change log see."""

    visit = models.OneToOneField(Visit, on_delete=models.PROTECT, related_name="protected_content")
    content = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bản gốc nội dung lượt tiếp (mã hóa)")
        verbose_name_plural = _("bản gốc nội dung lượt tiếp (mã hóa)")

    def __str__(self) -> str:
        return f"{self.visit_id}"


class VisitCorrection(models.Model):
    """A correction of a recorded visit: the previous and new values, who, when and why (never overwritten)."""

    visit = models.ForeignKey(Visit, on_delete=models.PROTECT, related_name="corrections")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("thời điểm sửa"), auto_now_add=True)
    reason = models.CharField(_("lý do sửa"), max_length=255)
    changes = models.JSONField(_("nội dung sửa"), default=dict)  # {field: [previous, new]}

    class Meta:
        verbose_name = _("chỉnh sửa lượt tiếp")
        verbose_name_plural = _("chỉnh sửa lượt tiếp")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.visit} {self.at:%d/%m/%Y %H:%M}"


class MassVisitAcknowledgement(models.Model):
    """A leader's (or the inspection's) "Đã nắm thông tin" on a mass visit, with the direction given."""

    visit = models.ForeignKey(Visit, on_delete=models.PROTECT, related_name="acknowledgements")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("thời điểm"))
    note = models.TextField(_("ý kiến chỉ đạo"), blank=True)

    class Meta:
        verbose_name = _("xác nhận nắm thông tin đoàn đông người")
        verbose_name_plural = _("xác nhận nắm thông tin đoàn đông người")
        ordering = ["at", "id"]
        constraints = [models.UniqueConstraint(fields=["visit", "user"], name="mass_ack_once_per_user")]

    def __str__(self) -> str:
        return f"{self.visit} — {self.user}"


class IncidentKind(models.TextChoices):
    SECURITY = "security", _("Mất an ninh")
    DISORDER = "disorder", _("Gây rối trật tự")
    POLICE_CALLED = "police_called", _("Đã đề nghị công an hỗ trợ")
    OTHER = "other", _("Khác")


class Incident(models.Model):
    """Something that happened at the reception place during a visit (Law 42/2013 Art 30(3), Art 31)."""

    visit = models.ForeignKey(Visit, on_delete=models.PROTECT, related_name="incidents")
    occurred_at = models.DateTimeField(_("thời gian xảy ra"))
    kind = models.CharField(_("loại sự việc"), max_length=20, choices=IncidentKind.choices)
    description = models.TextField(_("diễn biến"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sự việc tại nơi tiếp công dân")
        verbose_name_plural = _("sự việc tại nơi tiếp công dân")
        ordering = ["occurred_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.occurred_at:%d/%m/%Y %H:%M}"


class SessionStatus(models.TextChoices):
    PLANNED = "planned", _("Đã lên lịch")
    HELD = "held", _("Đã tiếp")
    NOT_HELD = "not_held", _("Không tiếp")


class ReceptionSession(models.Model):
    """One day on which a head (TCD-HEAD-1, PARTY-1/2) receives citizens: planned, published, held or not."""

    code = models.CharField(_("mã buổi tiếp"), max_length=12, unique=True, default=_session_code, editable=False)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="reception_sessions")
    host = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="hosted_sessions", verbose_name=_("người chủ trì theo lịch")
    )
    # The quota is per position (the head of the agency), whoever holds it on the day.
    position = models.ForeignKey(Position, on_delete=models.PROTECT, related_name="+", verbose_name=_("chức vụ"))
    planned_on = models.DateField(_("ngày tiếp"))
    place = models.CharField(_("địa điểm"), max_length=255, default="Trụ sở tiếp công dân")
    status = models.CharField(_("tình trạng"), max_length=12, choices=SessionStatus.choices, default="planned")
    actual_host = models.ForeignKey(
        Staff, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("người trực tiếp tiếp")
    )
    host_role = models.CharField(_("hình thức chủ trì"), max_length=20, choices=HostRole.choices, blank=True)
    published = models.BooleanField(_("đã công khai lịch"), default=False)
    note = models.TextField(_("ghi chú"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("buổi tiếp công dân định kỳ")
        verbose_name_plural = _("lịch tiếp công dân định kỳ")
        ordering = ["planned_on", "id"]
        indexes = [
            # The schedule page: one year of sessions per position, counted per month.
            models.Index(fields=["position", "planned_on"], name="session_position_day"),
            models.Index(fields=["planned_on"], name="session_day"),
        ]

    def __str__(self) -> str:
        return f"{self.host} {self.planned_on:%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        return reverse("reception:session_detail", kwargs={"code": self.code})

    @property
    def counts_for_head(self) -> bool:
        """Held by the head in person: the only kind that meets TCD-HEAD-1 (TCD-NODELEG)."""
        return self.status == SessionStatus.HELD and self.host_role == HostRole.HEAD


class ConclusionNotice(models.Model):
    """Thông báo kết luận tiếp công dân after a session (ND154 Art 25; TCD-BOOK-HEAD)."""

    session = models.OneToOneField(ReceptionSession, on_delete=models.PROTECT, related_name="conclusion")
    issued_on = models.DateField(_("ngày ban hành"))
    conclusion = models.TextField(_("ý kiến kết luận của người chủ trì"))
    signer = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="+", verbose_name=_("người ký"))
    document_number = models.CharField(_("số, ký hiệu"), max_length=60, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("thông báo kết luận tiếp công dân")
        verbose_name_plural = _("thông báo kết luận tiếp công dân")

    def __str__(self) -> str:
        return self.document_number or f"{self.session}"


class TaskStatus(models.TextChoices):
    PENDING = "pending", _("Đang thực hiện")
    DONE = "done", _("Đã hoàn thành")


class ConclusionTask(models.Model):
    """A task the conclusion notice gives to a unit, with its due date (never after the legal one)."""

    notice = models.ForeignKey(ConclusionNotice, on_delete=models.PROTECT, related_name="tasks")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="conclusion_tasks", verbose_name=_("đơn vị"))
    visit = models.ForeignKey(Visit, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    text = models.TextField(_("nhiệm vụ"))
    due_on = models.DateField(_("thời hạn"), db_index=True)
    legal_due_on = models.DateField(_("hạn theo quy định"), null=True, blank=True)
    status = models.CharField(_("tình trạng"), max_length=12, choices=TaskStatus.choices, default="pending")
    done_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)

    class Meta:
        verbose_name = _("nhiệm vụ sau buổi tiếp")
        verbose_name_plural = _("nhiệm vụ sau buổi tiếp")
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return f"{self.unit}: {self.text[:60]}"
