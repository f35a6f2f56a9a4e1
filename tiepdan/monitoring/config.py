"""The agency's monitoring settings, read at call time (never at import) and checked loudly.

    TIEPDAN_MONITORING = {
        "risk": {"weights": {"people": 25, ...}, "full_at": {"people": 30}, "medium_at": 35, "high_at": 60},
        "spike": {"window_days": 14, "baseline_days": 84, "min_contacts": 5, "min_ratio": 2, "max_p_value": 0.01},
        "forecast": {"half_life_days": 28, "level": 0.8, "warn_ratio": 1.5, ...},
        "over_level_channels": ["transferred", "deputy"],
    }
    TIEPDAN_EVENT_PERIODS = [{"code": "...", "name": "...", "start": "2026-01-04", "end": "2026-03-31",
                              "key_start": "2026-03-15", "key_end": "2026-03-15"}]

Defaults: `monitoring.rules.DEFAULT_RISK`, `DEFAULT_SPIKE`, `monitoring.forecast.DEFAULT_FORECAST`;
event periods from the setting, else from coordination, else `monitoring.events.DEFAULT_EVENT_PERIODS`
(domain.md §10).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from tiepdan.common.choices import Channel
from tiepdan.monitoring.events import DEFAULT_EVENT_PERIODS, EventPeriod, parse_event_periods
from tiepdan.monitoring.forecast import ForecastConfig, forecast_config_from
from tiepdan.monitoring.rules import RiskConfig, SpikeConfig, risk_config_from, spike_config_from

# A letter that a higher body (the province's reception board, a deputy) sends back to the department
# shows the citizen went over its level (vượt cấp). A proxy, named as such on the explanation page.
DEFAULT_OVER_LEVEL_CHANNELS = frozenset({Channel.TRANSFERRED.value, Channel.DEPUTY.value})


def _section(name: str) -> dict:
    value = getattr(settings, "TIEPDAN_MONITORING", {}) or {}
    if not isinstance(value, dict):
        raise ImproperlyConfigured("TIEPDAN_MONITORING must be a dict")
    return value.get(name) or {}


def _checked(builder, name: str):
    try:
        return builder(_section(name))
    except (ValueError, TypeError) as exc:
        raise ImproperlyConfigured(f"TIEPDAN_MONITORING[{name!r}]: {exc}") from exc


def risk_config() -> RiskConfig:
    return _checked(risk_config_from, "risk")


def spike_config() -> SpikeConfig:
    return _checked(spike_config_from, "spike")


def forecast_config() -> ForecastConfig:
    return _checked(forecast_config_from, "forecast")


def over_level_channels() -> frozenset[str]:
    value = getattr(settings, "TIEPDAN_MONITORING", {}) or {}
    channels = value.get("over_level_channels") if isinstance(value, dict) else None
    if channels is None:
        return DEFAULT_OVER_LEVEL_CHANNELS
    unknown = set(channels) - set(Channel.values)
    if unknown:
        raise ImproperlyConfigured(f"TIEPDAN_MONITORING['over_level_channels']: unknown {sorted(unknown)}")
    return frozenset(channels)


def event_periods() -> tuple[EventPeriod, ...]:
    """The setting if given, else the agency's periods in coordination, else domain.md §10's seeds."""
    rows = getattr(settings, "TIEPDAN_EVENT_PERIODS", None)
    if rows is not None:
        try:
            return parse_event_periods(rows)
        except (KeyError, ValueError, TypeError) as exc:
            raise ImproperlyConfigured(f"TIEPDAN_EVENT_PERIODS: {exc}") from exc
    try:
        from tiepdan.coordination.selectors import event_periods_for_monitoring
    except ImportError:  # an installation without coordination
        return DEFAULT_EVENT_PERIODS
    stored = event_periods_for_monitoring()
    return parse_event_periods(stored) if stored else DEFAULT_EVENT_PERIODS


def mass_threshold() -> int:
    return int(getattr(settings, "TIEPDAN_MASS_THRESHOLD", 5))
