"""Shared by the monitoring jobs: the agency's province, the record of each run."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from tiepdan.monitoring.models import RefreshRun
from tiepdan.org.selectors import current_agency
from tiepdan.people import geo

ROLLUP_RECENT_DAYS = 120  # the daily run rebuilds these; older days change rarely (weekly full run)
ROLLUP_CHUNK_DAYS = 31  # one transaction and a bounded number of rows in memory per chunk


def province_code() -> int:
    agency = current_agency()
    return (agency.province_code if agency else None) or geo.BAC_NINH


def record_run(kind: str, *, as_of: date, first_day: date | None = None, rows: int = 0) -> None:
    RefreshRun.objects.update_or_create(
        kind=kind, defaults={"ran_at": timezone.now(), "as_of": as_of, "first_day": first_day, "rows": rows}
    )
