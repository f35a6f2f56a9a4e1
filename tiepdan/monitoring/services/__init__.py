"""Writes of monitoring, to its own tables only: the roll-up, the risk scores, the hot-spot register and
the forecasts. The jobs (`tasks.py`, `tiepdan monitoring_refresh`) call `refresh_monitoring` with
today's date; a past day can be replayed (`replay`), which the demo uses to show a build-up flagged
before the election.

    rollup.py      the daily roll-up the dashboards read
    risk.py        communes' and open cases' risk scores
    detection.py   build-ups per commune and domain, and per matter; alerts (once)
    forecasts.py   14-day forecasts and the early warning in event periods
    register.py    the hot-spot register: owner, measures, statuses
    boundaries.py  the communes' GeoJSON as SVG paths
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from tiepdan.monitoring.models import HotSpot
from tiepdan.monitoring.services.boundaries import upload_commune_map
from tiepdan.monitoring.services.common import ROLLUP_RECENT_DAYS, province_code, record_run
from tiepdan.monitoring.services.detection import DetectionResult, alert_recipients, run_detection
from tiepdan.monitoring.services.forecasts import ForecastResult, refresh_forecasts
from tiepdan.monitoring.services.register import HotSpotRefused, add_action, assign_owner, change_status
from tiepdan.monitoring.services.risk import explain, refresh_risks
from tiepdan.monitoring.services.rollup import history_start, refresh_rollup

__all__ = [
    "DetectionResult",
    "ForecastResult",
    "HotSpotRefused",
    "RefreshSummary",
    "add_action",
    "alert_recipients",
    "assign_owner",
    "change_status",
    "explain",
    "history_start",
    "province_code",
    "refresh_forecasts",
    "refresh_monitoring",
    "refresh_recent",
    "refresh_risks",
    "refresh_rollup",
    "replay",
    "run_detection",
    "upload_commune_map",
]


@dataclass
class RefreshSummary:
    rollup_rows: int
    communes: int
    matters: int
    hot_spots: list[HotSpot]
    forecast_rows: int
    forecast_warnings: list[HotSpot]


def refresh_monitoring(
    *, today: date, full: bool = False, notify_users: bool = True, rollup: bool = True
) -> RefreshSummary:
    """The daily run: roll-up (the last 120 days, all with `full`, none with `rollup=False` when the
    caller has just rebuilt it), risks, detection, forecasts."""
    rows = 0
    if rollup:
        first = (history_start() if full else today - timedelta(days=ROLLUP_RECENT_DAYS)) or today
        rows = refresh_rollup(first_day=first, last_day=today)
    communes, matters = refresh_risks(day=today, live=True)
    record_run("risk", as_of=today, rows=communes + matters)
    detection = run_detection(day=today, notify_users=notify_users)
    forecasts = refresh_forecasts(day=today, notify_users=notify_users)
    return RefreshSummary(rows, communes, matters, detection.created, forecasts.rows, forecasts.warnings)


def refresh_recent(*, today: date, days: int = 3) -> int:
    """The hourly run: the roll-up of the last few days, so today's counts show within the hour."""
    return refresh_rollup(first_day=today - timedelta(days=days - 1), last_day=today)


def replay(*, first_day: date, last_day: date, notify_users: bool = True) -> list[HotSpot]:
    """Run detection and forecasts as they would have run on each day of [first_day, last_day] (the
    roll-up must already cover those days). Returns the hot spots raised."""
    raised: list[HotSpot] = []
    day = first_day
    while day <= last_day:
        raised += run_detection(day=day, notify_users=notify_users).created
        raised += refresh_forecasts(day=day, notify_users=notify_users, store=False).warnings
        day += timedelta(days=1)
    return raised
