"""Expected volume for the next 14 days, with an interval, for small daily counts. Pure: daily series in,
numbers out (dates only to know the weekday; no clock, no ORM). The method is in docs/forecast.md:

1. Weekday profile. Letters and visits come on working days; each weekday gets a factor (mean 1) from
   the series' own history, shrunk towards the profile of all series pooled (`profile_weeks` pseudo
   weeks), so a series of a few letters does not invent a Tuesday effect.
2. Level: an exponentially weighted mean (half-life `half_life_days`) of the counts divided by the
   weekday factors, as the ratio Σ wₜ·yₜ / Σ wₜ·fₜ, so days of zero count as information.
3. Expected count of a future day = level × its weekday factor; the 14-day total is their sum.
4. Interval: the 14-day total is read as negative binomial with that mean and variance φ·mean, where φ
   is the variance-to-mean ratio of the series' past 14-day totals (at least 1: Poisson when there is no
   over-dispersion). The central `level` (80 %) interval is read off its distribution.
5. Early warning: when forecast days fall in an event period and their expected count is at least
   `warn_ratio` times the usual (the plain mean before the last `usual_exclude_days`), with at least
   `warn_min_expected` expected contacts, and the recent weeks' count is itself improbable at the usual
   level (Poisson tail below `warn_max_p_value`), so noise in a small count does not cry wolf.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from tiepdan.monitoring.events import EventPeriod
from tiepdan.monitoring.rules import poisson_upper_tail


@dataclass(frozen=True)
class ForecastConfig:
    horizon: int = 14
    half_life_days: float = 28.0
    history_days: int = 182
    level: float = 0.8
    profile_weeks: float = 8.0
    warn_ratio: float = 2.0
    warn_min_expected: float = 3.0
    # The recent weeks must really be above the usual (Poisson tail), not just noise in a small count.
    warn_max_p_value: float = 0.01
    usual_exclude_days: int = 28

    def __post_init__(self) -> None:
        if self.horizon < 1 or self.history_days < 14 or not 0 < self.level < 1 or self.half_life_days <= 0:
            raise ValueError("invalid forecast settings")


DEFAULT_FORECAST = ForecastConfig()


def forecast_config_from(overrides: Mapping | None, base: ForecastConfig = DEFAULT_FORECAST) -> ForecastConfig:
    return replace(base, **overrides) if overrides else base


@dataclass(frozen=True)
class Forecast:
    days: tuple[date, ...]
    means: tuple[float, ...]
    daily_low: tuple[int, ...]
    daily_high: tuple[int, ...]
    total: float
    low: int
    high: int
    level: float  # the deseasonalised daily level
    usual: float  # the usual daily level (before the recent weeks), for comparison
    dispersion: float  # φ, variance / mean of 14-day totals (1 = Poisson)
    recent: int = 0  # contacts in the last `usual_exclude_days`
    recent_usual: float = 0.0  # what the usual level expects over those days


@dataclass(frozen=True)
class EventWarning:
    event: EventPeriod
    days: tuple[date, ...]
    expected: float
    usual: float
    ratio: float
    high: int
    p_value: float = 1.0  # of the recent weeks' count at the usual level

    def as_dict(self) -> dict:
        return {
            "event": self.event.code,
            "event_name": self.event.name,
            "first_day": self.days[0].isoformat(),
            "last_day": self.days[-1].isoformat(),
            "expected": round(self.expected, 2),
            "usual": round(self.usual, 2),
            "ratio": round(self.ratio, 2),
            "high": self.high,
            "p_value": self.p_value,
        }


# --- pieces -----------------------------------------------------------------------------------


def weekday_profile(series: Sequence[float], first_day: date, prior: Sequence[float] | None = None,
                    prior_weeks: float = 0.0) -> tuple[float, ...]:
    """Seven factors (Monday first) with mean 1: each weekday's mean count over the overall mean.
    With `prior`, `prior_weeks` pseudo weeks at the prior's shape are added to every weekday."""
    counts = [0.0] * 7
    occurrences = [0] * 7
    start = first_day.weekday()
    for i, value in enumerate(series):
        wd = (start + i) % 7
        counts[wd] += value
        occurrences[wd] += 1
    total_days = sum(occurrences)
    overall = (sum(counts) / total_days) if total_days else 0.0
    if prior is None or prior_weeks <= 0:
        if overall == 0:
            return (1.0,) * 7
        means = [counts[wd] / occurrences[wd] if occurrences[wd] else overall for wd in range(7)]
    else:
        base = overall if overall > 0 else 1.0
        means = [
            (counts[wd] + prior_weeks * base * prior[wd]) / (occurrences[wd] + prior_weeks) for wd in range(7)
        ]
    average = sum(means) / 7
    if average == 0:
        return (1.0,) * 7
    return tuple(m / average for m in means)


def ewma_level(series: Sequence[float], factors: Sequence[float], first_day: date, half_life: float) -> float:
    """Σ wₜ·yₜ / Σ wₜ·fₜ with wₜ = ½^(age/half_life): the weighted Poisson estimate of the level."""
    decay = 0.5 ** (1.0 / half_life)
    weight = 1.0
    numerator = denominator = 0.0
    start = first_day.weekday()
    for age, value in enumerate(reversed(series)):
        wd = (start + len(series) - 1 - age) % 7
        numerator += weight * value
        denominator += weight * factors[wd]
        weight *= decay
    return numerator / denominator if denominator else 0.0


def plain_level(series: Sequence[float], factors: Sequence[float], first_day: date) -> float:
    start = first_day.weekday()
    denominator = sum(factors[(start + i) % 7] for i in range(len(series)))
    return sum(series) / denominator if denominator else 0.0


def block_dispersion(series: Sequence[float], block: int) -> float:
    """Variance / mean of the non-overlapping `block`-day totals, newest block last; at least 1."""
    totals = [sum(series[end - block:end]) for end in range(len(series), block - 1, -block)]
    if len(totals) < 3:
        return 1.0
    mean = statistics.fmean(totals)
    if mean <= 0:
        return 1.0
    return max(1.0, statistics.variance(totals) / mean)


def _poisson_quantiles(mean: float, probs: Sequence[float]) -> list[int]:
    return _quantiles_from_pmf(lambda k, prev: math.exp(-mean) if k == 0 else prev * mean / k, probs)


def _nb_quantiles(mean: float, variance: float, probs: Sequence[float]) -> list[int]:
    p = mean / variance  # success probability
    r = mean * mean / (variance - mean)  # size
    log_p0 = r * math.log(p)
    return _quantiles_from_pmf(
        lambda k, prev: math.exp(log_p0) if k == 0 else prev * (k - 1 + r) / k * (1 - p), probs
    )


def _quantiles_from_pmf(pmf, probs: Sequence[float]) -> list[int]:
    wanted = sorted(probs)
    found: dict[float, int] = {}
    cumulative = 0.0
    k = 0
    prev = 0.0
    # Beyond 10⁶ steps the remaining mass is negligible for any count a department sees.
    while len(found) < len(wanted) and k < 1_000_000:
        prev = pmf(k, prev)
        cumulative += prev
        for q in wanted:
            if q not in found and cumulative >= q - 1e-12:
                found[q] = k
        k += 1
    return [found.get(q, k) for q in probs]


def count_quantiles(mean: float, dispersion: float, probs: Sequence[float]) -> list[int]:
    """Quantiles of a count with this mean and variance = dispersion × mean (Poisson when ≤ 1)."""
    if mean <= 0:
        return [0 for _ in probs]
    if mean > 5000:
        # Normal approximation where the sums would be long (a whole province's daily letters).
        sd = math.sqrt(mean * max(dispersion, 1.0))
        return [max(0, round(mean + sd * statistics.NormalDist().inv_cdf(q))) for q in probs]
    if dispersion <= 1.0 + 1e-9:
        return _poisson_quantiles(mean, probs)
    return _nb_quantiles(mean, mean * dispersion, probs)


# --- the forecast -------------------------------------------------------------------------------


def forecast_series(
    series: Sequence[float],
    last_day: date,
    *,
    config: ForecastConfig = DEFAULT_FORECAST,
    pooled_profile: Sequence[float] | None = None,
) -> Forecast:
    """The next `config.horizon` days after `last_day`, from `series` (daily counts ending on
    `last_day`, oldest first; only the last `history_days` are used)."""
    history = list(series[-config.history_days:])
    first_day = last_day - timedelta(days=len(history) - 1)
    if pooled_profile is None:
        factors = weekday_profile(history, first_day)
    else:
        factors = weekday_profile(history, first_day, prior=pooled_profile, prior_weeks=config.profile_weeks)
    level = ewma_level(history, factors, first_day, config.half_life_days) if history else 0.0
    cut = max(len(history) - config.usual_exclude_days, min(len(history), 28))
    usual = plain_level(history[:cut], factors, first_day) if history else 0.0
    recent_first = first_day + timedelta(days=cut)
    recent = history[cut:]
    recent_usual = usual * sum(factors[(recent_first + timedelta(days=i)).weekday()] for i in range(len(recent)))
    days = tuple(last_day + timedelta(days=i) for i in range(1, config.horizon + 1))
    means = tuple(level * factors[d.weekday()] for d in days)
    total = sum(means)
    dispersion = block_dispersion(history, config.horizon)
    tail = (1 - config.level) / 2
    low, high = count_quantiles(total, dispersion, [tail, 1 - tail])
    daily = [count_quantiles(m, dispersion, [tail, 1 - tail]) for m in means]
    return Forecast(
        days=days,
        means=means,
        daily_low=tuple(d[0] for d in daily),
        daily_high=tuple(d[1] for d in daily),
        total=total,
        low=low,
        high=high,
        level=level,
        usual=usual,
        dispersion=dispersion,
        recent=int(sum(recent)),
        recent_usual=recent_usual,
    )


def event_warning(
    forecast: Forecast, periods: Sequence[EventPeriod], *, config: ForecastConfig = DEFAULT_FORECAST
) -> EventWarning | None:
    """A predicted spike during an event period: the forecast days inside a period expect at least
    `warn_ratio` × the usual count (and at least `warn_min_expected`). The first such period wins."""
    for period in sorted(periods, key=lambda p: p.start):
        inside = [i for i, d in enumerate(forecast.days) if period.contains(d)]
        if not inside:
            continue
        expected = sum(forecast.means[i] for i in inside)
        # The usual count over the same days: usual level × the days' weekday factors (from the means).
        scale = forecast.usual / forecast.level if forecast.level else 0.0
        usual = expected * scale if forecast.level else forecast.usual * len(inside)
        ratio = expected / max(usual, 0.5)
        evidence = poisson_upper_tail(forecast.recent, max(forecast.recent_usual, 0.5))
        if expected >= config.warn_min_expected and ratio >= config.warn_ratio and evidence <= config.warn_max_p_value:
            tail = (1 - config.level) / 2
            high = count_quantiles(expected, forecast.dispersion, [1 - tail])[0]
            return EventWarning(
                event=period,
                days=tuple(forecast.days[i] for i in inside),
                expected=expected,
                usual=usual,
                ratio=ratio,
                high=high,
                p_value=evidence,
            )
    return None


# --- back-test ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BacktestSummary:
    series: int
    forecasts: int
    mean_actual: float
    mae: float
    rmse: float
    wape: float  # Σ|error| / Σ actual
    bias: float  # mean (forecast − actual)
    naive_mae: float  # the seasonal-naive forecast: the last 14 days again
    mase: float  # mae / naive_mae (< 1: better than naive)
    coverage: float  # share of actual totals inside the interval
    mean_width: float


def pooled_profile_for(series_by_key: Mapping[str, Sequence[float]], first_day: date, end: int,
                       history_days: int) -> tuple[float, ...]:
    """The weekday profile of all series together over the `history_days` before index `end`."""
    start = max(0, end - history_days)
    length = end - start
    pooled = [0.0] * length
    for values in series_by_key.values():
        for i in range(length):
            pooled[i] += values[start + i]
    return weekday_profile(pooled, first_day + timedelta(days=start))


def backtest(
    series_by_key: Mapping[str, Sequence[float]],
    first_day: date,
    *,
    origins: Sequence[int],
    config: ForecastConfig = DEFAULT_FORECAST,
) -> BacktestSummary:
    """Rolling-origin back-test: at each origin (an index into the series, the first forecast day),
    forecast the next `horizon` days' total from the days before it and compare with what came."""
    errors: list[float] = []
    naive_errors: list[float] = []
    actuals: list[float] = []
    covered = 0
    widths: list[int] = []
    for origin in origins:
        profile = pooled_profile_for(series_by_key, first_day, origin, config.history_days)
        for values in series_by_key.values():
            if origin < config.horizon or origin + config.horizon > len(values):
                continue
            history = values[max(0, origin - config.history_days):origin]
            result = forecast_series(
                history, first_day + timedelta(days=origin - 1), config=config, pooled_profile=profile
            )
            actual = sum(values[origin:origin + config.horizon])
            naive = sum(values[origin - config.horizon:origin])
            errors.append(result.total - actual)
            naive_errors.append(naive - actual)
            actuals.append(actual)
            covered += result.low <= actual <= result.high
            widths.append(result.high - result.low)
    n = len(errors)
    if n == 0:
        return BacktestSummary(len(series_by_key), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    mae = statistics.fmean(abs(e) for e in errors)
    naive_mae = statistics.fmean(abs(e) for e in naive_errors)
    total_actual = sum(actuals)
    return BacktestSummary(
        series=len(series_by_key),
        forecasts=n,
        mean_actual=statistics.fmean(actuals),
        mae=mae,
        rmse=math.sqrt(statistics.fmean(e * e for e in errors)),
        wape=(sum(abs(e) for e in errors) / total_actual) if total_actual else 0.0,
        bias=statistics.fmean(errors),
        naive_mae=naive_mae,
        mase=(mae / naive_mae) if naive_mae else 0.0,
        coverage=covered / n,
        mean_width=statistics.fmean(widths),
    )
