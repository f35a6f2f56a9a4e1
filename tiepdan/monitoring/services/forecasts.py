"""Forecasts of every series from the roll-up, and the early warning of a spike in an event period."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from tiepdan.monitoring import config
from tiepdan.monitoring.events import EventPeriod
from tiepdan.monitoring.forecast import event_warning, forecast_series, weekday_profile
from tiepdan.monitoring.models import (
    ActionKind,
    Dimension,
    ForecastRow,
    HotSpot,
    HotSpotAction,
    HotSpotKind,
    SeriesKind,
)
from tiepdan.monitoring.rules import OPEN_STATUSES, HotSpotStatus, Signals, score_risk
from tiepdan.monitoring.services.common import record_run
from tiepdan.monitoring.services.detection import alert
from tiepdan.monitoring.services.risk import days_to_event_on, explain
from tiepdan.monitoring.signals import rollup_series, rollup_unit_of, tallies
from tiepdan.org.models import Domain
from tiepdan.org.selectors import advisory_unit
from tiepdan.people import geo


@dataclass
class ForecastResult:
    rows: int = 0
    warnings: list[HotSpot] = field(default_factory=list)
    notes: int = 0


def _series_title(kind: str, value: str, domains: dict[str, Domain]) -> str:
    if kind == SeriesKind.DOMAIN:
        domain = domains.get(value)
        return _("Lĩnh vực %(name)s") % {"name": domain.name if domain else value}
    if kind == SeriesKind.COMMUNE:
        return geo.commune_name(int(value)) or value
    return _("Toàn cơ quan")


def _warn(kind: str, value: str, warning, *, day: date, title: str, notify_users: bool, result: ForecastResult) -> None:
    event: EventPeriod = warning.event
    key = f"f:{kind}:{value}:{event.code}"
    if HotSpot.objects.filter(key=key).exists():
        return  # one warning per series and event period
    # Already followed as an observed build-up: the forecast is added to that hot spot's history.
    covering = None
    if kind == SeriesKind.COMMUNE:
        covering = HotSpot.objects.filter(commune_code=int(value), status__in=list(OPEN_STATUSES)).first()
    elif kind == SeriesKind.DOMAIN:
        covering = HotSpot.objects.filter(domain_id=int(value), status__in=list(OPEN_STATUSES)).first()
    text = _(
        "Dự báo ngày %(day)s cho %(series)s: khoảng %(expected)s lượt trong %(event)s (%(first)s–%(last)s), "
        "gấp %(ratio)s lần mức thường gặp."
    ) % {
        "day": f"{day:%d/%m/%Y}",
        "series": title,
        "expected": number_format(warning.expected, decimal_pos=1),
        "event": event.name,
        "first": f"{warning.days[0]:%d/%m/%Y}",
        "last": f"{warning.days[-1]:%d/%m/%Y}",
        "ratio": number_format(warning.ratio, decimal_pos=1),
    }
    if covering is not None:
        notes = covering.detail.get("forecast_warnings", [])
        if key in notes:
            return
        HotSpotAction.objects.create(hot_spot=covering, kind=ActionKind.DETECTED, on=day, text=text)
        covering.detail = {**covering.detail, "forecast_warnings": [*notes, key]}
        covering.save(update_fields=["detail", "updated_at"])
        result.notes += 1
        return
    history_first = day - timedelta(days=config.forecast_config().history_days - 1)
    unit_id = rollup_unit_of(history_first, day, kind if kind != SeriesKind.ALL else Dimension.ALL, value)
    if unit_id is None:
        unit = advisory_unit(day)
        unit_id = unit.pk if unit else None
    if unit_id is None:
        return
    if kind == SeriesKind.COMMUNE:
        where = Q(commune_code=int(value))
    elif kind == SeriesKind.DOMAIN:
        where = Q(domain_id=int(value))
    else:
        where = Q()
    risk_window = config.risk_config().window_days
    tally = tallies(day=day, window_days=risk_window, group=(), letters=where, visits=where, cases=where).get(())
    risk = score_risk(tally.signals(days_to_event_on(day)) if tally else Signals(), config.risk_config())
    try:
        with transaction.atomic():
            spot = HotSpot.objects.create(
                kind=HotSpotKind.FORECAST,
                key=key,
                title=_("Dự báo tăng đột biến: %(series)s") % {"series": title},
                commune_code=int(value) if kind == SeriesKind.COMMUNE else None,
                domain_id=int(value) if kind == SeriesKind.DOMAIN else None,
                unit_id=unit_id,
                detected_on=day,
                window_start=warning.days[0],
                window_end=warning.days[-1],
                observed=0,
                expected=round(warning.expected, 3),
                people=tally.people if tally else 0,
                score=risk.score,
                level=risk.level,
                factors=risk.as_dict()["factors"],
                detail=warning.as_dict(),
                event_code=event.code,
                event_name=event.name,
            )
            HotSpotAction.objects.create(
                hot_spot=spot, kind=ActionKind.DETECTED, on=day, to_status=HotSpotStatus.NEW, text=text
            )
    except IntegrityError:
        return
    result.warnings.append(spot)
    alert(spot, explain(risk), notify_users=notify_users)


def refresh_forecasts(*, day: date, notify_users: bool = True, store: bool = True) -> ForecastResult:
    """Forecast every series (the agency, each domain, each commune with any contact in the history)
    from the roll-up; warn when a spike is predicted during an event period. `store` False: only the
    warnings (a replay of past days keeps the latest forecasts as they are)."""
    forecast_config = config.forecast_config()
    periods = config.event_periods()
    first = day - timedelta(days=forecast_config.history_days - 1)
    days = [first + timedelta(days=i) for i in range(forecast_config.history_days)]
    agency = rollup_series(first, day, Dimension.ALL).get("", {})
    pooled = weekday_profile([agency.get(d, 0) for d in days], first)
    domains = {str(d.pk): d for d in Domain.objects.all()}
    rows: list[ForecastRow] = []
    warnings = []
    plan = [(SeriesKind.ALL, {"": agency})]
    plan.append((SeriesKind.DOMAIN, rollup_series(first, day, Dimension.DOMAIN)))
    plan.append((SeriesKind.COMMUNE, rollup_series(first, day, Dimension.COMMUNE)))
    for kind, series in plan:
        for value, by_day in series.items():
            if kind != SeriesKind.ALL and not value:
                continue  # letters without a domain or commune yet
            values = [by_day.get(d, 0) for d in days]
            if not any(values):
                continue
            result = forecast_series(values, day, config=forecast_config, pooled_profile=pooled)
            warning = event_warning(result, periods, config=forecast_config)
            rows.append(
                ForecastRow(
                    kind=kind,
                    key=value,
                    made_on=day,
                    means=[round(m, 3) for m in result.means],
                    daily_low=list(result.daily_low),
                    daily_high=list(result.daily_high),
                    history=values[-28:],
                    total=round(result.total, 3),
                    low=result.low,
                    high=result.high,
                    level=round(result.level, 4),
                    usual=round(result.usual, 4),
                    dispersion=round(result.dispersion, 3),
                    warning=warning.as_dict() if warning else None,
                )
            )
            if warning:
                warnings.append((kind, value, warning))
    if store:
        with transaction.atomic():
            ForecastRow.objects.all().delete()
            ForecastRow.objects.bulk_create(rows, batch_size=1000)
    outcome = ForecastResult(rows=len(rows))
    for kind, value, warning in warnings:
        _warn(
            kind,
            value,
            warning,
            day=day,
            title=_series_title(kind, value, domains),
            notify_users=notify_users,
            result=outcome,
        )
    if store:
        record_run("forecast", as_of=day, rows=len(rows))
    return outcome
