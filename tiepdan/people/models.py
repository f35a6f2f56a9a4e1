"""Citizens and organisations who come or write. One record per person; duplicates are merged."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tiepdan.people import geo
from tiepdan.text.normalize import digits, fold

id_number_validator = RegexValidator(r"^\d{12}$", _("Số căn cước phải gồm đúng 12 chữ số."))


class PersonKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Cá nhân")
    ORGANISATION = "organisation", _("Cơ quan, tổ chức")


class Citizen(models.Model):
    kind = models.CharField(_("loại"), max_length=20, choices=PersonKind.choices, default=PersonKind.INDIVIDUAL)
    full_name = models.CharField(_("họ và tên"), max_length=150)
    id_number = models.CharField(
        _("số căn cước"), max_length=12, null=True, blank=True, validators=[id_number_validator]
    )
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    province_code = models.PositiveIntegerField(_("tỉnh, thành phố"), null=True, blank=True)
    commune_code = models.PositiveIntegerField(_("xã, phường, đặc khu"), null=True, blank=True, db_index=True)
    address_detail = models.CharField(_("số nhà, thôn, tổ dân phố"), max_length=255, blank=True)
    old_address = models.CharField(_("địa chỉ cũ (trước 01/07/2025)"), max_length=255, blank=True)
    # A duplicate record is never deleted: it points at the record it was merged into (people.services).
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged_records",
        verbose_name=_("đã gộp vào"),
    )
    merged_at = models.DateTimeField(_("thời điểm gộp"), null=True, blank=True)
    # Folded copies for accent-insensitive search on both SQLite and PostgreSQL with plain indexes.
    search_name = models.CharField(max_length=150, editable=False, db_index=True, default="")
    search_phone = models.CharField(max_length=20, editable=False, db_index=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("công dân")
        verbose_name_plural = _("công dân")
        constraints = [
            models.UniqueConstraint(
                fields=["id_number"], condition=models.Q(id_number__isnull=False), name="citizen_id_number_unique"
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("people:citizen_detail", kwargs={"pk": self.pk})

    def refresh_search_keys(self) -> None:
        self.search_name = fold(self.full_name)
        self.search_phone = digits(self.phone)

    @property
    def address(self) -> str:
        parts = [self.address_detail, geo.commune_name(self.commune_code)]
        if self.province_code:
            parts.append(geo.province_name(self.province_code))
        return ", ".join(p for p in parts if p)


class EncryptedIdentity(models.Model):
    """A protected person (a denouncer) as stored beside what they brought — a letter, a visit: the values
    encrypted together in `payload` and blind indexes to recognise the same person again
    (tiepdan.people.identity; docs/adr/0004-denouncer-identity.md). Never read as a model attribute: the
    owning app's reveal service decrypts, checks who may see it and logs the access."""

    order = models.PositiveSmallIntegerField(default=0)
    is_representative = models.BooleanField(_("người đại diện"), default=False)
    payload = models.TextField()
    id_number_index = models.CharField(max_length=32, blank=True, db_index=True)
    phone_index = models.CharField(max_length=32, blank=True, db_index=True)
    name_commune_index = models.CharField(max_length=32, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return str(_("Người tố cáo (giữ bí mật)"))
