"""Pure forecast: weekday profile, weighted level, negative-binomial interval, early warning, back-test."""

import math
import random
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tiepdan.monitoring import forecast as fc
from tiepdan.monitoring.events import DEFAULT_EVENT_PERIODS, EventPeriod

MONDAY = date(2025, 9, 1)


def _poisson(rng, mean):
    threshold, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= threshold:
            return k
        k += 1


def _working_days(first: date, days: int, rate: float, seed: int = 1) -> list[int]:
    rng = random.Random(seed)
    return [
        _poisson(rng, rate) if (first + timedelta(days=i)).weekday() < 5 else 0 for i in range(days)
    ]


def test_the_weekday_profile_sees_that_nobody_comes_at_the_weekend():
    series = _working_days(MONDAY, 182, 3.0)
    profile = fc.weekday_profile(series, MONDAY)
    assert sum(profile) == pytest.approx(7)
    assert profile[5] == profile[6] == 0
    assert all(1.0 < f < 1.8 for f in profile[:5])  # 7/5 = 1.4 on average


def test_a_steady_series_is_forecast_at_its_rate_with_an_honest_interval():
    series = _working_days(MONDAY, 182, 2.0)
    last = MONDAY + timedelta(days=181)
    result = fc.forecast_series(series, last)
    assert len(result.means) == 14
    assert result.days[0] == last + timedelta(days=1)
    # 10 working days × 2 a day.
    assert result.total == pytest.approx(20, rel=0.2)
    assert result.low < result.total < result.high
    assert result.means[[d.weekday() for d in result.days].index(5)] == 0


def test_an_empty_history_forecasts_zero():
    result = fc.forecast_series([0] * 60, MONDAY)
    assert result.total == 0
    assert (result.low, result.high) == (0, 0)


@given(
    values=st.lists(st.integers(min_value=0, max_value=40), min_size=28, max_size=200),
    weekday=st.integers(min_value=0, max_value=6),
)
@settings(max_examples=60)
def test_any_history_gives_a_finite_forecast_inside_its_interval(values, weekday):
    last = MONDAY + timedelta(days=weekday)
    result = fc.forecast_series(values, last)
    assert all(m >= 0 and math.isfinite(m) for m in result.means)
    assert result.low <= math.floor(result.total) + 1
    assert result.high >= math.floor(result.total)
    assert all(lo <= hi for lo, hi in zip(result.daily_low, result.daily_high, strict=True))


@pytest.mark.parametrize(("mean", "dispersion"), [(3.0, 1.0), (3.0, 2.5), (40.0, 1.0), (40.0, 4.0), (8000, 2.0)])
def test_count_quantiles_cover_the_stated_share(mean, dispersion):
    low, high = fc.count_quantiles(mean, dispersion, [0.1, 0.9])
    assert low <= mean <= high
    wider = fc.count_quantiles(mean, dispersion * 2, [0.1, 0.9])
    assert wider[0] <= low
    assert wider[1] >= high


def test_a_build_up_before_the_election_raises_an_early_warning():
    election = next(p for p in DEFAULT_EVENT_PERIODS if p.code == "bau-cu-2026")
    last = date(2026, 3, 1)
    first = last - timedelta(days=181)
    series = _working_days(first, 182, 0.3)
    for i in range(150, 182):  # the last month: three to four times as many
        day = first + timedelta(days=i)
        series[i] += 1 if day.weekday() < 5 else 0
    result = fc.forecast_series(series, last)
    warning = fc.event_warning(result, [election])
    assert warning is not None
    assert warning.event == election
    assert warning.ratio >= 1.5
    assert warning.days[0] == date(2026, 3, 2)


def test_the_same_build_up_outside_an_event_period_raises_nothing():
    last = date(2026, 6, 1)
    first = last - timedelta(days=181)
    series = _working_days(first, 182, 0.3)
    for i in range(150, 182):
        series[i] += 1
    result = fc.forecast_series(series, last)
    assert fc.event_warning(result, DEFAULT_EVENT_PERIODS) is None


def test_a_steady_series_during_an_event_period_raises_nothing():
    last = date(2026, 3, 1)
    series = _working_days(last - timedelta(days=181), 182, 2.0)
    result = fc.forecast_series(series, last)
    assert fc.event_warning(result, DEFAULT_EVENT_PERIODS) is None


def test_the_back_test_reports_error_coverage_and_the_naive_comparison():
    first = MONDAY
    series = {f"s{i}": _working_days(first, 400, rate, seed=i) for i, rate in enumerate([0.2, 1.0, 4.0])}
    summary = fc.backtest(series, first, origins=range(200, 386, 7))
    assert summary.forecasts == 3 * len(range(200, 386, 7))
    assert 0.7 <= summary.coverage <= 1.0
    assert summary.mase < 1.0  # better than repeating the last 14 days
    assert summary.wape < 0.35


def test_event_periods_are_checked():
    with pytest.raises(ValueError, match="key_start"):
        EventPeriod("x", "x", date(2026, 1, 10), date(2026, 1, 20), date(2026, 1, 5), date(2026, 1, 6))
