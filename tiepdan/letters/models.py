"""Letters from every channel, their classification and disposition (Circular 05/2021/TT-TTCP).

A denunciation's senders are not Citizen records: their identity is kept encrypted in
`DenouncerIdentity` and the original text in `ProtectedOriginal` (Law 25/2018 Art 47; decision record
docs/adr/0004-denouncer-identity.md). The letter itself then carries a redacted summary and text.
"""

from __future__ import annotations

from uuid import uuid4

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tiepdan.common.choices import Channel, MatterType
from tiepdan.common.codes import new_public_code
from tiepdan.org.models import Domain, Staff, Unit
from tiepdan.people.models import Citizen, EncryptedIdentity
from tiepdan.reception.models import Visit

# 32 letters ** 10: a million letters collide with probability ~5e-4 (8 characters collided in the
# demo generator on PostgreSQL); a collision is retried anyway (letters.services.common.insert_letter,
# insert_letters). "D" + 10 characters fits the column's 12.
LETTER_CODE_LENGTH = 10


def new_letter_code() -> str:
    return new_public_code("D", LETTER_CODE_LENGTH)


def _letter_code() -> str:  # the field's default, by this name in migration 0001
    return new_letter_code()


class Competence(models.TextChoices):
    WITHIN = "within", _("Thuộc thẩm quyền")
    OUTSIDE = "outside", _("Không thuộc thẩm quyền")


class LetterStatus(models.TextChoices):
    REGISTERED = "registered", _("Đã vào sổ")
    CLASSIFIED = "classified", _("Đã phân loại")
    DISPOSED = "disposed", _("Đã xử lý")
    SPLIT = "split", _("Đã tách thành các đơn")


# Channels through which another body sends the letter: its name and document number are required.
TRANSFER_CHANNELS = frozenset({Channel.TRANSFERRED, Channel.DEPUTY, Channel.PRESS})
OPEN_STATUSES = (LetterStatus.REGISTERED, LetterStatus.CLASSIFIED)


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
    # The days the two facts became true, so that a report of a past period counts them as they stood
    # then (a reply received or an eligibility decided after the period's end is not counted in it).
    reply_received_on = models.DateField(_("ngày nhận văn bản trả lời"), null=True, blank=True)
    eligibility_decided_on = models.DateField(_("ngày xác định điều kiện xử lý"), null=True, blank=True)
    # A duplicate points at the first letter of the same matter; reports count letters and matters.
    duplicate_of = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="duplicates", verbose_name=_("trùng với")
    )
    due_on = models.DateField(_("hạn xử lý"), null=True, blank=True)
    # TCD-SPLIT / XLD-MIXED: each part of a mixed letter is a letter of its own type pointing here.
    split_from = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="parts", verbose_name=_("tách từ đơn")
    )
    # True for a denunciation (and a mixed letter with a denunciation part): the senders' identity is
    # encrypted in DenouncerIdentity, summary and text here are the redacted copy (TC-CONFID).
    protects_identity = models.BooleanField(_("bảo vệ người tố cáo"), default=False)
    denounced_persons = models.TextField(_("người bị tố cáo, bị khiếu nại"), blank=True)
    denounced_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("đơn vị bị tố cáo")
    )
    denounced_staff = models.ManyToManyField(
        Staff, blank=True, related_name="denounced_in_letters", verbose_name=_("cán bộ bị tố cáo")
    )
    disposition_reason = models.CharField(_("căn cứ xử lý"), max_length=40, blank=True)
    disposition_note = models.TextField(_("ghi chú xử lý"), blank=True)
    # Folded summary, text and (unprotected) sender names: accent-insensitive search. Indexed for
    # full text by migrations 0003-0004 (SQLite FTS5 table; PostgreSQL stored tsvector column with GIN).
    search_text = models.TextField(editable=False, default="")
    # Hash of the folded content: "the same content" for XLD-TC-ONCE (forward a denunciation once).
    content_hash = models.CharField(max_length=40, editable=False, default="", db_index=True)
    classified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    classified_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("đơn")
        verbose_name_plural = _("đơn")
        ordering = ["-received_on", "-id"]
        indexes = [
            models.Index(fields=["unit", "-received_on"], name="letter_unit_recent"),
            models.Index(fields=["status", "due_on"], name="letter_status_due"),
            models.Index(fields=["matter_type", "received_on"], name="letter_type_received"),
            # The register's default order and its filters, each within a period (letters_bench.py).
            models.Index(fields=["-received_on", "-id"], name="letter_recent"),
            models.Index(fields=["channel", "received_on"], name="letter_channel_received"),
            models.Index(fields=["domain", "received_on"], name="letter_domain_received"),
            models.Index(fields=["commune_code", "received_on"], name="letter_commune_received"),
            models.Index(fields=["signer_count", "received_on"], name="letter_signers_received"),
            # Open letters by due date ("waiting for an assignment", most urgent first), in the agency and in
            # a unit: a small share of the register, walked in order instead of sorting every open letter.
            models.Index(fields=["due_on", "id"], name="letter_open_due", condition=Q(status__in=OPEN_STATUSES)),
            models.Index(
                fields=["unit", "due_on", "id"], name="letter_open_unit_due", condition=Q(status__in=OPEN_STATUSES)
            ),
            # Most letters come with no visit: on the plain foreign-key index SQLite's statistics count a
            # million rows per visit (all the NULLs) and it walks the register instead (2 s for one visit's
            # letters). A lookup by visit implies IS NOT NULL, so this index is used, with the right figures.
            models.Index(fields=["visit"], name="letter_visit", condition=Q(visit__isnull=False)),
            # The same for the few letters linked as duplicates or split into parts: a matter's letters
            # (`id = root OR duplicate_of = root`) were read by scanning every letter.
            models.Index(fields=["duplicate_of"], name="letter_duplicates", condition=Q(duplicate_of__isnull=False)),
            models.Index(fields=["split_from"], name="letter_parts", condition=Q(split_from__isnull=False)),
        ]

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        return reverse("letters:letter_detail", kwargs={"code": self.code})

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def matter_root_id(self) -> int:
        """The first letter of the matter this letter belongs to (reports count matters by it)."""
        return self.duplicate_of_id or self.pk


class LetterSender(models.Model):
    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="sender_links")
    citizen = models.ForeignKey(Citizen, on_delete=models.PROTECT, related_name="letter_links")
    is_representative = models.BooleanField(_("người đại diện"), default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["letter", "citizen"], name="letter_sender_once")]

    def __str__(self) -> str:
        # Ids only: the change log stores this text, and a name here would outlive a reclassification.
        return f"{self.letter_id}:{self.citizen_id}"


def _attachment_path(instance: Attachment, filename: str) -> str:
    # A random name: the original name may identify a denouncer; the file itself is encrypted.
    return f"letters/{uuid4().hex[:2]}/{uuid4().hex}.bin"


class AttachmentKind(models.TextChoices):
    PDF = "pdf", "PDF"
    JPEG = "jpeg", "JPEG"
    PNG = "png", "PNG"


class Attachment(models.Model):
    """A scan or photo of the letter, stored encrypted under MEDIA_ROOT (outside the web root) and
    served only by the permission-checked view letters:attachment."""

    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField(upload_to=_attachment_path, max_length=255)
    name = models.CharField(_("tên tệp"), max_length=255)
    kind = models.CharField(_("loại tệp"), max_length=10, choices=AttachmentKind.choices)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name

    @property
    def content_type(self) -> str:
        return {"pdf": "application/pdf", "jpeg": "image/jpeg", "png": "image/png"}[self.kind]


class DenouncerIdentity(EncryptedIdentity):
    """One denouncer of a letter: name, ID number, phone and address encrypted together (`payload`,
    Fernet, tiepdan.audit.crypto); keyed hashes allow duplicate detection without the plain values.
    Read only through letters.services.reveal_identity, which logs every access."""

    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="denouncer_identities")

    class Meta:
        verbose_name = _("thông tin người tố cáo (mã hóa)")
        verbose_name_plural = _("thông tin người tố cáo (mã hóa)")
        ordering = ["letter", "order"]


class ProtectedOriginal(models.Model):
    """The original summary and text of a letter whose sender is protected, encrypted: the letter row
    keeps the redacted copy that verifiers receive (Law 25/2018 Art 47(2))."""

    letter = models.OneToOneField(Letter, on_delete=models.PROTECT, related_name="protected_original")
    summary = models.TextField()
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bản gốc đơn (mã hóa)")
        verbose_name_plural = _("bản gốc đơn (mã hóa)")

    def __str__(self) -> str:
        return f"{self.letter_id}"


class ClassificationKind(models.TextChoices):
    TYPE = "type", _("Loại đơn")
    DOMAIN = "domain", _("Lĩnh vực")


class ClassificationFeedback(models.Model):
    """An officer's classification of a letter, next to what the system suggested and why: the record
    of confirmations and corrections from which the suggestions learn (LearnedTerm)."""

    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="classifications")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    suggested_type = models.CharField(max_length=20, blank=True)
    chosen_type = models.CharField(max_length=20)
    suggested_domain = models.CharField(max_length=40, blank=True)
    chosen_domain = models.ForeignKey(Domain, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    type_evidence = models.JSONField(default=list, blank=True)
    domain_evidence = models.JSONField(default=list, blank=True)
    terms = models.JSONField(default=list, blank=True)  # what was learned from this letter (undone on correction)
    superseded = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("xác nhận phân loại")
        verbose_name_plural = _("xác nhận phân loại")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.letter_id}: {self.chosen_type}"

    @property
    def type_confirmed(self) -> bool:
        return self.suggested_type == self.chosen_type


class LearnedTerm(models.Model):
    """How many confirmed letters of a label contained a term; term "" counts the letters themselves.
    Kept as running counts so a suggestion reads only the rows of its own terms."""

    kind = models.CharField(max_length=10, choices=ClassificationKind.choices)
    label = models.CharField(max_length=40)
    term = models.CharField(max_length=80, blank=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "label", "term"], name="learned_term_once")]
        indexes = [models.Index(fields=["kind", "term"], name="learned_term_lookup")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.label}:{self.term}={self.count}"
