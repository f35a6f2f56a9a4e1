"""The organisation as data: agencies, a dated tree of units, positions, staff and the calendar.

Units are never deleted: a renamed, merged or abolished unit keeps its row (with `valid_to` and a
`successor`) so that cases stay attached to the unit that handled them at the time.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Agency(models.Model):
    name = models.CharField(_("tên cơ quan"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=50)
    abbreviation = models.CharField(
        _("ký hiệu trên văn bản"),
        max_length=30,
        help_text=_("Ví dụ: SVHTTDL (Nghị định 30/2020, Phụ lục III)"),
    )
    parent_body = models.CharField(_("cơ quan chủ quản"), max_length=255, blank=True)
    place_name = models.CharField(_("địa danh ghi trên văn bản"), max_length=100)
    province_code = models.PositiveIntegerField(_("mã tỉnh"), null=True, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("cơ quan")
        verbose_name_plural = _("cơ quan")

    def __str__(self) -> str:
        return self.name


class UnitKind(models.TextChoices):
    LEADERSHIP = "leadership", _("Lãnh đạo")
    OFFICE = "office", _("Văn phòng, phòng tham mưu")
    INSPECTORATE = "inspectorate", _("Thanh tra")
    DIVISION = "division", _("Phòng quản lý nhà nước")
    PUBLIC_SERVICE = "public_service", _("Đơn vị sự nghiệp")
    UNION = "union", _("Tổ chức đoàn thể")


class Unit(models.Model):
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="units", verbose_name=_("cơ quan")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("đơn vị cha"),
    )
    code = models.SlugField(_("mã"), max_length=40)
    name = models.CharField(_("tên đơn vị"), max_length=255)
    abbreviation = models.CharField(_("viết tắt"), max_length=20, blank=True)
    kind = models.CharField(_("loại"), max_length=20, choices=UnitKind.choices)
    # The unit that advises the leadership on reception and complaints (formerly the department
    # inspectorate; since 01/07/2025 a unit the agency designates — domain.md §8.2).
    is_advisory = models.BooleanField(_("đầu mối tham mưu tiếp công dân, khiếu nại, tố cáo"), default=False)
    valid_from = models.DateField(_("hiệu lực từ"), default=date(2000, 1, 1))
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
        verbose_name=_("đơn vị kế thừa"),
    )
    # Materialised path "/1/4/9/" so a subtree is one indexed prefix query, at any depth.
    path = models.CharField(max_length=255, editable=False, db_index=True, default="")
    order = models.PositiveIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["path"]
        constraints = [models.UniqueConstraint(fields=["agency", "code"], name="unit_code_unique_per_agency")]

    def __str__(self) -> str:
        return self.name

    def is_active_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


class UnitChangeKind(models.TextChoices):
    CREATED = "created", _("Thành lập")
    RENAMED = "renamed", _("Đổi tên")
    MERGED = "merged", _("Sáp nhập")
    ABOLISHED = "abolished", _("Giải thể, kết thúc hoạt động")
    FUNCTIONS_MOVED = "functions_moved", _("Chuyển giao chức năng")


class UnitChange(models.Model):
    """A dated change of the organisation, with its legal basis; the history page reads these."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="changes", verbose_name=_("đơn vị"))
    kind = models.CharField(_("loại thay đổi"), max_length=20, choices=UnitChangeKind.choices)
    effective_on = models.DateField(_("ngày hiệu lực"))
    successor = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("đơn vị tiếp nhận"),
    )
    old_name = models.CharField(_("tên cũ"), max_length=255, blank=True)
    legal_basis = models.CharField(_("căn cứ"), max_length=255, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    open_items_moved = models.PositiveIntegerField(_("số hồ sơ đang mở được chuyển"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("thay đổi tổ chức")
        verbose_name_plural = _("thay đổi tổ chức")
        ordering = ["-effective_on", "-id"]

    def __str__(self) -> str:
        return f"{self.unit}: {self.get_kind_display()} {self.effective_on:%d/%m/%Y}"


class Position(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="positions")
    name = models.CharField(_("chức vụ"), max_length=120)
    is_head = models.BooleanField(_("là người đứng đầu"), default=False)
    # Rule id of domain.md §12 (TCD-HEAD-1, PARTY-1 ...) that sets this position's reception days.
    reception_rule = models.CharField(_("quy định lịch tiếp công dân"), max_length=20, blank=True)
    signing_title = models.CharField(_("chức danh ký"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("chức vụ")
        verbose_name_plural = _("chức vụ")

    def __str__(self) -> str:
        return self.name


class Staff(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="staff")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="staff", verbose_name=_("đơn vị"))
    position = models.ForeignKey(
        Position,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("chức vụ"),
    )
    full_name = models.CharField(_("họ và tên"), max_length=120)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("cán bộ")
        verbose_name_plural = _("cán bộ")

    def __str__(self) -> str:
        return self.full_name


class Domain(models.Model):
    """A field of the agency's work (lĩnh vực) used to classify letters; configurable per agency."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="domains")
    code = models.SlugField(_("mã"), max_length=40)
    name = models.CharField(_("lĩnh vực"), max_length=120)
    # Words that suggest this domain in a letter's text (accent-insensitive); refined by confirmations.
    keywords = models.TextField(_("từ khóa gợi ý"), blank=True)
    is_sensitive = models.BooleanField(_("lĩnh vực nhạy cảm"), default=False)
    order = models.PositiveIntegerField(default=0)
    active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="domain_code_unique_per_agency")
        ]

    def __str__(self) -> str:
        return self.name
