"""Issued documents and their register numbers.

A document, once issued, is a record of what the agency sent to a citizen or another body: it is
never deleted or edited; a correction is a new document. Numbers run within a calendar year from
01 (ND30; domain.md §9), in one register per agency and document type (docs/adr/0003-documents.md).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.deletion import ProtectedError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tiepdan.common.codes import new_public_code
from tiepdan.org.models import Agency, Unit


def _document_code() -> str:
    return new_public_code("VB")


class DocumentCounter(models.Model):
    """The last number given to a type of document in a year; the row is locked while a number is taken."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("cơ quan"))
    kind_code = models.CharField(_("loại văn bản (viết tắt)"), max_length=10, blank=True)
    year = models.PositiveIntegerField(_("năm"))
    last_number = models.PositiveIntegerField(_("số đã cấp gần nhất"), default=0)

    class Meta:
        verbose_name = _("sổ đăng ký số văn bản")
        verbose_name_plural = _("sổ đăng ký số văn bản")
        constraints = [
            models.UniqueConstraint(fields=["agency", "kind_code", "year"], name="document_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind_code or 'CV'} {self.year}: {self.last_number}"


class IssuedDocumentQuerySet(models.QuerySet):
    def delete(self):  # type: ignore[override]
        raise ProtectedError(_("Văn bản đã ban hành không được xóa."), set(self))


class IssuedDocument(models.Model):
    code = models.CharField(_("mã"), max_length=12, unique=True, default=_document_code, editable=False)
    # The letter, visit or case the document was issued about (any model: one register for all).
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị"))
    kind_code = models.CharField(_("loại văn bản (viết tắt)"), max_length=10, blank=True)
    kind_name = models.CharField(_("tên loại văn bản"), max_length=60, blank=True)
    number = models.PositiveIntegerField(_("số"), null=True, blank=True)
    number_text = models.CharField(_("số, ký hiệu"), max_length=60, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    title = models.CharField(_("trích yếu"), max_length=500)
    file = models.FileField(_("tệp .docx"), upload_to="documents/%Y/", max_length=255)
    sha256 = models.CharField(_("mã băm SHA-256"), max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tạo")
    )
    created_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)

    objects = IssuedDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("văn bản đã ban hành")
        verbose_name_plural = _("văn bản đã ban hành")
        ordering = ["-created_at", "-id"]
        indexes = [
            # documents_for(subject): the documents list on a letter, visit or case page.
            models.Index(fields=["content_type", "object_id"], name="issueddoc_subject"),
        ]

    def __str__(self) -> str:
        return f"{self.number_text or self.code} — {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("documents:download", kwargs={"code": self.code})

    def delete(self, *args, **kwargs):  # type: ignore[override]
        raise ProtectedError(_("Văn bản đã ban hành không được xóa."), {self})

    @property
    def pdf_name(self) -> str:
        """Storage name of the PDF copy, cached next to the .docx."""
        stem = self.file.name.rsplit(".", 1)[0]
        return f"{stem}.pdf"

    @property
    def download_stem(self) -> str:
        """"Thông báo 05-TB-SVHTTDL": the file name a user sees ("/" is not allowed in file names)."""
        kind = self.kind_name.capitalize() if self.kind_name else "Công văn"
        number = self.number_text.replace("/", "-").strip() if self.number else self.code
        return f"{kind} {number}".strip()
