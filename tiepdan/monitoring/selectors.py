"""Reads of monitoring's own tables for the pages, scoped by unit (one access path per object type).
The dashboard's assembly is in `dashboard.py`; reads of the source tables for the jobs in `signals.py`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from tiepdan.cases.selectors import cases_visible_to
from tiepdan.monitoring import config
from tiepdan.monitoring.models import (
    CommuneMap,
    CommuneRisk,
    ForecastRow,
    HotSpot,
    HotSpotAction,
    HotSpotKind,
    MatterRisk,
    RefreshRun,
)
from tiepdan.monitoring.rules import (
    FACTOR_LABELS,
    FACTOR_UNITS,
    LEVEL_LABELS,
    STATUS_LABELS,
    Factor,
    HotSpotStatus,
    Level,
)
from tiepdan.monitoring.signals import daily_contacts, letters_between, visits_between
from tiepdan.org.models import Domain
from tiepdan.org.roles import Role
from tiepdan.org.selectors import scope_by_unit
from tiepdan.people import geo

# --- scoped access ------------------------------------------------------------------------------


def hot_spots_visible_to(user) -> QuerySet[HotSpot]:
    return scope_by_unit(HotSpot.objects.select_related("domain", "unit", "owner__staff", "letter"), user)


def matter_risks_visible_to(user) -> QuerySet[MatterRisk]:
    return scope_by_unit(MatterRisk.objects.select_related("case", "case__unit", "case__domain"), user)


def commune_risks() -> QuerySet[CommuneRisk]:
    """Agency-wide (callers check `policies.sees_agency_monitoring`)."""
    return CommuneRisk.objects.all()


def latest_map() -> CommuneMap | None:
    return CommuneMap.objects.order_by("-id").first()


def refresh_runs() -> dict[str, RefreshRun]:
    return {run.kind: run for run in RefreshRun.objects.all()}


# --- explanations ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FactorRow:
    code: str
    label: str
    value: float | None
    value_text: str
    points: float
    weight: float
    share: float  # of the score, in %


def _value_text(factor: Factor, value) -> str:
    if factor == Factor.EVENT:
        if value is None:
            return _("không có đợt sắp tới")
        return _("đang trong đợt cao điểm") if value == 0 else _("còn %(n)s ngày") % {"n": int(value)}
    if factor == Factor.SENSITIVE:
        return _("%(n)s%% số lượt") % {"n": round(float(value or 0) * 100)}
    number = float(value or 0)
    text = number_format(int(number)) if number.is_integer() else number_format(number, decimal_pos=1)
    return f"{text} {_bilingual(FACTOR_UNITS[factor])}"


def factor_rows(factors: list[dict]) -> list[FactorRow]:
    """The stored explanation as rows, largest part first (the order of the page and the export)."""
    rows = []
    for item in factors:
        factor = Factor(item["factor"])
        rows.append(
            FactorRow(
                code=factor.value,
                label=_bilingual(FACTOR_LABELS[factor]),
                value=item.get("value"),
                value_text=_value_text(factor, item.get("value")),
                points=item["points"],
                weight=item["weight"],
                share=round(item["share"] * 100, 1),
            )
        )
    return sorted(rows, key=lambda r: (-r.points, r.code))


def _bilingual(pair: tuple[str, str]) -> str:
    """The pure modules carry (Vietnamese, English) labels; show the one of the active language."""
    return pair[1] if translation.get_language() == "en" else pair[0]


def level_label(level: str) -> str:
    return _bilingual(LEVEL_LABELS[Level(level)]) if level in Level.__members__.values() else level


def status_label(status: str) -> str:
    return _bilingual(STATUS_LABELS[HotSpotStatus(status)])


# --- the register ---------------------------------------------------------------------------------


def hot_spot_actions(hot_spot: HotSpot) -> QuerySet[HotSpotAction]:
    return hot_spot.actions.select_related("actor__staff").order_by("on", "id")


def owner_choices(hot_spot: HotSpot):
    """Who may follow a hot spot: the leadership, the inspection, and the heads of its unit."""
    return (
        get_user_model().objects.filter(is_active=True, staff__isnull=False)
        .filter(
            Q(groups__name__in=[Role.LEADERSHIP.value, Role.INSPECTION.value])
            | Q(groups__name=Role.UNIT_HEAD.value, staff__unit_id=hot_spot.unit_id)
        )
        .select_related("staff")
        .distinct()
        .order_by("staff__full_name")
    )


def _subject_filter(hot_spot: HotSpot) -> tuple[Q, Q] | None:
    if hot_spot.kind == HotSpotKind.MATTER and hot_spot.letter_id:
        return (Q(id=hot_spot.letter_id) | Q(duplicate_of_id=hot_spot.letter_id),
                Q(letters__id=hot_spot.letter_id) | Q(letters__duplicate_of_id=hot_spot.letter_id))
    where = Q()
    if hot_spot.commune_code is not None:
        where &= Q(commune_code=hot_spot.commune_code)
    if hot_spot.domain_id is not None:
        where &= Q(domain_id=hot_spot.domain_id)
    elif hot_spot.kind == HotSpotKind.COMMUNE_DOMAIN:
        where &= Q(domain__isnull=True)
    return where, where


def hot_spot_series(hot_spot: HotSpot) -> tuple[list[date], list[int], int]:
    """Daily contacts of the subject over the baseline and the window (two queries), and the index
    where the window starts."""
    spike = config.spike_config()
    window_first = hot_spot.window_start
    if hot_spot.kind == HotSpotKind.FORECAST:
        window_first = hot_spot.detected_on - timedelta(days=spike.window_days - 1)
    last = hot_spot.detected_on
    first = window_first - timedelta(days=spike.baseline_days)
    letters_q, visits_q = _subject_filter(hot_spot)
    by_day = daily_contacts(first, last, (), letters=letters_q, visits=visits_q).get((), {})
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    return days, [by_day.get(d, 0) for d in days], (window_first - first).days


@dataclass(frozen=True)
class Record:
    kind: str
    code: str
    day: date
    matter_type: str
    people: int
    summary: str
    url: str


def hot_spot_records(hot_spot: HotSpot, user, limit: int = 50) -> list[Record]:
    """The letters and visits of the subject in its window that the user may see (two queries)."""
    from tiepdan.letters.selectors import letters_visible_to
    from tiepdan.reception.models import Visit

    letters_q, visits_q = _subject_filter(hot_spot)
    first, last = hot_spot.window_start, hot_spot.window_end
    if hot_spot.kind == HotSpotKind.FORECAST:
        first = hot_spot.detected_on - timedelta(days=config.spike_config().window_days - 1)
        last = hot_spot.detected_on
    letter_ids = letters_between(first, last).filter(letters_q).values("id")
    letters = letters_visible_to(user).filter(id__in=letter_ids).order_by("-received_on", "-id")[:limit]
    visits = scope_by_unit(
        Visit.objects.filter(id__in=visits_between(first, last).filter(visits_q).values("id")), user
    ).order_by("-received_at", "-id")[:limit]
    records = [
        Record(_("Đơn"), x.code, x.received_on, x.get_matter_type_display(), x.signer_count, x.summary,
               x.get_absolute_url())
        for x in letters
    ] + [
        Record(_("Lượt tiếp"), v.code, v.received_at.date(), v.get_matter_type_display(), v.head_count,
               v.content[:200], v.get_absolute_url())
        for v in visits
    ]
    return sorted(records, key=lambda r: r.day, reverse=True)[:limit]


def case_risk_for(user, code: str) -> MatterRisk | None:
    """The risk of a case the user may see (None: not visible, or not scored)."""
    case = cases_visible_to(user).filter(code=code).first()
    if case is None:
        return None
    return MatterRisk.objects.select_related("case", "case__unit", "case__domain").filter(case=case).first()


# --- names ------------------------------------------------------------------------------------------


def domain_names() -> dict[str, str]:
    return {str(pk): name for pk, name in Domain.objects.values_list("id", "name")}


def commune_label(code) -> str:
    if code in (None, ""):
        return _("Chưa xác định")
    return geo.commune_name(int(code)) or str(code)


def forecasts(kind: str) -> QuerySet[ForecastRow]:
    return ForecastRow.objects.filter(kind=kind).order_by("-total", "key")
