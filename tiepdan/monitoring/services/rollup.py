"""The daily roll-up the dashboards read (`DailyCount`): rebuilt for a span of days, a month at a time."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from tiepdan.letters.models import Letter
from tiepdan.monitoring import config
from tiepdan.monitoring.models import DailyCount, Dimension, Source
from tiepdan.monitoring.services.common import ROLLUP_CHUNK_DAYS, record_run
from tiepdan.monitoring.signals import letters_between, visit_day, visits_between

LETTER_DIMENSIONS = {
    Dimension.ALL: None,
    Dimension.TYPE: "matter_type",
    Dimension.DOMAIN: "domain_id",
    Dimension.COMMUNE: "commune_code",
    Dimension.CHANNEL: "channel",
    Dimension.STATUS: "status",
}
VISIT_DIMENSIONS = {
    Dimension.ALL: None,
    Dimension.TYPE: "matter_type",
    Dimension.DOMAIN: "domain_id",
    Dimension.COMMUNE: "commune_code",
    Dimension.STATUS: "outcome",
}


def _text(value) -> str:
    return "" if value is None else str(value)


def _rollup_rows(first: date, last: date) -> list[DailyCount]:
    threshold = config.mass_threshold()
    over = config.over_level_channels()
    letter_measures = {
        "n": Count("id"),
        "matters": Count("id", filter=Q(duplicate_of__isnull=True)),
        "people": Sum("signer_count"),
        "mass": Count("id", filter=Q(signer_count__gte=threshold)),
        "repeat": Count("id", filter=Q(duplicate_of__isnull=False)),
        "over": Count("id", filter=Q(channel__in=over)),
        "handled": Count("id", filter=Q(status="disposed", due_on__isnull=False, disposed_on__isnull=False)),
        "on_time": Count("id", filter=Q(status="disposed", disposed_on__lte=F("due_on"))),
    }
    visit_measures = {
        "n": Count("id"),
        "people": Sum("head_count"),
        "mass": Count("id", filter=Q(is_mass=True)),
        "repeat": Count("id", filter=Q(is_repeat=True)),
    }
    rows: list[DailyCount] = []
    for dimension, field_name in LETTER_DIMENSIONS.items():
        fields = ["received_on", "unit_id", *([field_name] if field_name else [])]
        for r in letters_between(first, last).values(*fields).annotate(**letter_measures):
            rows.append(
                DailyCount(
                    day=r["received_on"],
                    source=Source.LETTER,
                    unit_id=r["unit_id"],
                    dimension=dimension,
                    value=_text(r[field_name]) if field_name else "",
                    count=r["n"],
                    matters=r["matters"],
                    people=r["people"] or 0,
                    mass=r["mass"],
                    repeat=r["repeat"],
                    over_level=r["over"],
                    handled=r["handled"],
                    handled_on_time=r["on_time"],
                )
            )
    visits = visits_between(first, last).annotate(day=visit_day())
    for dimension, field_name in VISIT_DIMENSIONS.items():
        fields = ["day", "unit_id", *([field_name] if field_name else [])]
        for r in visits.values(*fields).annotate(**visit_measures):
            rows.append(
                DailyCount(
                    day=r["day"],
                    source=Source.VISIT,
                    unit_id=r["unit_id"],
                    dimension=dimension,
                    value=_text(r[field_name]) if field_name else "",
                    count=r["n"],
                    matters=r["n"],
                    people=r["people"] or 0,
                    mass=r["mass"],
                    repeat=r["repeat"],
                )
            )
    return rows + _agency_rows(rows)


MEASURES = ("count", "matters", "people", "mass", "repeat", "over_level", "handled", "handled_on_time")


def _agency_rows(rows: list[DailyCount]) -> list[DailyCount]:
    """The same counts summed over the units (unit NULL): what the agency-wide pages read."""
    sums: dict[tuple, list[int]] = {}
    for row in rows:
        key = (row.day, row.source, row.dimension, row.value)
        cell = sums.setdefault(key, [0] * len(MEASURES))
        for i, name in enumerate(MEASURES):
            cell[i] += getattr(row, name)
    return [
        DailyCount(
            day=day,
            source=source,
            unit=None,
            dimension=dimension,
            value=value,
            **dict(zip(MEASURES, cell, strict=True)),
        )
        for (day, source, dimension, value), cell in sums.items()
    ]


def refresh_rollup(*, first_day: date, last_day: date) -> int:
    """Rebuild the roll-up of [first_day, last_day], a month at a time; returns the rows written."""
    written = 0
    start = first_day
    while start <= last_day:
        end = min(start + timedelta(days=ROLLUP_CHUNK_DAYS - 1), last_day)
        rows = _rollup_rows(start, end)
        with transaction.atomic():
            DailyCount.objects.filter(day__gte=start, day__lte=end).delete()
            DailyCount.objects.bulk_create(rows, batch_size=2000)
        written += len(rows)
        start = end + timedelta(days=1)
    record_run("rollup", as_of=last_day, first_day=first_day, rows=written)
    return written


def history_start() -> date | None:
    first_letter = Letter.objects.order_by("received_on").values_list("received_on", flat=True).first()
    first_visit_at = (
        visits_between(date(1900, 1, 1), date(2999, 12, 31))
        .order_by("received_at")
        .values_list("received_at", flat=True)
        .first()
    )
    first_visit = timezone.localdate(first_visit_at) if first_visit_at else None
    days = [d for d in (first_letter, first_visit) if d]
    return min(days) if days else None
