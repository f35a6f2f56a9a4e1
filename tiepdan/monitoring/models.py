"""Monitoring's own tables. Monitoring reads reception, letters, cases and deadlines and never writes
them; what it computes from them is kept here:

- `DailyCount`: the daily roll-up the dashboards read instead of scanning a million letters;
- `CommuneRisk`, `MatterRisk`: the latest risk scores with each factor's part (the explanation);
- `HotSpot`, `HotSpotAction`: the hot-spot register, its owner, actions and status history;
- `ForecastRow`: the latest 14-day forecast per domain and per commune, with its interval and warning;
- `CommuneMap`: the agency's commune boundaries, projected to SVG paths at upload.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from tiepdan.cases.models import Case
from tiepdan.common.codes import new_public_code
from tiepdan.letters.models import Letter
from tiepdan.monitoring.rules import OPEN_STATUSES, STATUS_LABELS, HotSpotStatus
from tiepdan.org.models import Domain, Unit


class Source(models.TextChoices):
    LETTER = "letter", _("Đơn")
    VISIT = "visit", _("Lượt tiếp")


class Dimension(models.TextChoices):
    ALL = "all", _("Tổng")
    TYPE = "type", _("Loại nội dung")
    DOMAIN = "domain", _("Lĩnh vực")
    COMMUNE = "commune", _("Xã, phường")
    CHANNEL = "channel", _("Nguồn đơn")
    STATUS = "status", _("Trạng thái, kết quả")


class DailyCount(models.Model):
    """Letters or visits received on one day by one unit, counted along one dimension.

    `value` is the dimension's value (a matter type, a domain id, a commune code, a channel, a status;
    "" for the total or an empty field). `unit` NULL: the whole agency (the sum over its units), so
    the agency-wide dashboard reads a tenth of the rows. Rebuilt for a range of days by
    `services.refresh_rollup`.
    """

    day = models.DateField()
    source = models.CharField(max_length=8, choices=Source.choices)
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+", null=True, blank=True)
    dimension = models.CharField(max_length=8, choices=Dimension.choices)
    value = models.CharField(max_length=40, blank=True)
    count = models.PositiveIntegerField(default=0)
    matters = models.PositiveIntegerField(default=0)  # letters that are not a duplicate of another
    people = models.PositiveIntegerField(default=0)  # signers of letters, head count of visits
    mass = models.PositiveIntegerField(default=0)
    repeat = models.PositiveIntegerField(default=0)  # repeat visits, duplicate letters
    over_level = models.PositiveIntegerField(default=0)
    handled = models.PositiveIntegerField(default=0)  # letters disposed that had a due date
    handled_on_time = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            # Also the index of every dashboard read: a scope (the agency's rows, unit NULL, or a few
            # units), one dimension, a span of days.
            models.UniqueConstraint(
                fields=["unit", "dimension", "day", "source", "value"], name="monitoring_daily_count_once"
            )
        ]
        indexes = [
            # The roll-up's own rebuild deletes a span of days.
            models.Index(fields=["day"], name="monitoring_daily_count_day"),
            # The agency's table by unit: every unit's total rows over a span of days.
            models.Index(fields=["dimension", "day", "unit"], name="monitoring_daily_count_dim_day"),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.source} {self.dimension}={self.value}: {self.count}"


class RefreshRun(models.Model):
    """When each monitoring job last ran, and over which days (shown as "số liệu đến ...")."""

    kind = models.CharField(max_length=20, unique=True)
    ran_at = models.DateTimeField()
    as_of = models.DateField()
    first_day = models.DateField(null=True, blank=True)
    rows = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.kind} {self.ran_at:%d/%m/%Y %H:%M}"


class RiskLevel(models.TextChoices):
    LOW = "low", _("Thấp")
    MEDIUM = "medium", _("Trung bình")
    HIGH = "high", _("Cao")


class CommuneRisk(models.Model):
    commune_code = models.PositiveIntegerField(unique=True)
    score = models.FloatField()
    level = models.CharField(max_length=8, choices=RiskLevel.choices)
    factors = models.JSONField(default=list)
    contacts = models.PositiveIntegerField(default=0)
    people = models.PositiveIntegerField(default=0)
    computed_on = models.DateField()

    class Meta:
        ordering = ["-score", "commune_code"]
        # The ranked table and the map: highest first.
        indexes = [models.Index(fields=["-score"], name="commune_risk_rank")]

    def __str__(self) -> str:
        return f"{self.commune_code}: {self.score}"


class MatterRisk(models.Model):
    """The risk of one open case (a matter under settlement)."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    level = models.CharField(max_length=8, choices=RiskLevel.choices)
    factors = models.JSONField(default=list)
    computed_on = models.DateField()

    class Meta:
        ordering = ["-score", "id"]
        # "Matters at risk", scoped by unit: highest first.
        indexes = [models.Index(fields=["unit", "-score"], name="matter_risk_unit_rank"),
                   models.Index(fields=["-score"], name="matter_risk_rank")]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.score}"


class HotSpotKind(models.TextChoices):
    COMMUNE_DOMAIN = "commune_domain", _("Địa bàn – lĩnh vực")
    MATTER = "matter", _("Một vụ việc")
    FORECAST = "forecast", _("Dự báo tăng đột biến trong đợt cao điểm")


def _hot_spot_code() -> str:
    return new_public_code("DN")


class HotSpot(models.Model):
    """One potential hot spot (điểm nóng), from detection to resolution or dismissal."""

    code = models.CharField(_("mã"), max_length=12, unique=True, default=_hot_spot_code, editable=False)
    kind = models.CharField(_("loại"), max_length=20, choices=HotSpotKind.choices)
    # The subject: "cd:<commune>:<domain id>", "m:<first letter id>", "f:<series>:<event>".
    key = models.CharField(max_length=80)
    title = models.CharField(_("nội dung"), max_length=255)
    commune_code = models.PositiveIntegerField(_("xã, phường"), null=True, blank=True)
    domain = models.ForeignKey(Domain, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                               verbose_name=_("lĩnh vực"))
    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    # The unit that handles most of it: unit-scoped staff see the hot spots of their units.
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị chủ trì"))
    status = models.CharField(
        _("tình trạng"), max_length=12, choices=[(s.value, s.value) for s in HotSpotStatus], default="new"
    )
    detected_on = models.DateField(_("ngày phát hiện"))
    window_start = models.DateField()
    window_end = models.DateField()
    observed = models.PositiveIntegerField(_("số lượt trong kỳ"), default=0)
    expected = models.FloatField(_("số lượt thường gặp"), default=0)
    people = models.PositiveIntegerField(_("số người"), default=0)
    last_observed = models.PositiveIntegerField(default=0)
    last_seen_on = models.DateField(null=True, blank=True)
    score = models.FloatField(_("điểm rủi ro"), default=0)
    level = models.CharField(max_length=8, choices=RiskLevel.choices, default="low")
    factors = models.JSONField(default=list)  # the risk explanation on the day of detection
    detail = models.JSONField(default=dict)  # the spike test or the forecast warning, as computed
    event_code = models.CharField(max_length=40, blank=True)
    event_name = models.CharField(_("đợt cao điểm"), max_length=255, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("người theo dõi"),
    )
    notified_at = models.DateTimeField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    close_reason = models.TextField(_("lý do"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("điểm nóng")
        verbose_name_plural = _("sổ theo dõi điểm nóng")
        ordering = ["-detected_on", "-id"]
        constraints = [
            # One open hot spot per subject: two detection runs at once cannot both create it.
            models.UniqueConstraint(
                fields=["key"], condition=models.Q(status__in=sorted(s.value for s in OPEN_STATUSES)),
                name="hot_spot_open_once",
            )
        ]
        indexes = [
            models.Index(fields=["status", "-detected_on"], name="hot_spot_status_recent"),
            models.Index(fields=["key", "-detected_on"], name="hot_spot_subject"),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("monitoring:hot_spot_detail", kwargs={"code": self.code})

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def status_label(self) -> str:
        vi, en = STATUS_LABELS[HotSpotStatus(self.status)]
        return en if translation.get_language() == "en" else vi


class ActionKind(models.TextChoices):
    DETECTED = "detected", _("Hệ thống phát hiện")
    NOTE = "note", _("Biện pháp, diễn biến")
    ASSIGN = "assign", _("Giao người theo dõi")
    STATUS = "status", _("Chuyển tình trạng")


class HotSpotAction(models.Model):
    """One line of a hot spot's history: what was done, by whom, when (never edited)."""

    hot_spot = models.ForeignKey(HotSpot, on_delete=models.PROTECT, related_name="actions")
    kind = models.CharField(_("loại"), max_length=10, choices=ActionKind.choices)
    on = models.DateField(_("ngày"))
    text = models.TextField(_("nội dung"), blank=True)
    from_status = models.CharField(max_length=12, blank=True)
    to_status = models.CharField(max_length=12, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                              related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return f"{self.hot_spot_id} {self.kind} {self.on:%d/%m/%Y}"


class SeriesKind(models.TextChoices):
    ALL = "all", _("Toàn cơ quan")
    DOMAIN = "domain", _("Lĩnh vực")
    COMMUNE = "commune", _("Xã, phường")


class ForecastRow(models.Model):
    """The latest forecast of one series (letters + visits per day), from `made_on`'s history."""

    kind = models.CharField(max_length=8, choices=SeriesKind.choices)
    key = models.CharField(max_length=20, blank=True)  # domain id or commune code; "" for the agency
    made_on = models.DateField()
    means = models.JSONField(default=list)
    daily_low = models.JSONField(default=list)
    daily_high = models.JSONField(default=list)
    history = models.JSONField(default=list)  # the last 28 days, for the chart
    total = models.FloatField()
    low = models.PositiveIntegerField()
    high = models.PositiveIntegerField()
    level = models.FloatField()
    usual = models.FloatField()
    dispersion = models.FloatField()
    warning = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["kind", "-total"]
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="forecast_once_per_series")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key} {self.total:.1f}"


class CommuneMap(models.Model):
    """The agency's uploaded boundaries; the newest one is drawn."""

    name = models.CharField(_("tên tệp"), max_length=255)
    code_property = models.CharField(_("thuộc tính mã xã"), max_length=60, blank=True)
    view_box = models.CharField(max_length=60)
    shapes = models.JSONField(default=dict)  # commune code → SVG path
    unmatched = models.JSONField(default=list)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return self.name
